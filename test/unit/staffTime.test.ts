// Where staff time goes: value work, failure work and idle add up to the hours paid, week by
// week and over the run, and failure work follows failure demand.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/services/housing-benefit/index';
import { level } from './helpers';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('staff time', () => {
  const hb = level('housing-benefit');
  for (const regime of ['deliverology', 'systems'] as const) {
    const r = simulate(hb, 2, regime, 120);

    it(`${regime}: each team's work and idle time add up to its paid hours`, () => {
      for (const [id, t] of Object.entries(r.staffTime.byRole)) {
        expect(t.value + t.failure + t.idle - t.overtime, id).toBeCloseTo(t.paid, 0);
        // An outsourced call centre sets its own staffing day by day; the council's own staff are fixed.
        if (regime === 'deliverology' && id === 'agent') continue;
        expect(t.paid, id).toBeCloseTo((hb.regimes[regime].staff[id]! * 120 * 5 * 8) / 7, -2);
      }
    });

    it(`${regime}: the weeks add up to the run`, () => {
      for (const [id, t] of Object.entries(r.staffTime.byRole)) {
        expect(t.weeks.paid.length, id).toBe(Math.ceil(120 / 7));
        expect(sum(t.weeks.paid), id).toBeCloseTo(t.paid, -1);
        expect(sum(t.weeks.value), id).toBeCloseTo(t.value, -1);
        expect(sum(t.weeks.failure), id).toBeCloseTo(t.failure, -1);
        const byWork = Object.values(t.byWork);
        expect(sum(byWork.map((w) => w.value)), id).toBeCloseTo(t.value, -1);
        expect(sum(byWork.map((w) => w.failure)), id).toBeCloseTo(t.failure, -1);
      }
    });
  }

  it('a plain queue with no failure demand does only value work', () => {
    const r = simulate(level('front-desk'), 1, 'deliverology', 10);
    expect(r.staffTime.total.failure).toBe(0);
    expect(r.staffTime.total.value).toBeGreaterThan(0);
    expect(r.staffTime.failureShare).toBe(0);
  });

  it('failure demand takes staff time: without chasing, no messages are passed to the back office', () => {
    const base = simulate(hb, 3, 'deliverology', 120);
    expect(base.staffTime.byRole.assessor!.byWork.message.failure).toBeGreaterThan(0);
    const quiet = simulate(level('housing-benefit', { 'citizens.chaseScaleDays': null }), 3, 'deliverology', 120);
    expect(quiet.staffTime.byRole.assessor!.byWork.message.failure).toBe(0);
    expect(quiet.staffTime.failureShare!).toBeLessThan(base.staffTime.failureShare!);
  });
});
