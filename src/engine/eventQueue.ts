import { grown, roomFor } from './grown';

/** Minutes per day: the far tier files events by day. */
const DAY = 1440;
/** Times from here on (2^50 minutes: two billion years) are never due: they only come out when nothing else is left. */
const LAST = 2 ** 50;
/** List ids besides the ring's buckets and the far days: the list beyond, and the events at -Infinity. */
const BEYOND = -2;
const FIRST = -3;
/** A slot's list when it is in none: TAKEN (popped, not yet freed) or FREE. */
const TAKEN = -1;
const FREE = -4;

/** A slot used against the rules: a bug in whoever schedules events, so it stops the run. */
function misuse(slot: number, what: string): never {
  throw new Error(`EventQueue: slot ${slot} ${what}`);
}

/**
 * The sim's event list: events come out in time order, and equal times in the order they were
 * scheduled (a moved event counts as scheduled when it was moved).
 *
 * A calendar queue rather than a heap. Time is cut into buckets `width` minutes wide, and a ring
 * of `ringSize` buckets covers the next few days (4,096 one-minute buckets: under three days, in
 * 16 KB that stay in the processor's fastest cache); each bucket is an unsorted list. Scheduling
 * or cancelling an event is O(1). The next event is the earliest in the first bucket that has any,
 * found by stepping along the ring; buckets are narrow, so that bucket rarely holds more than one
 * or two. Events due beyond the ring wait in a list per day and join the ring when it reaches
 * them. A heap does O(log n) comparisons per event, and which way each goes is a coin toss the
 * processor cannot predict: that cost more than all the rest of the event list together.
 *
 * Events at -Infinity come before all others; times from 2^50 minutes on are never due, and come
 * out only when nothing else is left (a time that is not a number, last of all, in no set order).
 *
 * An event is a slot: a small number the queue hands out when the event is scheduled, and takes
 * back when it is freed. The queue keeps each slot's time and order; whoever schedules events
 * keeps what they are about in arrays of its own, indexed by slot (see capacity), so that taking
 * the next event never has to visit an object made days before.
 */
export class EventQueue {
  /** The list each slot is in: a ring bucket (0 .. ringSize - 1), a far day (ringSize + day - farBase), BEYOND or FIRST; or TAKEN or FREE. */
  private home = new Int32Array(256).fill(FREE);
  /** Neighbours in that list (-1: none). */
  private next = new Int32Array(256).fill(-1);
  private prev = new Int32Array(256).fill(-1);
  /** Each slot's time and its place in the order of scheduling. */
  private timeOf = new Float64Array(256);
  private seqOf = new Float64Array(256);
  private freeSlots: number[] = [];
  /** Slots ever handed out: 0 .. used - 1. */
  private used = 0;
  private counter = 0;

  private readonly mask: number;
  private readonly perDay: number;
  /** First slot of each ring bucket's list (-1: empty). */
  private readonly ring: Int32Array;
  /** One bit per ring bucket, set while it holds events: the ring skips a run of empty buckets (a night) 32 at a time. */
  private readonly occupied: Int32Array;
  private inRing = 0;
  /** The bucket number the ring has reached: every event in the ring is due in [cursor, cursor + ringSize) buckets, or is late and waits in the cursor's bucket. */
  private cursor = Number.NaN;
  /** First slot of each far day's list, by day - farBase. */
  private far = new Int32Array(64).fill(-1);
  private farBase = 0;
  /** The first day whose events have not yet been moved into the ring. */
  private farNext = 0;
  private inFar = 0;
  /** Events further ahead than the far days (or never due), unsorted. */
  private beyond = -1;
  private inBeyond = 0;
  /** The earliest time, never due aside, that has waited beyond since it was last emptied: anything at or after it waits there too, so the ring and far days always come first. */
  private beyondMin = Infinity;
  /** Events at -Infinity, first in, first out (they come before everything, in the order scheduled). */
  private firstHead = -1;
  private firstTail = -1;
  private inFirst = 0;
  /** The next event's slot, once found (-1: look again). */
  private best = -1;

  constructor(
    private readonly width = 1,
    private readonly ringSize = 1 << 12,
    /** Days ahead of the ring's start that the far tier keeps by day. */
    private readonly farDays = 1 << 16,
  ) {
    if ((ringSize & (ringSize - 1)) !== 0 || !Number.isInteger(DAY / width) || ringSize < (2 * DAY) / width) {
      throw new Error('EventQueue: the ring must be a power of two of buckets covering two days or more, and a day a whole number of buckets');
    }
    this.mask = ringSize - 1;
    this.perDay = DAY / width;
    this.ring = new Int32Array(ringSize).fill(-1);
    this.occupied = new Int32Array(Math.ceil(ringSize / 32));
    for (let i = 0; i < 256; i++) this.freeSlots.push(255 - i);
  }

  /** Events scheduled and not yet taken. */
  get size(): number {
    return this.inRing + this.inFar + this.inBeyond + this.inFirst;
  }

  /** When the next event is due (Infinity: none). */
  peekTime(): number {
    const b = this.findNext();
    return b < 0 ? Infinity : this.timeOf[b]!;
  }

  /** Slots run from 0 to capacity - 1: size arrays indexed by slot to this (it grows as needed). */
  get capacity(): number {
    return this.home.length;
  }

  /** Schedules an event at time t, and returns its slot. */
  push(t: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.used;
      if (slot === this.home.length) this.growSlots();
    }
    if (slot >= this.used) this.used = slot + 1;
    this.seqOf[slot] = this.counter++;
    this.timeOf[slot] = t;
    this.file(slot, t);
    return slot;
  }

  /**
   * Takes the next event (check peekTime or size first) and returns its slot. The slot stays the
   * event's until it is freed: free it once done with it, or schedule it again with reschedule.
   */
  pop(): number {
    const slot = this.findNext();
    this.best = -1;
    this.unlink(slot);
    return slot;
  }

  /** Gives back the slot of an event taken with pop (and not scheduled again). */
  free(slot: number): void {
    if (this.home[slot] !== TAKEN) misuse(slot, 'is not taken, so cannot be freed');
    this.home[slot] = FREE;
    this.freeSlots.push(slot);
  }

  /** True while the slot's event is scheduled. */
  has(slot: number): boolean {
    const home = this.home[slot]!;
    return home >= FIRST && home !== TAKEN;
  }

  /** Its time, while the slot's event is scheduled. */
  timeAt(slot: number): number {
    return this.timeOf[slot]!;
  }

  /** Cancels a scheduled event and frees its slot (nothing happens if it is not scheduled). */
  remove(slot: number): void {
    if (!this.has(slot)) return;
    if (slot === this.best) this.best = -1;
    this.unlink(slot);
    this.home[slot] = FREE;
    this.freeSlots.push(slot);
  }

  /**
   * Moves a scheduled event to time t, as if cancelled and scheduled afresh now; or schedules
   * again one taken with pop and not yet freed.
   */
  reschedule(slot: number, t: number): void {
    if (!(this.home[slot]! >= FIRST)) misuse(slot, 'is free, so cannot be rescheduled');
    if (this.has(slot)) {
      if (slot === this.best) this.best = -1;
      this.unlink(slot);
    }
    this.seqOf[slot] = this.counter++;
    this.timeOf[slot] = t;
    this.file(slot, t);
  }

  // ---------------------------------------------------------------- filing

  /**
   * Puts a slot in the list for its time. Most events are due within the ring's reach, so that
   * case is kept short (V8 then inlines it where events are scheduled); the rest go to fileFar.
   */
  private file(slot: number, t: number): void {
    // The next event found was one never due: anything may come before it now.
    if (this.best >= 0 && this.home[this.best] === BEYOND) this.best = -1;
    const ahead = Math.floor(t / this.width) - this.cursor;
    if (ahead >= 0 && ahead < this.ringSize && t < this.beyondMin && t < LAST) {
      if (ahead === 0) this.best = -1;
      this.linkRing(slot, (this.cursor + ahead) & this.mask);
      return;
    }
    this.fileFar(slot, t);
  }

  /** Files a slot the ring does not take at once: at -Infinity, never due, beyond, late, the first, or in a far day. */
  private fileFar(slot: number, t: number): void {
    if (t === -Infinity) {
      this.linkFirst(slot);
      return;
    }
    // Never due (not a time, or at or after LAST), or not before something waiting beyond.
    if (!(t < LAST) || t >= this.beyondMin) {
      this.linkBeyond(slot);
      return;
    }
    let bucket = Math.floor(t / this.width);
    if (this.cursor !== this.cursor) this.startAt(bucket);
    // Late (due before the bucket the ring has reached): in the cursor's bucket, whose earliest goes first.
    if (bucket < this.cursor) bucket = this.cursor;
    if (bucket - this.cursor < this.ringSize) {
      if (bucket === this.cursor) this.best = -1;
      this.linkRing(slot, bucket & this.mask);
      return;
    }
    const index = Math.floor(bucket / this.perDay) - this.farBase;
    if (index < this.farDays) {
      if (index >= this.far.length) this.growFar(index);
      this.link(slot, this.ringSize + index, this.far, index);
      this.inFar++;
      return;
    }
    this.linkBeyond(slot);
    this.beyondMin = t;
  }

  private linkRing(slot: number, at: number): void {
    this.link(slot, at, this.ring, at);
    this.occupied[at >>> 5]! |= 1 << (at & 31);
    this.inRing++;
  }

  /** The ring starts at this bucket; far days start where it ends. */
  private startAt(bucket: number): void {
    this.cursor = bucket;
    this.farBase = Math.floor((bucket + this.ringSize) / this.perDay);
    this.farNext = this.farBase;
  }

  private link(slot: number, id: number, heads: Int32Array, at: number): void {
    const head = heads[at]!;
    this.next[slot] = head;
    this.prev[slot] = -1;
    if (head >= 0) this.prev[head] = slot;
    heads[at] = slot;
    this.home[slot] = id;
  }

  private linkBeyond(slot: number): void {
    const head = this.beyond;
    this.next[slot] = head;
    this.prev[slot] = -1;
    if (head >= 0) this.prev[head] = slot;
    this.beyond = slot;
    this.home[slot] = BEYOND;
    this.inBeyond++;
  }

  /** Adds a slot at the end of the list of events at -Infinity. */
  private linkFirst(slot: number): void {
    const tail = this.firstTail;
    this.prev[slot] = tail;
    this.next[slot] = -1;
    if (tail >= 0) this.next[tail] = slot;
    else this.firstHead = slot;
    this.firstTail = slot;
    this.home[slot] = FIRST;
    this.inFirst++;
    if (this.best >= 0 && this.home[this.best] !== FIRST) this.best = -1;
  }

  /** Takes a slot out of its list. A ring bucket's is the short path (nearly every event leaves from one). */
  private unlink(slot: number): void {
    const id = this.home[slot]!;
    if (id < 0 || id >= this.ringSize) return this.unlinkElsewhere(slot, id);
    const p = this.prev[slot]!;
    const nx = this.next[slot]!;
    if (p >= 0) this.next[p] = nx;
    else {
      this.ring[id] = nx;
      if (nx < 0) this.occupied[id >>> 5]! &= ~(1 << (id & 31));
    }
    if (nx >= 0) this.prev[nx] = p;
    this.home[slot] = TAKEN;
    this.inRing--;
  }

  /** Takes a slot out of a far day's list, the list beyond, or the list at -Infinity. */
  private unlinkElsewhere(slot: number, id: number): void {
    const p = this.prev[slot]!;
    const nx = this.next[slot]!;
    if (p >= 0) this.next[p] = nx;
    else if (id === FIRST) this.firstHead = nx;
    else if (id === BEYOND) this.beyond = nx;
    else this.far[id - this.ringSize] = nx;
    if (nx >= 0) this.prev[nx] = p;
    else if (id === FIRST) this.firstTail = p;
    this.home[slot] = TAKEN;
    if (id === FIRST) this.inFirst--;
    else if (id === BEYOND) this.inBeyond--;
    else this.inFar--;
  }

  // ---------------------------------------------------------------- finding the next event

  /** The slot of the next event (-1: none), remembered until something earlier could come. */
  private findNext(): number {
    return this.best >= 0 ? this.best : this.search();
  }

  /** Finds the next event's slot (-1: none) and remembers it. */
  private search(): number {
    if (this.size === 0) return -1;
    if (this.inFirst > 0) {
      this.best = this.firstHead;
      return this.best;
    }
    for (;;) {
      if (this.inRing === 0) {
        if (this.inFar > 0) this.jumpToFarDay();
        else if (!this.bringBeyond()) {
          // Only events never due are left: the earliest of them, where it is.
          this.best = this.earliestIn(this.beyond);
          return this.best;
        }
        continue;
      }
      // On to the first bucket with events (every event in the ring is due before any in the far
      // days), then bring in the far days the ring now reaches: their events come after it.
      const at = this.cursor & this.mask;
      const next = this.nextOccupied(at);
      this.cursor += (next - at) & this.mask;
      if ((this.farNext + 1) * this.perDay <= this.cursor + this.ringSize) this.bringFarDays();
      this.best = this.earliestIn(this.ring[next]!);
      return this.best;
    }
  }

  /** The first ring bucket holding events at or after bucket at, going round (the ring holds some). */
  private nextOccupied(at: number): number {
    const words = this.occupied;
    let w = at >>> 5;
    let bits = words[w]! & (-1 << (at & 31));
    while (bits === 0) {
      w = w + 1 === words.length ? 0 : w + 1;
      bits = words[w]!;
    }
    // The lowest set bit's index: 31 minus the leading zeros of that bit alone.
    return (w << 5) + 31 - Math.clz32(bits & -bits);
  }

  /** The earliest (time, then order of scheduling) in a bucket's list. */
  private earliestIn(head: number): number {
    const times = this.timeOf;
    const seqs = this.seqOf;
    let b = head;
    let bt = times[head]!;
    for (let s = this.next[head]!; s >= 0; s = this.next[s]!) {
      const t = times[s]!;
      if (t < bt || (t === bt && seqs[s]! < seqs[b]!)) {
        b = s;
        bt = t;
      }
    }
    return b;
  }

  /** Moves far days into the ring while the ring reaches their last bucket. */
  private bringFarDays(): void {
    while (this.inFar > 0 && (this.farNext + 1) * this.perDay <= this.cursor + this.ringSize) {
      const index = this.farNext - this.farBase;
      this.farNext++;
      if (index >= this.far.length) continue;
      let slot = this.far[index]!;
      this.far[index] = -1;
      while (slot >= 0) {
        const following = this.next[slot]!;
        this.home[slot] = TAKEN;
        this.inFar--;
        this.file(slot, this.timeOf[slot]!);
        slot = following;
      }
    }
    if (this.inFar === 0) this.farNext = Math.max(this.farNext, Math.floor((this.cursor + this.ringSize) / this.perDay));
  }

  /** The ring is empty: move the cursor on to the first far day with events, and bring that day in. */
  private jumpToFarDay(): void {
    let index = this.farNext - this.farBase;
    while (this.far[index]! < 0) index++;
    const lastBucket = (this.farBase + index + 1) * this.perDay;
    this.cursor = Math.max(this.cursor, lastBucket - this.ringSize);
    this.bringFarDays();
  }

  /**
   * The ring and the far days are empty: start again from the earliest event beyond that is due at
   * all, and file those events afresh. False if none is (they stay where they are).
   */
  private bringBeyond(): boolean {
    let earliest = Infinity;
    for (let s = this.beyond; s >= 0; s = this.next[s]!) {
      const t = this.timeOf[s]!;
      if (t < earliest) earliest = t;
    }
    if (!(earliest < LAST)) return false;
    let slot = this.beyond;
    this.beyond = -1;
    this.inBeyond = 0;
    this.beyondMin = Infinity;
    this.best = -1;
    this.startAt(Math.floor(earliest / this.width));
    while (slot >= 0) {
      const following = this.next[slot]!;
      this.home[slot] = TAKEN;
      this.file(slot, this.timeOf[slot]!);
      slot = following;
    }
    return true;
  }

  // ---------------------------------------------------------------- growth

  private growSlots(): void {
    const size = this.home.length * 2;
    this.home = grown(this.home, size, FREE);
    this.next = grown(this.next, size, -1);
    this.prev = grown(this.prev, size, -1);
    this.timeOf = grown(this.timeOf, size);
    this.seqOf = grown(this.seqOf, size);
  }

  private growFar(index: number): void {
    this.far = grown(this.far, roomFor(this.far.length, index), -1);
  }
}
