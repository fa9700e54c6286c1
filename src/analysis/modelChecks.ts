// The checks a sceptical trainer runs on the model, as functions: the default calibration, the
// price of each gaming move, a steady office over years, and throughput as demand outgrows
// capacity. The tests assert them; scripts/model-tables.ts prints them for docs/model.md.
import { type Design, type Level, type Regime, runTooBig } from '../levels/schema';
import { DAY } from '../engine/calendar';
import { modelOf, runSim, simulate } from '../services/housing-benefit/run';
import type { Action, ActionInput } from '../services/housing-benefit/types';
import type { Report } from '../services/housing-benefit/report';

/** A figure read from a report, and which way is better for citizens (or for the dashboard). */
export interface Measure {
  label: string;
  of: (r: Report) => number | null;
  better: 'higher' | 'lower';
}

const hours = (r: Report, kind: 'message') => Object.values(r.staffTime.byRole).reduce((sum, t) => sum + t.byWork[kind].value + t.byWork[kind].failure, 0);

/** What the regime's dashboard shows. */
export const OFFICIAL: Record<'reportedDays' | 'callsAnsweredIn20s' | 'visitorsSeenIn15m', Measure> = {
  reportedDays: { label: 'reported days to process', of: (r) => r.reportedDays.mean, better: 'lower' },
  callsAnsweredIn20s: { label: 'calls answered in 20 s', of: (r) => r.dashboard.callsAnsweredIn20s, better: 'higher' },
  visitorsSeenIn15m: { label: 'visitors seen in 15 min', of: (r) => r.dashboard.visitorsSeenIn15m, better: 'higher' },
};

/** What citizens live and what it costs: over every citizen of the cohort where it can be. */
export const TRUE_MEASURES = {
  endToEndMean: { label: 'end-to-end days (needs met)', of: (r) => r.endToEndDays.mean, better: 'lower' },
  waitingDaysMean: { label: 'days waiting (every citizen)', of: (r) => r.waitingDays.mean, better: 'lower' },
  withoutHelpMean: { label: 'days without help (every citizen)', of: (r) => r.waitingDays.withoutHelpMean, better: 'lower' },
  helpedWithin28: { label: 'helped within 28 days', of: (r) => r.helpedWithin.d28, better: 'higher' },
  helpedWithin56: { label: 'helped within 56 days', of: (r) => r.helpedWithin.d56, better: 'higher' },
  helpedWithin91: { label: 'helped within 91 days', of: (r) => r.helpedWithin.d91, better: 'higher' },
  contactsPerNeed: { label: 'contacts per need', of: (r) => r.contactsPerNeed, better: 'lower' },
  failureDemandShare: { label: 'failure demand share', of: (r) => r.failureDemandShare, better: 'lower' },
  resentEvidencePerNeed: {
    label: 'evidence sent again, per need',
    of: (r) => (r.needs.arrived > 0 ? r.contacts.byReason['resend-evidence'] / r.needs.arrived : null),
    better: 'lower',
  },
  costPerNeedMet: { label: 'cost per need met (£)', of: (r) => r.cost.perNeedMet, better: 'lower' },
  harmed: { label: 'citizens harmed', of: (r) => r.needs.harmed, better: 'lower' },
  gaveUp: { label: 'citizens who gave up', of: (r) => r.needs.abandoned, better: 'lower' },
  hardWaitingDays: { label: 'days waiting, complicated claims', of: (r) => r.byComplexity.hard.waitingDaysMean, better: 'lower' },
  hardHarmed: { label: 'complicated claims harmed', of: (r) => r.byComplexity.hard.harmed, better: 'lower' },
  messageHours: { label: 'hours on messages passed on', of: (r) => hours(r, 'message'), better: 'lower' },
} satisfies Record<string, Measure>;

export type TrueMeasureId = keyof typeof TRUE_MEASURES;

/** The deliverology design without any gaming: the starting point each move is taken from. */
export const HONEST_DESIGN: Partial<Design> = {
  nilQualifyDays: null,
  clockStart: 'received',
  cherryPick: false,
  formHandOut: false,
  outsourcedCallCentre: false,
};

export interface GamingMove {
  id: string;
  label: string;
  design: Partial<Design>;
  /** The official measure the move flatters. */
  games: keyof typeof OFFICIAL;
  /** The true measures the sources say it makes worse (empty: it changes nothing citizens live). */
  costs: TrueMeasureId[];
}

export const GAMING_MOVES: readonly GamingMove[] = [
  {
    id: 'nil-qualify',
    label: 'Close incomplete claims after 28 days',
    design: { nilQualifyDays: 28 },
    games: 'reportedDays',
    costs: ['contactsPerNeed', 'costPerNeedMet', 'helpedWithin56'],
  },
  { id: 'clock', label: 'Start the clock at a complete claim', design: { clockStart: 'complete' }, games: 'reportedDays', costs: [] },
  {
    id: 'cherry-pick',
    label: 'Easy claims first',
    design: { cherryPick: true },
    games: 'reportedDays',
    costs: ['hardWaitingDays', 'hardHarmed'],
  },
  {
    id: 'form',
    label: 'Hand visitors a form',
    design: { formHandOut: true },
    games: 'visitorsSeenIn15m',
    costs: ['resentEvidencePerNeed', 'contactsPerNeed', 'endToEndMean'],
  },
  {
    id: 'outsource',
    label: 'Outsource the call centre, paid per call',
    design: { outsourcedCallCentre: true },
    games: 'callsAnsweredIn20s',
    costs: ['costPerNeedMet', 'messageHours'],
  },
];

/** A copy of the level whose deliverology design has these changes (values already valid). */
export function withDeliverology(level: Level, design: Partial<Design>, staff: Record<string, number> = {}): Level {
  const copy = structuredClone(level);
  Object.assign(copy.regimes.deliverology.design, design);
  Object.assign(copy.regimes.deliverology.staff, staff);
  return copy;
}

/** How a measure moved over seeds: the means, and on how many seeds it got better or worse. */
export interface Movement {
  base: number;
  moved: number;
  better: number;
  worse: number;
  same: number;
}

function movement(m: Measure, base: readonly Report[], moved: readonly Report[]): Movement {
  let better = 0;
  let worse = 0;
  let same = 0;
  let sumBase = 0;
  let sumMoved = 0;
  base.forEach((b, i) => {
    const x = m.of(b) ?? Number.NaN;
    const y = m.of(moved[i]!) ?? Number.NaN;
    sumBase += x;
    sumMoved += y;
    // A figure neither run has (NaN in both) has not moved.
    if (x === y || (x !== x && y !== y)) same++;
    else if (m.better === 'lower' ? y < x : y > x) better++;
    else worse++;
  });
  return { base: sumBase / base.length, moved: sumMoved / base.length, better, worse, same };
}

/** True when the mean moved the bad way for citizens (or the good way for the dashboard). */
export function meanWorse(m: Measure, v: Movement): boolean {
  return m.better === 'lower' ? v.moved > v.base : v.moved < v.base;
}

export interface GamingRow {
  move: GamingMove;
  official: Movement;
  truths: Record<TrueMeasureId, Movement>;
}

/** Each gaming move taken alone from the honest design, over the same seeds (so the same citizens). */
export function gamingTable(level: Level, seeds: readonly number[], days: number): { honest: Report[]; rows: GamingRow[] } {
  const honestLevel = withDeliverology(level, HONEST_DESIGN);
  const honest = seeds.map((s) => simulate(honestLevel, s, 'deliverology', days));
  const rows = GAMING_MOVES.map((move) => {
    const moved = seeds.map((s) => simulate(withDeliverology(level, { ...HONEST_DESIGN, ...move.design }), s, 'deliverology', days));
    const truths = Object.fromEntries((Object.keys(TRUE_MEASURES) as TrueMeasureId[]).map((id) => [id, movement(TRUE_MEASURES[id], honest, moved)])) as Record<
      TrueMeasureId,
      Movement
    >;
    return { move, official: movement(OFFICIAL[move.games], honest, moved), truths };
  });
  return { honest, rows };
}

/** A figure's mean, spread and range over seeds. */
export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

/** The default levels' figures over seeds, for DESIGN section 4's table. */
export const CALIBRATION = {
  reportedDays: (r: Report) => r.reportedDays.mean ?? Number.NaN,
  endToEndMean: (r: Report) => r.endToEndDays.mean ?? Number.NaN,
  trueOverReported: (r: Report) => (r.endToEndDays.mean ?? Number.NaN) / (r.reportedDays.mean ?? Number.NaN),
  waitingDaysMean: (r: Report) => r.waitingDays.mean ?? Number.NaN,
  failureDemandShare: (r: Report) => r.failureDemandShare ?? Number.NaN,
  oneStopShare: (r: Report) => r.oneStopShare ?? Number.NaN,
  nilQualifiedShare: (r: Report) => (r.claims.cohort.opened > 0 ? r.claims.cohort.nilQualified / r.claims.cohort.opened : 0),
  costPerNeedMet: (r: Report) => r.cost.perNeedMet ?? Number.NaN,
  gaveUpShare: (r: Report) => r.needs.abandoned / r.needs.arrived,
  helpedWithin56: (r: Report) => r.helpedWithin.d56 ?? Number.NaN,
  failureWorkShare: (r: Report) => r.staffTime.failureShare ?? Number.NaN,
  busiestRoleUtilisation: (r: Report) => Math.max(...Object.values(r.queues).map((q) => q.utilisation ?? 0)),
} satisfies Record<string, (r: Report) => number>;

export type CalibrationId = keyof typeof CALIBRATION;

export function calibration(level: Level, regime: Regime, seeds: readonly number[], days: number): Record<CalibrationId, Spread> {
  const reports = seeds.map((s) => simulate(level, s, regime, days));
  return Object.fromEntries((Object.keys(CALIBRATION) as CalibrationId[]).map((id) => [id, spread(reports.map(CALIBRATION[id]))])) as Record<
    CalibrationId,
    Spread
  >;
}

/** One simulated year of a long run, by the citizens who arrived in it. */
export interface YearFigures {
  year: number;
  arrived: number;
  /** Mean days from first contact to help, of those helped (by the end of the run). */
  endToEndMean: number;
  /** Share of the year's citizens who had given up by the end of the run. */
  gaveUpShare: number;
}

/**
 * A long run (years after the inherited history), measured by year of arrival. Citizens of the
 * last year have had less time to finish, so compare the years before it.
 */
export function yearByYear(level: Level, seed: number, regime: Regime, years: number): { years: YearFigures[]; report: Report } {
  const sim = runSim(level, seed, regime, 365 * years);
  const needs = modelOf(sim).needs;
  const out: YearFigures[] = [];
  for (let y = 0; y < years; y++) {
    let arrived = 0;
    let met = 0;
    let days = 0;
    let gaveUp = 0;
    for (let id = 1; id <= needs.count; id++) {
      const day = needs.arrivedAt[id]! / 1440;
      if (day < 365 * y || day >= 365 * (y + 1)) continue;
      arrived++;
      const outcome = needs.outcomeOf(id);
      if (outcome === 'met') {
        met++;
        days += (needs.closedAt[id]! - needs.arrivedAt[id]!) / 1440;
      } else if (outcome === 'abandoned') gaveUp++;
    }
    out.push({ year: y + 1, arrived, endToEndMean: met > 0 ? days / met : Number.NaN, gaveUpShare: arrived > 0 ? gaveUp / arrived : 0 });
  }
  return { years: out, report: sim.report() };
}

/** Needs met a day (the whole office's, inherited citizens too) as demand is multiplied. */
export function overloadCurve(level: Level, regime: Regime, factors: readonly number[], seeds: readonly number[], days: number) {
  return factors.map((factor) => {
    const scaled = structuredClone(level);
    scaled.demand.needsPerDay = level.demand.needsPerDay * factor;
    const tooBig = runTooBig(scaled, days);
    if (tooBig) throw new RangeError(`${factor} times the demand: ${tooBig}`);
    const reports = seeds.map((s) => simulate(scaled, s, regime, days));
    const mean = (f: (r: Report) => number) => reports.reduce((a, r) => a + f(r), 0) / reports.length;
    return {
      factor,
      needsPerDay: scaled.demand.needsPerDay,
      officeNeedsMetPerDay: mean((r) => r.throughput.officeNeedsMetPerDay),
      cohortNeedsMetPerDay: mean((r) => r.throughput.needsMetPerDay),
      waitingDaysMean: mean((r) => r.waitingDays.mean ?? Number.NaN),
      withoutHelpMean: mean((r) => r.waitingDays.withoutHelpMean ?? Number.NaN),
      helpedWithin56: mean((r) => r.helpedWithin.d56 ?? Number.NaN),
    };
  });
}

/** One seed of the redesign path: adopting the redesigned flow part-way through a deliverology year. */
export interface RedesignPathFigures {
  seed: number;
  /** The staffing the switch offered (and the run kept, unless staff actions were given). */
  staff: Record<string, number>;
  /** Citizens waiting for help when the office switched, and at the end of the run. */
  openAtSwitch: number;
  openAtEnd: number;
  /** Of citizens arriving from `fromDay` on: mean days to help (of those helped), and waiting (every one, still waiting counted to the end). */
  laterEndToEndMean: number;
  laterWaitingMean: number;
  costPerNeedMet: number;
  /** The same seed's year under deliverology throughout. */
  deliverologyCostPerNeedMet: number;
}

/**
 * The path a player who studies and redesigns takes: deliverology until `switchDay`, then one
 * `regime` action to the redesigned flow (with the staffing it offers), then `after` (staff
 * actions, say) at the same moment. Measured by the citizens who arrive once it has settled.
 */
export function redesignPath(
  level: Level,
  seeds: readonly number[],
  { switchDay = 90, fromDay = 150, days = level.days, after = [] as readonly ActionInput[] } = {},
): RedesignPathFigures[] {
  const at = switchDay * DAY;
  const actions = [{ at, kind: 'regime', regime: 'systems' } as Action, ...after.map((a) => ({ ...a, at }) as Action)];
  return seeds.map((seed) => {
    const sim = runSim(level, seed, 'deliverology', days, actions);
    const needs = modelOf(sim).needs;
    const end = sim.now;
    let openAtSwitch = 0;
    let openAtEnd = 0;
    let met = 0;
    let metDays = 0;
    let later = 0;
    let laterDays = 0;
    for (let id = 1; id <= needs.count; id++) {
      const arrived = needs.arrivedAt[id]!;
      const outcome = needs.outcomeOf(id);
      const closed = outcome === 'open' ? end : needs.closedAt[id]!;
      if (arrived <= at && closed > at) openAtSwitch++;
      if (outcome === 'open') openAtEnd++;
      if (arrived < fromDay * DAY) continue;
      later++;
      laterDays += (closed - arrived) / DAY;
      if (outcome === 'met') {
        met++;
        metDays += (closed - arrived) / DAY;
      }
    }
    const report = sim.report();
    return {
      seed,
      staff: sim.staffOnBooks(),
      openAtSwitch,
      openAtEnd,
      laterEndToEndMean: metDays / met,
      laterWaitingMean: laterDays / later,
      costPerNeedMet: report.cost.perNeedMet ?? Number.NaN,
      deliverologyCostPerNeedMet: simulate(level, seed, 'deliverology', days).cost.perNeedMet ?? Number.NaN,
    };
  });
}
