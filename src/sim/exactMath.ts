// Logarithm and exponential built only from + - * / and comparisons, which IEEE 754 rounds
// exactly in every JavaScript engine. Math.log / Math.exp may differ in the last bit between
// V8 versions and other engines, and one bit can reorder two events: a run must give the same
// report in Node and in any browser.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/** Natural logarithm of x > 0, to within a few ulps, identically everywhere. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return Infinity;
  // x = m * 2^e with m in [1/sqrt2, sqrt2): scaling by powers of two is exact.
  let e = 0;
  let m = x;
  while (m >= 4294967296) { m *= 2.3283064365386963e-10; e += 32; }
  while (m < 2.3283064365386963e-10) { m *= 4294967296; e -= 32; }
  while (m >= SQRT2) { m *= 0.5; e += 1; }
  while (m < SQRT2 / 2) { m *= 2; e -= 1; }
  // ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.1716: 13 odd terms reach double precision.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k <= 27; k += 2) {
    term *= s2;
    sum += term / k;
  }
  return 2 * sum + e * LN2;
}

/** e^x, identically everywhere. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.78) return Infinity;
  if (x < -745.2) return 0;
  // x = k ln2 + r with |r| <= ln2/2; e^r by its Taylor series; 2^k by exact doublings.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  let result = sum;
  for (let i = 0; i < k; i++) result *= 2;
  for (let i = 0; i > k; i--) result *= 0.5;
  return result;
}
