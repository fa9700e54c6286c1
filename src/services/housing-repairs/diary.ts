import { DAY, weekday } from '../../engine/calendar';
import type { OpeningHours } from '../../engine/calendar';
import { grown, roomFor } from '../../engine/grown';

/**
 * One trade's diary: minutes booked on each working day against the minutes its tradespeople
 * work. Days are counted from the run's first day, so the inherited history fits too.
 */
export class Diary {
  private booked = new Float64Array(512);

  constructor(
    private readonly hours: OpeningHours,
    /** The first day the diary covers (the start of the inherited history). */
    private readonly firstDay: number,
  ) {}

  /** Minutes one tradesperson works on a day (0 on a day off). */
  workMinutes(day: number): number {
    return this.hours.days.includes(weekday(day)) ? this.hours.close - this.hours.open : 0;
  }

  /** True when `minutes` more fit on the day among `staff` people. */
  hasRoom(day: number, minutes: number, staff: number): boolean {
    const capacity = this.workMinutes(day) * staff;
    return capacity > 0 && this.bookedOn(day) + minutes <= capacity;
  }

  take(day: number, minutes: number): void {
    const i = day - this.firstDay;
    if (i >= this.booked.length) this.booked = grown(this.booked, roomFor(this.booked.length, i));
    this.booked[i]! += minutes;
  }

  /** Gives back minutes taken on a day (a booking moved elsewhere). */
  release(day: number, minutes: number): void {
    const i = day - this.firstDay;
    if (i < this.booked.length) this.booked[i] = Math.max(0, this.booked[i]! - minutes);
  }

  private bookedOn(day: number): number {
    return this.booked[day - this.firstDay] ?? 0;
  }

  /** The minute a booked visit starts: the day's start plus a share of its working hours. */
  startOf(day: number, share: number): number {
    return day * DAY + this.hours.open + share * (this.hours.close - this.hours.open);
  }
}

/**
 * Books a visit on the first working day from `earliest` with room in every diary it needs (the
 * trades that come together), and returns that day; null when there is none within a year.
 * squeezeIn: the first day anyone works, room or not (an emergency).
 */
export function bookTogether(
  diaries: readonly { diary: Diary; staff: number }[],
  earliest: number,
  minutes: number,
  squeezeIn = false,
  /** Try the days from `earliest` back to this one first (latest first), then on from `earliest`: planning to a date. */
  backTo = earliest,
): number | null {
  for (let day = earliest - 1; day >= backTo; day--) {
    if (diaries.every((d) => d.diary.hasRoom(day, minutes, d.staff))) {
      for (const d of diaries) d.diary.take(day, minutes);
      return day;
    }
  }
  for (let day = earliest; day < earliest + 366; day++) {
    const fits = squeezeIn ? diaries.every((d) => d.diary.workMinutes(day) * d.staff > 0) : diaries.every((d) => d.diary.hasRoom(day, minutes, d.staff));
    if (fits) {
      for (const d of diaries) d.diary.take(day, minutes);
      return day;
    }
  }
  return null;
}
