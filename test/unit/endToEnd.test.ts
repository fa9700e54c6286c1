import { describe, expect, it } from 'vitest';
import { parseNeedsCsv, weeklyEndToEnd, type NeedRow } from '../../src/analysis/endToEnd';
import { runSim } from '../../src/services/housing-benefit';
import { level } from './helpers';

const met = (arrivedDay: number, days: number): NeedRow => ({ arrivedDay, closedDay: arrivedDay + days, outcome: 'met' });

describe('weekly end-to-end days', () => {
  it('averages the needs met by week of first contact', () => {
    const weeks = weeklyEndToEnd([met(0.5, 10), met(6.9, 20), met(7, 3), met(13, 5)], 14);
    expect(weeks).toEqual([
      { week: 1, meanDays: 15, needsMet: 2 },
      { week: 2, meanDays: 4, needsMet: 2 },
    ]);
  });

  it('leaves out weeks not yet whole, weeks still mostly waiting, and citizens from before the run', () => {
    const rows: NeedRow[] = [met(-3, 40), met(1, 2), met(8, 2), { arrivedDay: 9, closedDay: null, outcome: 'open' }, met(15, 1)];
    expect(weeklyEndToEnd(rows, 20).map((w) => w.week)).toEqual([1]);
    // Abandoned citizens count towards settling a week but not towards its mean.
    const settled: NeedRow[] = [met(1, 4), { arrivedDay: 2, closedDay: 30, outcome: 'abandoned' }];
    expect(weeklyEndToEnd(settled, 7)).toEqual([{ week: 1, meanDays: 4, needsMet: 1 }]);
  });

  it('gives the same weeks from the sim and from its exported CSV', () => {
    const sim = runSim(level('housing-benefit'), 2, 'systems', 120);
    const fromCsv = weeklyEndToEnd(parseNeedsCsv(sim.needsCsv()), 120);
    expect(fromCsv.length).toBeGreaterThan(10);
    const fromSim = weeklyEndToEnd(sim.needRows(), 120);
    expect(fromSim.map((w) => [w.week, w.needsMet])).toEqual(fromCsv.map((w) => [w.week, w.needsMet]));
    fromSim.forEach((w, i) => expect(w.meanDays).toBeCloseTo(fromCsv[i]!.meanDays, 4));
    expect(() => parseNeedsCsv('a,b\n1,2')).toThrow(/not a needs CSV/);
  });
});
