import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/sim/eventHeap';

interface Ev {
  t: number;
  seq: number;
  name: string;
}
const ev = (t: number, name: string): Ev => ({ t, seq: 0, name });

describe('EventHeap (the sim event list)', () => {
  it('fires in time order, equal times in the order they were scheduled', () => {
    const h = new EventHeap<Ev>();
    for (const [t, n] of [[5, 'a'], [1, 'b'], [5, 'c'], [3, 'd'], [1, 'e'], [5, 'f']] as const) h.push(ev(t, n));
    const order: string[] = [];
    while (h.size > 0) order.push(h.pop().name);
    expect(order).toEqual(['b', 'e', 'd', 'a', 'c', 'f']);
    expect(h.peekTime()).toBe(Infinity);
  });

  it('agrees with a stable sort on many events with many ties, pushed and popped interleaved', () => {
    let x = 12345;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const h = new EventHeap<Ev>();
    const reference: Ev[] = [];
    const out: Ev[] = [];
    let now = 0;
    for (let i = 0; i < 5000; i++) {
      const e = ev(now + Math.floor(rand() * 20), String(i));
      h.push(e);
      reference.push(e);
      if (rand() < 0.4) {
        const next = h.pop();
        now = next.t;
        out.push(next);
      }
    }
    while (h.size > 0) out.push(h.pop());
    for (let i = 1; i < out.length; i++) {
      const a = out[i - 1]!;
      const b = out[i]!;
      expect(a.t < b.t || (a.t === b.t && a.seq < b.seq)).toBe(true);
    }
    expect(out.length).toBe(reference.length);
  });
});
