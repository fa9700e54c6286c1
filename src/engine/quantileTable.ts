import { exp as expExact, ln as lnExact } from './exactMath';

// Normal, lognormal and Rayleigh draws by their quantile function, tabulated: a draw is one uniform
// u, a look-up and a cubic, where drawing a normal and taking its exponential (or a logarithm)
// costs several times that. The table covers the body of the distribution, u in [1/64, 63/64]
// (from 0 for the Rayleigh); the rest is drawn exactly from the tail. Built only from exact
// operations and exactMath's exp and ln, so the tables, and so the draws, are the same in every
// engine.

/** Intervals of u in the table. */
export const GRID = 1024;
/** Intervals at each end of the grid left to the exact tail. */
export const TAIL = 16;

const INV_SQRT_2PI = 0.3989422804014327;

/** The standard normal density. */
function density(z: number): number {
  return expExact(-0.5 * z * z) * INV_SQRT_2PI;
}

/**
 * The standard normal CDF at z <= 0, by the series 1/2 + density(z) (z + z^3/3 + z^5/15 + ...),
 * whose terms all have one sign: no cancellation within the sum. Within a few ulps for z >= -3.
 */
function lowerCdf(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let k = 3; k < 400; k += 2) {
    term = (term * z2) / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + density(z) * sum;
}

/**
 * The standard normal quantile at each grid point of the body, found by Newton's method from the
 * point before; and its slope there (1 / density), times the grid step. Symmetric by construction.
 */
const Z = new Float64Array(GRID + 1);
const SLOPE = new Float64Array(GRID + 1);
{
  let z = 0;
  for (let i = GRID / 2; i >= TAIL; i--) {
    const u = i / GRID;
    for (let n = 0; n < 50; n++) {
      const step = (lowerCdf(z) - u) / density(z);
      z -= step;
      if (Math.abs(step) <= 1e-15) break;
    }
    if (i === GRID / 2) z = 0;
    Z[i] = z;
    Z[GRID - i] = -z;
    SLOPE[i] = SLOPE[GRID - i] = 1 / (density(z) * GRID);
  }
}

/** Where the upper tail starts: the normal quantile at 63/64 (about 2.154). */
export const Z_TAIL = Z[GRID - TAIL]!;

/** Values and slopes (per grid step) at each grid point, interleaved: a cubic's four numbers lie side by side. */
export type QuantileTable = Float64Array;

/** The standard normal's table. */
export const NORMAL_TABLE: QuantileTable = table(
  (i) => Z[i]!,
  (i) => SLOPE[i]!,
);

/** The table of exp(mu + sigma Z): a lognormal's quantiles. */
export function lognormalTable(mu: number, sigma: number, exp: (x: number) => number): QuantileTable {
  return table(
    (i) => exp(mu + sigma * Z[i]!),
    (i) => sigma * exp(mu + sigma * Z[i]!) * SLOPE[i]!,
  );
}

/**
 * The Rayleigh's square, -2 ln(1 - u), from u = 0 (smooth there, where the Rayleigh's own quantile
 * is not): a Rayleigh draw is the square root of this. Beyond u = 1 - TAIL/GRID the square less
 * RAYLEIGH_TAIL is exponential with mean 2, whatever has gone before: the tail is drawn so.
 */
export const RAYLEIGH_TABLE: QuantileTable = table(
  (i) => -2 * lnExact(1 - i / GRID),
  (i) => 2 / ((1 - i / GRID) * GRID),
  0,
);
export const RAYLEIGH_TAIL = -2 * lnExact(TAIL / GRID);

function table(value: (i: number) => number, slope: (i: number) => number, from = TAIL): QuantileTable {
  const t = new Float64Array(2 * (GRID + 1));
  for (let i = from; i <= GRID - TAIL; i++) {
    t[2 * i] = value(i);
    t[2 * i + 1] = slope(i);
  }
  return t;
}

/**
 * The quantile at u = (i + f) / GRID, for TAIL <= i < GRID - TAIL and f in [0, 1): the cubic
 * through the values at grid points i and i + 1 with the true slopes there (within about 1e-7 of
 * the quantile, relatively).
 */
export function quantileAt(t: QuantileTable, i: number, f: number): number {
  const j = 2 * i;
  const q0 = t[j]!;
  const d0 = t[j + 1]!;
  const dq = t[j + 2]! - q0;
  const d1 = t[j + 3]!;
  return q0 + f * (d0 + f * (3 * dq - 2 * d0 - d1 + f * (d0 + d1 - 2 * dq)));
}
