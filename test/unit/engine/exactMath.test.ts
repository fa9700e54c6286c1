import { describe, expect, it } from 'vitest';
import { exp, ln } from '../../../src/engine/exactMath';

const MIN_NORMAL = 2.2250738585072014e-308;
const MIN_SUBNORMAL = 5e-324;

function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Checks every x and reports the worst offenders, so a failure says where. */
function worst(xs: readonly number[], f: (x: number) => number, ref: (x: number) => number) {
  let maxErr = 0;
  let at = Number.NaN;
  for (const x of xs) {
    const e = relErr(f(x), ref(x));
    if (!(e <= maxErr)) {
      maxErr = e;
      at = x;
    }
  }
  return { maxErr, at };
}

/** Positive arguments for ln: every binade from subnormal to the largest double, several mantissas each. */
function lnGrid(): number[] {
  const xs: number[] = [];
  const mantissas = [1, 1.0000001, 1.1, 1.25, Math.SQRT2 - 1e-12, Math.SQRT2, 1.5, 1.75, 1.9999999999];
  for (let e = -1074; e <= 1023; e++) {
    for (const m of mantissas) {
      const x = m * 2 ** e;
      if (x > 0 && Number.isFinite(x)) xs.push(x);
    }
  }
  // Round decimal values, tiny and huge.
  for (let p = -323; p <= 308; p++) xs.push(Number(`1e${p}`), Number(`3.7e${p}`));
  xs.push(MIN_SUBNORMAL, 1e-310, 1e-300, MIN_NORMAL, Number.MAX_VALUE, 0.1, 0.2, 0.3, 0.7, 2, 3, 10, 20, 96, 1440);
  return xs.filter((x) => x > 0 && Number.isFinite(x));
}

/** Arguments close to 1, where ln(x) is tiny and relative error is hardest to keep. */
function nearOneGrid(): number[] {
  const xs: number[] = [];
  for (let i = 1; i <= 2000; i++) {
    xs.push(1 + i * 1e-9, 1 - i * 1e-9, 1 + i * 1e-5, 1 - i * 1e-5);
  }
  for (let k = 1; k <= 52; k++) xs.push(1 + 2 ** -k, 1 - 2 ** -(k + 1));
  xs.push(1 + Number.EPSILON, 1 - Number.EPSILON / 2);
  return xs;
}

/** Evenly spaced arguments in [lo, hi] (deterministic). */
function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

describe('ln', () => {
  it('agrees with Math.log to a relative 1e-14 from subnormal to the largest double', () => {
    const xs = lnGrid();
    expect(xs.length).toBeGreaterThan(10000);
    const { maxErr, at } = worst(xs, ln, Math.log);
    expect(maxErr, `worst at x=${at}`).toBeLessThan(1e-14);
  });

  it('agrees with Math.log to a relative 1e-14 near 1 (tiny results)', () => {
    const { maxErr, at } = worst(nearOneGrid(), ln, Math.log);
    expect(maxErr, `worst at x=${at}`).toBeLessThan(1e-14);
  });

  it('handles the special values', () => {
    expect(ln(1)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(-1e-300)).toBeNaN();
    expect(ln(-Infinity)).toBeNaN();
    expect(ln(Number.NaN)).toBeNaN();
    expect(ln(Infinity)).toBe(Infinity);
  });

  it('is odd under reciprocals and additive under products (to rounding)', () => {
    for (const x of [1e-200, 0.001, 0.37, 2, 7.5, 96, 1e150]) {
      expect(ln(1 / x)).toBeCloseTo(-ln(x), 12);
      expect(Math.abs(ln(x * 3) - (ln(x) + ln(3)))).toBeLessThan(1e-12 * Math.max(1, Math.abs(ln(x))));
    }
  });

  it('gives the same bits as before (golden values)', () => {
    // These must be identical in every engine; update them only on a deliberate algorithm change.
    expect(ln(2)).toBe(0.6931471805599453);
    expect(ln(10)).toBe(2.3025850929940455);
    expect(ln(0.5)).toBe(-0.6931471805599453);
    expect(ln(20)).toBe(2.995732273553991);
    expect(ln(1e-300)).toBe(-690.7755278982137);
  });
});

describe('exp', () => {
  it('agrees with Math.exp to a relative 1e-14 for moderate arguments (|x| <= 64)', () => {
    const xs = [...linspace(-64, 64, 100000), ...linspace(-1, 1, 20000), 1e-300, -1e-300, 1e-12, -1e-12, 0.5, -0.5];
    const { maxErr, at } = worst(xs, exp, Math.exp);
    expect(maxErr, `worst at x=${at}`).toBeLessThan(1e-14);
  });

  it('agrees with Math.exp to a relative 1e-13 over the whole normal range', () => {
    // Known limitation: the reduction r = x - k*LN2 is done in one rounded step, so for large |x|
    // the error grows to ~8e-14 (e.g. x = -688.83). Tighten this if the reduction is split.
    const xs = linspace(-708, 709.7, 100000).filter((x) => Math.exp(x) >= MIN_NORMAL);
    const { maxErr, at } = worst(xs, exp, Math.exp);
    expect(maxErr, `worst at x=${at}`).toBeLessThan(1e-13);
  });

  it('stays close in the subnormal range and underflows to 0', () => {
    for (const x of linspace(-744, -708.5, 2000)) {
      const want = Math.exp(x);
      // Subnormals hold fewer bits: compare in units of the smallest subnormal.
      expect(Math.abs(exp(x) - want)).toBeLessThanOrEqual(Math.max(want * 1e-13, 2 * MIN_SUBNORMAL));
    }
    expect(exp(-746)).toBe(0);
    expect(exp(-800)).toBe(0);
    expect(exp(-1e308)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
  });

  it('handles the special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(800)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(1e308)).toBe(Infinity);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(Number.NaN)).toBeNaN();
    expect(Number.isFinite(exp(709.78))).toBe(true);
    expect(exp(1e-300)).toBe(1);
  });

  it('gives the same bits as before (golden values)', () => {
    // These must be identical in every engine; update them only on a deliberate algorithm change.
    expect(exp(1)).toBe(2.7182818284590455);
    expect(exp(-1)).toBe(0.36787944117144233);
    expect(exp(0.5)).toBe(1.6487212707001282);
    expect(exp(3)).toBe(20.085536923187668);
    expect(exp(-2.5)).toBe(0.08208499862389879);
    expect(exp(100)).toBe(2.6881171418161396e43);
  });
});

describe('exp and ln together', () => {
  it('exp(ln(x)) recovers x (relative 1e-14 for 1e-25..1e25, 1e-13 everywhere)', () => {
    for (let p = -25; p <= 25; p += 0.01) {
      const x = 10 ** p;
      expect(relErr(exp(ln(x)), x), `x=${x}`).toBeLessThan(1e-14);
    }
    for (let p = -307; p <= 307; p += 0.25) {
      const x = 10 ** p;
      expect(relErr(exp(ln(x)), x), `x=${x}`).toBeLessThan(1e-13);
    }
  });

  it('ln(exp(x)) recovers x', () => {
    for (const x of linspace(-700, 700, 5000)) {
      expect(Math.abs(ln(exp(x)) - x), `x=${x}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(x)));
    }
  });

  it('matches the lognormal and exponential uses in the sim', () => {
    // exponential: -mean * ln(1 - u) for u in [0, 1)
    for (const u of linspace(0, 0.999999, 1000)) {
      expect(relErr(-20 * ln(1 - u), -20 * Math.log(1 - u))).toBeLessThan(1e-14);
    }
    // lognormal: exp(mu + sigma z) around a mean of 20 minutes
    for (const z of linspace(-8, 8, 1000)) {
      const arg = 2.65 + 0.83 * z;
      expect(relErr(exp(arg), Math.exp(arg))).toBeLessThan(1e-14);
    }
  });
});
