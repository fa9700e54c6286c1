// The citizens in the visitor queue as persistent figures. The sim only says how many are
// waiting; the crowd turns changes in that number into people who walk in at the entrance, shuffle
// forward, step up to a desk and walk out: nobody appears in the queue or vanishes from it in one
// frame. Pure bookkeeping (no Phaser), driven by `reconcile` (a new count) and `step` (time passes).
import { distance, type Point } from './geometry';

export type WalkerState = 'entering' | 'queued' | 'to-desk' | 'at-desk' | 'leaving';

export interface Walker {
  readonly id: number;
  x: number;
  y: number;
  colour: number;
  state: WalkerState;
  /** Place in the queue (0 = head) while entering or queued; -1 otherwise. */
  slot: number;
  /** Index of the seat taken at a desk, or -1. */
  seat: number;
  /** Waypoints still to walk through before the final target. */
  path: Point[];
  /** Seconds left: waiting to set off (entering) or being seen (at a desk). */
  wait: number;
  /** 1 = fully visible; fades to 0 once out of the door, then the walker is removed. */
  alpha: number;
  /** Where a leaving walker is heading (outside a door), fixed when they set off. */
  exit: Point | null;
}

export interface CrowdPlaces {
  /** Queue slot positions, index 0 at the head. Their number is the cap on queued figures. */
  slots: readonly Point[];
  /** Outside the entrance, where new figures appear. */
  entrance: Point;
  /** Waypoints from the entrance into the room. */
  enterVia: readonly Point[];
  /** Waypoints from the aisle beside the desks to the street; the last is where figures fade. */
  exitVia: readonly Point[];
  /** Where a visitor stands at each desk being seen. */
  seats: readonly Point[];
}

/** Walking speed in logical pixels per second, before hurrying. */
export const WALK_SPEED = 150;
/** Seconds a visitor stays at a desk, on screen (the sim's minutes pass far faster). */
export const DESK_SECONDS = 0.9;
/** Seconds to fade out once through the door. */
export const FADE_SECONDS = 0.35;
/** Seconds between figures setting off from the entrance when several arrive at once. */
const STAGGER_SECONDS = 0.18;
/** Everyone walks faster as more people are on the move, up to this factor, so a busy office keeps up. */
const MAX_HURRY = 5;

export interface CrowdOptions {
  /** Reduced motion: figures jump straight to their places and vanish at once on the way out. */
  jump?: boolean;
}

export class Crowd {
  walkers: Walker[] = [];
  /** The real count last reconciled (not capped); null before the first. */
  private known: number | null = null;
  private nextId = 1;
  private readonly jump: boolean;

  constructor(opts: CrowdOptions = {}) {
    this.jump = opts.jump === true;
  }

  /** Forget everyone (a new run, or time went backwards). */
  reset(): void {
    this.walkers = [];
    this.known = null;
  }

  get queued(): Walker[] {
    return this.walkers.filter((w) => w.state === 'entering' || w.state === 'queued').sort((a, b) => a.slot - b.slot);
  }

  /**
   * Brings the figures in line with `count` visitors waiting. A fall sends the head of the queue
   * to a free desk (or straight out when every desk is taken); a rise, or room left under the cap,
   * brings new figures in at the entrance. `colours[i]` colours a new figure joining slot i.
   */
  reconcile(count: number, places: CrowdPlaces, colours: readonly number[]): void {
    const cap = places.slots.length;
    const target = Math.max(0, Math.min(count, cap));
    if (this.known === null) {
      // The first picture: whoever is already waiting is already standing in the queue.
      for (let i = 0; i < target; i++) {
        const s = places.slots[i]!;
        this.walkers.push(this.make(s.x, s.y, colours[i] ?? 0, 'queued', i));
      }
      this.known = count;
      return;
    }
    const fell = Math.max(0, this.known - count);
    this.known = count;

    let queue = this.queued;
    const served = Math.min(fell, queue.length);
    for (let i = 0; i < served; i++) this.sendToDesk(queue[i]!, places);
    queue = queue.slice(served);
    // Someone in the queue beyond the cap now (the places changed): they leave by the aisle.
    while (queue.length > target) this.sendOut(queue.pop()!, places);
    queue.forEach((w, i) => {
      w.slot = i;
    });
    const entering = target - queue.length;
    for (let k = 0; k < entering; k++) {
      const slot = queue.length + k;
      const w = this.make(places.entrance.x, places.entrance.y, colours[slot] ?? 0, 'entering', slot);
      w.path = places.enterVia.map((p) => ({ ...p }));
      w.wait = this.jump ? 0 : k * STAGGER_SECONDS;
      this.walkers.push(w);
    }
  }

  /**
   * Repaints the figures when the way of seeing changes (the player has studied demand): those in
   * the queue take the colour of their slot; everyone else takes `others`, or keeps theirs if null.
   */
  repaint(colours: readonly number[], others: number | null): void {
    for (const w of this.walkers) {
      if (w.state === 'entering' || w.state === 'queued') w.colour = colours[w.slot] ?? others ?? w.colour;
      else if (others !== null) w.colour = others;
    }
  }

  /** Moves everyone on by `dt` seconds. */
  step(dt: number, places: CrowdPlaces): void {
    if (!(dt > 0)) return;
    const moving = this.walkers.filter((w) => w.state !== 'queued' && w.state !== 'at-desk').length;
    // Jumping figures cover any distance in one step.
    const hurry = this.jump ? Infinity : Math.min(MAX_HURRY, Math.max(1, moving / 6));
    for (const w of this.walkers) {
      switch (w.state) {
        case 'entering':
        case 'queued': {
          if (w.wait > 0) {
            w.wait -= dt;
            break;
          }
          const slot = places.slots[Math.min(w.slot, places.slots.length - 1)];
          if (!slot) break;
          if (this.walk(w, slot, dt * hurry)) w.state = 'queued';
          break;
        }
        case 'to-desk': {
          const seat = places.seats[w.seat];
          if (!seat) {
            this.sendOut(w, places);
            break;
          }
          if (this.walk(w, seat, dt * hurry)) {
            w.state = 'at-desk';
            w.wait = DESK_SECONDS;
          }
          break;
        }
        case 'at-desk': {
          w.wait -= dt;
          if (w.wait <= 0 || !places.seats[w.seat]) this.sendOut(w, places);
          break;
        }
        case 'leaving': {
          const end = w.exit ?? places.entrance;
          const arrived = this.walk(w, end, dt * hurry);
          // Fade over the last stretch outside, and finish fading once there.
          if (w.path.length === 0) w.alpha = Math.max(0, w.alpha - (dt * hurry) / FADE_SECONDS);
          if (arrived && w.alpha <= 0) w.alpha = 0;
          break;
        }
      }
    }
    this.walkers = this.walkers.filter((w) => w.state !== 'leaving' || w.alpha > 0);
  }

  private make(x: number, y: number, colour: number, state: WalkerState, slot: number): Walker {
    return { id: this.nextId++, x, y, colour, state, slot, seat: -1, path: [], wait: 0, alpha: 1, exit: null };
  }

  private sendToDesk(w: Walker, places: CrowdPlaces): void {
    const atSeat = new Map<number, Walker>();
    const claimed = new Set<number>();
    for (const o of this.walkers) {
      if (o.state === 'at-desk') atSeat.set(o.seat, o);
      else if (o.state === 'to-desk') claimed.add(o.seat);
    }
    // The nearest free seat; failing that, the seat whose visitor has been there longest (they
    // get up and go, so the desk can see the next person); failing that, straight out.
    let best = -1;
    let bestD = Infinity;
    places.seats.forEach((s, i) => {
      if (claimed.has(i) || atSeat.has(i)) return;
      const d = distance(w, s);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    if (best < 0) {
      let longest: Walker | null = null;
      for (const o of atSeat.values()) if (!longest || o.wait < longest.wait) longest = o;
      if (longest) {
        best = longest.seat;
        this.sendOut(longest, places);
      }
    }
    w.slot = -1;
    if (best < 0) {
      this.sendOut(w, places);
      return;
    }
    w.state = 'to-desk';
    w.seat = best;
    w.path = [];
  }

  /**
   * Out by the nearer door: from a desk or the queue, along the aisle to the exit; someone who
   * never got past the doormat turns round and leaves the way they came.
   */
  private sendOut(w: Walker, places: CrowdPlaces): void {
    const first = places.exitVia[0];
    const inside = places.enterVia[places.enterVia.length - 1];
    const byTheDoor = (w.state === 'entering' && w.path.length > 0) || (inside !== undefined && distance(w, inside) < 40);
    w.state = 'leaving';
    w.slot = -1;
    w.seat = -1;
    if (!first || byTheDoor) {
      w.path = [];
      w.exit = { ...places.entrance };
      return;
    }
    // Step back from the desk, along to the aisle, then follow the way out.
    const clear = Math.min(w.y + 16, first.y);
    const via = [{ x: w.x, y: clear }, { x: first.x, y: clear }, ...places.exitVia.slice(0, -1)];
    w.path = via.map((p) => ({ ...p }));
    w.exit = { ...places.exitVia[places.exitVia.length - 1]! };
  }

  /** Walks toward the next waypoint, then the target; true once at the target. */
  private walk(w: Walker, target: Point, dt: number): boolean {
    let budget = WALK_SPEED * dt;
    while (budget > 0) {
      const next = w.path[0] ?? target;
      const d = distance(w, next);
      if (d <= budget) {
        w.x = next.x;
        w.y = next.y;
        budget -= d;
        if (w.path.length === 0) return true;
        w.path.shift();
      } else {
        w.x += ((next.x - w.x) / d) * budget;
        w.y += ((next.y - w.y) / d) * budget;
        return false;
      }
    }
    return w.path.length === 0 && distance(w, target) < 0.5;
  }
}
