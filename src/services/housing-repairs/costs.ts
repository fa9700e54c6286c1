// The service's money and staff time from day 0: what the line's staff and the trades are paid,
// the contractor's price per job, the parts; and how the hours worked split into value and failure.
import { Calendar } from '../../engine/calendar';
import type { RunState } from './runState';
import { LINE_ROLES, TRADE_ROLES } from './schema';

/** Hours of work by kind: what the work was for (value), what failure brought (failure), and paid time. */
export interface WorkHours {
  value: number;
  failure: number;
  paid: number;
}

export class Costs {
  /** Money from day 0: the line's staff, in-house trades, the contractor, parts. */
  readonly cost = { phone: 0, trades: 0, contractor: 0, parts: 0 };
  /** Hours from day 0 on the phone and on the road (the line and the trades add the hours they work). */
  readonly phone: WorkHours = { value: 0, failure: 0, paid: 0 };
  readonly trades: WorkHours = { value: 0, failure: 0, paid: 0 };
  readonly contractorJobs = { count: 0 };
  /** Paid up to here. */
  private clock = 0;
  private readonly lineCalendar: Calendar;
  private readonly tradeCalendar: Calendar;

  constructor(private readonly run: RunState) {
    this.lineCalendar = new Calendar(run.level.lineHours);
    this.tradeCalendar = new Calendar(run.level.tradeHours);
  }

  /** Pays the staff for the time since the last payment (from day 0): the line by its hours, in-house trades by theirs. */
  accrue(to: number): void {
    const from = Math.max(this.clock, 0);
    if (to <= from) return;
    this.clock = to;
    const { level, staff } = this.run;
    const lineHours = this.lineCalendar.openMinutesBetween(from, to) / 60;
    for (const role of Object.values(LINE_ROLES)) {
      const hours = staff[role] * lineHours;
      this.cost.phone += hours * level.roles[role].costPerHour;
      this.phone.paid += hours;
    }
    const tradeHours = this.tradeCalendar.openMinutesBetween(from, to) / 60;
    for (const role of Object.values(TRADE_ROLES)) {
      const hours = staff[role] * tradeHours;
      this.trades.paid += hours;
      if (this.run.design.contract === 'in-house') this.cost.trades += hours * level.roles[role].costPerHour;
    }
  }

  /** A job closed (from day 0): an outside contractor is paid for it, in-house trades are paid by the hour. */
  jobClosed(): void {
    if (this.run.design.contract !== 'per-job') return;
    this.contractorJobs.count++;
    this.cost.contractor += this.run.level.costs.pricePerJob;
  }

  /** A repair done from day 0 took parts: their price. */
  partsFitted(): void {
    this.cost.parts += this.run.level.costs.partsPerRepair;
  }
}
