/** Minutes in a day; sim time is minutes from the start of day 0, a Monday. */
export const DAY = 1440;

/** A sim time (minutes) as decimal days for a CSV: to the minute's precision and a little more, without float noise. */
export function csvDays(minutes: number): string {
  return String(Math.round((minutes / DAY) * 1e6) / 1e6);
}

export interface OpeningHours {
  /** Weekdays open, 0 = Monday ... 6 = Sunday. */
  days: readonly number[];
  /** Minutes after midnight. */
  open: number;
  close: number;
}

/** 0 = Monday, for any day number, before day 0 too. */
export function weekday(day: number): number {
  // Outside int32 (or not a number: NaN then, as before), the plain formula.
  if (!(day >= -2147483648 && day <= 2147483647)) return ((day % 7) + 7) % 7;
  // Integer arithmetic: % on a double that V8 cannot prove is an int32 is a slow library call.
  const w = (day | 0) % 7;
  return w < 0 ? w + 7 : w + 0; // + 0: -7 % 7 is -0
}

/** When a service is staffed: always, or set hours on set weekdays. */
export class Calendar {
  /** 1 for each weekday open (0 = Monday). */
  private readonly openDay = new Uint8Array(7);
  // The hours as plain fields: the calendar is asked about every citizen's every move.
  private readonly openAt: number;
  private readonly closeAt: number;
  readonly always: boolean;

  constructor(readonly hours: OpeningHours | 'always') {
    this.always = hours === 'always';
    this.openAt = hours === 'always' ? 0 : hours.open;
    this.closeAt = hours === 'always' ? DAY : hours.close;
    for (let d = 0; d < 7; d++) this.openDay[d] = hours === 'always' || hours.days.includes(d) ? 1 : 0;
  }

  /** Staffed minutes in one week: for paid hours and utilisation. */
  get minutesPerWeek(): number {
    if (this.hours === 'always') return 7 * DAY;
    return this.hours.days.length * (this.hours.close - this.hours.open);
  }

  isOpen(t: number): boolean {
    if (this.always) return true;
    const day = Math.floor(t / DAY);
    const m = t - day * DAY;
    return this.openDay[weekday(day)] === 1 && m >= this.openAt && m < this.closeAt;
  }

  /** The first open moment at or after t. */
  nextOpen(t: number): number {
    if (this.always || this.isOpen(t)) return t;
    let day = Math.floor(t / DAY);
    if (t - day * DAY >= this.openAt) day += 1;
    for (let i = 0; i < 8; i++, day++) {
      if (this.openDay[weekday(day)] === 1) return day * DAY + this.openAt;
    }
    return Infinity;
  }

  /** When the open period containing t ends (Infinity when always open). */
  closesAt(t: number): number {
    if (this.always) return Infinity;
    return Math.floor(t / DAY) * DAY + this.closeAt;
  }

  /** Staffed minutes in [from, to). */
  openMinutesBetween(from: number, to: number): number {
    if (to <= from) return 0;
    if (this.always) return to - from;
    let total = 0;
    const first = Math.floor(from / DAY);
    const last = Math.floor(to / DAY);
    for (let day = first; day <= last; day++) {
      if (this.openDay[weekday(day)] === 0) continue;
      const a = Math.max(from, day * DAY + this.openAt);
      const b = Math.min(to, day * DAY + this.closeAt);
      if (b > a) total += b - a;
    }
    return total;
  }
}
