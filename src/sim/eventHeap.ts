/**
 * An empty array that V8 already treats as holding objects. A plain [] starts as an array of
 * small integers and changes kind on its first object; optimised code built for the changed kind
 * then fails on the next run's fresh [], and is thrown away and rebuilt. Starting every run's
 * arrays in their final kind avoids that.
 */
export function objectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.pop();
  return a as T[];
}

/** What the event heap needs of an event: its time and its place in the order of scheduling. */
export interface Timed {
  t: number;
  /** Set by the heap when the event is scheduled. */
  seq: number;
  /** The heap's handle on the event while it is in the heap (-1 or absent when not). Set by the heap. */
  slot?: number;
  /** The bucket a parked event waits in (-Infinity or absent when not parked), and its index there. Set by the heap. */
  bucket?: number;
  bpos?: number;
}

/**
 * The sim's event list: a 4-ary min-heap on (time, insertion sequence). Equal times fire in the
 * order they were scheduled (a rescheduled event counts as scheduled when it was moved).
 *
 * Each scheduled event holds a slot; the heap itself is typed arrays of slots and their keys, so
 * a sift reads and writes contiguous numbers and never touches the events. The slot's position
 * is tracked, so an event can be cancelled or moved in O(log n).
 *
 * Events far ahead that will probably be cancelled (a citizen's next chase, the day they give up)
 * can be parked instead: they wait unsorted in a bucket per period of `bucketWidth` time, where
 * cancelling or moving them costs O(1), and join the heap, keeping the sequence number they were
 * given when parked, before anything in their period can be taken. The order is the same either way.
 */
export class EventHeap<T extends Timed> {
  /** The event in each slot. */
  private items: (T | undefined)[] = objectArray();
  /** By heap position: the slot there, its time and its sequence number. */
  private slots = new Int32Array(256);
  private times = new Float64Array(256);
  private seqs = new Float64Array(256);
  /** By slot: its position in the heap. */
  private posOf = new Int32Array(256);
  private freeSlots: number[] = [];
  private n = 0;
  private counter = 0;
  /** Parked events by bucket (index = bucket number - firstBucket). */
  private buckets: T[][] = objectArray();
  private firstBucket = 0;
  /** The first bucket not yet moved into the heap; events due before it go straight to the heap. */
  private nextBucket = -Infinity;
  private parked = 0;
  /** Move the next bucket into the heap once the heap's first event is this late (half a bucket early: early is harmless). */
  private moveAt = Infinity;
  /** When the last event taken was due: nothing new can be due before it. */
  private lastTime = -Infinity;

  constructor(private readonly bucketWidth = 1440) {
    // Slots 0..255 ready for use, taken lowest first: the heap rarely needs to make a new one.
    for (let i = 0; i < 256; i++) {
      this.items.push(undefined);
      this.freeSlots.push(255 - i);
    }
    this.posOf.fill(-1);
  }

  get size(): number {
    return this.n + this.parked;
  }

  peekTime(): number {
    if (this.parked > 0 && !(this.n > 0 && this.times[0]! < this.moveAt)) this.unpark();
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  push(item: T): void {
    item.seq = this.counter++;
    this.insert(item);
  }

  /**
   * Schedules an event that will probably be cancelled or moved before it is due: it waits in its
   * period's bucket rather than in the heap. It fires exactly when push would have fired it.
   */
  park(item: T): void {
    item.seq = this.counter++;
    this.toBucket(item);
  }

  private toBucket(item: T): void {
    const b = Math.floor(item.t / this.bucketWidth);
    if (this.nextBucket === -Infinity) {
      // The buckets start at the present (the last event taken), or at this event if none was.
      const first = Math.floor((this.lastTime > -Infinity ? this.lastTime : item.t) / this.bucketWidth);
      if (!(first <= b)) {
        this.insert(item);
        return;
      }
      this.nextBucket = first;
      this.firstBucket = first;
      this.moveAt = (first - 0.5) * this.bucketWidth;
    }
    // Due before the buckets still waiting (or absurdly far ahead, or not a time): straight to the heap.
    if (!(b >= this.nextBucket && b - this.nextBucket < 1 << 20)) {
      this.insert(item);
      return;
    }
    const i = b - this.firstBucket;
    while (this.buckets.length <= i) this.buckets.push(objectArray());
    const bucket = this.buckets[i]!;
    item.bucket = b;
    item.bpos = bucket.length;
    bucket.push(item);
    this.parked++;
  }

  /** Moves parked buckets into the heap until the heap's first event comes before the next bucket. */
  private unpark(): void {
    const W = this.bucketWidth;
    while (this.parked > 0 && !(this.n > 0 && this.times[0]! < this.moveAt)) {
      const i = this.nextBucket - this.firstBucket;
      const bucket = this.buckets[i];
      this.nextBucket++;
      this.moveAt = (this.nextBucket - 0.5) * W;
      if (bucket === undefined || bucket.length === 0) continue;
      this.buckets[i] = objectArray();
      for (let j = 0; j < bucket.length; j++) {
        const item = bucket[j]!;
        item.bucket = -Infinity;
        this.parked--;
        this.insert(item);
      }
    }
  }

  private unbucket(item: T): void {
    const bucket = this.buckets[item.bucket! - this.firstBucket]!;
    const last = bucket.pop()!;
    if (last !== item) {
      bucket[item.bpos!] = last;
      last.bpos = item.bpos!;
    }
    item.bucket = -Infinity;
    this.parked--;
  }

  private isParked(item: T): boolean {
    const b = item.bucket;
    return b !== undefined && b !== -Infinity;
  }

  /** Puts an item (its sequence number already given) into the heap. */
  private insert(item: T): void {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.items.length;
      if (slot === this.posOf.length) this.growSlots();
      this.items.push(item);
    } else {
      this.items[slot] = item;
    }
    item.slot = slot;
    if (this.n === this.times.length) this.grow();
    this.up(this.n++, slot, item.t, item.seq);
  }

  /** Removes the first event; check peekTime (or size) first. */
  pop(): T {
    if (this.parked > 0) this.peekTime();
    this.lastTime = this.times[0]!;
    const slot = this.slots[0]!;
    const n = --this.n;
    if (n > 0) this.down(0, this.slots[n]!, this.times[n]!, this.seqs[n]!);
    return this.release(slot);
  }

  /** True while the event is scheduled (in the heap or parked). */
  has(item: T): boolean {
    return this.inHeap(item) || this.isParked(item);
  }

  private inHeap(item: T): boolean {
    const slot = item.slot;
    return slot !== undefined && slot >= 0 && this.items[slot] === item;
  }

  /** Cancels a scheduled event (nothing happens if it is not scheduled). */
  remove(item: T): void {
    if (this.isParked(item)) {
      this.unbucket(item);
      return;
    }
    if (!this.inHeap(item)) return;
    const slot = item.slot!;
    const i = this.posOf[slot]!;
    const n = --this.n;
    if (i !== n) this.place(i, this.slots[n]!, this.times[n]!, this.seqs[n]!);
    this.release(slot);
  }

  /**
   * Moves an event to time t, as if cancelled and scheduled afresh now: it takes a new place in
   * the order of scheduling. Schedules it if it was not in the heap.
   */
  reschedule(item: T, t: number): void {
    if (this.isParked(item)) this.unbucket(item);
    item.t = t;
    if (!this.inHeap(item)) {
      this.push(item);
      return;
    }
    const seq = this.counter++;
    item.seq = seq;
    const slot = item.slot!;
    this.place(this.posOf[slot]!, slot, t, seq);
  }

  /** Like reschedule, but parks the event (see park). */
  repark(item: T, t: number): void {
    this.remove(item);
    item.t = t;
    this.park(item);
  }

  private release(slot: number): T {
    const item = this.items[slot]!;
    this.items[slot] = undefined;
    this.posOf[slot] = -1;
    this.freeSlots.push(slot);
    item.slot = -1;
    return item;
  }

  /** Puts an entry at position i (a hole) and sifts it whichever way it needs to go. */
  private place(i: number, slot: number, t: number, s: number): void {
    if (i > 0) {
      const p = (i - 1) >> 2;
      const tp = this.times[p]!;
      if (t < tp || (t === tp && s < this.seqs[p]!)) {
        this.up(i, slot, t, s);
        return;
      }
    }
    this.down(i, slot, t, s);
  }

  private up(i: number, slot: number, t: number, s: number): void {
    const slots = this.slots;
    const times = this.times;
    const seqs = this.seqs;
    const posOf = this.posOf;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const tp = times[p]!;
      if (tp < t || (tp === t && seqs[p]! < s)) break;
      const ps = slots[p]!;
      slots[i] = ps;
      posOf[ps] = i;
      times[i] = tp;
      seqs[i] = seqs[p]!;
      i = p;
    }
    slots[i] = slot;
    posOf[slot] = i;
    times[i] = t;
    seqs[i] = s;
  }

  private down(i: number, slot: number, t: number, s: number): void {
    const slots = this.slots;
    const times = this.times;
    const seqs = this.seqs;
    const posOf = this.posOf;
    const n = this.n;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The earliest of up to four children.
      let c = first;
      let tc = times[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < end; j++) {
        const tj = times[j]!;
        if (tj < tc || (tj === tc && seqs[j]! < seqs[c]!)) {
          c = j;
          tc = tj;
        }
      }
      if (t < tc || (t === tc && s < seqs[c]!)) break;
      const cs = slots[c]!;
      slots[i] = cs;
      posOf[cs] = i;
      times[i] = tc;
      seqs[i] = seqs[c]!;
      i = c;
    }
    slots[i] = slot;
    posOf[slot] = i;
    times[i] = t;
    seqs[i] = s;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }

  private growSlots(): void {
    const posOf = new Int32Array(this.posOf.length * 2);
    posOf.set(this.posOf);
    this.posOf = posOf;
  }
}
