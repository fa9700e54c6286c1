import seedrandom from 'seedrandom';
import { exp as expExact, ln as lnExact } from './exactMath';

/** A service-time or delay distribution, as level files write it. Means are in the unit of use. */
export type Distribution =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'uniform'; min: number; max: number };

/**
 * One seeded random stream, named for its purpose. Alea (seeded by seedrandom, stepped here with
 * the same arithmetic) uses only exact integer and float operations, so a stream gives the same
 * numbers in every engine.
 */
export class Stream {
  // Alea's state, taken from seedrandom's own seeding so the numbers are seedrandom's.
  private s0: number;
  private s1: number;
  private s2: number;
  private c: number;
  private spareNormal = Number.NaN;
  private hasSpare = false;

  constructor(seed: string | number, name: string) {
    const state = seedrandom.alea(`${seed}/${name}`, { state: true }).state();
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  /** Uniform in [0, 1). Alea's step, as seedrandom writes it. */
  uniform(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  chance(p: number): boolean {
    return p > 0 && this.uniform() < p;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  exponential(mean: number): number {
    return -mean * ln(1 - this.uniform());
  }

  /** Standard normal by Marsaglia's polar method: only ln and sqrt, both exact here. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * ln(s)) / s);
    this.spareNormal = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Rayleigh with the given scale: a waiting time whose hazard rises steadily with time. */
  rayleigh(scale: number): number {
    return scale * Math.sqrt(-2 * ln(1 - this.uniform()));
  }

  sample(d: Distribution): number {
    switch (d.dist) {
      case 'fixed':
        return d.value;
      case 'exponential':
        return this.exponential(d.mean);
      case 'uniform':
        return d.min + (d.max - d.min) * this.uniform();
      case 'lognormal': {
        if (d.sd === 0) return d.mean;
        const { mu, sigma } = lognormalParams(d);
        return exp(mu + sigma * this.normal());
      }
    }
  }

  /** A draw from a prepared distribution: the same number sample() gives, without the look-ups. */
  draw(s: Sampler): number {
    switch (s.kind) {
      case FIXED:
        return s.a;
      case EXPONENTIAL:
        return -s.a * ln(1 - this.uniform());
      case UNIFORM:
        return s.a + s.b * this.uniform();
      default:
        return exp(s.a + s.b * this.normal());
    }
  }
}

const FIXED = 0;
const EXPONENTIAL = 1;
const UNIFORM = 2;
const LOGNORMAL = 3;

/** A distribution prepared once for fast draws (see Stream.draw). */
export interface Sampler {
  readonly kind: number;
  /** fixed: the value; exponential: the mean; uniform: min; lognormal: mu. */
  readonly a: number;
  /** uniform: max - min; lognormal: sigma. */
  readonly b: number;
}

export function prepare(d: Distribution): Sampler {
  switch (d.dist) {
    case 'fixed':
      return { kind: FIXED, a: d.value, b: 0 };
    case 'exponential':
      return { kind: EXPONENTIAL, a: d.mean, b: 0 };
    case 'uniform':
      return { kind: UNIFORM, a: d.min, b: d.max - d.min };
    case 'lognormal': {
      if (d.sd === 0) return { kind: FIXED, a: d.mean, b: 0 };
      const { mu, sigma } = lognormalParams(d);
      return { kind: LOGNORMAL, a: mu, b: sigma };
    }
  }
}

const lognormalCache = new WeakMap<object, { mu: number; sigma: number }>();

/** Parameters of the underlying normal from the wanted mean and sd, worked out once per distribution
 * object (validated levels are never changed in place; a "what if?" makes a new level). */
function lognormalParams(d: { mean: number; sd: number }): { mu: number; sigma: number } {
  let p = lognormalCache.get(d);
  if (!p) {
    const sigma2 = ln(1 + (d.sd * d.sd) / (d.mean * d.mean));
    p = { mu: ln(d.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
    lognormalCache.set(d, p);
  }
  return p;
}

/** The mean of a distribution, for capacity estimates and analytic checks. */
export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}

// ---------------------------------------------------------------- fast exact ln and exp
// The same arithmetic as exactMath's ln and exp, step for step, so every result is bit-identical
// to theirs (and so identical in every engine); only the bookkeeping is quicker: the binary
// exponent is read from the number's bits rather than found by repeated halving, 2^k comes from a
// table of exact powers of two, and the series are unrolled. Edge cases go to exactMath itself.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const MIN_NORMAL = 2.2250738585072014e-308;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** Which 32-bit word holds the sign and exponent, whatever the platform's byte order. */
const HI = words[1] === 0x3ff00000 ? 1 : 0;

const [O1, O3, O5, O7, O9, O11, O13, O15, O17, O19, O21, O23, O25, O27] = [
  1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27,
].map((k) => 1 / k) as [number, number, number, number, number, number, number, number, number, number, number, number, number, number];

const INV_FACT: number[] = [];
for (let n = 0, f = 1; n <= 16; n++, f *= n) INV_FACT.push(1 / f);
const [F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15, F16] = INV_FACT as [
  number, number, number, number, number, number, number, number, number,
  number, number, number, number, number, number, number, number,
];

/** 2^k for k in [-1000, 1000], each exact (built by exact doublings and halvings). */
const POW2 = new Float64Array(2001);
POW2[1000] = 1;
for (let k = 1; k <= 1000; k++) {
  POW2[1000 + k] = POW2[999 + k]! * 2;
  POW2[1000 - k] = POW2[1001 - k]! * 0.5;
}

/** exactMath's ln, bit for bit. */
export function ln(x: number): number {
  if (!(x >= MIN_NORMAL) || x === Infinity) return lnExact(x);
  bits[0] = x;
  const hi = words[HI]!;
  let e = ((hi >>> 20) & 0x7ff) - 1023;
  words[HI] = (hi & 0x800fffff) | 0x3ff00000;
  let m = bits[0]!; // x / 2^e, in [1, 2): exact
  if (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = O27;
  p = p * s2 + O25;
  p = p * s2 + O23;
  p = p * s2 + O21;
  p = p * s2 + O19;
  p = p * s2 + O17;
  p = p * s2 + O15;
  p = p * s2 + O13;
  p = p * s2 + O11;
  p = p * s2 + O9;
  p = p * s2 + O7;
  p = p * s2 + O5;
  p = p * s2 + O3;
  p = p * s2 + O1;
  const sum = s * p;
  return 2 * sum + e * LN2;
}

/** exactMath's exp, bit for bit. */
export function exp(x: number): number {
  if (!(x <= 709.782712893384 && x >= -745.2)) return expExact(x);
  const k = Math.round(x / LN2);
  if (k < -1000 || k > 1000) return expExact(x);
  const r = x - k * LN2;
  let sum = F16;
  sum = sum * r + F15;
  sum = sum * r + F14;
  sum = sum * r + F13;
  sum = sum * r + F12;
  sum = sum * r + F11;
  sum = sum * r + F10;
  sum = sum * r + F9;
  sum = sum * r + F8;
  sum = sum * r + F7;
  sum = sum * r + F6;
  sum = sum * r + F5;
  sum = sum * r + F4;
  sum = sum * r + F3;
  sum = sum * r + F2;
  sum = sum * r + F1;
  sum = sum * r + F0;
  // sum is in [0.7, 1.5] and |k| <= 1000, so sum * 2^k is exact, as exactMath's doublings are.
  return sum * POW2[k + 1000]!;
}
