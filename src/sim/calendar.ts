/** Minutes in a day; sim time is minutes from the start of day 0, a Monday. */
export const DAY = 1440;

export interface OpeningHours {
  /** Weekdays open, 0 = Monday ... 6 = Sunday. */
  days: readonly number[];
  /** Minutes after midnight. */
  open: number;
  close: number;
}

/** 0 = Monday, for any day number, before day 0 too. */
export function weekday(day: number): number {
  return ((day % 7) + 7) % 7;
}

/** When a service is staffed: always, or set hours on set weekdays. */
export class Calendar {
  private readonly openDay: boolean[];

  constructor(readonly hours: OpeningHours | 'always') {
    this.openDay = [0, 1, 2, 3, 4, 5, 6].map((d) => hours === 'always' || hours.days.includes(d));
  }

  get always(): boolean {
    return this.hours === 'always';
  }

  /** Staffed minutes in one week: for paid hours and utilisation. */
  get minutesPerWeek(): number {
    if (this.hours === 'always') return 7 * DAY;
    return this.hours.days.length * (this.hours.close - this.hours.open);
  }

  isOpen(t: number): boolean {
    if (this.hours === 'always') return true;
    const day = Math.floor(t / DAY);
    const m = t - day * DAY;
    return this.openDay[weekday(day)]! && m >= this.hours.open && m < this.hours.close;
  }

  /** The first open moment at or after t. */
  nextOpen(t: number): number {
    if (this.hours === 'always' || this.isOpen(t)) return t;
    let day = Math.floor(t / DAY);
    if (t - day * DAY >= this.hours.open) day += 1;
    for (let i = 0; i < 8; i++, day++) {
      if (this.openDay[weekday(day)]) return day * DAY + this.hours.open;
    }
    return Infinity;
  }

  /** When the open period containing t ends (Infinity when always open). */
  closesAt(t: number): number {
    if (this.hours === 'always') return Infinity;
    return Math.floor(t / DAY) * DAY + this.hours.close;
  }

  /** Staffed minutes in [from, to). */
  openMinutesBetween(from: number, to: number): number {
    if (to <= from) return 0;
    if (this.hours === 'always') return to - from;
    let total = 0;
    const first = Math.floor(from / DAY);
    const last = Math.floor(to / DAY);
    for (let day = first; day <= last; day++) {
      if (!this.openDay[weekday(day)]) continue;
      const a = Math.max(from, day * DAY + this.hours.open);
      const b = Math.min(to, day * DAY + this.hours.close);
      if (b > a) total += b - a;
    }
    return total;
  }
}
