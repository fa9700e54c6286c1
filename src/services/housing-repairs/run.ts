import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction } from '../../engine/service';
import { repairsActionProblem } from './actions';
import type { LoggedCall } from './callLog';
import { type Inspection, type OpenRepairsOffer, RepairsSim } from './model';
import { buildRepairsReport, type RepairsReport } from './report';
import type { RepairsLevel } from './schema';
import { repairsSnapshot, type RepairsSnapshot } from './snapshot';

/** An action before the run stamps it with the time it was applied. */
export type RepairsActionInput = ServiceAction extends infer A ? (A extends ServiceAction ? Omit<A, 'at'> & { at?: number } : never) : never;

/** A running repairs service, as the game and the tests drive it: advance it, act on it, look at it, report on it. */
export interface RepairsRun {
  readonly level: RepairsLevel;
  readonly seed: number;
  readonly startRegime: Regime;
  readonly now: number;
  readonly regime: Regime;
  readonly actions: readonly ServiceAction[];
  readonly inspections: readonly Inspection[];
  readonly lineCalendar: RepairsSim['lineCalendar'];
  advanceTo(minutes: number): void;
  apply(action: RepairsActionInput): ServiceAction;
  snapshot(): RepairsSnapshot;
  /** The calls made in [from, to) sim minutes (from day 0), oldest first: what a study listens to. */
  callsBetween(from: number, to: number): LoggedCall[];
  /** The gaming move put to the manager and waiting for an answer (the snapshot's, without the rest). */
  offer(): OpenRepairsOffer | null;
  /** The report of the run so far, as a run of `days` days. */
  report(days?: number): RepairsReport;
}

export function createRepairsRun(level: RepairsLevel, seed: number, regime: Regime): RepairsRun {
  const sim = new RepairsSim(level, seed, regime);
  return {
    level,
    seed,
    startRegime: regime,
    get now() {
      return sim.now;
    },
    get regime() {
      return sim.regime;
    },
    actions: sim.actions,
    inspections: sim.inspections,
    lineCalendar: sim.lineCalendar,
    advanceTo: (t) => sim.advanceTo(t),
    apply(input) {
      const action = { ...input, at: input.at ?? sim.now } as ServiceAction;
      const problem = repairsActionProblem(action, level);
      if (problem) throw new RangeError(problem);
      sim.apply(action);
      return action;
    },
    snapshot: () => repairsSnapshot(sim),
    callsBetween: (from, to) => sim.callLog.between(from, to),
    offer: () => sim.offers.openWithReason(),
    report: (days = Math.floor(sim.now / DAY)) => buildRepairsReport(sim, days),
  };
}
