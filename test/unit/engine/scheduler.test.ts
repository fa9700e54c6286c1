import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/engine/scheduler';

describe('Scheduler', () => {
  it('hands events out in time order, ties in the order they were scheduled', () => {
    const s = new Scheduler<string>();
    s.at(5, 'c');
    s.at(1, 'a');
    s.at(5, 'd');
    s.at(1, 'b');
    const seen: string[] = [];
    s.runUntil(10, (e, now) => seen.push(`${e}@${now}`));
    expect(seen).toEqual(['a@1', 'b@1', 'c@5', 'd@5']);
    expect(s.now).toBe(10);
    expect(s.handled).toBe(4);
  });

  it('keeps events after the horizon for later, and runs events a handler schedules at now', () => {
    const s = new Scheduler<string>();
    s.at(3, 'first');
    s.at(30, 'late');
    const seen: string[] = [];
    s.runUntil(10, (e, now) => {
      seen.push(e);
      if (e === 'first') s.at(now, 'follow-up');
    });
    expect(seen).toEqual(['first', 'follow-up']);
    expect(s.nextAt).toBe(30);
  });

  it('cancels an event, and cancelling twice or after it came out does nothing', () => {
    const s = new Scheduler<string>();
    const a = s.at(2, 'a');
    s.at(4, 'b');
    s.cancel(a);
    s.cancel(a);
    const seen: string[] = [];
    s.runUntil(10, (e) => seen.push(e));
    expect(seen).toEqual(['b']);
    const c = s.at(12, 'c');
    s.runUntil(20, (e) => seen.push(e));
    s.cancel(c);
    expect(seen).toEqual(['b', 'c']);
  });

  it('refuses an event in the past', () => {
    const s = new Scheduler<string>();
    s.runUntil(100, () => {});
    expect(() => s.at(99, 'too late')).toThrow(/before now/);
  });

  it('orders any set of events as a stable sort by time would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }), (times) => {
        const s = new Scheduler<number>();
        times.forEach((t, i) => s.at(t, i));
        const seen: number[] = [];
        s.runUntil(Infinity, (i) => seen.push(i));
        const expected = times
          .map((t, i) => [t, i] as const)
          .sort((x, y) => x[0] - y[0] || x[1] - y[1])
          .map(([, i]) => i);
        expect(seen).toEqual(expected);
      }),
    );
  });

  it('takes events one at a time in the same order runUntil hands them out, and stops at the horizon', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 100 }), fc.integer({ min: 0, max: 600 }), (times, horizon) => {
        const a = new Scheduler<number>();
        const b = new Scheduler<number>();
        times.forEach((t, i) => {
          a.at(t, i);
          b.at(t, i);
        });
        const handed: string[] = [];
        a.runUntil(horizon, (i, now) => handed.push(`${i}@${now}`));
        const taken: string[] = [];
        for (let e = b.take(horizon); e !== undefined; e = b.take(horizon)) taken.push(`${e}@${b.now}`);
        expect(taken).toEqual(handed);
        expect(b.handled).toBe(a.handled);
        expect(b.nextAt).toBe(a.nextAt);
      }),
    );
  });

  it('moves an event to a new time, as if scheduled afresh then, and refuses one not scheduled or in the past', () => {
    const s = new Scheduler<string>();
    const a = s.at(5, 'a');
    s.at(8, 'b');
    s.reschedule(a, 8);
    const seen: string[] = [];
    s.runUntil(7, (e) => seen.push(e));
    expect(seen).toEqual([]);
    s.runUntil(10, (e) => seen.push(e));
    // Moved to 8 after b was scheduled for 8: it comes after b.
    expect(seen).toEqual(['b', 'a']);
    expect(() => s.reschedule(a, 20)).toThrow(/not scheduled/);
    const c = s.at(30, 'c');
    expect(() => s.reschedule(c, 9)).toThrow(/before now/);
  });
});
