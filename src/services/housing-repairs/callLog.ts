import { grown, roomFor } from '../../engine/grown';
import { REASONS, type Reason } from './catalogue';

/** A call as a study hears it: when, which tenant's fault, why, and the trade the fault needed then. */
export interface LoggedCall {
  at: number;
  faultId: number;
  reason: Reason;
  trade: number;
}

/** Every call made from day 0, by column: what a manager who studies demand listens to. */
export class CallLog {
  private at = new Float64Array(1024);
  private fault = new Int32Array(1024);
  private reason = new Uint8Array(1024);
  private trade = new Uint8Array(1024);
  count = 0;

  add(at: number, faultId: number, reason: Reason, trade: number): void {
    const i = this.count++;
    if (i === this.at.length) {
      const size = roomFor(this.at.length, i);
      this.at = grown(this.at, size);
      this.fault = grown(this.fault, size);
      this.reason = grown(this.reason, size);
      this.trade = grown(this.trade, size);
    }
    this.at[i] = at;
    this.fault[i] = faultId;
    this.reason[i] = REASONS.indexOf(reason);
    this.trade[i] = trade;
  }

  /** The calls made in [from, to), oldest first. */
  between(from: number, to: number): LoggedCall[] {
    const out: LoggedCall[] = [];
    // Calls are logged in time order: find the first at or after `from`, then read on.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.count && this.at[i]! < to; i++) {
      out.push({ at: this.at[i]!, faultId: this.fault[i]!, reason: REASONS[this.reason[i]!]!, trade: this.trade[i]! });
    }
    return out;
  }
}
