// One run of housing repairs being played: the run, its clock against the player's, and where
// play stops (an inspection, an offer put to the manager, the end). No DOM here, so it is tested
// in Node.
import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction } from '../../engine/service';
import {
  createRepairsRun,
  prepareRepairsRun,
  type OpenRepairsOffer,
  type RepairsActionInput,
  type RepairsRun,
  withRepairsScenario,
} from '../../services/housing-repairs/index';
import type { Inspection } from '../../services/housing-repairs/dashboard';
import type { RepairsLevel } from '../../services/housing-repairs/schema';
import { CLOSED_SPEEDUP, MAX_FRAME_MS, SPEEDS } from '../speeds';

export type RepairsStop = 'inspection' | 'offer' | 'end' | null;

export class RepairsSession {
  /** The level the run plays: the given one with its scenario applied. */
  readonly level: RepairsLevel;
  /** The scenario played (null: the level has none). */
  readonly scenario: string | null;
  readonly run: RepairsRun;
  readonly end: number;
  private inspectionsSeen = 0;
  private readonly offersSeen = new Set<string>();

  constructor(
    level: RepairsLevel,
    readonly seed: number,
    readonly startRegime: Regime,
    /** The way in (null: the level's first scenario). */
    scenario: string | null = null,
    /** The run, when its history was prepared already (see RepairsSession.prepare); else made here. */
    run?: RepairsRun,
  ) {
    const r = scenarioApplied(level, scenario);
    this.level = r.level;
    this.scenario = r.scenario?.id ?? null;
    this.run = run ?? createRepairsRun(this.level, seed, startRegime);
    this.end = this.level.days * DAY;
  }

  /** The run's inherited history, to be run a slice at a time before the session starts. */
  static prepare(level: RepairsLevel, seed: number, startRegime: Regime, scenario: string | null): ReturnType<typeof prepareRepairsRun> {
    return prepareRepairsRun(scenarioApplied(level, scenario).level, seed, startRegime);
  }

  get finished(): boolean {
    return this.run.now >= this.end;
  }

  nextStop(): number {
    const every = this.level.inspection.everyDays * DAY;
    return Math.min((Math.floor(this.run.now / every) + 1) * every, this.end);
  }

  /** Runs sim time for a frame at a speed; nights and weekends (the line closed) pass faster, up to the next opening. */
  tick(realMs: number, speed: number): RepairsStop {
    if (this.finished) return 'end';
    const s = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, speed))]!;
    const ms = Math.min(Math.max(realMs, 0), MAX_FRAME_MS);
    const now = this.run.now;
    const line = this.run.lineCalendar;
    const minutes = (ms / 1000) * s.minutesPerSecond;
    const target = line.isOpen(now) ? now + minutes : Math.min(now + minutes * CLOSED_SPEEDUP, line.nextOpen(now));
    return this.advanceTo(Math.min(target, this.nextStop()));
  }

  /** To the next inspection, or the first offer put before it. */
  skipToNextStop(): RepairsStop {
    return this.advanceTo(this.nextStop());
  }

  /** Runs to the end without stopping (an offer put on the way stays unanswered). */
  finish(): void {
    this.run.advanceTo(this.end);
  }

  /**
   * One slice of a hurry (at most `minutes` of sim time): towards the next stop, stopping there or
   * at an offer on the way; or (finishing) towards the end, passing everything by. 'more': not there yet.
   */
  hurry(minutes: number, finishing: boolean): RepairsStop | 'more' {
    if (finishing) {
      this.run.advanceTo(Math.min(this.run.now + minutes, this.end));
      return this.finished ? 'end' : 'more';
    }
    const target = this.nextStop();
    const stop = this.advanceTo(Math.min(this.run.now + minutes, target));
    return stop === null && this.run.now < target ? 'more' : stop;
  }

  private advanceTo(t: number): RepairsStop {
    const to = Math.min(t, this.end);
    if (this.level.offers.length === 0) {
      this.run.advanceTo(to);
    } else {
      // Offers are put at the line's opening: stop at each opening on the way, in case one was.
      const line = this.run.lineCalendar;
      while (this.run.now < to) {
        const now = this.run.now;
        const opening = line.isOpen(now) ? line.nextOpen(line.closesAt(now)) : line.nextOpen(now);
        this.run.advanceTo(Math.min(opening, to));
        if (this.newOffer()) return 'offer';
      }
    }
    if (this.newOffer()) return 'offer';
    if (this.run.inspections.length > this.inspectionsSeen) return 'inspection';
    return this.finished ? 'end' : null;
  }

  private newOffer(): boolean {
    const open = this.run.offer();
    return open !== null && !this.offersSeen.has(open.id);
  }

  takeInspection(): Inspection | null {
    const all = this.run.inspections;
    if (all.length <= this.inspectionsSeen) return null;
    this.inspectionsSeen = all.length;
    return all[all.length - 1]!;
  }

  /** The offer put and not yet shown to the player, marking it shown. */
  takeOffer(): OpenRepairsOffer | null {
    const open = this.run.offer();
    if (!open || this.offersSeen.has(open.id)) return null;
    this.offersSeen.add(open.id);
    return open;
  }

  apply(action: RepairsActionInput): ServiceAction {
    if (this.finished) throw new Error('The run has ended');
    return this.run.apply(action);
  }
}

/** The level as the scenario has it (null: its first). */
function scenarioApplied(level: RepairsLevel, scenario: string | null) {
  const r = withRepairsScenario(level, scenario);
  if (!r.ok) throw new Error(r.error);
  return r;
}
