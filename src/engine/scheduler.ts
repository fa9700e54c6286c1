import { EventQueue } from './eventQueue';

/**
 * The event list with a payload per event: events come out in time order, ties in the order they
 * were scheduled (the EventQueue's rule). Each event is one plain object of a service's own event
 * union, so an event kind cannot forget a field its handler reads: the type says what it carries.
 */
export class Scheduler<E> {
  private readonly queue = new EventQueue();
  private readonly payload: (E | undefined)[] = [];
  /** The time of the event being handled, or of the last one handled. */
  now = 0;
  /** Events handled so far. */
  handled = 0;

  /** Schedules an event at time t (not before now) and returns a handle to cancel it. */
  at(t: number, event: E): number {
    if (t < this.now) throw new RangeError(`an event at minute ${t} is before now (${this.now})`);
    const slot = this.queue.push(t);
    this.payload[slot] = event;
    return slot;
  }

  /** Cancels a scheduled event (nothing happens if it has already come out). */
  cancel(handle: number): void {
    if (!this.queue.has(handle)) return;
    this.queue.remove(handle);
    this.payload[handle] = undefined;
  }

  /** Moves a scheduled event to time t (not before now), as if cancelled and scheduled afresh then; its handle stays its own. */
  reschedule(handle: number, t: number): void {
    if (t < this.now) throw new RangeError(`an event moved to minute ${t} is before now (${this.now})`);
    if (!this.queue.has(handle)) throw new RangeError(`event ${handle} is not scheduled, so cannot be moved`);
    this.queue.reschedule(handle, t);
  }

  /** When the next event is due (Infinity: none). */
  get nextAt(): number {
    return this.queue.size === 0 ? Infinity : this.queue.peekTime();
  }

  /**
   * Takes the next event due up to and including time t, setting now to its time; undefined when
   * none is due (now is left as it is). A loop of take is runUntil without a callback, for a hot
   * loop that would rather call its handler directly.
   */
  take(t: number): E | undefined {
    const queue = this.queue;
    if (queue.size === 0) return undefined;
    const at = queue.peekTime();
    if (at > t) return undefined;
    const slot = queue.pop();
    const event = this.payload[slot] as E;
    this.payload[slot] = undefined;
    queue.free(slot);
    this.now = at;
    this.handled++;
    return event;
  }

  /** Handles every event due up to and including time t, in order, then sets now to t. */
  runUntil(t: number, handle: (event: E, now: number) => void): void {
    for (let e = this.take(t); e !== undefined; e = this.take(t)) handle(e, this.now);
    if (t > this.now) this.now = t;
  }
}
