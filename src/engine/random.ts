import seedrandom from 'seedrandom';
import { exp as expExact, ln as lnExact } from './exactMath';
import { GRID, lognormalTable, NORMAL_TABLE, type QuantileTable, quantileAt, RAYLEIGH_TABLE, RAYLEIGH_TAIL, TAIL, Z_TAIL } from './quantileTable';

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
  // Alea's state, taken from seedrandom's own seeding so the numbers are seedrandom's. Each field
  // starts as a non-integer number: a class field declared without a value starts as undefined,
  // and V8 then keeps it as a boxed number, allocating a fresh box on every draw.
  private s0 = Number.NaN;
  private s1 = Number.NaN;
  private s2 = Number.NaN;
  private c = 0;

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

  /**
   * Standard normal: one uniform u, and the normal's quantile at u from its table; for u in the
   * outer 1/64 at either end, a draw from that tail.
   */
  normal(): number {
    const x = this.uniform() * GRID;
    const i = x | 0;
    if (i >= TAIL && i < GRID - TAIL) return quantileAt(NORMAL_TABLE, i, x - i);
    const z = this.normalTail();
    return i < TAIL ? -z : z;
  }

  /** |Z| given |Z| > Z_TAIL, by Marsaglia's exponential method: exact, and rarely needs a second try. */
  private normalTail(): number {
    for (;;) {
      const a = -ln(1 - this.uniform()) / Z_TAIL;
      const b = -ln(1 - this.uniform());
      if (b + b >= a * a) return Z_TAIL + a;
    }
  }

  /**
   * Rayleigh with the given scale: a waiting time whose hazard rises steadily with time. The
   * square root of its tabled square, or of the exact tail beyond the table.
   */
  rayleigh(scale: number): number {
    const x = this.uniform() * GRID;
    const i = x | 0;
    if (i < GRID - TAIL) return scale * Math.sqrt(quantileAt(RAYLEIGH_TABLE, i, x - i));
    return scale * Math.sqrt(RAYLEIGH_TAIL - 2 * ln(1 - this.uniform()));
  }

  /** A draw from a distribution as a level writes it. */
  sample(d: Distribution): number {
    return this.draw(prepare(d));
  }

  /** A draw from a prepared distribution (see prepare). */
  draw(s: Sampler): number {
    switch (s.kind) {
      case FIXED:
        return s.a;
      case EXPONENTIAL:
        return -s.a * ln(1 - this.uniform());
      case UNIFORM:
        return s.a + s.b * this.uniform();
      default: {
        // Lognormal: the quantile at u from the sampler's table, or e^(mu + sigma Z) in the tails.
        const x = this.uniform() * GRID;
        const i = x | 0;
        if (i >= TAIL && i < GRID - TAIL) return quantileAt(s.table, i, x - i);
        const z = this.normalTail();
        return exp(s.a + s.b * (i < TAIL ? -z : z));
      }
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
  /** lognormal: its quantiles (see quantileTable); empty for the others. */
  readonly table: QuantileTable;
}

const NO_TABLE: QuantileTable = new Float64Array(0);

const prepared = new WeakMap<Distribution, Sampler>();

/**
 * A distribution made ready for fast draws, once per distribution object (validated levels are
 * never changed in place; a "what if?" makes a new level).
 */
export function prepare(d: Distribution): Sampler {
  let s = prepared.get(d);
  if (!s) {
    s = makeSampler(d);
    prepared.set(d, s);
  }
  return s;
}

function makeSampler(d: Distribution): Sampler {
  switch (d.dist) {
    case 'fixed':
      return { kind: FIXED, a: d.value, b: 0, table: NO_TABLE };
    case 'exponential':
      return { kind: EXPONENTIAL, a: d.mean, b: 0, table: NO_TABLE };
    case 'uniform':
      return { kind: UNIFORM, a: d.min, b: d.max - d.min, table: NO_TABLE };
    case 'lognormal': {
      if (d.sd === 0) return { kind: FIXED, a: d.mean, b: 0, table: NO_TABLE };
      // The underlying normal's parameters from the wanted mean and sd.
      const sigma2 = ln(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = ln(d.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return { kind: LOGNORMAL, a: mu, b: sigma, table: lognormalTable(mu, sigma, exp) };
    }
  }
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
// ln: the same arithmetic as exactMath's ln, step for step, so every result is bit-identical to
// its (and so identical in every engine); only the bookkeeping is quicker: the binary exponent is
// read from the number's bits rather than found by repeated halving, and the series is unrolled.
// exp: a table-driven version (see exp below). Edge cases go to exactMath itself.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const MIN_NORMAL = 2.2250738585072014e-308;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** Which 32-bit word holds the sign and exponent, whatever the platform's byte order. */
const HI = words[1] === 0x3ff00000 ? 1 : 0;

const [O1, O3, O5, O7, O9, O11, O13, O15, O17, O19, O21, O23, O25, O27] = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27].map((k) => 1 / k) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** 1/3!, 1/4!, 1/5!: each a correctly rounded division. */
const F3 = 1 / 6;
const F4 = 1 / 24;
const F5 = 1 / 120;

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
  let e = ((words[HI]! >>> 20) & 0x7ff) - 1023;
  if (e < -1000 || e > 1000) return lnExact(x);
  // x / 2^e, in [1, 2): exact. (Scaling, rather than rewriting the exponent's bits and reading the
  // number back, spares the processor a store it cannot forward to the load.)
  let m = x * POW2[1000 - e]!;
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

/** e^(j/64 * ln 2) for j = 0..63, from exactMath's exp: the same table in every engine. */
const EXP_TABLE = new Float64Array(64);
for (let j = 0; j < 64; j++) EXP_TABLE[j] = expExact((j * LN2) / 64);
const LN2_BY_64 = LN2 / 64;
const INV_LN2_BY_64 = 64 / LN2;

/**
 * e^x for the sim's draws: x = (64n + j) ln2/64 + r with |r| <= ln2/128, so e^x = 2^n * table[j] *
 * e^r, and e^r needs only five terms of its series. Only exact operations on tabled constants, so
 * the same bits everywhere; within 1e-14 of e^x (not bit-identical to exactMath's exp, which sums
 * seventeen terms and is kept for the tables). Edge cases go to exactMath itself.
 */
export function exp(x: number): number {
  // |x| <= 690 keeps 2^n within the table of powers of two (n reaches 996).
  if (!(x <= 690 && x >= -690)) return expExact(x);
  const k = Math.round(x * INV_LN2_BY_64);
  const r = x - k * LN2_BY_64;
  const j = k & 63;
  const n = (k - j) / 64;
  const p = 1 + r * (1 + r * (0.5 + r * (F3 + r * (F4 + r * F5))));
  return POW2[n + 1000]! * EXP_TABLE[j]! * p;
}
