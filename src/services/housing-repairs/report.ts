import { DAY } from '../../engine/calendar';
import type { Regime, ServiceReportBase } from '../../engine/service';
import { levelHash, MODEL_VERSION } from '../../engine/version';
import { REASONS, type Reason, FAILURE_REASON, type VisitFailure } from './catalogue';
import { dashboardOf, type Dashboard, type Inspection } from './dashboard';
import type { WorkHours } from './costs';
import type { RepairsOfferRecord, RepairsSim } from './model';

/** Everything a repairs run measured: the official dashboard and what tenants lived, side by side. */
export interface RepairsReport extends ServiceReportBase {
  service: 'housing-repairs';
  startRegime: Regime;
  /**
   * The faults tenants reported from day 0 (the cohort every lived measure follows), those fixed and
   * still open; found: faults a tradesperson found by asking, from day 0; inherited: faults
   * reported before day 0 and still open at day 0.
   */
  faults: { reported: number; fixed: number; open: number; found: number; inherited: number };
  /** Reported faults fixed: days from the first call to the repair done. */
  endToEndDays: { mean: number | null; p50: number | null; p95: number | null; max: number | null };
  /** Every reported fault, fixed or not: days from the first call to the repair, or to the end of the run. */
  waitingDays: { mean: number | null };
  /** Of the reported faults that have had a visit, the share fixed at the first. */
  firstVisitFixShare: number | null;
  /** Visits made for the reported faults, per reported fault fixed. */
  visitsPerNeed: number | null;
  /** Jobs raised for the reported faults, per reported fault fixed. */
  jobsPerNeed: number | null;
  /** Visits from day 0 that fixed nothing, by why. */
  failedVisits: Record<VisitFailure, number>;
  /** Calls from day 0 (by anyone): value (reporting a fault) and failure demand, by reason. */
  contacts: { total: number; value: number; failure: number; byReason: Record<Reason, number>; unanswered: number };
  failureDemandShare: number | null;
  /** The official dashboard over the whole run, and the days it reports. */
  dashboard: Dashboard;
  reportedDays: { mean: number | null };
  inspections: Inspection[];
  /** Repairs done from day 0 (reported, found and inherited faults), and what they cost. */
  repairsDone: number;
  cost: { total: number; perRepair: number | null; phone: number; trades: number; contractor: number; parts: number };
  /** Hours from day 0: work for value, work failure brought, and paid hours (an outside contractor's trades are paid per job, not by the hour). */
  staffTime: { phone: WorkHours; trades: WorkHours };
  /**
   * Gaming moves offered during the run (raised or answered), and the answers: present when the
   * run's level has offers (a scenario's), absent otherwise.
   */
  offers?: RepairsOfferRecord[];
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round = (x: number | null, places = 3): number | null => (x === null ? null : Number(x.toFixed(places)));

export function buildRepairsReport(sim: RepairsSim, days: number): RepairsReport {
  const end = sim.now;
  const cohort = sim.faults.filter((f) => f.reportedAt >= 0 && !f.found);
  const fixed = cohort.filter((f) => !Number.isNaN(f.fixedAt));
  const e2e = fixed.map((f) => (f.fixedAt - f.reportedAt) / DAY).sort((a, b) => a - b);
  const waited = cohort.map((f) => ((Number.isNaN(f.fixedAt) ? end : f.fixedAt) - f.reportedAt) / DAY);
  const visited = cohort.filter((f) => f.visits > 0);
  const visits = cohort.reduce((a, f) => a + f.visits, 0);
  const jobs = cohort.reduce((a, f) => a + f.jobs, 0);
  const byReason = sim.calls.byReason;
  const total = REASONS.reduce((a, r) => a + byReason[r], 0);
  const failure = REASONS.filter((r) => FAILURE_REASON[r]).reduce((a, r) => a + byReason[r], 0);
  const costTotal = sim.cost.phone + sim.cost.trades + sim.cost.contractor + sim.cost.parts;
  const dashboard = dashboardOf(sim.tally);
  const hours = (w: WorkHours): WorkHours => ({ value: round(w.value, 1)!, failure: round(w.failure, 1)!, paid: round(w.paid, 1)! });
  return {
    service: 'housing-repairs',
    model: { version: MODEL_VERSION, levelHash: levelHash(sim.level) },
    level: sim.level.id,
    regime: sim.regime,
    startRegime: sim.startRegime,
    seed: sim.seed,
    days,
    faults: {
      reported: cohort.length,
      fixed: fixed.length,
      open: cohort.length - fixed.length,
      found: sim.faults.filter((f) => f.found && f.foundAt >= 0).length,
      inherited: sim.faults.filter((f) => f.reportedAt < 0 && !(f.fixedAt < 0)).length,
    },
    endToEndDays: { mean: round(mean(e2e)), p50: round(quantile(e2e, 0.5)), p95: round(quantile(e2e, 0.95)), max: round(e2e.at(-1) ?? null) },
    waitingDays: { mean: round(mean(waited)) },
    firstVisitFixShare: round(visited.length === 0 ? null : visited.filter((f) => f.fixedAtFirstVisit && !Number.isNaN(f.fixedAt)).length / visited.length, 4),
    visitsPerNeed: round(fixed.length === 0 ? null : visits / fixed.length),
    jobsPerNeed: round(fixed.length === 0 ? null : jobs / fixed.length),
    failedVisits: { ...sim.visitFailures },
    contacts: { total, value: total - failure, failure, byReason: { ...byReason }, unanswered: sim.calls.unanswered },
    failureDemandShare: round(total === 0 ? null : failure / total, 4),
    dashboard: {
      jobsWithinTarget: round(dashboard.jobsWithinTarget, 4),
      daysPerJob: round(dashboard.daysPerJob),
      callsAnsweredIn20s: round(dashboard.callsAnsweredIn20s, 4),
    },
    reportedDays: { mean: round(dashboard.daysPerJob) },
    inspections: sim.inspections.map((i) => ({
      ...i,
      dashboard: {
        jobsWithinTarget: round(i.dashboard.jobsWithinTarget, 4),
        daysPerJob: round(i.dashboard.daysPerJob),
        callsAnsweredIn20s: round(i.dashboard.callsAnsweredIn20s, 4),
      },
    })),
    repairsDone: sim.repairsDone,
    cost: {
      total: Math.round(costTotal),
      perRepair: sim.repairsDone === 0 ? null : round(costTotal / sim.repairsDone, 2),
      phone: Math.round(sim.cost.phone),
      trades: Math.round(sim.cost.trades),
      contractor: Math.round(sim.cost.contractor),
      parts: Math.round(sim.cost.parts),
    },
    staffTime: { phone: hours(sim.phone), trades: hours(sim.trades) },
    ...(sim.level.offers.length > 0
      ? { offers: sim.offers.list().map((o) => ({ ...o, raisedDay: round(o.raisedDay, 2), answeredDay: round(o.answeredDay, 2) })) }
      : {}),
    events: sim.eventsHandled,
  };
}
