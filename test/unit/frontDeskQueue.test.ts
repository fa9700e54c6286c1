// The front desk is a textbook queue: always open, Poisson arrivals, one visit per citizen, c
// identical clerks taking visitors first come first served, no abandonment. Its long-run figures
// must match queueing theory: Erlang C for M/M/c, Pollaczek-Khinchine for M/G/1, Little's law.
import { describe, expect, it } from 'vitest';
import frontDesk from '../../levels/front-desk.json';
import { parseLevel } from '../../src/levels/load';
import type { Level } from '../../src/levels/schema';
import { DAY, type Report, simulate } from '../../src/services/housing-benefit/index';
import { type Distribution, meanOf } from '../../src/engine/random';

/** Long enough that the empty start (day 0) is a negligible transient. */
const DAYS = 2000;
const SEEDS = [1, 2, 3] as const;

function parsed(): Level {
  const r = parseLevel(structuredClone(frontDesk));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

const base = parsed();

/** A copy of the parsed level with some changes; checked to still be a valid level. */
function variant(change: (l: Level) => void): Level {
  const l = structuredClone(base);
  change(l);
  const check = parseLevel(structuredClone(l));
  if (!check.ok) throw new Error(check.errors.join('\n'));
  return l;
}

// ---------------------------------------------------------------- queueing theory

interface Mmc {
  /** Arrival rate, per minute. */
  lambda: number;
  /** Mean service time, minutes. */
  s: number;
  c: number;
}

/** Erlang C: the probability an arrival has to wait in an M/M/c queue (stable Erlang B recursion). */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** Mean wait in queue (minutes) for M/M/c. */
function mmcWq({ lambda, s, c }: Mmc): number {
  const a = lambda * s;
  if (a >= c) return Infinity;
  return erlangC(c, a) / (c / s - lambda);
}

/** Pollaczek-Khinchine mean wait in queue (minutes) for M/G/1 with service mean s and sd sd. */
function mg1Wq(lambda: number, s: number, sd: number): number {
  const rho = lambda * s;
  return (lambda * (sd * sd + s * s)) / (2 * (1 - rho));
}

/** Cosmetatos' approximation for M/D/c, as a correction to M/M/c. */
function mdcWq(q: Mmc): number {
  const rho = (q.lambda * q.s) / q.c;
  const corr = 1 + ((1 - rho) * (q.c - 1) * (Math.sqrt(4 + 5 * q.c) - 2)) / (16 * rho * q.c);
  return 0.5 * corr * mmcWq(q);
}

function queueOf(level: Level): Mmc {
  return {
    lambda: level.demand.needsPerDay / DAY,
    s: meanOf(level.work.visit),
    c: level.regimes.deliverology.staff.clerk!,
  };
}

// ---------------------------------------------------------------- running

const cache = new Map<Level, Map<number, Report>>();

/** Reports for each seed (cached per level object and seed, so several tests share the long runs). */
function runs(level: Level, seeds: readonly number[] = SEEDS): Report[] {
  let byLevel = cache.get(level);
  if (!byLevel) cache.set(level, (byLevel = new Map()));
  return seeds.map((seed) => {
    let r = byLevel.get(seed);
    if (!r) byLevel.set(seed, (r = simulate(level, seed, 'deliverology', DAYS)));
    return r;
  });
}

const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const clerk = (r: Report) => r.queues.clerk!;
const meanWait = (rs: readonly Report[]) => avg(rs.map((r) => clerk(r).meanWaitMinutes!));
const relErr = (x: number, want: number) => Math.abs(x - want) / want;

const mmc2 = base;
const mmc3 = variant((l) => {
  l.regimes.deliverology.staff.clerk = 3;
});
const mdc2 = variant((l) => {
  l.work.visit = { dist: 'fixed', value: 20 };
});
const lognormal2 = variant((l) => {
  l.work.visit = { dist: 'lognormal', mean: 20, sd: 20 };
});

// ---------------------------------------------------------------- tests

describe('the queueing formulas used here', () => {
  it('Erlang C matches hand-worked values', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = rho
    expect(erlangC(2, 4 / 3)).toBeCloseTo(8 / 15, 12);
    expect(mmcWq({ lambda: 96 / DAY, s: 20, c: 2 })).toBeCloseTo(16, 10);
    expect(mmcWq({ lambda: 48 / DAY, s: 20, c: 1 })).toBeCloseTo(40, 10);
    expect(mmcWq({ lambda: 96 / DAY, s: 20, c: 3 })).toBeCloseTo(2.1694, 3);
    expect(mg1Wq(48 / DAY, 20, 20)).toBeCloseTo(40, 10); // exponential: same as M/M/1
  });
});

describe('front-desk level as an M/M/c queue', () => {
  it('is the textbook queue the test assumes', () => {
    expect(base.hours).toBe('always');
    expect(base.demand.needsPerDay).toBe(96);
    expect(base.demand.visitShare).toBe(1);
    expect(base.demand.patienceDays).toBeNull();
    expect(base.work.visit).toEqual({ dist: 'exponential', mean: 20 });
    expect(base.regimes.deliverology.staff.clerk).toBe(2);
  });

  it('serves everyone who arrives, at the arrival rate', () => {
    for (const r of runs(mmc2)) {
      expect(r.days).toBe(DAYS);
      expect(r.needs.abandoned).toBe(0);
      expect(r.needs.arrived).toBe(r.needs.met + r.needs.open);
      expect(r.needs.open).toBeLessThan(30);
      // Poisson count over 2000 days: sd sqrt(192000) ~ 440, 1.5% is ~6.5 sd.
      expect(relErr(r.needs.arrived, 96 * DAYS)).toBeLessThan(0.015);
      expect(relErr(r.throughput.needsMetPerDay, 96)).toBeLessThan(0.015);
    }
  });

  it('mean wait in queue matches Erlang C (c = 2) within 6%', () => {
    const q = queueOf(mmc2);
    const want = mmcWq(q);
    expect(want).toBeCloseTo(16, 6);
    const got = meanWait(runs(mmc2));
    expect(relErr(got, want), `simulated ${got} vs Erlang C ${want}`).toBeLessThan(0.06);
  });

  it('utilisation matches rho = lambda * s / c within 0.01', () => {
    const q = queueOf(mmc2);
    const rho = (q.lambda * q.s) / q.c;
    for (const r of runs(mmc2)) expect(Math.abs(clerk(r).utilisation! - rho)).toBeLessThan(0.01);
  });

  it("obeys Little's law: mean number open = throughput x mean time in system, within 2%", () => {
    for (const r of runs(mmc2)) {
      const lw = r.throughput.needsMetPerDay * r.endToEndDays.mean!;
      expect(relErr(r.wip.meanNeedsOpen, lw), `L=${r.wip.meanNeedsOpen} lambda*W=${lw}`).toBeLessThan(0.02);
    }
  });

  it('time in system is wait plus service, and the number open matches theory (L = lambda (Wq + s))', () => {
    const q = queueOf(mmc2);
    const theoryL = q.lambda * (mmcWq(q) + q.s);
    for (const r of runs(mmc2)) {
      const w = r.endToEndDays.mean! * DAY;
      expect(relErr(w, clerk(r).meanWaitMinutes! + q.s)).toBeLessThan(0.02);
    }
    const l = avg(runs(mmc2).map((r) => r.wip.meanNeedsOpen));
    expect(relErr(l, theoryL), `L=${l} vs ${theoryL}`).toBeLessThan(0.04);
  });

  it('a third clerk cuts the wait to what Erlang C predicts for c = 3', () => {
    expect(base.regimes.deliverology.staff.clerk).toBe(2); // the clone left the original alone
    const q = queueOf(mmc3);
    expect(q.c).toBe(3);
    const want = mmcWq(q);
    const got = meanWait(runs(mmc3));
    expect(got).toBeLessThan(meanWait(runs(mmc2)) / 4);
    expect(relErr(got, want), `simulated ${got} vs Erlang C ${want}`).toBeLessThan(0.06);
    for (const r of runs(mmc3)) expect(Math.abs(clerk(r).utilisation! - (q.lambda * q.s) / 3)).toBeLessThan(0.01);
  });

  it('fixed service times wait less than exponential ones (M/D/c < M/M/c), about half', () => {
    const q = queueOf(mdc2);
    const got = meanWait(runs(mdc2, SEEDS.slice(0, 2)));
    const mmc = meanWait(runs(mmc2));
    expect(got).toBeLessThan(0.65 * mmc);
    expect(got).toBeGreaterThan(0.4 * mmc);
    const want = mdcWq(q);
    expect(relErr(got, want), `simulated ${got} vs Cosmetatos ${want}`).toBeLessThan(0.06);
    // Same offered load, so the same utilisation.
    for (const r of runs(mdc2, SEEDS.slice(0, 2))) expect(Math.abs(clerk(r).utilisation! - 2 / 3)).toBeLessThan(0.01);
  });

  it('lognormal service with the same mean and sd (cv = 1) waits about as long as M/M/c', () => {
    const want = mmcWq(queueOf(lognormal2));
    const got = meanWait(runs(lognormal2));
    expect(relErr(got, want), `simulated ${got} vs Erlang C ${want}`).toBeLessThan(0.08);
  });
});

describe('one clerk: M/G/1 against Pollaczek-Khinchine', () => {
  // Half the demand, one clerk: rho = 2/3 again. P-K is exact for any service distribution.
  const oneClerk = (visit: Distribution) =>
    variant((l) => {
      l.regimes.deliverology.staff.clerk = 1;
      l.demand.needsPerDay = 48;
      l.work.visit = visit;
    });
  const cases: { name: string; visit: Distribution; sd: number }[] = [
    { name: 'exponential', visit: { dist: 'exponential', mean: 20 }, sd: 20 },
    { name: 'fixed', visit: { dist: 'fixed', value: 20 }, sd: 0 },
    { name: 'lognormal', visit: { dist: 'lognormal', mean: 20, sd: 20 }, sd: 20 },
    { name: 'uniform', visit: { dist: 'uniform', min: 0, max: 40 }, sd: 40 / Math.sqrt(12) },
  ];

  for (const { name, visit, sd } of cases) {
    it(`${name} service: mean wait within 6% of P-K`, () => {
      const level = oneClerk(visit);
      const lambda = 48 / DAY;
      const want = mg1Wq(lambda, meanOf(visit), sd);
      const rs = runs(level);
      const got = meanWait(rs);
      expect(relErr(got, want), `simulated ${got} vs P-K ${want}`).toBeLessThan(0.06);
      for (const r of rs) {
        expect(Math.abs(clerk(r).utilisation! - 2 / 3)).toBeLessThan(0.01);
        const lw = r.throughput.needsMetPerDay * r.endToEndDays.mean!;
        expect(relErr(r.wip.meanNeedsOpen, lw)).toBeLessThan(0.02);
      }
    });
  }
});
