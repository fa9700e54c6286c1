// The front desk is a textbook queue on the engine, so its long-run figures must be queueing
// theory's: Erlang C for M/M/c, Pollaczek-Khinchine for M/G/1, Little's law, utilisation = load.
import { describe, expect, it } from 'vitest';
import queue from '../../../levels/front-desk-queue.json';
import { DAY } from '../../../src/engine/calendar';
import { frontDesk, parseFrontDeskLevel, runFrontDesk } from '../../../src/services/front-desk/index';
import type { FrontDeskReport } from '../../../src/services/front-desk/report';
import type { FrontDeskLevel } from '../../../src/services/front-desk/schema';
import { checkLevel } from '../../../src/services/index';

/** Long enough that the empty start is a negligible transient: about 190,000 visitors a seed. */
const DAYS = 2000;
const SEEDS = [1, 2, 3];

function level(change: (l: FrontDeskLevel) => void = () => {}): FrontDeskLevel {
  const raw = structuredClone(queue) as FrontDeskLevel;
  change(raw);
  const r = parseFrontDeskLevel(raw);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

/** Erlang C: the chance an arrival waits in M/M/c with offered load a (stable Erlang B recursion). */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** Mean wait in queue for M/M/c: lambda per minute, s minutes. */
const mmcWq = (lambda: number, s: number, c: number) => erlangC(c, lambda * s) / (c / s - lambda);

/** Pollaczek-Khinchine: mean wait in queue for M/G/1 with service mean s and standard deviation sd. */
const mg1Wq = (lambda: number, s: number, sd: number) => (lambda * (sd * sd + s * s)) / (2 * (1 - lambda * s));

const mean = (rs: readonly FrontDeskReport[], f: (r: FrontDeskReport) => number | null) => rs.reduce((a, r) => a + f(r)!, 0) / rs.length;
const reports = (l: FrontDeskLevel) => SEEDS.map((seed) => frontDesk.simulate(l, seed, 'deliverology', DAYS, []));
const near = (x: number, want: number, rel: number) => expect(Math.abs(x - want) / want).toBeLessThan(rel);

describe('the front desk against queueing theory', () => {
  it('the formulas: hand-worked values', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangC(2, 4 / 3)).toBeCloseTo(8 / 15, 12);
    expect(mmcWq(96 / DAY, 20, 2)).toBeCloseTo(16, 10);
    expect(mg1Wq(48 / DAY, 20, 20)).toBeCloseTo(40, 10);
  });

  for (const [name, visitorsPerDay, clerks] of [
    ['M/M/1 at two-thirds load', 48, 1],
    ['M/M/2 at two-thirds load', 96, 2],
    ['M/M/3 at four-ninths load', 96, 3],
    ['M/M/4 at two-thirds load', 192, 4],
  ] as const) {
    it(`${name}: Erlang C's chance of waiting and mean wait, Little's law, utilisation`, () => {
      const lambda = visitorsPerDay / DAY;
      const rs = reports(
        level((l) => {
          l.demand.visitorsPerDay = visitorsPerDay;
          l.clerks = clerks;
        }),
      );
      near(
        mean(rs, (r) => r.waitedShare),
        erlangC(clerks, lambda * 20),
        0.04,
      );
      near(
        mean(rs, (r) => r.meanWaitMinutes),
        mmcWq(lambda, 20, clerks),
        0.08,
      );
      near(
        mean(rs, (r) => r.utilisation),
        (lambda * 20) / clerks,
        0.01,
      );
      // Little's law holds of each run's own figures, whatever the theory says.
      for (const r of rs) near(r.meanQueueLength!, r.arrivalsPerMinute * r.meanWaitMinutes!, 0.02);
    });
  }

  for (const [name, serviceMinutes, sd] of [
    ['M/D/1 (every visit 20 minutes)', { dist: 'fixed', value: 20 } as const, 0],
    ['M/G/1 (lognormal, sd 10)', { dist: 'lognormal', mean: 20, sd: 10 } as const, 10],
    ['M/G/1 (lognormal, sd 30)', { dist: 'lognormal', mean: 20, sd: 30 } as const, 30],
  ] as const) {
    it(`${name}: the Pollaczek-Khinchine mean wait`, () => {
      const rs = reports(
        level((l) => {
          l.demand.visitorsPerDay = 48;
          l.clerks = 1;
          l.demand.serviceMinutes = serviceMinutes;
        }),
      );
      near(
        mean(rs, (r) => r.meanWaitMinutes),
        mg1Wq(48 / DAY, 20, sd),
        sd > 20 ? 0.12 : 0.08,
      );
    });
  }
});

describe('the front desk as a service', () => {
  it('meets the same visitors whatever the staffing: another clerk never makes anyone wait longer', () => {
    const two = runFrontDesk(level(), 4, 'deliverology', 30);
    const three = runFrontDesk(
      level((l) => {
        l.clerks = 3;
      }),
      4,
      'deliverology',
      30,
    );
    expect(three.count).toBe(two.count);
    let shorter = 0;
    for (let id = 0; id < two.count; id++) {
      expect(three.arrivedAtOf(id)).toBe(two.arrivedAtOf(id));
      if (Number.isNaN(two.waitedOf(id))) continue;
      expect(three.waitedOf(id)).toBeLessThanOrEqual(two.waitedOf(id) + 1e-9);
      if (three.waitedOf(id) < two.waitedOf(id)) shorter++;
    }
    expect(shorter).toBeGreaterThan(two.count / 4);
  });

  it('takes a clerk on mid-run: the waits fall from then on; an action for anything else is refused', () => {
    const l = level((x) => {
      x.clerks = 1;
      x.demand.visitorsPerDay = 60;
    });
    const alone = frontDesk.simulate(l, 2, 'deliverology', 200, []);
    const helped = frontDesk.simulate(l, 2, 'deliverology', 200, [{ at: 20 * DAY, kind: 'staff', role: 'clerk', count: 2 }]);
    expect(helped.meanWaitMinutes!).toBeLessThan(alone.meanWaitMinutes! / 3);
    expect(helped.visitors.arrived).toBe(alone.visitors.arrived);
    expect(() => frontDesk.simulate(l, 2, 'deliverology', 10, [{ at: 0, kind: 'staff', role: 'assessor', count: 2 }])).toThrow(/no role "assessor"/);
    expect(() => frontDesk.simulate(l, 2, 'deliverology', 10, [{ at: 0, kind: 'design', key: 'x', value: true }])).toThrow(/no design actions/);
  });

  it('runs are a function of their inputs: the same seed, the same report; another seed, other visitors', () => {
    const a = JSON.stringify(frontDesk.simulate(level(), 9, 'deliverology', 60, []));
    expect(JSON.stringify(frontDesk.simulate(level(), 9, 'deliverology', 60, []))).toBe(a);
    expect(JSON.stringify(frontDesk.simulate(level(), 10, 'deliverology', 60, []))).not.toBe(a);
  });

  it('refuses a bad level with the field and the problem', () => {
    expect(checkLevel(queue)).toEqual({ ok: true, service: 'front-desk' });
    const r = checkLevel({ ...queue, clerks: 0, demand: { ...queue.demand, visitorsPerDay: -1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('clerks:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('demand.visitorsPerDay:'))).toBe(true);
    }
  });
});

describe('the front desk when clerks are taken off', () => {
  it('counts a clerk cut while with a visitor as on the books until the visitor is seen: utilisation never above 1', () => {
    const l = level((x) => {
      x.clerks = 4;
      x.demand.serviceMinutes = { dist: 'fixed', value: 600 };
    });
    const r = frontDesk.simulate(l, 1, 'deliverology', 2, [{ at: DAY, kind: 'staff', role: 'clerk', count: 0 }]);
    expect(r.utilisation!).toBeLessThanOrEqual(1);
    expect(r.utilisation!).toBeGreaterThan(0.9);
  });
});
