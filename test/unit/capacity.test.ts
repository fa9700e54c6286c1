// A steady office, and measures that cannot flatter (issue 12, items 1 and 3): the default
// deliverology office is slow but keeps up year after year; as demand outgrows capacity the
// office's throughput levels off rather than collapsing; and the honest measures, which count
// every citizen, get worse as the service gets worse.
import { describe, expect, it } from 'vitest';
import { overloadCurve, yearByYear } from '../../src/analysis/modelChecks';
import { simulate } from '../../src/services/housing-benefit/index';
import { level } from './helpers';

const hb = level('housing-benefit');

describe('a steady office', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: over three years, year 3's citizens wait about as long as year 1's; no role over 97%; few give up`, () => {
      const { years, report } = yearByYear(hb, seed, 'deliverology', 3);
      const [y1, , y3] = years;
      // Year 3 is the run's last: its citizens have had least time to finish, which lowers it.
      expect(Math.abs(y3!.endToEndMean - y1!.endToEndMean) / y1!.endToEndMean).toBeLessThan(0.15);
      for (const q of Object.values(report.queues)) expect(q.utilisation ?? 0).toBeLessThanOrEqual(0.97);
      for (const y of years) expect(y.gaveUpShare).toBeLessThan(0.1);
    });
  }

  it('years that have all finished are within a few per cent of each other', () => {
    const { years } = yearByYear(hb, 4, 'deliverology', 4);
    const done = years.slice(0, 3).map((y) => y.endToEndMean);
    expect(Math.max(...done) / Math.min(...done)).toBeLessThan(1.05);
  });
});

describe('as demand outgrows capacity', () => {
  const factors = [1, 1.5, 2, 2.5, 3];
  for (const regime of ['deliverology', 'systems'] as const) {
    it(`${regime}: needs met a day level off, never more than 20% below their peak`, () => {
      const curve = overloadCurve(hb, regime, factors, [1, 2], 365);
      let peak = 0;
      for (const point of curve) {
        peak = Math.max(peak, point.officeNeedsMetPerDay);
        expect(point.officeNeedsMetPerDay, `${point.factor}x`).toBeGreaterThanOrEqual(0.8 * peak);
      }
      // The office does more at twice the demand than at the default: it was not already full.
      expect(curve[2]!.officeNeedsMetPerDay).toBeGreaterThan(curve[0]!.officeNeedsMetPerDay);
      // What every citizen lives gets worse as the service is stretched: no measure improves.
      for (let i = 1; i < curve.length; i++) {
        expect(curve[i]!.withoutHelpMean, `${curve[i]!.factor}x`).toBeGreaterThan(curve[i - 1]!.withoutHelpMean);
        expect(curve[i]!.helpedWithin56, `${curve[i]!.factor}x`).toBeLessThanOrEqual(curve[i - 1]!.helpedWithin56);
      }
    });
  }

  it('the redesigned flow with too few experts: waits grow, and the honest measures show it', () => {
    const staffed = simulate(hb, 1, 'systems', 365);
    for (const experts of [5, 4, 3]) {
      const short = simulate(level('housing-benefit', { 'regimes.systems.staff.assessor': experts }), 1, 'systems', 365);
      expect(short.waitingDays.withoutHelpMean!).toBeGreaterThan(staffed.waitingDays.withoutHelpMean!);
      expect(short.helpedWithin.d28!).toBeLessThan(staffed.helpedWithin.d28!);
      // Harm starts once the waits reach weeks (with five, a handful either way).
      if (experts <= 4) expect(short.needs.harmed).toBeGreaterThan(10 * Math.max(1, staffed.needs.harmed));
    }
  });
});
