// A share measured on a sample, with an honest uncertainty band: the Wilson score interval,
// which behaves at small samples and near 0% or 100%, unlike the textbook "p ± 2 SE".

export interface ShareBand {
  share: number;
  low: number;
  high: number;
  n: number;
}

/** z for a 95% interval. */
export const Z95 = 1.959963984540054;

export function wilson(successes: number, n: number, z = Z95): ShareBand | null {
  if (n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n the band's end is the share itself; rounding must not leave a sliver between them.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { share: p, low, high, n };
}
