// Housing repairs against Portsmouth (waiting 60 -> 7 days, fixed at the first visit 45% -> 99%,
// cost per repair more than halved), on each of 20 seeds: the figures come from the mechanisms.
import { describe, expect, it } from 'vitest';
import { repairsCalibration } from '../../../src/analysis/repairsChecks';
import { repairsLevel } from '../helpers';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('housing repairs calibration, 20 seeds', () => {
  const level = repairsLevel();
  const c = repairsCalibration(level, SEEDS, level.days);

  it('deliverology: about 60 days, about 45% fixed at the first visit, and four stars on the dashboard', () => {
    for (const r of c.perSeed.deliverology) {
      expect(r.endToEndDays.mean!).toBeGreaterThan(45);
      expect(r.endToEndDays.mean!).toBeLessThan(70);
      expect(r.waitingDays.mean!).toBeGreaterThan(50);
      expect(r.firstVisitFixShare!).toBeGreaterThan(0.4);
      expect(r.firstVisitFixShare!).toBeLessThan(0.5);
      expect(r.dashboard.jobsWithinTarget!).toBeGreaterThan(0.95);
      expect(Math.min(...r.inspections.map((i) => i.stars))).toBe(4);
      // The dashboard's days per job are a fraction of what tenants wait.
      expect(r.reportedDays.mean!).toBeLessThan(r.endToEndDays.mean! * 0.8);
    }
  });

  it('redesigned: at most 10 days, at least 95% fixed at the first visit, and at most half the cost per repair', () => {
    for (const r of c.perSeed.systems) {
      expect(r.endToEndDays.mean!).toBeLessThanOrEqual(10);
      expect(r.waitingDays.mean!).toBeLessThanOrEqual(10);
      expect(r.firstVisitFixShare!).toBeGreaterThanOrEqual(0.95);
      expect(r.visitsPerNeed!).toBeLessThan(1.1);
    }
    expect(c.costRatio.max).toBeLessThanOrEqual(0.5);
  });
});
