// One run of a level being played: the sim, its clock against the player's, and the points where
// play stops (an inspection, the end of the run). No DOM here, so it is tested in Node.
import type { Level } from '../levels/schema';
import {
  createSim,
  DAY,
  prepareSim,
  type Action,
  type ActionInput,
  type Regime,
  type Sim,
  type SimOptions,
  type SimPreparation,
} from '../services/housing-benefit';
import type { Inspection } from '../services/housing-benefit/inspection';
import { levelForRun, scenarioOf, type LevelId } from './levels';
import { CLOSED_SPEEDUP, MAX_FRAME_MS, SPEEDS } from './speeds';

export type StopReason = 'inspection' | 'end' | null;

/** The game follows citizens' journeys: it keeps them. */
const SIM_OPTIONS: SimOptions = { journal: true };

export class Session {
  readonly level: Level;
  readonly sim: Sim;
  /** Sim minutes at which the run ends. */
  readonly end: number;
  private inspectionsSeen = 0;

  /** The scenario played (null: the level has none). */
  readonly scenario: string | null;

  constructor(
    readonly levelId: LevelId,
    readonly startRegime: Regime,
    readonly seed: number,
    scenario: string | null = null,
    /** The run, when its history was prepared already (see Session.prepare); else made here. */
    sim?: Sim,
  ) {
    this.scenario = scenarioOf(levelId, scenario);
    this.level = levelForRun(levelId, this.scenario);
    this.sim = sim ?? createSim(this.level, seed, startRegime, SIM_OPTIONS);
    this.end = this.level.days * DAY;
  }

  /** The run's inherited history, to be run a slice at a time before the session can start (see prepareSim). */
  static prepare(levelId: LevelId, startRegime: Regime, seed: number, scenario: string | null = null): SimPreparation {
    return prepareSim(levelForRun(levelId, scenarioOf(levelId, scenario)), seed, startRegime, SIM_OPTIONS);
  }

  get finished(): boolean {
    return this.sim.now >= this.end;
  }

  /** When the next inspection falls (or the end of the run, if sooner or if there are none). */
  nextStop(): number {
    const spec = this.level.inspection;
    if (!spec) return this.end;
    const every = spec.everyDays * DAY;
    const next = (Math.floor(this.sim.now / every) + 1) * every;
    return Math.min(next, this.end);
  }

  /**
   * Runs sim time for a frame of real time at a speed; stops at an inspection or the end. Nights
   * and weekends pass CLOSED_SPEEDUP times faster, but a closed frame stops at the next opening
   * time: at any speed the player sees each morning's doors open.
   */
  tick(realMs: number, speed: number): StopReason {
    if (this.finished) return 'end';
    const s = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, speed))]!;
    const ms = Math.min(Math.max(realMs, 0), MAX_FRAME_MS);
    const calendar = this.sim.calendar;
    const now = this.sim.now;
    if (calendar.isOpen(now)) return this.advanceBy((ms / 1000) * s.minutesPerSecond);
    const target = Math.min(now + (ms / 1000) * s.minutesPerSecond * CLOSED_SPEEDUP, calendar.nextOpen(now));
    return this.advanceTo(Math.min(target, this.nextStop()));
  }

  /** Lets sim time pass (a manager busy studying), stopping at an inspection or the end. */
  advanceBy(minutes: number): StopReason {
    return this.advanceTo(Math.min(this.sim.now + minutes, this.nextStop()));
  }

  skipToNextStop(): StopReason {
    return this.advanceTo(this.nextStop());
  }

  /** Runs to the end of the run without stopping. */
  finish(): void {
    this.advanceTo(this.end);
  }

  /**
   * One slice of a hurry towards `target` (the next stop, or the end): at most `minutes` of sim
   * time, passing inspections by. Returns the stop reason once the target is reached, else 'more'.
   */
  hurryTowards(target: number, minutes: number): StopReason | 'more' {
    const to = Math.min(this.sim.now + minutes, target, this.end);
    this.sim.advanceTo(to);
    if (this.sim.now < Math.min(target, this.end)) return 'more';
    return this.advanceTo(to);
  }

  private advanceTo(t: number): StopReason {
    this.sim.advanceTo(Math.min(t, this.end));
    if (this.sim.inspections.length > this.inspectionsSeen) return 'inspection';
    return this.finished ? 'end' : null;
  }

  /** The newest inspection not yet shown to the player, marking it seen. */
  takeInspection(): Inspection | null {
    const all = this.sim.inspections;
    if (all.length <= this.inspectionsSeen) return null;
    this.inspectionsSeen = all.length;
    return all[all.length - 1]!;
  }

  apply(action: ActionInput): Action {
    if (this.finished) throw new Error('The run has ended');
    return this.sim.apply(action);
  }

  get regime(): Regime {
    return this.sim.regime;
  }
}
