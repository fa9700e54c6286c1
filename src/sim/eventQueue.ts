/**
 * A binary min-heap of events ordered by (time, priority, insertion sequence): events at equal
 * times always fire in the same order, whatever the engine. Stored as parallel arrays so the
 * hot loop allocates nothing per event beyond its payload.
 */
export class EventQueue<T> {
  private times: number[] = [];
  private prios: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, priority: number, item: T): void {
    let i = this.items.length;
    const seq = this.counter++;
    this.times.push(time);
    this.prios.push(priority);
    this.seqs.push(seq);
    this.items.push(item);
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(time, priority, seq, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, time, priority, seq, item);
  }

  peekTime(): number {
    return this.items.length > 0 ? this.times[0]! : Infinity;
  }

  /** Removes the first event; call peekTime first to know there is one. */
  pop(): T {
    const top = this.items[0]!;
    const last = this.items.length - 1;
    const t = this.times[last]!;
    const pr = this.prios[last]!;
    const sq = this.seqs[last]!;
    const it = this.items[last]!;
    this.times.pop();
    this.prios.pop();
    this.seqs.pop();
    this.items.pop();
    if (last > 0) {
      let i = 0;
      const n = last;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.lessIdx(r, l) ? r : l;
        if (!this.lessAt(c, t, pr, sq)) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, t, pr, sq, it);
    }
    return top;
  }

  private less(t: number, p: number, s: number, j: number): boolean {
    const tj = this.times[j]!;
    if (t !== tj) return t < tj;
    const pj = this.prios[j]!;
    if (p !== pj) return p < pj;
    return s < this.seqs[j]!;
  }

  /** Is the entry at j before (t, p, s)? */
  private lessAt(j: number, t: number, p: number, s: number): boolean {
    const tj = this.times[j]!;
    if (tj !== t) return tj < t;
    const pj = this.prios[j]!;
    if (pj !== p) return pj < p;
    return this.seqs[j]! < s;
  }

  private lessIdx(a: number, b: number): boolean {
    return this.lessAt(a, this.times[b]!, this.prios[b]!, this.seqs[b]!);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.prios[to] = this.prios[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }

  private set(i: number, t: number, p: number, s: number, item: T): void {
    this.times[i] = t;
    this.prios[i] = p;
    this.seqs[i] = s;
    this.items[i] = item;
  }
}
