/** What the event heap needs of an event: its time and its place in the order of scheduling. */
export interface Timed {
  t: number;
  seq: number;
}

/**
 * The sim's event list: a binary min-heap on (time, insertion sequence), holding the events
 * themselves so each move shifts one reference. Equal times fire in the order they were scheduled.
 */
export class EventHeap<T extends Timed> {
  private readonly heap: T[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.t : Infinity;
  }

  push(item: T): void {
    item.seq = this.counter++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p]!;
      if (parent.t < item.t || (parent.t === item.t && parent.seq < item.seq)) break;
      heap[i] = parent;
      i = p;
    }
    heap[i] = item;
  }

  /** Removes the first event; check peekTime first. */
  pop(): T {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let c = l;
        let child = heap[l]!;
        if (l + 1 < n) {
          const right = heap[l + 1]!;
          if (right.t < child.t || (right.t === child.t && right.seq < child.seq)) {
            c = l + 1;
            child = right;
          }
        }
        if (last.t < child.t || (last.t === child.t && last.seq < child.seq)) break;
        heap[i] = child;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
