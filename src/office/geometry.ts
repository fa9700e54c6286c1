// Small plain shapes and the easing every moving thing in the office shares. Pure: no Phaser, no DOM.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Moves `current` toward `target` by exponential smoothing with time constant `tau` (seconds).
 * Frame-rate independent: one step of 2·dt lands exactly where two steps of dt do, because
 * the remaining gap shrinks by exp(-dt/tau) per step and exponentials multiply.
 */
export function approach(current: number, target: number, dt: number, tau: number): number {
  if (!(tau > 0) || !Number.isFinite(current)) return target;
  if (!(dt > 0)) return current;
  return target + (current - target) * Math.exp(-dt / tau);
}

/** One number that glides toward its target. */
export class Tweened {
  value: number;
  target: number;

  constructor(
    value: number,
    readonly tau = 0.25,
  ) {
    this.value = value;
    this.target = value;
  }

  step(dt: number): number {
    this.value = approach(this.value, this.target, dt, this.tau);
    // Snap the last sub-pixel so a settled value stops changing.
    if (Math.abs(this.value - this.target) < 0.01) this.value = this.target;
    return this.value;
  }
}

/**
 * Many tweened numbers by key (a desk's x, a pile's height). A key seen for the first time
 * starts at its target (nothing slides in from 0); keys not followed in a frame are forgotten
 * at `sweep()`, so the store never grows.
 */
export class Smoother {
  private readonly values = new Map<string, Tweened>();
  private readonly seen = new Set<string>();

  constructor(readonly tau = 0.25) {}

  follow(key: string, target: number, dt: number, tau = this.tau): number {
    this.seen.add(key);
    let t = this.values.get(key);
    if (!t) {
      t = new Tweened(target, tau);
      this.values.set(key, t);
      return target;
    }
    t.target = target;
    t.value = approach(t.value, target, dt, tau);
    if (Math.abs(t.value - target) < 0.01) t.value = target;
    return t.value;
  }

  /** Forgets every key not followed since the last sweep. */
  sweep(): void {
    for (const key of this.values.keys()) if (!this.seen.has(key)) this.values.delete(key);
    this.seen.clear();
  }

  get size(): number {
    return this.values.size;
  }
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** A point along a polyline, t from 0 (first point) to 1 (last point), by length. */
export function alongPath(path: readonly Point[], t: number): Point {
  if (path.length === 0) return { x: 0, y: 0 };
  if (path.length === 1) return { ...path[0]! };
  let total = 0;
  for (let i = 1; i < path.length; i++) total += distance(path[i - 1]!, path[i]!);
  let left = Math.min(1, Math.max(0, t)) * total;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const d = distance(a, b);
    if (left <= d || i === path.length - 1) {
      const f = d === 0 ? 0 : Math.min(1, left / d);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= d;
  }
  return { ...path[path.length - 1]! };
}

/**
 * How many canvas pixels a picture draws per design pixel, for a picture `designWidth` wide shown
 * `shownWidth` CSS pixels wide on a screen of `pixelRatio` device pixels per CSS pixel: 1 where
 * it is shown at its design size or smaller (a phone, a laptop), more where it is blown up (a
 * projector, a high-density screen), in halves, at most 2, so its lines and lettering stay sharp
 * without drawing four times the pixels where nobody would see them.
 */
export function pictureResolution(shownWidth: number, designWidth: number, pixelRatio: number): number {
  const need = (shownWidth * (pixelRatio > 0 ? pixelRatio : 1)) / designWidth;
  if (!(need > 0)) return 1;
  return Math.min(2, Math.max(1, Math.round(need * 2) / 2));
}
