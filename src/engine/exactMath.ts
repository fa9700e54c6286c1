// Logarithm and exponential built only from + - * / and comparisons, which IEEE 754 rounds
// exactly in every JavaScript engine. Math.log / Math.exp may differ in the last bit between
// V8 versions and other engines, and one bit can reorder two events: a run must give the same
// report in Node and in any browser.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
/** 1/1, 1/3, 1/5, ... 1/27: each a correctly rounded division, so identical in every engine. */
const INV_ODD = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27].map((k) => 1 / k);
/** 1/n! for n = 0..16 (n! is exact in a double up to 18!, and 1/f is correctly rounded). */
const INV_FACT: number[] = [];
for (let n = 0, f = 1; n <= 16; n++, f *= n) INV_FACT.push(1 / f);

/** Natural logarithm of x > 0, to within a few ulps, identically everywhere. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return Infinity;
  // x = m * 2^e with m in [1/sqrt2, sqrt2): scaling by powers of two is exact.
  let e = 0;
  let m = x;
  while (m >= 4294967296) {
    m *= 2.3283064365386963e-10;
    e += 32;
  }
  while (m < 2.3283064365386963e-10) {
    m *= 4294967296;
    e -= 32;
  }
  while (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  while (m < SQRT2 / 2) {
    m *= 2;
    e -= 1;
  }
  // ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.1716: odd terms to s^27 reach double precision.
  // Horner's rule with literal coefficients 1/k: only exact, engine-independent operations.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = INV_ODD[INV_ODD.length - 1]!;
  for (let i = INV_ODD.length - 2; i >= 0; i--) p = p * s2 + INV_ODD[i]!;
  const sum = s * p;
  return 2 * sum + e * LN2;
}

/** e^x, identically everywhere. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.2) return 0;
  // x = k ln2 + r with |r| <= ln2/2; e^r by its Taylor series (Horner, literal 1/n!); 2^k by exact doublings.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let sum = INV_FACT[INV_FACT.length - 1]!;
  for (let i = INV_FACT.length - 2; i >= 0; i--) sum = sum * r + INV_FACT[i]!;
  let result = sum;
  for (let i = 0; i < k; i++) result *= 2;
  for (let i = 0; i > k; i--) result *= 0.5;
  return result;
}
