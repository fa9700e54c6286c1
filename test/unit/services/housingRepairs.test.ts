// Housing repairs, mechanism by mechanism: each figure moves when, and only when, its mechanism does.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { housingRepairs, parseRepairsLevel, runRepairs } from '../../../src/services/housing-repairs/index';
import { parseRepairsActions } from '../../../src/services/housing-repairs/actions';
import type { RepairsReport } from '../../../src/services/housing-repairs/report';
import { LEVEL_FILES } from '../../../src/levels/catalogue';
import { repairsLevel, runCli } from '../helpers';

const D = 'regimes.deliverology';
const DAYS = 182;
const run = (overrides: Record<string, unknown> = {}, regime: 'deliverology' | 'systems' = 'deliverology', seed = 1, days = DAYS): RepairsReport =>
  housingRepairs.simulate(repairsLevel(overrides), seed, regime, days, []);

describe('housing repairs: the level', () => {
  it('the shipped level is valid', () => {
    expect(parseRepairsLevel(LEVEL_FILES['housing-repairs']).ok).toBe(true);
  });

  it('names the field and the problem for a bad file', () => {
    const raw = structuredClone(LEVEL_FILES['housing-repairs']) as { demand: { tradeShares: { plumbing: number } }; tenants: Record<string, unknown> };
    raw.demand.tradeShares.plumbing = 0.9;
    raw.tenants.noAccessWindow = 2;
    raw.tenants.typo = 1;
    const r = parseRepairsLevel(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(/tenants\.noAccessWindow: /);
    expect(r.errors.join('\n')).toMatch(/tenants: unknown field "typo"/);
    const shares = structuredClone(LEVEL_FILES['housing-repairs']) as { demand: { tradeShares: { plumbing: number } } };
    shares.demand.tradeShares.plumbing = 0.9;
    const s = parseRepairsLevel(shares);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors).toEqual([expect.stringMatching(/^demand\.tradeShares: the shares must add up to 1/)]);
  });

  it('validates an action log, naming the action and field', () => {
    expect(parseRepairsActions([{ at: 0, kind: 'design', key: 'closeAndReraise', value: false }], 10).ok).toBe(true);
    const bad = parseRepairsActions(
      [
        { at: 0, kind: 'design', key: 'nilQualify', value: true },
        { at: 5, kind: 'staff', role: 'assessor', count: 2 },
        { at: 99999, kind: 'regime', regime: 'systems' },
      ],
      10,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatch(/^actions\.0\.key: expected one of frontLine/);
    expect(bad.errors[1]).toMatch(/^actions\.1\.role: /);
    expect(bad.errors[2]).toMatch(/^actions\.2\.at: minute 99999 is after the run's end/);
  });
});

describe('housing repairs: a run is a function of (level, seed, actions)', () => {
  it('gives the same report for the same inputs, and another for another seed', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
    expect(run({}, 'deliverology', 2).endToEndDays.mean).not.toBe(run().endToEndDays.mean);
  });

  it('meets the same tenants and faults whatever the design', () => {
    const level = repairsLevel();
    const a = runRepairs(level, 3, 'deliverology', 60).faults;
    const b = runRepairs(level, 3, 'systems', 60).faults;
    const first = (fs: typeof a) => fs.slice(0, 500).map((f) => [f.id, f.priority, f.needsParts].join());
    expect(first(a)).toEqual(first(b));
  });
});

describe('housing repairs: mechanisms', () => {
  it('a visit fails only for a reason: nobody in, the wrong trade or no parts', () => {
    const perfect = run({
      'tenants.noAccessWindow': 0,
      'diagnosis.call-centre.rightTrade': 1,
      'diagnosis.call-centre.rightParts': 1,
      'demand.followOnShare': 0,
    });
    expect(perfect.failedVisits).toEqual({ 'no-access': 0, 'wrong-trade': 0, 'no-parts': 0 });
    expect(perfect.firstVisitFixShare).toBe(1);
    const usual = run();
    expect(usual.failedVisits['no-access']).toBeGreaterThan(0);
    expect(usual.failedVisits['wrong-trade']).toBeGreaterThan(0);
    expect(usual.failedVisits['no-parts']).toBeGreaterThan(0);
  });

  it('a second trade after the first means a second visit, job by job', () => {
    const none = run({ 'demand.followOnShare': 0 });
    const some = run({ 'demand.followOnShare': 0.5 });
    expect(some.visitsPerNeed!).toBeGreaterThan(none.visitsPerNeed! + 0.3);
    expect(some.firstVisitFixShare!).toBeLessThan(none.firstVisitFixShare! - 0.15);
  });

  it('closing a failed job and raising a new one keeps the target green, pays the contractor again, and helps no tenant', () => {
    for (const seed of [1, 2, 3]) {
      const gamed = run({}, 'deliverology', seed);
      const honest = run({ [`${D}.design.closeAndReraise`]: false }, 'deliverology', seed);
      expect(gamed.dashboard.jobsWithinTarget!).toBeGreaterThan(honest.dashboard.jobsWithinTarget! + 0.15);
      expect(gamed.cost.perRepair!).toBeGreaterThan(honest.cost.perRepair!);
      expect(gamed.waitingDays.mean!).toBeGreaterThanOrEqual(honest.waitingDays.mean!);
      expect(gamed.jobsPerNeed!).toBeGreaterThan(honest.jobsPerNeed!);
    }
  });

  it('re-coding a job about to miss its target to a longer priority raises jobs within target, and shortens no wait', () => {
    // In an honest office (no closing and re-raising), so the move is seen alone.
    for (const seed of [1, 2, 3]) {
      const honest = run({ [`${D}.design.closeAndReraise`]: false }, 'deliverology', seed);
      const recoded = run({ [`${D}.design.closeAndReraise`]: false, [`${D}.design.reclassify`]: true }, 'deliverology', seed);
      expect(recoded.dashboard.jobsWithinTarget!, `seed ${seed}`).toBeGreaterThan(honest.dashboard.jobsWithinTarget! + 0.05);
      // Planned to the longer target, the visit comes later: nobody's repair comes sooner on average, nor the slowest.
      expect(recoded.waitingDays.mean!, `seed ${seed}`).toBeGreaterThanOrEqual(honest.waitingDays.mean!);
      expect(recoded.endToEndDays.mean!, `seed ${seed}`).toBeGreaterThanOrEqual(honest.endToEndDays.mean!);
      expect(recoded.endToEndDays.p95!, `seed ${seed}`).toBeGreaterThanOrEqual(honest.endToEndDays.p95!);
      // The dashboard's own days per job give it away: the work is planned to the longer target.
      expect(recoded.dashboard.daysPerJob!, `seed ${seed}`).toBeGreaterThan(honest.dashboard.daysPerJob!);
    }
  });

  it('with the exact time the tenant asks for, re-coding changes only the label: the dashboard, not one visit', () => {
    const exact = run({}, 'systems');
    const recoded = run({ 'regimes.systems.design.reclassify': true }, 'systems');
    expect(recoded.dashboard.jobsWithinTarget!).toBeGreaterThan(exact.dashboard.jobsWithinTarget! + 0.05);
    const lived = (r: RepairsReport) => ({
      e2e: r.endToEndDays,
      waiting: r.waitingDays,
      visits: r.visitsPerNeed,
      failed: r.failedVisits,
      contacts: r.contacts,
      cost: r.cost,
      days: r.dashboard.daysPerJob,
    });
    expect(lived(recoded)).toEqual(lived(exact));
  });

  it('re-coding is off in both regimes of the level as written, and leaves emergencies and planned work alone', () => {
    const level = repairsLevel();
    expect(level.regimes.deliverology.design.reclassify).toBe(false);
    expect(level.regimes.systems.design.reclassify).toBe(false);
    // With every job an emergency or planned work, there is nothing to re-code: the run is the same.
    const only = {
      'demand.priorities.urgent.share': 0,
      'demand.priorities.routine.share': 0,
      'demand.priorities.emergency.share': 0.2,
      'demand.priorities.planned.share': 0.8,
    };
    const a = run({ ...only, [`${D}.design.closeAndReraise`]: false }, 'deliverology', 1, 60);
    const b = run({ ...only, [`${D}.design.closeAndReraise`]: false, [`${D}.design.reclassify`]: true }, 'deliverology', 1, 60);
    expect({ ...b, model: null }).toEqual({ ...a, model: null });
  });

  it('each way of working, turned on alone, shortens the wait', () => {
    const base = run();
    for (const [key, value, extra] of [
      ['frontLine', 'repairs-expert', { [`${D}.staff.repairsExpert`]: 9 }],
      ['appointments', 'exact-time', {}],
      ['tradesperson', 'owns-the-repair', {}],
    ] as const) {
      const r = run({ [`${D}.design.${key}`]: value, ...extra });
      expect(r.waitingDays.mean!, key).toBeLessThan(base.waitingDays.mean!);
      expect(r.contacts.failure, key).toBeLessThan(base.contacts.failure);
    }
  });

  it('an exact time the tenant chose is kept: far fewer visits find nobody in', () => {
    const windows = run();
    const exact = run({ [`${D}.design.appointments`]: 'exact-time' });
    expect(exact.failedVisits['no-access']).toBeLessThan(windows.failedVisits['no-access'] / 5);
  });

  it('asking "anything else?" finds second faults before the tenant reports them', () => {
    const asks = run({}, 'systems');
    const none = run({ 'demand.otherFaultShare': 0 }, 'systems');
    expect(asks.faults.found).toBeGreaterThan(1000);
    expect(none.faults.found).toBe(0);
    expect(run().faults.found).toBe(0);
  });

  it('a contractor paid per job, or trades paid by the hour: the money moves, the repairs do not', () => {
    const perJob = run({}, 'systems');
    const level = { 'regimes.systems.design.contract': 'per-job' };
    const r = run(level, 'systems');
    expect(r.endToEndDays).toEqual(perJob.endToEndDays);
    expect(r.cost.trades).toBe(0);
    expect(r.cost.contractor).toBeGreaterThan(0);
    expect(perJob.cost.contractor).toBe(0);
  });

  it('more tenants than the trades can visit: the wait grows and the dashboard goes red', () => {
    const usual = run();
    const doubled = run({ 'demand.faultsPerDay': 100 });
    expect(doubled.waitingDays.mean!).toBeGreaterThan(usual.waitingDays.mean! * 1.5);
    expect(doubled.dashboard.jobsWithinTarget!).toBeLessThan(usual.dashboard.jobsWithinTarget! - 0.3);
    expect(Math.min(...doubled.inspections.map((i) => i.stars))).toBeLessThan(Math.min(...usual.inspections.map((i) => i.stars)));
  });

  it('halving the trades does the same; halving the line leaves calls unanswered', () => {
    const half = run({ [`${D}.staff.plumber`]: 8, [`${D}.staff.electrician`]: 4, [`${D}.staff.joiner`]: 5, [`${D}.staff.multiTrade`]: 4 });
    const usual = run();
    expect(half.waitingDays.mean!).toBeGreaterThan(usual.waitingDays.mean! * 1.3);
    const line = run({ [`${D}.staff.callHandler`]: 4 });
    expect(line.dashboard.callsAnsweredIn20s!).toBeLessThan(usual.dashboard.callsAnsweredIn20s! - 0.3);
    expect(line.contacts.unanswered).toBeGreaterThan(usual.contacts.unanswered * 3);
  });

  it('a mid-run regime action changes the design and the staffing from then on', () => {
    const level = repairsLevel();
    const switched = housingRepairs.simulate(level, 1, 'deliverology', DAYS, [{ at: 30 * 1440, kind: 'regime', regime: 'systems' }]);
    const stayed = run();
    expect(switched.regime).toBe('systems');
    expect(switched.startRegime).toBe('deliverology');
    expect(switched.firstVisitFixShare!).toBeGreaterThan(stayed.firstVisitFixShare! + 0.2);
    expect(switched.cost.trades).toBeGreaterThan(0);
  });

  it('a new front line keeps the people on the line, in the new role', () => {
    const level = repairsLevel();
    const sim = runRepairs(level, 1, 'deliverology', 20, [{ at: 10 * 1440, kind: 'design', key: 'frontLine', value: 'repairs-expert' }]);
    expect(sim.staff.callHandler).toBe(0);
    expect(sim.staff.repairsExpert).toBe(level.regimes.deliverology.staff.callHandler);
  });

  it('the headless runner runs it, writes its faults as CSV, and refuses a bad level', () => {
    const ok = runCli('--level', 'housing-repairs', '--days', '30');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/jobs completed within target/);
    expect(ok.out).toMatch(/fixed at the first visit/);
    const json = runCli('--level', 'housing-repairs', '--days', '30', '--json', '--regime', 'systems');
    expect((JSON.parse(json.out) as RepairsReport).regime).toBe('systems');
    const csvPath = join(tmpdir(), `repairs-faults-${process.pid}.csv`);
    const csv = runCli('--level', 'housing-repairs', '--days', '30', '--json', '--needs-csv', csvPath);
    expect(csv.code).toBe(0);
    const rows = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('id,trade,priority,reportedDay,foundDay,fixedDay,visits,jobs,contacts,failureContacts,fixedAtFirstVisit');
    expect(rows.filter((r) => r.split(',')[3] !== '').length - 1).toBe((JSON.parse(csv.out) as RepairsReport).faults.reported);
    const bad = runCli('--level', 'housing-repairs', '--set', 'demand.faultsPerDay=-3');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/demand\.faultsPerDay: /);
  });
});
