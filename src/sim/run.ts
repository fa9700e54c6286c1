// Making and running a sim: (level, seed, action log) in, a running service or its report out.
import type { Level } from '../levels/schema';
import { type Calendar, DAY } from '../engine/calendar';
import type { Inspection } from './inspection';
import { buildReport, type Report } from './report';
import { Simulation } from './simulation';
import { type Snapshot, takeSnapshot } from './snapshot';
import type { Action, ActionInput, Regime } from './types';

/** A running service: advance it, act on it, look at it, report on it. */
export interface Sim {
  readonly level: Level;
  readonly seed: number;
  /** Sim time in minutes. */
  readonly now: number;
  /** The actions applied so far, each with its sim time: replaying them reproduces the run. */
  readonly actions: readonly Action[];
  /** The regime in force now, the inspections so far, and when the office is open. */
  readonly regime: Regime;
  readonly inspections: readonly Inspection[];
  readonly calendar: Pick<Calendar, 'isOpen' | 'nextOpen' | 'closesAt'>;
  advanceTo(minutes: number): void;
  advanceDays(days: number): void;
  apply(action: ActionInput): Action;
  snapshot(): Snapshot;
  report(): Report;
  /** The underlying model, for views that follow one citizen (read only). */
  readonly model: Simulation;
}

export interface SimOptions {
  /** Keep every citizen's journey (for views that follow one citizen); off for speed. */
  journal?: boolean;
}

export function createSim(level: Level, seed: number, regime: Regime = 'deliverology', options: SimOptions = {}): Sim {
  const model = new Simulation(level, seed, regime, { journal: options.journal === true });
  return {
    level,
    seed,
    get now() {
      return model.now;
    },
    get actions() {
      return model.actions;
    },
    get regime() {
      return model.regime;
    },
    get inspections() {
      return model.inspections;
    },
    calendar: model.calendar,
    advanceTo: (t) => model.advanceTo(t),
    advanceDays: (d) => model.advanceTo(model.now + d * DAY),
    apply: (a) => model.apply(a),
    snapshot: () => takeSnapshot(model),
    report: () => buildReport(model, regime),
    model,
  };
}

/** Runs (level, seed, action log) for a number of days and returns the finished sim. */
export function runSim(level: Level, seed: number, regime: Regime, days: number, actions: readonly Action[] = []): Sim {
  const sim = createSim(level, seed, regime);
  const end = days * DAY;
  const sorted = [...actions].sort((a, b) => a.at - b.at);
  for (const action of sorted) {
    // Never drop an action silently: a log that reaches beyond the run is not this run's log.
    if (action.at > end) throw new RangeError(`an action at minute ${action.at} is after the run's end (day ${days})`);
    sim.apply(action);
  }
  sim.advanceTo(end);
  return sim;
}

/** The report of (level, seed, regime, days, action log): a pure function. */
export function simulate(level: Level, seed: number, regime: Regime, days: number, actions: readonly Action[] = []): Report {
  return runSim(level, seed, regime, days, actions).report();
}
