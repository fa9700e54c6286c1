// The real demand: faults arise in tenants' homes (some homes with a second fault, reported later)
// and the tenant phones the repairs line about each.
import { DAY } from '../../engine/calendar';
import { Stream } from '../../engine/random';
import type { Fault } from './records';
import type { RepairsLine } from './repairsLine';
import type { RunState } from './runState';
import { PRIORITIES, TRADES } from './schema';

export class Demand {
  /** Every fault so far, the inherited too, in the order they arose (a fault's id is its place here, from 1). */
  readonly faults: Fault[] = [];
  // A stream of its own: the same homes and faults meet every design.
  private readonly stream: Stream;
  private readonly tradeShares: number[];
  private readonly priorityShares: number[];

  constructor(
    private readonly run: RunState,
    seed: number,
    private readonly line: RepairsLine,
  ) {
    this.stream = new Stream(seed, 'repairs/demand');
    this.tradeShares = TRADES.map((t) => run.level.demand.tradeShares[t]);
    this.priorityShares = PRIORITIES.map((p) => run.level.demand.priorities[p].share);
  }

  /** Schedules the next fault's arrival: a random gap after `from`, at the level's faults a day. */
  nextArrival(from: number): void {
    this.run.events.at(from + this.stream.exponential(DAY / this.run.level.demand.faultsPerDay), { kind: 'arrival' });
  }

  onArrival(now: number): void {
    const demand = this.run.level.demand;
    const fault = this.newFault();
    // A second fault in the same home, drawn now so that every design meets the same homes.
    if (this.stream.uniform() < demand.otherFaultShare) {
      const other = this.newFault();
      fault.other = other;
      other.reportEvent = this.run.events.at(now + this.stream.sample(demand.otherFaultReportDays) * DAY, { kind: 'report', fault: other });
    }
    this.line.placeCall(fault, 'report-fault', now);
    this.nextArrival(now);
  }

  private newFault(): Fault {
    const d = this.stream;
    const demand = this.run.level.demand;
    const fault: Fault = {
      id: this.faults.length + 1,
      trade: pick(d.uniform(), this.tradeShares),
      followOn: -1,
      priority: pick(d.uniform(), this.priorityShares),
      needsParts: d.uniform() < demand.partsShare,
      reportedAt: Number.NaN,
      found: false,
      foundAt: Number.NaN,
      fixedAt: Number.NaN,
      visits: 0,
      fixedAtFirstVisit: false,
      jobs: 0,
      contacts: 0,
      failureContacts: 0,
      known: false,
      partsFrom: -Infinity,
      job: null,
      chase: -1,
      other: null,
      reportEvent: -1,
      stage: 'reporting',
    };
    if (d.uniform() < demand.followOnShare) fault.followOn = (fault.trade + d.int(1, TRADES.length - 1)) % TRADES.length;
    this.faults.push(fault);
    return fault;
  }
}

/** The index a uniform draw u falls on, given shares that sum to 1. */
function pick(u: number, shares: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < shares.length; i++) {
    acc += shares[i]!;
    if (u < acc) return i;
  }
  return shares.length - 1;
}
