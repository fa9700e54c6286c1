import type { Calendar } from '../../engine/calendar';
import { DAY } from '../../engine/calendar';

/** Minutes in a week: staff time is also counted week by week from day 0. */
export const WEEK = 7 * DAY;

/**
 * The kinds of work a team's time goes on: a call or visit; scanning documents; casework that
 * ends in a decision; casework that ends in a request for more evidence; a message passed on
 * from the front; putting a wrong decision right.
 */
export const WORK_KINDS = ['contact', 'scan', 'assess', 'request', 'message', 'rework'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * Where one team's paid time goes, from day 0: value work (what the service exists to do),
 * failure work (handling failure demand and the rework it brings) and idle, over the run and week
 * by week. Work is counted when it starts, in the week it starts, at the minutes it takes.
 */
export class StaffTime {
  /** Minutes of work by kind: index 2 * kind for value work, 2 * kind + 1 for failure work. */
  readonly byWork = new Float64Array(WORK_KINDS.length * 2);
  /** By week from day 0: minutes of value work, of failure work, and paid. */
  readonly weekValue: number[] = [];
  readonly weekFailure: number[] = [];
  readonly weekPaid: number[] = [];

  /** Work of a kind (index in WORK_KINDS) starts now and takes these minutes. */
  work(now: number, kind: number, failure: boolean, minutes: number): void {
    if (now < 0) return; // the inherited history is not measured
    this.byWork[2 * kind + (failure ? 1 : 0)]! += minutes;
    const week = Math.floor(now / WEEK);
    this.grow(week);
    if (failure) this.weekFailure[week]! += minutes;
    else this.weekValue[week]! += minutes;
  }

  /** A copy, to count on without changing this one. */
  copy(): StaffTime {
    const c = new StaffTime();
    c.byWork.set(this.byWork);
    c.weekValue.push(...this.weekValue);
    c.weekFailure.push(...this.weekFailure);
    c.weekPaid.push(...this.weekPaid);
    return c;
  }

  /** Paid time for `staff` people over [from, to), split at week boundaries. */
  paid(calendar: Calendar, staff: number, from: number, to: number): void {
    let t = Math.max(0, from);
    while (t < to) {
      const week = Math.floor(t / WEEK);
      const end = Math.min(to, (week + 1) * WEEK);
      this.grow(week);
      this.weekPaid[week]! += staff * calendar.openMinutesBetween(t, end);
      t = end;
    }
  }

  private grow(week: number): void {
    while (this.weekPaid.length <= week) {
      this.weekValue.push(0);
      this.weekFailure.push(0);
      this.weekPaid.push(0);
    }
  }
}
