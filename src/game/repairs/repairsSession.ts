// One run of housing repairs being played: the run, its clock against the player's, and where
// play stops (an inspection, the end). No DOM here, so it is tested in Node.
import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction } from '../../engine/service';
import { createRepairsRun, type RepairsActionInput, type RepairsRun } from '../../services/housing-repairs/index';
import type { Inspection } from '../../services/housing-repairs/model';
import type { RepairsLevel } from '../../services/housing-repairs/schema';
import { CLOSED_SPEEDUP, MAX_FRAME_MS, SPEEDS } from '../speeds';

export type RepairsStop = 'inspection' | 'end' | null;

export class RepairsSession {
  readonly run: RepairsRun;
  readonly end: number;
  private inspectionsSeen = 0;

  constructor(
    readonly level: RepairsLevel,
    readonly seed: number,
    readonly startRegime: Regime,
  ) {
    this.run = createRepairsRun(level, seed, startRegime);
    this.end = level.days * DAY;
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

  skipToNextStop(): RepairsStop {
    return this.advanceTo(this.nextStop());
  }

  finish(): void {
    this.advanceTo(this.end);
  }

  private advanceTo(t: number): RepairsStop {
    this.run.advanceTo(Math.min(t, this.end));
    if (this.run.inspections.length > this.inspectionsSeen) return 'inspection';
    return this.finished ? 'end' : null;
  }

  takeInspection(): Inspection | null {
    const all = this.run.inspections;
    if (all.length <= this.inspectionsSeen) return null;
    this.inspectionsSeen = all.length;
    return all[all.length - 1]!;
  }

  apply(action: RepairsActionInput): ServiceAction {
    if (this.finished) throw new Error('The run has ended');
    return this.run.apply(action);
  }
}
