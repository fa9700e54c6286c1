// What an outsourced call-centre provider staffs to: calls offered to the call centre by hour of
// the day since the last open day began, the busiest hour of each of the last five open days, and
// the minutes calls took. Paid per call, it staffs to answer them all, failure demand and all.
import { DAY } from '../../engine/calendar';

/** Open days of calls the provider looks back over. */
const DAYS_REMEMBERED = 5;

export class CallDemand {
  private readonly byHour = new Float64Array(24);
  private readonly busiest = new Float64Array(DAYS_REMEMBERED);
  private day = 0;
  private minutes = 0;
  private answered = 0;

  /** A call offered to the call centre at time t (minutes). */
  offered(t: number): void {
    this.byHour[Math.floor((t - Math.floor(t / DAY) * DAY) / 60)]!++;
  }

  /** A call answered that takes this many minutes (at a normal pace). */
  handled(minutes: number): void {
    this.minutes += minutes;
    this.answered++;
  }

  /** Another open day begins: remember the last one's busiest hour of calls. */
  newDay(): void {
    let busiest = 0;
    for (let h = 0; h < 24; h++) {
      if (this.byHour[h]! > busiest) busiest = this.byHour[h]!;
      this.byHour[h] = 0;
    }
    this.busiest[this.day++ % DAYS_REMEMBERED] = busiest;
  }

  /**
   * The staff a provider rosters for the busiest hour of the last five open days, at its planned
   * occupancy (null: no calls on record yet, so whoever answers now carries on).
   */
  providerStaff(plannedOccupancy: number): number | null {
    let peak = 0;
    for (const calls of this.busiest) if (calls > peak) peak = calls;
    if (peak === 0) return null;
    const meanCall = this.answered > 0 ? this.minutes / this.answered : 0;
    return Math.max(1, Math.ceil((peak * meanCall) / (60 * plannedOccupancy)));
  }
}
