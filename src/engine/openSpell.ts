// Whether a service is open, asked again and again as time moves on: the answer holds for the
// whole spell (open until closing, or closed until the next opening), so the calendar is asked
// only when time leaves the spell last asked about.
import type { Calendar } from './calendar';

export class OpenSpell {
  private from = -Infinity;
  private to = -Infinity;
  private open = false;

  constructor(private readonly calendar: Calendar) {}

  isOpen(t: number): boolean {
    return this.holds(t) ? this.open : this.spellAt(t);
  }

  /** Whether t is within the spell last asked about. */
  holds(t: number): boolean {
    return t >= this.from && t < this.to;
  }

  /** When the spell last asked about ends: closing time, or for a closed spell the next opening. */
  get end(): number {
    return this.to;
  }

  private spellAt(t: number): boolean {
    const cal = this.calendar;
    if (cal.always) {
      this.from = -Infinity;
      this.to = Infinity;
      this.open = true;
    } else if (cal.isOpen(t)) {
      this.from = t;
      this.to = cal.closesAt(t);
      this.open = true;
    } else {
      this.from = t;
      this.to = cal.nextOpen(t);
      this.open = false;
    }
    return this.open;
  }
}
