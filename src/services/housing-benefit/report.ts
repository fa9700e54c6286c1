import { DAY } from '../../engine/calendar';
import { ABANDONED, NIL_QUALIFIED } from './claimTable';
import { ABANDONED as GAVE_UP, MET } from './needTable';
import { dashboardOf, type Dashboard, type Inspection } from './inspection';
import type { OfferRecord } from './offers';
import { levelHash, MODEL_VERSION } from '../../engine/version';
import { CHANNELS, REASONS } from './contactLog';
import type { Simulation } from './simulation';
import { type StaffTime, WORK_KINDS, type WorkKind } from './staffTime';
import { CONTACT_CAUSES, type ContactCause, type ContactReason, FAILURE_REASONS, isFailureDemand, type Regime, VALUE_REASONS } from './types';

/** The true measures of one flow of needs (the cohort's), computed as the report's overall figures. */
export interface FlowMeasures {
  arrived: number;
  met: number;
  open: number;
  abandoned: number;
  endToEndMean: number | null;
  endToEndP95: number | null;
  /** Every citizen of the flow, helped or not: days without help (as the report's waitingDays.withoutHelpMean). */
  withoutHelpMean: number | null;
  failureDemandShare: number | null;
  contactsPerNeed: number | null;
  oneStopShare: number | null;
}

/** Everything a run measured: the official view and the citizens' view, side by side. */
export interface Report {
  service: 'housing-benefit';
  /** The model that made this report, and the level it ran on: a replay under another says so. */
  model: { version: string; levelHash: string };
  level: string;
  regime: Regime;
  /** The regime the run started in, when the player moved to another mid-run. */
  startRegime: Regime;
  seed: number;
  days: number;
  /** The citizens whose first contact fell in the run (day 0 on): the cohort every true measure follows. */
  needs: { arrived: number; met: number; open: number; abandoned: number; harmed: number; inherited: number };
  /**
   * Claims opened from day 0, by their state now (inherited citizens' new claims too); cohort:
   * the claims of the cohort's own needs, so that shares of claims are shares of the cohort's.
   */
  claims: {
    opened: number;
    decided: number;
    nilQualified: number;
    abandoned: number;
    open: number;
    cohort: { opened: number; nilQualified: number };
  };
  /** Needs met: first contact to need met, in days. */
  endToEndDays: { mean: number | null; p50: number | null; p95: number | null; max: number | null };
  /**
   * Over every citizen of the cohort, helped or not: days from first contact to help, to giving
   * up, or to the end of the run for those still waiting. withoutHelpMean: the same, except that
   * giving up does not end it (days without help, to the end of the run): it cannot fall because
   * people stop asking.
   */
  waitingDays: { mean: number | null; p95: number | null; withoutHelpMean: number | null };
  /** Who bears the waiting: the cohort's straightforward and complicated claims apart. */
  byComplexity: { easy: ComplexityMeasures; hard: ComplexityMeasures };
  /**
   * Of the cohort's citizens who got in touch at least 28 (56, 91) days before the end, the share
   * helped within 28 (56, 91) days: it counts everyone, so it cannot improve as the service fails.
   */
  helpedWithin: { d28: number | null; d56: number | null; d91: number | null };
  /** What the regime's official dashboard reports. */
  reportedDays: { mean: number | null };
  dashboard: Dashboard;
  /** Contacts made by the cohort (officeTotal: by anyone, inherited citizens too). */
  contacts: {
    total: number;
    officeTotal: number;
    value: number;
    failure: number;
    byReason: Record<ContactReason, number>;
    byChannel: { phone: number; visit: number; letter: number };
    /** What brought them about (see ContactCause). */
    byCause: Record<ContactCause, number>;
    /** Calls and visits whose citizen gave up waiting before anyone answered (included in total). */
    unanswered: number;
  };
  failureDemandShare: number | null;
  /** Needs met with a single contact, as a share of needs met. */
  oneStopShare: number | null;
  contactsPerNeed: number | null;
  cost: {
    total: number;
    perNeedMet: number | null;
    staff: number;
    outsourcing: number;
    post: number;
    itLicence: number;
  };
  wip: { meanNeedsOpen: number };
  /** Cohort needs met per day; office: every need met from day 0 (inherited ones too), per day. */
  throughput: { needsMetPerDay: number; officeNeedsMetPerDay: number };
  queues: Record<string, { label: string; staff: number; meanWaitMinutes: number | null; utilisation: number | null }>;
  /**
   * Where staff time went, in hours from day 0: value work, failure work (handling failure demand
   * and the rework it brings), idle (paid, no work) and overtime (work past paid hours); by role,
   * by kind of work and week by week. failureShare: failure work over all work done. An
   * outsourced call centre's hours are the provider's agents' (paid per call, not by the hour).
   */
  staffTime: {
    total: TimeSplit;
    failureShare: number | null;
    byRole: Record<string, TimeSplit & { label: string; byWork: Record<WorkKind, { value: number; failure: number }>; weeks: WeeklyTime }>;
  };
  inspections: Inspection[];
  /** Gaming moves offered during the run (raised or answered), and the answers. */
  offers: OfferRecord[];
  events: number;
  /**
   * A pilot of the redesign beside the main flow, each on the cohort's needs: main + pilot add up
   * to needs. Null when no need ever joined a pilot.
   */
  flows: { main: FlowMeasures; pilot: FlowMeasures } | null;
}

/** The true measures of the cohort's easy or hard needs. */
export interface ComplexityMeasures {
  arrived: number;
  met: number;
  harmed: number;
  waitingDaysMean: number | null;
}

/** Hours of paid time and of work: value, failure, idle, overtime. */
export interface TimeSplit {
  paid: number;
  value: number;
  failure: number;
  idle: number;
  overtime: number;
}

/** Week by week from day 0 (index = week), in hours. */
export interface WeeklyTime {
  paid: number[];
  value: number[];
  failure: number[];
}

const hours = (minutes: number) => round(minutes / 60, 1)!;

/** Minutes of paid time and of work, before rounding: one team's, or summed over teams. */
class TimeSums {
  paid = 0;
  value = 0;
  failure = 0;
  idle = 0;
  overtime = 0;

  add(paid: number, value: number, failure: number): void {
    this.paid += paid;
    this.value += value;
    this.failure += failure;
    // Each team's idle time and overtime are its own: one team's overtime does not fill another's idle hours.
    this.idle += Math.max(0, paid - value - failure);
    this.overtime += Math.max(0, value + failure - paid);
  }

  hours(): TimeSplit {
    return { paid: hours(this.paid), value: hours(this.value), failure: hours(this.failure), idle: hours(this.idle), overtime: hours(this.overtime) };
  }
}

/** A team's time, from its accounts; its sums are added to the office's. */
function timeOf(label: string, paid: number, t: StaffTime, office: TimeSums): Report['staffTime']['byRole'][string] {
  const own = new TimeSums();
  let value = 0;
  let failure = 0;
  const byWork = {} as Record<WorkKind, { value: number; failure: number }>;
  WORK_KINDS.forEach((kind, i) => {
    value += t.byWork[2 * i]!;
    failure += t.byWork[2 * i + 1]!;
    byWork[kind] = { value: hours(t.byWork[2 * i]!), failure: hours(t.byWork[2 * i + 1]!) };
  });
  own.add(paid, value, failure);
  office.add(paid, value, failure);
  return {
    label,
    ...own.hours(),
    byWork,
    weeks: { paid: t.weekPaid.map(hours), value: t.weekValue.map(hours), failure: t.weekFailure.map(hours) },
  };
}

function complexity(k: { arrived: number; met: number; harmed: number; wait: number }): ComplexityMeasures {
  return { arrived: k.arrived, met: k.met, harmed: k.harmed, waitingDaysMean: round(k.arrived > 0 ? k.wait / k.arrived : null) };
}

/** For sort: numbers in ascending order. */
function ascending(a: number, b: number): number {
  return a - b;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function round(x: number | null, places = 4): number | null {
  if (x === null || !Number.isFinite(x)) return x === null ? null : x;
  let f = 1;
  for (let i = 0; i < places; i++) f *= 10;
  return Math.round(x * f) / f;
}

/** Running counts for one flow's measures. */
class FlowTally {
  met = 0;
  open = 0;
  abandoned = 0;
  oneStop = 0;
  readonly e2e: number[] = [];
  waited = 0;
  contacts = 0;
  failure = 0;

  measures(): FlowMeasures {
    const e2e = this.e2e.sort((a, b) => a - b);
    const arrived = this.met + this.open + this.abandoned;
    return {
      arrived,
      met: this.met,
      open: this.open,
      abandoned: this.abandoned,
      endToEndMean: round(e2e.length > 0 ? e2e.reduce((a, b) => a + b, 0) / e2e.length : null),
      endToEndP95: round(percentile(e2e, 95)),
      withoutHelpMean: round(arrived > 0 ? this.waited / arrived : null),
      failureDemandShare: round(this.contacts > 0 ? this.failure / this.contacts : null),
      contactsPerNeed: round(arrived > 0 ? this.contacts / arrived : null),
      oneStopShare: round(this.met > 0 ? this.oneStop / this.met : null),
    };
  }
}

/** The main flow's and the pilot's measures, side by side (null: no need ever joined a pilot). */
function flowsOf(sim: Simulation): Report['flows'] {
  if (sim.pilotNeeds === 0) return null;
  const main = new FlowTally();
  const pilot = new FlowTally();
  const needs = sim.needs;
  for (let id = 1; id <= needs.count; id++) {
    const arrivedAt = needs.arrivedAt[id]!;
    if (arrivedAt < 0) continue;
    const f = needs.pilot[id] === 1 ? pilot : main;
    const outcome = needs.outcome[id];
    f.waited += ((outcome === MET ? needs.closedAt[id]! : sim.now) - arrivedAt) / DAY;
    if (outcome === MET) {
      f.met++;
      f.e2e.push((needs.closedAt[id]! - arrivedAt) / DAY);
      if (needs.contacts[id] === 1) f.oneStop++;
    } else if (outcome === GAVE_UP) f.abandoned++;
    else f.open++;
  }
  const log = sim.contactLog;
  for (let i = sim.firstMeasuredContact; i < log.count; i++) {
    const id = log.need(i);
    if (needs.arrivedAt[id]! < 0) continue;
    const f = needs.pilot[id] === 1 ? pilot : main;
    f.contacts++;
    if (isFailureDemand(log.reason(i))) f.failure++;
  }
  return { main: main.measures(), pilot: pilot.measures() };
}

/** The report of a run at its current time. Numbers are rounded so JSON stays readable and stable. */
export function buildReport(sim: Simulation, startRegime: Regime): Report {
  const accounts = sim.accountsNow();
  const level = sim.level;
  const now = sim.now;
  const harmAfter = level.demand.harmAfterDays;

  let met = 0;
  let open = 0;
  let abandoned = 0;
  let harmed = 0;
  let oneStop = 0;
  let inherited = 0;
  let inheritedMet = 0;
  let openMinutes = 0;
  const e2e: number[] = [];
  const waits: number[] = [];
  let withoutHelp = 0;
  // By complexity: 0 easy, 1 hard.
  const kinds = [0, 1].map(() => ({ arrived: 0, met: 0, harmed: 0, wait: 0 }));
  const WITHIN = [28, 56, 91];
  const within = WITHIN.map(() => ({ eligible: 0, helped: 0 }));
  const needs = sim.needs;
  for (let id = 1; id <= needs.count; id++) {
    const arrivedAt = needs.arrivedAt[id]!;
    const closedAt = needs.closedAt[id]!;
    if (arrivedAt < 0) {
      if (closedAt >= 0) {
        inherited++;
        if (needs.outcome[id] === MET) inheritedMet++;
      }
      continue;
    }
    openMinutes += Math.min(closedAt, now) - arrivedAt;
    const outcome = needs.outcome[id];
    if (outcome === MET) {
      met++;
      e2e.push((closedAt - arrivedAt) / DAY);
      if (needs.contacts[id] === 1) oneStop++;
    } else if (outcome === GAVE_UP) abandoned++;
    else open++;
    const waited = (Math.min(closedAt, now) - arrivedAt) / DAY;
    // Harm is rent unpaid past the threshold: giving up never ends it.
    const unpaid = outcome === MET ? waited : (now - arrivedAt) / DAY;
    withoutHelp += unpaid;
    const harm = harmAfter !== null && unpaid > harmAfter;
    if (harm) harmed++;
    waits.push(waited);
    const kind = kinds[needs.hard[id]!]!;
    kind.arrived++;
    kind.wait += waited;
    if (outcome === MET) kind.met++;
    if (harm) kind.harmed++;
    for (let k = 0; k < WITHIN.length; k++) {
      const days = WITHIN[k]!;
      if (arrivedAt > now - days * DAY) continue;
      within[k]!.eligible++;
      if (outcome === MET && closedAt - arrivedAt <= days * DAY) within[k]!.helped++;
    }
  }
  const waitTotal = waits.reduce((a, b) => a + b, 0);
  waits.sort(ascending);
  const shareHelped = (k: number) => round(within[k]!.eligible > 0 ? within[k]!.helped / within[k]!.eligible : null);
  e2e.sort(ascending);
  const e2eMean = e2e.length > 0 ? e2e.reduce((a, b) => a + b, 0) / e2e.length : null;

  let decided = 0;
  let nil = 0;
  let claimsAbandoned = 0;
  let claimsOpen = 0;
  let cohortClaims = 0;
  let cohortNil = 0;
  const claims = sim.claims;
  for (let id = sim.firstMeasuredClaim + 1; id <= claims.count; id++) {
    const status = claims.status[id];
    if (needs.arrivedAt[claims.needOf[id]!]! >= 0) {
      cohortClaims++;
      if (status === NIL_QUALIFIED) cohortNil++;
    }
    if (status === NIL_QUALIFIED) nil++;
    else if (status === ABANDONED) claimsAbandoned++;
    else if (claims.decidedAt[id]! < Infinity) decided++;
    else claimsOpen++;
  }

  const byReason = Object.fromEntries([...VALUE_REASONS, ...FAILURE_REASONS].map((r) => [r, 0])) as Record<ContactReason, number>;
  const byChannel = { phone: 0, visit: 0, letter: 0 };
  let failure = 0;
  let total = 0;
  // Read from the sim's contact columns: building every contact as an object costs more than the rest of the report.
  const log = sim.contactLog;
  const officeTotal = log.count - sim.firstMeasuredContact;
  // Counted by channel and reason together (as indices: cheaper than by name), then named.
  const R = REASONS.length;
  const byCode = new Int32Array(CHANNELS.length * R);
  const byCause = Object.fromEntries(CONTACT_CAUSES.map((c) => [c, 0])) as Record<ContactCause, number>;
  let unanswered = 0;
  for (let i = sim.firstMeasuredContact; i < log.count; i++) {
    if (needs.arrivedAt[log.need(i)]! < 0) continue;
    byCode[log.channelIndex(i) * R + log.reasonIndex(i)]!++;
    byCause[log.cause(i)]++;
    if (log.hungUp(i)) unanswered++;
  }
  for (let code = 0; code < byCode.length; code++) {
    const n = byCode[code]!;
    if (n === 0) continue;
    const reason = REASONS[code % R]!;
    total += n;
    byReason[reason] += n;
    byChannel[CHANNELS[Math.floor(code / R)]!] += n;
    if (isFailureDemand(reason)) failure += n;
  }

  const post = sim.lettersSent * level.costs.letter;
  const outsourcing = sim.outsourcedCalls * level.costs.outsourcedFeePerCall;
  const itLicence = (accounts.itLicenceMinutes / DAY) * level.costs.itLicencePerDay;
  const costTotal = accounts.staffCost + post + outsourcing + itLicence;

  const queues: Report['queues'] = {};
  for (const role of sim.roles) {
    const a = accounts.roles.get(role)!;
    queues[role.id] = {
      label: role.label,
      staff: role.staff,
      meanWaitMinutes: round(role.started > 0 ? role.waitTotal / role.started : null, 2),
      utilisation: round(a.staffedMinutes > 0 ? a.busyMinutes / a.staffedMinutes : null, 4),
    };
  }

  const byRole: Report['staffTime']['byRole'] = {};
  const office = new TimeSums();
  for (const role of sim.roles) {
    const a = accounts.roles.get(role)!;
    byRole[role.id] = timeOf(role.label, a.staffedMinutes, a.time, office);
  }
  const work = office.value + office.failure;
  const staffTime = { total: office.hours(), failureShare: round(work > 0 ? office.failure / work : null), byRole };

  const dashboard = dashboardOf(sim.tally);
  const days = now / DAY;
  return {
    service: 'housing-benefit',
    model: { version: MODEL_VERSION, levelHash: levelHash(level) },
    level: level.id,
    regime: sim.regime,
    startRegime,
    seed: sim.seed,
    days: round(days, 4)!,
    needs: { arrived: met + open + abandoned, met, open, abandoned, harmed, inherited },
    claims: {
      opened: claims.count - sim.firstMeasuredClaim,
      decided,
      nilQualified: nil,
      abandoned: claimsAbandoned,
      open: claimsOpen,
      cohort: { opened: cohortClaims, nilQualified: cohortNil },
    },
    endToEndDays: {
      mean: round(e2eMean),
      p50: round(percentile(e2e, 50)),
      p95: round(percentile(e2e, 95)),
      max: round(e2e.length > 0 ? e2e[e2e.length - 1]! : null),
    },
    waitingDays: {
      mean: round(waits.length > 0 ? waitTotal / waits.length : null),
      p95: round(percentile(waits, 95)),
      withoutHelpMean: round(waits.length > 0 ? withoutHelp / waits.length : null),
    },
    byComplexity: { easy: complexity(kinds[0]!), hard: complexity(kinds[1]!) },
    helpedWithin: { d28: shareHelped(0), d56: shareHelped(1), d91: shareHelped(2) },
    reportedDays: { mean: round(dashboard.processingDays) },
    dashboard: {
      processingDays: round(dashboard.processingDays),
      callsAnsweredIn20s: round(dashboard.callsAnsweredIn20s),
      visitorsSeenIn15m: round(dashboard.visitorsSeenIn15m),
    },
    contacts: { total, officeTotal, value: total - failure, failure, byReason, byChannel, byCause, unanswered },
    failureDemandShare: round(total > 0 ? failure / total : null),
    oneStopShare: round(met > 0 ? oneStop / met : null),
    contactsPerNeed: round(met + open + abandoned > 0 ? total / (met + open + abandoned) : null),
    cost: {
      total: round(costTotal, 2)!,
      perNeedMet: round(met > 0 ? costTotal / met : null, 2),
      staff: round(accounts.staffCost, 2)!,
      outsourcing: round(outsourcing, 2)!,
      post: round(post, 2)!,
      itLicence: round(itLicence, 2)!,
    },
    wip: { meanNeedsOpen: round(now > 0 ? openMinutes / now : 0)! },
    throughput: {
      needsMetPerDay: round(days > 0 ? met / days : 0)!,
      officeNeedsMetPerDay: round(days > 0 ? (met + inheritedMet) / days : 0)!,
    },
    queues,
    staffTime,
    inspections: sim.inspections.map((i) => ({
      ...i,
      day: round(i.day, 2)!,
      budget: round(i.budget, 2),
      budgetChange: round(i.budgetChange, 2)!,
      dashboard: {
        processingDays: round(i.dashboard.processingDays),
        callsAnsweredIn20s: round(i.dashboard.callsAnsweredIn20s),
        visitorsSeenIn15m: round(i.dashboard.visitorsSeenIn15m),
      },
    })),
    offers: sim.offers.list().map((o) => ({ ...o, raisedDay: round(o.raisedDay, 2), answeredDay: round(o.answeredDay, 2) })),
    events: sim.eventsProcessed,
    flows: flowsOf(sim),
  };
}
