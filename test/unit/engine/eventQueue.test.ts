import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/engine/eventQueue';

interface Ev {
  t: number;
  slot: number;
  name: string;
}
const ev = (t: number, name: string): Ev => ({ t, slot: -1, name });

/** The queue as the sim uses it, with an object per event kept by slot: taken events are freed at once. */
class Objects {
  readonly q: EventQueue;
  private bySlot = new Map<number, Ev>();
  constructor(width?: number, ring?: number, farDays?: number) {
    this.q = new EventQueue(width, ring, farDays);
  }
  push(e: Ev): void {
    e.slot = this.q.push(e.t);
    expect(this.bySlot.has(e.slot)).toBe(false);
    this.bySlot.set(e.slot, e);
  }
  pop(): Ev {
    const e = this.take();
    this.bySlot.delete(e.slot);
    this.q.free(e.slot);
    e.slot = -1;
    return e;
  }
  /** Takes the next event and schedules it again at t from its taken slot, before freeing it (as the sim may). */
  popAndAgain(t: number): Ev {
    const e = this.take();
    e.t = t;
    this.q.reschedule(e.slot, t);
    return e;
  }
  private take(): Ev {
    const slot = this.q.pop();
    const e = this.bySlot.get(slot)!;
    expect(e.slot).toBe(slot);
    expect(this.q.has(slot)).toBe(false);
    return e;
  }
  has(e: Ev): boolean {
    return e.slot >= 0 && this.bySlot.get(e.slot) === e && this.q.has(e.slot);
  }
  remove(e: Ev): void {
    if (!this.has(e)) return;
    this.q.remove(e.slot);
    this.bySlot.delete(e.slot);
    e.slot = -1;
  }
  reschedule(e: Ev, t: number): void {
    if (!this.has(e)) {
      e.t = t;
      this.push(e);
      return;
    }
    this.q.reschedule(e.slot, t);
    e.t = t;
  }
  peekTime(): number {
    return this.q.peekTime();
  }
  get size(): number {
    return this.q.size;
  }
}

/** What the queue must do, done the slow and obvious way: a list searched for its earliest (time, order of scheduling). */
class Reference {
  private items: { ev: Ev; order: number }[] = [];
  private counter = 0;
  push(e: Ev): void {
    this.items.push({ ev: e, order: this.counter++ });
  }
  remove(e: Ev): void {
    this.items = this.items.filter((x) => x.ev !== e);
  }
  has(e: Ev): boolean {
    return this.items.some((x) => x.ev === e);
  }
  private earliest(): number {
    let best = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i]!;
      const b = this.items[best]!;
      if (a.ev.t < b.ev.t || (a.ev.t === b.ev.t && a.order < b.order)) best = i;
    }
    return best;
  }
  pop(): Ev {
    return this.items.splice(this.earliest(), 1)[0]!.ev;
  }
  peekTime(): number {
    return this.items.length === 0 ? Infinity : this.items[this.earliest()]!.ev.t;
  }
  get size(): number {
    return this.items.length;
  }
}

describe('EventQueue (the sim event list)', () => {
  it('fires in time order, equal times in the order they were scheduled', () => {
    const q = new Objects();
    for (const [t, n] of [
      [5, 'a'],
      [1, 'b'],
      [5, 'c'],
      [3, 'd'],
      [1, 'e'],
      [5, 'f'],
    ] as const)
      q.push(ev(t, n));
    const order: string[] = [];
    while (q.size > 0) order.push(q.pop().name);
    expect(order).toEqual(['b', 'e', 'd', 'a', 'c', 'f']);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('orders events days apart, waiting in buckets, among events due within the hour', () => {
    const q = new Objects(60);
    const times = [3 * 1440 + 7, 5, 1440 + 30, 59.5, 60, 61, 2 * 1440, 1440 + 30, -100, 10_000_000, Infinity];
    times.forEach((t, i) => q.push(ev(t, String(i))));
    const out: number[] = [];
    while (q.size > 0) out.push(q.pop().t);
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('cancels and moves events wherever they wait, and says which are scheduled', () => {
    const q = new Objects(60);
    const a = ev(10, 'a');
    const b = ev(5000, 'b');
    const c = ev(20, 'c');
    q.push(a);
    q.push(b);
    q.push(c);
    expect(q.pop()).toBe(a); // c is in the heap by now; b still waits in its bucket
    q.remove(b);
    expect(q.has(b)).toBe(false);
    q.reschedule(c, 6000);
    q.reschedule(b, 15); // not scheduled: scheduled afresh
    expect(q.has(b)).toBe(true);
    q.remove(ev(1, 'stranger')); // never scheduled: nothing happens
    q.q.remove(200); // a slot never handed out: nothing happens
    expect([q.pop().name, q.pop().name, q.size]).toEqual(['b', 'c', 0]);
  });

  it('matches the obvious list for any mix of scheduling, taking, cancelling and moving', () => {
    // Times near now, later today, days and weeks ahead (past the ring and the far days), ties,
    // the late (before now), and the extremes: -Infinity, never due, Infinity.
    const dt = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 4 },
      { arbitrary: fc.double({ min: 0, max: 20_000, noNaN: true }), weight: 3 },
      { arbitrary: fc.double({ min: 0, max: 400_000, noNaN: true }), weight: 2 },
      { arbitrary: fc.double({ min: -300, max: 0, noNaN: true }), weight: 1 },
      { arbitrary: fc.constantFrom(0, 1440, 1e11, 2 ** 60, Infinity, -Infinity), weight: 1 },
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), dt }),
      fc.record({ kind: fc.constant('pop' as const) }),
      // Taking the next event and scheduling it again from its slot before that is freed.
      fc.record({ kind: fc.constant('again' as const), dt }),
      // Looking without taking, as the sim does before it stops at a given time and the player acts.
      fc.record({ kind: fc.constant('peek' as const) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), dt }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 50, maxLength: 600, size: 'max' }),
        // Bucket width, ring size and far days: the sim's, and small ones so that events often
        // wait in far days or beyond them.
        fc.constantFrom([1, 1 << 12, 1 << 16], [1, 1 << 12, 3], [60, 64, 2], [1440, 2, 1]),
        fc.integer({ min: -600_000, max: 5000 }),
        // Sometimes 300 events at the start, so that the queue grows past its first 256 slots.
        fc.boolean(),
        (ops, [width, ring, farDays], start, burst) => {
          const q = new Objects(width, ring, farDays);
          const ref = new Reference();
          const all: Ev[] = [];
          let now = start;
          const schedule = (t: number) => {
            const e = ev(t, String(all.length));
            all.push(e);
            q.push(e);
            ref.push(e);
          };
          if (burst) for (let i = 0; i < 300; i++) schedule(now + ((i * 7919) % 5000));
          for (const o of ops) {
            if (o.kind === 'push') {
              schedule(now + o.dt);
            } else if (o.kind === 'peek') {
              expect(q.peekTime()).toBe(ref.peekTime());
            } else if (o.kind === 'again') {
              if (ref.size === 0) continue;
              const want = ref.pop();
              if (Number.isFinite(want.t)) now = want.t;
              const t = now + o.dt;
              expect(q.popAndAgain(t)).toBe(want);
              ref.push(want);
            } else if (o.kind === 'pop') {
              expect(q.size).toBe(ref.size);
              if (ref.size === 0) continue;
              const want = ref.pop();
              expect(q.peekTime()).toBe(want.t);
              expect(q.pop()).toBe(want);
              if (Number.isFinite(want.t)) now = want.t;
            } else if (all.length > 0) {
              const e = all[o.pick % all.length]!;
              expect(q.has(e)).toBe(ref.has(e));
              ref.remove(e);
              if (o.kind === 'move') {
                // Moved where it waits (or scheduled afresh if it was not): it counts as scheduled now.
                q.reschedule(e, now + o.dt);
                ref.push(e);
              } else {
                q.remove(e);
              }
            }
          }
          const rest: Ev[] = [];
          while (q.size > 0) rest.push(q.pop());
          const want: Ev[] = [];
          while (ref.size > 0) want.push(ref.pop());
          expect(rest).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps order when an event waits beyond the far days and the ring later passes it (the review case)', () => {
    const q = new Objects(1, 1 << 12, 4);
    const day = 1440;
    const a = ev(0, 'a');
    // The ring reaches day 2; far days are 2 to 5; day 6 on is beyond.
    const e = ev(5.5 * day, 'e');
    const b = ev(6.5 * day, 'b');
    q.push(a);
    q.push(e);
    q.push(b);
    expect(q.pop()).toBe(a);
    expect(q.pop()).toBe(e);
    const d = ev(e.t + 1.7 * day, 'd'); // once e is taken, inside the ring's reach, but after b
    q.push(d);
    expect(q.pop()).toBe(b);
    expect(q.pop()).toBe(d);
  });

  it('puts events at -Infinity first even before any other time is known, and never-due times last', () => {
    const q = new Objects();
    const order = [ev(-Infinity, 'a'), ev(2 ** 60, 'z'), ev(5, 'b'), ev(-Infinity, 'a2'), ev(Infinity, 'zz'), ev(2 ** 60 + 1024, 'z2')];
    for (const e of order) q.push(e);
    const out: string[] = [];
    while (q.size > 0) out.push(q.pop().name);
    expect(out).toEqual(['a', 'a2', 'b', 'z', 'z2', 'zz']);
  });

  it("keeps a taken event's slot until it is freed: it can be scheduled again meanwhile, and is reused only once freed", () => {
    const q = new EventQueue();
    const a = q.push(10);
    const b = q.push(20);
    expect(q.pop()).toBe(a);
    expect(q.has(a)).toBe(false);
    q.remove(a); // taken, not scheduled: nothing happens, and the slot stays the taker's
    const c = q.push(30);
    expect(c).not.toBe(a);
    q.reschedule(a, 15); // scheduled again from where it was taken
    expect(q.has(a)).toBe(true);
    expect([q.pop(), q.pop(), q.pop(), q.size]).toEqual([a, b, c, 0]);
    q.free(c);
    expect(() => q.free(c)).toThrow(/not taken/); // freed twice: it would be handed out twice
    expect(() => q.reschedule(c, 50)).toThrow(/free/); // a freed slot is nobody's to move
    q.remove(c); // nor to cancel: nothing happens
    expect(q.push(40)).toBe(c);
    expect(() => q.free(c)).toThrow(/not taken/); // scheduled, not taken
    expect(q.capacity).toBeGreaterThanOrEqual(256);
  });
});
