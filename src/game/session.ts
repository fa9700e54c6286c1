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

/** Why play stopped: an inspection, the end of the run, or the room's gate (the trainer has not released the next phase). */
export type StopReason = 'inspection' | 'end' | 'gate' | null;

/** The game follows citizens' journeys: it keeps them. */
const SIM_OPTIONS: SimOptions = { journal: true };

export class Session {
  readonly level: Level;
  readonly sim: Sim;
  /** Sim minutes at which the run ends. */
  readonly end: number;
  private inspectionsSeen = 0;
  /** Sim minutes the room lets this run reach, no further (Infinity: no room, or no gate). */
  private gate = Number.POSITIVE_INFINITY;
  /** The room's injected events waiting for their minute (the next day boundary after each was heard). */
  private scheduled: Action[] = [];

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

  /** The room's gate: play stops at this sim minute until it moves on (Infinity: none). */
  setGate(minutes: number): void {
    this.gate = minutes;
  }

  /** A room's event reaches this office at its next day boundary, as an action of its log. */
  scheduleAtNextDay(input: Extract<ActionInput, { kind: 'event' }>): void {
    const last = this.scheduled[this.scheduled.length - 1];
    const at = Math.max(Math.floor(this.sim.now / DAY + 1) * DAY, last?.at ?? 0);
    this.scheduled.push({ ...input, at });
  }

  /** Play has reached the room's gate, short of the end. */
  get atGate(): boolean {
    return this.sim.now >= this.gate && this.gate < this.end;
  }

  /** As far as play may go now: the end of the run, or the room's gate if sooner. */
  get reachable(): number {
    return Math.min(this.end, this.gate);
  }

  /** When the next inspection falls (or the end of the run or the room's gate, if sooner). */
  nextStop(): number {
    const spec = this.level.inspection;
    if (!spec) return this.reachable;
    const every = spec.everyDays * DAY;
    const next = (Math.floor(this.sim.now / every) + 1) * every;
    return Math.min(next, this.reachable);
  }

  /**
   * Runs sim time for a frame of real time at a speed; stops at an inspection or the end. Nights
   * and weekends pass CLOSED_SPEEDUP times faster, but a closed frame stops at the next opening
   * time: at any speed the player sees each morning's doors open.
   */
  tick(realMs: number, speed: number): StopReason {
    if (this.finished) return 'end';
    if (this.atGate) return 'gate';
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

  /** Runs to the end of the run (or the room's gate) without stopping. */
  finish(): void {
    this.advanceTo(this.end);
  }

  /**
   * One slice of a hurry towards `target` (the next stop, or the end): at most `minutes` of sim
   * time, passing inspections by. Returns the stop reason once the target is reached, else 'more'.
   */
  hurryTowards(target: number, minutes: number): StopReason | 'more' {
    const to = Math.min(this.sim.now + minutes, target, this.reachable);
    this.runTo(to);
    if (this.sim.now < Math.min(target, this.reachable)) return 'more';
    return this.advanceTo(to);
  }

  /** Runs the sim to t, applying each scheduled event at its minute on the way. */
  private runTo(t: number): void {
    while (this.scheduled.length > 0 && this.scheduled[0]!.at <= t) this.sim.apply(this.scheduled.shift()!);
    this.sim.advanceTo(t);
  }

  private advanceTo(t: number): StopReason {
    this.runTo(Math.min(t, this.reachable));
    if (this.sim.inspections.length > this.inspectionsSeen) return 'inspection';
    if (this.finished) return 'end';
    return this.atGate ? 'gate' : null;
  }

  /** The newest inspection not yet shown to the player, marking it seen. */
  takeInspection(): Inspection | null {
    const all = this.sim.inspections;
    if (all.length <= this.inspectionsSeen) return null;
    this.inspectionsSeen = all.length;
    return all[all.length - 1]!;
  }

  /** Plays a log again to minute `at` (a team back in its seat): nothing it brought is shown again. */
  replay(actions: readonly Action[], at: number): void {
    for (const action of actions) this.sim.apply(action);
    this.sim.advanceTo(Math.min(Math.max(at, this.sim.now), this.reachable));
    this.inspectionsSeen = this.sim.inspections.length;
  }

  apply(action: ActionInput): Action {
    if (this.finished) throw new Error('The run has ended');
    return this.sim.apply(action);
  }

  get regime(): Regime {
    return this.sim.regime;
  }
}
