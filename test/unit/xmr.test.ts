import { describe, expect, it } from 'vitest';
import { capability, xmr } from '../../src/analysis/xmr';

describe('XmR chart', () => {
  it('computes the centre line and natural process limits the standard way', () => {
    const values = [10, 12, 11, 15, 9, 10, 13];
    const c = xmr(values)!;
    const mean = values.reduce((a, b) => a + b) / values.length;
    const mrs = [2, 1, 4, 6, 1, 3];
    const mr = mrs.reduce((a, b) => a + b) / mrs.length;
    expect(c.centre).toBeCloseTo(mean, 12);
    expect(c.meanMovingRange).toBeCloseTo(mr, 12);
    expect(c.upper).toBeCloseTo(mean + 2.66 * mr, 12);
    expect(c.lower).toBeCloseTo(mean - 2.66 * mr, 12);
    expect(c.movingRangeUpper).toBeCloseTo(3.268 * mr, 12);
    expect(c.beyondLimits).toEqual([]);
    expect(c.longRuns).toEqual([]);
  });

  it('marks a point beyond the limits', () => {
    const values = [5, 6, 5, 6, 5, 6, 5, 6, 40, 5, 6];
    const c = xmr(values)!;
    expect(c.beyondLimits).toEqual([8]);
  });

  it('marks a run of eight on one side of the centre line, and not a run of seven', () => {
    const eight = [1, 2, 1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8, 9, 8, 1, 2, 1, 2, 1, 2, 1, 2];
    const c = xmr(eight)!;
    expect(c.longRuns.length).toBeGreaterThanOrEqual(8);
    expect(c.longRuns.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const seven = [1, 9, 1, 9, 1, 2, 3, 2, 3, 2, 3, 9, 8, 9, 8];
    expect(xmr(seven, 8)!.longRuns).toEqual([]);
  });

  it('needs two points, and floors the capability at zero days', () => {
    expect(xmr([])).toBeNull();
    expect(xmr([3])).toBeNull();
    const c = xmr([1, 30, 2, 28, 1, 25])!;
    expect(c.lower).toBeLessThan(0);
    expect(capability(c).from).toBe(0);
    expect(capability(c).to).toBe(c.upper);
  });
});
