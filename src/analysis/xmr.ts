// A process behaviour chart (XmR, after Shewhart and Wheeler): the voice of the process, not of a
// target. Centre line = mean; natural process limits = mean ± 2.66 × mean moving range.
// Signals: a point beyond a limit, or a long run on one side of the centre line.

export interface XmR {
  values: readonly number[];
  centre: number;
  meanMovingRange: number;
  upper: number;
  /** The computed lower limit; may be below zero for days, which cannot be. */
  lower: number;
  /** Upper limit of the moving ranges (3.268 × mean moving range). */
  movingRangeUpper: number;
  /** Indexes of points beyond either limit. */
  beyondLimits: number[];
  /** Indexes of points in runs of `runLength` or more on one side of the centre line. */
  longRuns: number[];
}

/** Wheeler's scaling constants for individual values and their two-point moving ranges. */
export const XMR_LIMIT = 2.66;
export const MR_LIMIT = 3.268;
export const RUN_LENGTH = 8;

export function xmr(values: readonly number[], runLength = RUN_LENGTH): XmR | null {
  if (values.length < 2) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const centre = sum / values.length;
  let mrSum = 0;
  for (let i = 1; i < values.length; i++) mrSum += Math.abs(values[i]! - values[i - 1]!);
  const meanMovingRange = mrSum / (values.length - 1);
  const upper = centre + XMR_LIMIT * meanMovingRange;
  const lower = centre - XMR_LIMIT * meanMovingRange;
  const beyondLimits: number[] = [];
  values.forEach((v, i) => {
    if (v > upper || v < lower) beyondLimits.push(i);
  });
  const longRuns: number[] = [];
  let runStart = 0;
  let side = 0;
  const close = (end: number) => {
    if (side !== 0 && end - runStart >= runLength) for (let j = runStart; j < end; j++) longRuns.push(j);
  };
  values.forEach((v, i) => {
    const s = v > centre ? 1 : v < centre ? -1 : 0;
    if (s !== side || s === 0) {
      close(i);
      runStart = i;
      side = s;
    }
  });
  close(values.length);
  return { values, centre, meanMovingRange, upper, lower, movingRangeUpper: MR_LIMIT * meanMovingRange, beyondLimits, longRuns };
}

/** "A citizen can expect to wait between X and Y days": the limits, floored at zero. */
export function capability(chart: XmR): { from: number; to: number } {
  return { from: Math.max(0, chart.lower), to: chart.upper };
}
