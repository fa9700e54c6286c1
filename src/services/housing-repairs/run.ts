import { faultsCsv } from './faultsCsv';
import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction } from '../../engine/service';
import { repairsActionProblem } from './actions';
import type { LoggedCall } from './callLog';
import type { Inspection } from './dashboard';
import { type OpenRepairsOffer, RepairsSim } from './model';
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
  /** One row per fault of the run's cohort, as CSV. */
  faultsCsv(): string;
}

export function createRepairsRun(level: RepairsLevel, seed: number, regime: Regime): RepairsRun {
  return runOf(new RepairsSim(level, seed, regime));
}

/**
 * A run whose inherited history is still to be simulated, a slice at a time, for a page that must
 * not block while it runs: each `step` runs whole days of it until `enough()` says stop (the page's
 * clock) and returns true once day 0 is reached; then `run()` is the run, as createRepairsRun's.
 */
export function prepareRepairsRun(level: RepairsLevel, seed: number, regime: Regime): { step(enough: () => boolean): boolean; run(): RepairsRun } {
  const sim = new RepairsSim(level, seed, regime, 'staged');
  let ready = false;
  return {
    step(enough) {
      while (!ready) {
        ready = sim.continueHistory(sim.now + DAY);
        if (enough()) break;
      }
      return ready;
    },
    run() {
      if (!ready) throw new Error('prepareRepairsRun: the history has not reached day 0 yet (call step until it returns true)');
      return runOf(sim);
    },
  };
}

function runOf(sim: RepairsSim): RepairsRun {
  const { level, seed } = sim;
  const regime = sim.startRegime;
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
    faultsCsv: () => faultsCsv(sim),
  };
}
