import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/eventQueue';

/** A small seeded LCG (Numerical Recipes constants), so the randomized checks are reproducible. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function drain<T>(q: EventQueue<T>): T[] {
  const out: T[] = [];
  while (q.size > 0) out.push(q.pop());
  return out;
}

interface Entry {
  time: number;
  priority: number;
  seq: number;
}

function before(a: Entry, b: Entry): boolean {
  return a.time !== b.time ? a.time < b.time : a.priority !== b.priority ? a.priority < b.priority : a.seq < b.seq;
}

/** The first entry in reference order, by a linear scan. */
function referenceFirst(entries: readonly Entry[]): Entry {
  let best = entries[0]!;
  for (const e of entries) if (before(e, best)) best = e;
  return best;
}

/** The reference order: time, then priority, then insertion order. */
function referenceOrder(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
}

describe('EventQueue', () => {
  it('is empty to start: size 0 and peekTime Infinity', () => {
    const q = new EventQueue<string>();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('peekTime returns to Infinity once drained', () => {
    const q = new EventQueue<string>();
    q.push(5, 0, 'a');
    expect(q.peekTime()).toBe(5);
    expect(q.pop()).toBe('a');
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('pops in time order, whatever the push order', () => {
    const q = new EventQueue<number>();
    const times = [7, 3, 9, 1, 4, 8, 2, 6, 5, 0, -3, 2.5, 1e9, -1e9];
    for (const t of times) q.push(t, 0, t);
    expect(q.size).toBe(times.length);
    const popped: number[] = [];
    while (q.size > 0) {
      const t = q.peekTime();
      const item = q.pop();
      expect(item).toBe(t);
      popped.push(item);
    }
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });

  it('orders equal times by priority (lower first)', () => {
    const q = new EventQueue<string>();
    q.push(10, 2, 'p2');
    q.push(10, 0, 'p0');
    q.push(10, 1, 'p1');
    q.push(10, -1, 'p-1');
    q.push(5, 9, 'early');
    expect(drain(q)).toEqual(['early', 'p-1', 'p0', 'p1', 'p2']);
  });

  it('breaks full ties (same time and priority) by insertion order', () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 50; i++) q.push(1, 0, i);
    expect(drain(q)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('is stable among equal keys mixed with other keys', () => {
    const q = new EventQueue<string>();
    q.push(2, 0, 'b1');
    q.push(1, 0, 'a1');
    q.push(2, 0, 'b2');
    q.push(1, 1, 'a-late');
    q.push(1, 0, 'a2');
    q.push(2, 0, 'b3');
    q.push(1, 0, 'a3');
    expect(drain(q)).toEqual(['a1', 'a2', 'a3', 'a-late', 'b1', 'b2', 'b3']);
  });

  it('matches a reference sort on many random entries with many duplicates', () => {
    for (const seed of [1, 2, 3, 12345]) {
      const rand = lcg(seed);
      const q = new EventQueue<Entry>();
      const entries: Entry[] = [];
      const n = 3000;
      for (let seq = 0; seq < n; seq++) {
        // Few distinct times and priorities: lots of exact ties.
        const e: Entry = { time: Math.floor(rand() * 40) - 10, priority: Math.floor(rand() * 3), seq };
        entries.push(e);
        q.push(e.time, e.priority, e);
      }
      expect(q.size).toBe(n);
      const expected = referenceOrder(entries);
      const actual = drain(q);
      expect(actual.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    }
  });

  it('keeps order under interleaved pushes and pops (a simulation-like pattern)', () => {
    const rand = lcg(777);
    const q = new EventQueue<Entry>();
    const pending: Entry[] = [];
    let seq = 0;
    let now = 0;
    let pops = 0;
    for (let step = 0; step < 20000; step++) {
      if (pending.length === 0 || rand() < 0.55) {
        // Future events only (as in a DES), times on a coarse grid so ties happen.
        const e: Entry = { time: now + Math.floor(rand() * 8), priority: Math.floor(rand() * 2), seq: seq++ };
        pending.push(e);
        q.push(e.time, e.priority, e);
      } else {
        const expected = referenceFirst(pending);
        expect(q.peekTime()).toBe(expected.time);
        const got = q.pop();
        expect(got).toBe(expected);
        pending.splice(pending.indexOf(expected), 1);
        now = got.time;
        pops++;
      }
      expect(q.size).toBe(pending.length);
    }
    expect(pops).toBeGreaterThan(1000);
    // Whatever is left comes out in reference order too.
    expect(drain(q).map((e) => e.seq)).toEqual(referenceOrder(pending).map((e) => e.seq));
  });

  it('handles arbitrary (also past) times in interleaved use', () => {
    const rand = lcg(99);
    const q = new EventQueue<Entry>();
    const pending: Entry[] = [];
    let seq = 0;
    for (let step = 0; step < 5000; step++) {
      const k = Math.floor(rand() * 4);
      for (let j = 0; j < k; j++) {
        const e: Entry = { time: Math.floor(rand() * 20), priority: Math.floor(rand() * 3) - 1, seq: seq++ };
        pending.push(e);
        q.push(e.time, e.priority, e);
      }
      const pops = Math.min(pending.length, Math.floor(rand() * 4));
      for (let j = 0; j < pops; j++) {
        const expected = referenceFirst(pending);
        expect(q.pop()).toBe(expected);
        pending.splice(pending.indexOf(expected), 1);
      }
    }
    expect(drain(q)).toEqual(referenceOrder(pending));
  });

  it('stores any payload, including falsy values', () => {
    const q = new EventQueue<number | null | string>();
    q.push(3, 0, 0);
    q.push(1, 0, null);
    q.push(2, 0, '');
    expect(q.pop()).toBe(null);
    expect(q.pop()).toBe('');
    expect(q.pop()).toBe(0);
    expect(q.size).toBe(0);
  });
});
