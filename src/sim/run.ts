// Making and running a sim: (level, seed, action log) in, a running service or its report out.
import type { Level } from '../levels/schema';
import { type Calendar, DAY } from '../engine/calendar';
import type { Inspection } from './inspection';
import { forkSimulation } from './fork';
import { buildReport, type Report } from './report';
import { Simulation } from './simulation';
import { type Snapshot, takeSnapshot } from './snapshot';
import type { Action, ActionInput, Regime } from './types';
import { levelHash } from './version';

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
  /**
   * false: simulate the inherited history afresh, rather than start from a copy of the one kept
   * for these inputs (the figures are the same either way; see warmedUp).
   */
  reuseHistory?: boolean;
}

export function createSim(level: Level, seed: number, regime: Regime = 'deliverology', options: SimOptions = {}): Sim {
  const journal = options.journal === true;
  // A level with no inherited history has nothing worth keeping: making its sim is cheaper than a fork.
  const model =
    options.reuseHistory === false || level.warmUpDays === 0
      ? new Simulation(level, seed, regime, { journal })
      : forkSimulation(warmedUp(level, seed, regime, journal), level);
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

/** Most warmed-up offices kept at once (each holds a year or so of history: a few megabytes). */
export const HISTORIES_KEPT = 8;

/** Warmed-up offices by (level, seed, regime, journal), least recently used first. */
const histories = new Map<string, Simulation>();

/**
 * The office of (level, seed, regime) at day 0, its inherited history simulated once per page or
 * process (per worker) and kept: the game, the debrief's "what each choice cost" and the CLI start
 * many runs from the same inputs, and the history is as much work as the year that follows it.
 * Only forks of it are handed out (createSim): it is never advanced, nor changed. The level's
 * fingerprint covers its scenario and any "what if?" changes, so another level object with the
 * same content shares the entry.
 */
function warmedUp(level: Level, seed: number, regime: Regime, journal: boolean): Simulation {
  const key = `${levelHash(level)} ${seed} ${regime} ${journal ? 'journal' : ''}`;
  let sim = histories.get(key);
  if (sim !== undefined) histories.delete(key);
  else {
    sim = new Simulation(level, seed, regime, { journal });
    if (histories.size >= HISTORIES_KEPT) histories.delete(histories.keys().next().value!);
  }
  histories.set(key, sim);
  return sim;
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
