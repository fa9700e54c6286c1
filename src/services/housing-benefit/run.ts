// Making and running a sim: (level, seed, action log) in, a running service or its report out.
import type { Level } from '../../levels/schema';
import { type Calendar, DAY } from '../../engine/calendar';
import type { Inspection } from './inspection';
import type { DaysSplit } from '../../analysis/whereTheDaysWent';
import { whereTheDaysWent } from '../../analysis/whereTheDaysWent';
import type { NeedRow } from '../../analysis/endToEnd';
import { type CohortClaims, cohortClaims, cohortRows, flowsLately, type LiveFlows } from './cohort';
import { forkSimulation } from './fork';
import type { JourneyStep } from './journal';
import { needsCsv } from './needsCsv';
import type { OpenOffer } from './offers';
import { buildReport, type Report } from './report';
import { Simulation } from './simulation';
import { type Snapshot, takeSnapshot } from './snapshot';
import type { Action, ActionInput, Contact, Need, Regime } from './types';
import { levelHash } from '../../engine/version';

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
  /** A citizen's need as it stands (a copy), or null for an id not yet seen. */
  need(id: number): Need | null;
  /** Every citizen's need so far, the inherited history's too, in order of first contact (copies). */
  needs(): Need[];
  /** A citizen's journey so far, step by step (empty unless made with { journal: true }). */
  journey(id: number): JourneyStep[];
  /** Contacts made from `from` to `to` (sim minutes, both included), oldest first. */
  contactsBetween(from: number, to: number): Contact[];
  /** The newest n contacts, oldest first. */
  recentContacts(n: number): Contact[];
  /** The gaming move on offer now, awaiting the player's answer, or null. */
  openOffer(): OpenOffer | null;
  /** The staff on the books now, by role. */
  staffOnBooks(): Record<string, number>;
  /** Needs met in the last `days` days, in the usual flow and the pilot (null: no pilot yet). */
  flowsLately(days: number): LiveFlows | null;
  /** What became of the cohort's claims, as the official clock saw them. */
  cohortClaims(): CohortClaims;
  /** Where the cohort's days went, on and off the official clock (null: nobody helped yet). */
  daysSplit(): DaysSplit | null;
  /** One row per citizen of the cohort, as CSV. */
  needsCsv(): string;
  /** The cohort as rows of days (arrived, closed) and outcome, for the charts of end-to-end days. */
  needRows(): Iterable<NeedRow>;
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
  return simOf(level, seed, regime, model);
}

/** The public face of a Simulation. */
function simOf(level: Level, seed: number, regime: Regime, model: Simulation): Sim {
  const sim: Sim = {
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
    need: (id) => model.needs.get(id),
    needs: () => model.needs.list(),
    journey: (id) => model.journeyOf(id),
    contactsBetween: (from, to) => model.contactLog.between(from, to),
    recentContacts: (n) => model.contactLog.recent(n),
    openOffer: () => model.offers.openWithReason(),
    staffOnBooks: () => model.staffOnBooks(),
    flowsLately: (days) => flowsLately(model, days),
    cohortClaims: () => cohortClaims(model),
    daysSplit: () => whereTheDaysWent(model),
    needsCsv: () => needsCsv(model),
    needRows: () => cohortRows(model),
  };
  models.set(sim, model);
  return sim;
}

/** The model behind each public sim, for the core's own white-box tests and analyses only (see modelOf). */
const models = new WeakMap<Sim, Simulation>();

/**
 * The Simulation behind a sim: the core's internals, every column writable. Only the core's own
 * tests and its analyses (src/analysis) may use it; the game talks to the sim through Sim alone
 * (a test keeps it so).
 */
export function modelOf(sim: Sim): Simulation {
  const model = models.get(sim);
  if (!model) throw new Error('modelOf: not a sim made by createSim');
  return model;
}

/**
 * A sim whose inherited history is still being run, a slice at a time, for a page that must not
 * block while a year of history is simulated. Each `step` does one frame's share: set the office
 * up, or run whole days of history until `enough()` says stop (the page's own clock: the core
 * reads none), or keep a copy at day 0 for the next run; it returns true once all is done, and
 * then `sim()` is the run, the same as createSim's. With the history already kept for these
 * inputs it is ready at once.
 */
export interface SimPreparation {
  /** Minutes of history still to run (0: ready). */
  readonly minutesLeft: number;
  readonly minutesTotal: number;
  step(enough: () => boolean): boolean;
  sim(): Sim;
}

export function prepareSim(level: Level, seed: number, regime: Regime = 'deliverology', options: SimOptions = {}): SimPreparation {
  const journal = options.journal === true;
  const total = level.warmUpDays * DAY;
  const key = historyKey(level, seed, regime, journal);
  if (options.reuseHistory === false || level.warmUpDays === 0 || histories.has(key)) {
    const sim = createSim(level, seed, regime, options);
    return { minutesLeft: 0, minutesTotal: total, step: () => true, sim: () => sim };
  }
  let model: Simulation | null = null;
  let atDayZero = false;
  let ready = false;
  return {
    get minutesLeft() {
      return ready ? 0 : model ? -model.now : total;
    },
    minutesTotal: total,
    // Each call does one thing that fits a frame: set the office up; run days of history; copy
    // the office at day 0 to keep for the next run from these inputs (it is about to be played).
    step(enough) {
      if (ready) return model !== null;
      if (model === null) {
        model = new Simulation(level, seed, regime, { journal, warmUp: 'staged' });
        return false;
      }
      if (atDayZero) {
        // A step of its own: the copy is as much work as a frame can take.
        ready = true;
        if (histories.has(key)) return true;
        keep(key, forkSimulation(model, level));
        return false;
      }
      while (!atDayZero) {
        atDayZero = model.continueHistory(model.now + DAY);
        if (enough()) break;
      }
      return false;
    },
    sim() {
      if (!ready || model === null) throw new Error('prepareSim: the history has not reached day 0 yet (call step until it returns true)');
      return simOf(level, seed, regime, model);
    },
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
  const key = historyKey(level, seed, regime, journal);
  const sim = histories.get(key) ?? new Simulation(level, seed, regime, { journal });
  keep(key, sim);
  return sim;
}

function historyKey(level: Level, seed: number, regime: Regime, journal: boolean): string {
  return `${levelHash(level)} ${seed} ${regime} ${journal ? 'journal' : ''}`;
}

/** Keeps a warmed-up office as the most recently used, dropping the least recently used beyond HISTORIES_KEPT. */
function keep(key: string, sim: Simulation): void {
  histories.delete(key);
  if (histories.size >= HISTORIES_KEPT) histories.delete(histories.keys().next().value!);
  histories.set(key, sim);
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
