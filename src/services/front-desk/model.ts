// The front desk: a textbook queue on the engine. Visitors arrive in a Poisson stream, each with
// the minutes they will need at the desk (drawn as they arrive, from the demand stream, so the same
// visitors meet any number of clerks); a free clerk takes the longest-waiting visitor. Nothing
// else happens: no abandonment, no repeat visits, no failure demand. Its long-run figures are
// those of queueing theory (Erlang C, Pollaczek-Khinchine, Little's law), which is what it is for:
// a check of the engine's clock, event list and streams against known answers.
import { DAY } from '../../engine/calendar';
import { grown } from '../../engine/grown';
import { prepare, type Sampler, Stream } from '../../engine/random';
import { Scheduler } from '../../engine/scheduler';
import type { Regime, ServiceAction } from '../../engine/service';
import { CLERK } from './catalogue';
import type { FrontDeskLevel } from './schema';

/** A visitor arrives, or a clerk is done with one (the queue needs no more than that). */
type Event = { kind: 'arrival' } | { kind: 'done' };

const ARRIVAL: Event = { kind: 'arrival' };
const DONE: Event = { kind: 'done' };

export class FrontDeskSim {
  readonly level: FrontDeskLevel;
  readonly seed: number;
  readonly regime: Regime;
  private readonly events = new Scheduler<Event>();
  private readonly demand: Stream;
  private readonly serve: Sampler;
  /** Clerks on the books now, and how many are with a visitor. */
  clerks: number;
  busy = 0;

  /** Visitors so far, by id from 0 in order of arrival: when they arrived, waited and will need. */
  count = 0;
  private arrivedAt = new Float64Array(4096);
  /** Minutes waited before a clerk took them; NaN while still queueing. */
  private waitedFor = new Float64Array(4096);
  private needs = new Float64Array(4096);
  /** The queue: ids from head to count - 1 that are still waiting, in order of arrival. */
  private head = 0;

  /** Since day 0: minutes clerks were with visitors and on the books, and the queue's length integrated over time. */
  busyMinutes = 0;
  staffedMinutes = 0;
  queueMinutes = 0;
  private accruedTo: number;
  /** The first visitor measured: the first to arrive on or after day 0. */
  firstMeasured = -1;

  constructor(level: FrontDeskLevel, seed: number, regime: Regime) {
    this.level = level;
    this.seed = seed;
    this.regime = regime;
    this.demand = new Stream(seed, 'demand');
    this.serve = prepare(level.demand.serviceMinutes);
    this.clerks = level.clerks;
    const start = -level.warmUpDays * DAY;
    this.events.now = start;
    this.accruedTo = start;
    this.events.at(start + this.demand.exponential(DAY / level.demand.visitorsPerDay), ARRIVAL);
  }

  get now(): number {
    return this.events.now;
  }

  get eventsProcessed(): number {
    return this.events.handled;
  }

  /** Visitors still queueing. */
  get queueing(): number {
    return this.count - this.head;
  }

  arrivedAtOf(id: number): number {
    return this.arrivedAt[id]!;
  }

  waitedOf(id: number): number {
    return this.waitedFor[id]!;
  }

  advanceTo(t: number): void {
    const events = this.events;
    for (let e = events.take(t); e !== undefined; e = events.take(t)) {
      this.accrue(events.now);
      if (e.kind === 'arrival') this.onArrival();
      else this.onDone();
    }
    if (t > events.now) events.now = t;
    this.accrue(t);
  }

  apply(action: ServiceAction): void {
    if (action.at < this.now) throw new RangeError(`an action at minute ${action.at} is before now (${this.now})`);
    this.advanceTo(action.at);
    if (action.kind !== 'staff' || action.role !== CLERK) throw new RangeError(`the front desk takes only staff actions for "${CLERK}"`);
    this.clerks = action.count;
    this.startWhileFree();
  }

  /** Counts clerks' time and the queue's length from the last event to t (measured from day 0 on). */
  private accrue(t: number): void {
    const from = Math.max(this.accruedTo, 0);
    if (t > from) {
      const dt = t - from;
      this.busyMinutes += this.busy * dt;
      // A clerk taken off the books while with a visitor is on them until the visitor is seen.
      this.staffedMinutes += Math.max(this.busy, this.clerks) * dt;
      this.queueMinutes += (this.count - this.head) * dt;
    }
    if (t > this.accruedTo) this.accruedTo = t;
  }

  private onArrival(): void {
    const now = this.now;
    const id = this.count++;
    if (id === this.arrivedAt.length) this.grow();
    if (this.firstMeasured < 0 && now >= 0) this.firstMeasured = id;
    this.arrivedAt[id] = now;
    this.waitedFor[id] = Number.NaN;
    // Both from the demand stream, in the same order: the same visitors whatever the staffing.
    this.needs[id] = this.demand.draw(this.serve);
    this.events.at(now + this.demand.exponential(DAY / this.level.demand.visitorsPerDay), ARRIVAL);
    this.startWhileFree();
  }

  private onDone(): void {
    this.busy--;
    this.startWhileFree();
  }

  /** Free clerks take the longest-waiting visitors (a clerk taken off the books finishes their visitor first). */
  private startWhileFree(): void {
    while (this.busy < this.clerks && this.head < this.count) {
      const id = this.head++;
      this.waitedFor[id] = this.now - this.arrivedAt[id]!;
      this.busy++;
      this.events.at(this.now + this.needs[id]!, DONE);
    }
  }

  private grow(): void {
    const n = this.arrivedAt.length * 2;
    this.arrivedAt = grown(this.arrivedAt, n);
    this.waitedFor = grown(this.waitedFor, n);
    this.needs = grown(this.needs, n);
  }
}
