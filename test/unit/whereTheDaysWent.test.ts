// Where the days went: the parts add up to the days citizens lived, and the dashboard sees only one.
import { describe, expect, it } from 'vitest';
import { runSim } from '../../src/services/housing-benefit/run';
import { level } from './helpers';

const hb = level('housing-benefit', { warmUpDays: 180 });

describe('where the days went', () => {
  const deliverology = runSim(hb, 2, 'deliverology', 180);
  const systems = runSim(hb, 2, 'systems', 180);
  const d = deliverology.daysSplit()!;
  const s = systems.daysSplit()!;

  it('splits the mean end-to-end days of the citizens helped, to the day', () => {
    expect(d.helped).toBe(deliverology.report().needs.met);
    expect(d.lived).toBeCloseTo(deliverology.report().endToEndDays.mean!, 3);
    expect(s.lived).toBeCloseTo(systems.report().endToEndDays.mean!, 3);
  });

  it('under the four-star rules most of the days are off the clock: closed claims and days before it started', () => {
    expect(d.onClosedClaims + d.beforeTheClock).toBeGreaterThan(d.onTheClock);
    expect(d.reapplied).toBeGreaterThan(d.helped / 5);
  });

  it('redesigned, the clock starts at first contact and nobody reapplies', () => {
    expect(s.onClosedClaims).toBe(0);
    expect(s.reapplied).toBe(0);
    expect(Math.abs(s.beforeTheClock)).toBeLessThan(0.01);
  });

  it('with the clock rule off, the days before the clock move onto it', () => {
    const honest = runSim(level('housing-benefit', { warmUpDays: 180, 'regimes.deliverology.design.clockStart': 'firstContact' }), 2, 'deliverology', 180);
    const h = honest.daysSplit()!;
    expect(h.lived).toBeCloseTo(d.lived, 6);
    expect(Math.abs(h.beforeTheClock)).toBeLessThan(0.01);
    expect(h.onTheClock).toBeGreaterThan(d.onTheClock + 5);
  });
});
