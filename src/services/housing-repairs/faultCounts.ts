// The faults as the views count them, kept as they change rather than counted afresh each frame
// (a walk over every fault ever reported cost sixteen times the sim's own step): reported from day
// 0, fixed of those, found by a tradesperson who asked, and those still waiting by where they are.
import { STAGES, type Stage } from './catalogue';

/** What the counts need of a fault. */
interface Counted {
  stage: Stage;
  reportedAt: number;
  fixedAt: number;
  found: boolean;
}

export class FaultCounts {
  /** Reported on or after day 0 (not counting those a tradesperson found first). */
  reported = 0;
  /** Of those, fixed. */
  fixed = 0;
  /** Found and dealt with by a tradesperson who asked what else needed doing, on or after day 0. */
  found = 0;
  /** Reported and not yet fixed, the inherited too. */
  waiting = 0;
  /** The waiting, by where they are. */
  readonly stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;

  /** A fault the views count as waiting: reported, not fixed, not one a tradesperson found. */
  private static waits(f: Counted): boolean {
    return !f.found && !Number.isNaN(f.reportedAt) && Number.isNaN(f.fixedAt);
  }

  /** The tenant has just reported it (its reportedAt just set). */
  reportedNow(f: Counted): void {
    if (f.found) return;
    this.waiting++;
    this.stages[f.stage]++;
    if (f.reportedAt >= 0) this.reported++;
  }

  /** It moves to another stage (call before setting it). */
  move(f: Counted, to: Stage): void {
    if (FaultCounts.waits(f)) {
      this.stages[f.stage]--;
      this.stages[to]++;
    }
    f.stage = to;
  }

  /** It is fixed now (call before setting fixedAt). */
  fixedNow(f: Counted): void {
    if (!FaultCounts.waits(f)) return;
    this.waiting--;
    this.stages[f.stage]--;
    if (f.reportedAt >= 0) this.fixed++;
  }

  /** A tradesperson found it at `now`, before the tenant reported it. */
  foundNow(now: number): void {
    if (now >= 0) this.found++;
  }
}
