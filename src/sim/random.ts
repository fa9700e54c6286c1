import seedrandom from 'seedrandom';
import { exp, ln } from './exactMath';

/** A service-time or delay distribution, as level files write it. Means are in the unit of use. */
export type Distribution =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'uniform'; min: number; max: number };

/**
 * One seeded random stream, named for its purpose. Alea (from seedrandom) uses only exact
 * integer and float operations, so a stream gives the same numbers in every engine.
 */
export class Stream {
  private readonly next: () => number;
  private spareNormal: number | null = null;

  constructor(seed: string | number, name: string) {
    this.next = seedrandom.alea(`${seed}/${name}`);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  exponential(mean: number): number {
    return -mean * ln(1 - this.next());
  }

  /** Standard normal by Marsaglia's polar method: only ln and sqrt, both exact here. */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * ln(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** Rayleigh with the given scale: a waiting time whose hazard rises steadily with time. */
  rayleigh(scale: number): number {
    return scale * Math.sqrt(-2 * ln(1 - this.next()));
  }

  sample(d: Distribution): number {
    switch (d.dist) {
      case 'fixed':
        return d.value;
      case 'exponential':
        return this.exponential(d.mean);
      case 'uniform':
        return d.min + (d.max - d.min) * this.next();
      case 'lognormal': {
        if (d.sd === 0) return d.mean;
        const { mu, sigma } = lognormalParams(d);
        return exp(mu + sigma * this.normal());
      }
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
