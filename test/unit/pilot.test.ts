// A pilot of the redesign on part of the demand: a share of new citizens, drawn at first contact
// from the pilot's own stream, handled start to finish by a pilot team as the systems design
// handles needs, measured beside the main flow. With no pilot, nothing changes.
import { modelOf } from '../../src/services/housing-benefit/run';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActionLog } from '../../src/levels/actionLog';
import { createSim, DAY, runSim, simulate } from '../../src/services/housing-benefit/index';
import type { FlowMeasures, Report } from '../../src/services/housing-benefit/report';
import type { Action, ActionInput, Regime } from '../../src/services/housing-benefit/types';
import { GOLDEN_CASES, goldenFile } from '../golden/cases';
import { level } from './helpers';

const hb = level('housing-benefit');
const fd = level('front-desk');
/** A short history, for the runs that only need the mechanism. */
const hbShort = level('housing-benefit', { warmUpDays: 30 });

const PILOT_AT = 30 * DAY;
/** One more assessor (13 on the books), two of them in a pilot taking a fifth of new citizens. */
const pilotLog: Action[] = [
  { at: PILOT_AT, kind: 'staff', role: 'assessor', count: 13 },
  { at: PILOT_AT, kind: 'design', key: 'pilotShare', value: 0.2 },
  { at: PILOT_AT, kind: 'design', key: 'pilotTeam', value: 2 },
];

function conserves(f: FlowMeasures): void {
  expect(f.arrived).toBe(f.met + f.open + f.abandoned);
}

describe('no pilot: nothing changes', () => {
  // The stored golden reports were made without a pilot: a run without one is that run exactly.
  for (const c of GOLDEN_CASES.filter((g) => g.level === 'housing-benefit')) {
    it(`${c.regime}, seed ${c.seed}: the measured figures are the golden ones and flows is null`, () => {
      const r = simulate(hb, c.seed, c.regime, 365);
      expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(readFileSync(goldenFile(c), 'utf8')));
      expect(r.flows).toBeNull();
      expect(Object.keys(r.queues)).toEqual(Object.keys(hb.roles));
    });
  }

  it('a pilot switched on and off before anyone arrives changes no figure', () => {
    const days = 60;
    const plain = simulate(hbShort, 3, 'deliverology', days);
    // A pilot with no share draws nothing; a team of none takes no one from the main pool.
    const none = simulate(hbShort, 3, 'deliverology', days, [
      { at: 0, kind: 'design', key: 'pilotShare', value: 0 },
      { at: 0, kind: 'design', key: 'pilotTeam', value: 0 },
    ]);
    expect(JSON.stringify(none)).toBe(JSON.stringify(plain));
    expect(plain.flows).toBeNull();
  });

  it('the snapshot has no pilot pool and no flows', () => {
    const sim = createSim(hbShort, 1, 'deliverology');
    sim.advanceDays(5);
    const snap = sim.snapshot();
    expect(snap.flows).toBeNull();
    expect(snap.roles.map((r) => r.id)).toEqual(Object.keys(hb.roles));
    expect(snap.design.pilotShare).toBe(0);
    expect(snap.design.pilotTeam).toBe(0);
  });
});

describe('the design keys', () => {
  it('the levels carry them, and action logs accept them within range', () => {
    for (const lv of [hb, fd]) {
      for (const regime of ['deliverology', 'systems'] as const) {
        expect(lv.regimes[regime].design.pilotShare).toBe(0);
        expect(lv.regimes[regime].design.pilotTeam).toBe(0);
      }
    }
    const roles = Object.keys(hb.roles);
    expect(parseActionLog(pilotLog, roles).ok).toBe(true);
    for (const bad of [
      { at: 0, kind: 'design', key: 'pilotShare', value: 1.5 },
      { at: 0, kind: 'design', key: 'pilotShare', value: -0.1 },
      { at: 0, kind: 'design', key: 'pilotShare', value: true },
      { at: 0, kind: 'design', key: 'pilotTeam', value: 2.5 },
      { at: 0, kind: 'design', key: 'pilotTeam', value: 101 },
      { at: 0, kind: 'design', key: 'pilotTeam', value: -1 },
    ]) {
      expect(parseActionLog([bad], roles).ok).toBe(false);
    }
  });
});

describe('a pilot beside the deliverology flow', () => {
  const sim = runSim(hb, 1, 'deliverology', 365, pilotLog);
  const r = sim.report();
  const flows = r.flows!;

  it('takes about the pilot share of the citizens arriving after it starts, and no one before', () => {
    const needs = modelOf(sim).needs.list();
    expect(needs.filter((n) => n.arrivedAt <= PILOT_AT && n.pilot)).toHaveLength(0);
    const after = needs.filter((n) => n.arrivedAt > PILOT_AT);
    const inPilot = after.filter((n) => n.pilot).length;
    const n = after.length;
    const sd = Math.sqrt(n * 0.2 * 0.8);
    expect(Math.abs(inPilot - 0.2 * n)).toBeLessThan(4 * sd);
    expect(modelOf(sim).pilotNeeds).toBe(inPilot);
  });

  it('shows the redesign working on its part: far faster, far less failure demand', () => {
    expect(flows).not.toBeNull();
    expect(flows.pilot.arrived).toBeGreaterThan(1000);
    expect(flows.pilot.endToEndMean!).toBeLessThan(flows.main.endToEndMean! / 2);
    expect(flows.pilot.endToEndP95!).toBeLessThan(flows.main.endToEndP95!);
    expect(flows.pilot.failureDemandShare!).toBeLessThan(flows.main.failureDemandShare!);
    expect(flows.pilot.contactsPerNeed!).toBeLessThan(flows.main.contactsPerNeed!);
  });

  it('each flow conserves its needs, and the two add up to the report', () => {
    conserves(flows.main);
    conserves(flows.pilot);
    expect(flows.main.arrived + flows.pilot.arrived).toBe(r.needs.arrived);
    expect(flows.main.met + flows.pilot.met).toBe(r.needs.met);
    expect(flows.main.open + flows.pilot.open).toBe(r.needs.open);
    expect(flows.main.abandoned + flows.pilot.abandoned).toBe(r.needs.abandoned);
    // Contacts split the same way (contactsPerNeed x arrived, up to its rounding).
    const contacts = flows.main.contactsPerNeed! * flows.main.arrived + flows.pilot.contactsPerNeed! * flows.pilot.arrived;
    expect(Math.abs(contacts - r.contacts.total)).toBeLessThan(1e-4 * r.needs.arrived + 1);
  });

  it('computes each flow as the report computes its overall figures', () => {
    const cohort = modelOf(sim)
      .needs.list()
      .filter((n) => n.arrivedAt >= 0);
    for (const pilot of [false, true]) {
      const f = pilot ? flows.pilot : flows.main;
      const own = cohort.filter((n) => n.pilot === pilot);
      const met = own.filter((n) => n.outcome === 'met');
      expect(f.arrived).toBe(own.length);
      expect(f.met).toBe(met.length);
      const mean = met.reduce((a, n) => a + (n.closedAt - n.arrivedAt) / DAY, 0) / met.length;
      expect(f.endToEndMean).toBeCloseTo(mean, 3);
      expect(f.oneStopShare).toBeCloseTo(met.filter((n) => n.contacts === 1).length / met.length, 3);
      const ids = new Set(own.map((n) => n.id));
      const contacts = modelOf(sim)
        .contacts.slice(modelOf(sim).firstMeasuredContact)
        .filter((c) => ids.has(c.needId));
      expect(f.failureDemandShare).toBeCloseTo(contacts.filter((c) => c.failure).length / contacts.length, 3);
    }
  });

  it('the pilot team comes out of the assessors: cost is unchanged', () => {
    const snap = sim.snapshot();
    const main = snap.roles.find((x) => x.id === 'assessor')!;
    const pilot = snap.roles.find((x) => x.id === 'assessorPilot')!;
    expect(pilot.label).toBe('Benefit assessor (pilot)');
    expect(main.staff).toBe(11);
    expect(pilot.staff).toBe(2);
    expect(main.staff + pilot.staff).toBe(13);
    expect(r.queues.assessorPilot!.staff).toBe(2);
    // The same staff bill as thirteen assessors and no pilot.
    const plain = simulate(hb, 1, 'deliverology', 365, [pilotLog[0]!]);
    expect(r.cost.staff).toBe(plain.cost.staff);
    expect(snap.flows).not.toBeNull();
    expect(snap.flows!.pilot.met + snap.flows!.main.met).toBe(snap.needs.met);
    expect(snap.flows!.pilot.open + snap.flows!.main.open).toBe(snap.needs.open);
    expect(snap.flows!.pilot.met).toBe(flows.pilot.met);
  });

  it('the inspectors still see the whole authority', () => {
    expect(r.inspections.length).toBe(4);
    expect(r.claims.opened).toBe(r.claims.decided + r.claims.nilQualified + r.claims.abandoned + r.claims.open);
    // A pilot is not a change to the approved process.
    expect(r.inspections.every((i) => !i.markedDown)).toBe(true);
  });
});

describe('the pilot team', () => {
  it('takes staff from the casework pool, never more than there are; staff actions set the count on the books', () => {
    const sim = createSim(hbShort, 2, 'deliverology');
    const staffOf = () => Object.fromEntries(sim.snapshot().roles.map((x) => [x.id, x.staff]));
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
    expect(staffOf()).toMatchObject({ assessor: 10, assessorPilot: 2 });
    sim.apply({ kind: 'staff', role: 'assessor', count: 8 });
    expect(staffOf()).toMatchObject({ assessor: 6, assessorPilot: 2 });
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 20 });
    expect(staffOf()).toMatchObject({ assessor: 0, assessorPilot: 8 });
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 0 });
    expect(staffOf()).toMatchObject({ assessor: 8, assessorPilot: 0 });
    // A regime change keeps the pilot's settings and takes the team from the new staffing: the
    // £9,280 a week of receptionists, clerks and assessors moved into 12 assessors at £720.
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 3 });
    sim.apply({ kind: 'regime', regime: 'systems' });
    expect(staffOf()).toMatchObject({ assessor: 9, assessorPilot: 3 });
    expect(sim.snapshot().design.pilotTeam).toBe(3);
  });

  it('handles every contact and all the casework of its citizens, with no scanning and no hand-offs', () => {
    const sim = createSim(hbShort, 5, 'deliverology', { journal: true });
    sim.apply({ kind: 'design', key: 'pilotShare', value: 0.3 });
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
    sim.advanceDays(90);
    const pilot = modelOf(sim)
      .needs.list()
      .filter((n) => n.pilot);
    expect(pilot.length).toBeGreaterThan(100);
    let met = 0;
    for (const need of pilot) {
      const steps = modelOf(sim).journeyOf(need.id);
      expect(steps[0]!.kind).toBe('contact');
      const kinds = new Set(steps.map((s) => s.kind));
      for (const k of ['queued-for-scanning', 'form-handed-out', 'form-posted', 'file-picked-up', 'nil-qualified', 'message-passed']) {
        expect(kinds.has(k as never)).toBe(false);
      }
      if (need.outcome === 'met') {
        met++;
        expect(steps.at(-1)!.kind).toBe('need-met');
      }
    }
    expect(met / pilot.length).toBeGreaterThan(0.8);
    // The pilot team did the work: at least every first contact of its citizens.
    const team = modelOf(sim).roles.find((x) => x.id === 'assessorPilot')!;
    expect(team.started).toBeGreaterThanOrEqual(pilot.length);
    expect(modelOf(sim).pilotPool).toBe(team);
  });

  it('with no team, no one new joins and its citizens go back to the usual flow; with no share, no one new joins, and those in it finish there', () => {
    const sim = runSim(hbShort, 3, 'deliverology', 150, [
      { at: 10 * DAY, kind: 'design', key: 'pilotShare', value: 0.2 },
      { at: 10 * DAY, kind: 'design', key: 'pilotTeam', value: 2 },
      { at: 60 * DAY, kind: 'design', key: 'pilotTeam', value: 0 },
      { at: 90 * DAY, kind: 'design', key: 'pilotTeam', value: 2 },
      { at: 90 * DAY, kind: 'design', key: 'pilotShare', value: 0 },
    ]);
    const needs = modelOf(sim).needs.list();
    const pilot = needs.filter((n) => n.pilot);
    // With no team to serve them, nobody joined it from day 60, nor after the share went back to 0.
    expect(needs.filter((n) => n.pilot && n.arrivedAt > 60 * DAY)).toHaveLength(0);
    // Those in it when the team left were not stranded: the usual flow took them on.
    const left = pilot.filter((n) => n.closedAt > 68 * DAY);
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((n) => n.outcome === 'met' && n.closedAt <= 90 * DAY).length).toBeGreaterThan(0);
    expect(left.filter((n) => n.outcome === 'met').length).toBeGreaterThan(left.length / 2);
    const r = sim.report();
    conserves(r.flows!.main);
    conserves(r.flows!.pilot);
  });

  it('a pilot team taken away leaves nothing waiting in its queue', () => {
    const sim = createSim(hbShort, 4, 'deliverology');
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
    sim.apply({ kind: 'design', key: 'pilotShare', value: 0.5 });
    sim.advanceDays(20);
    sim.apply({ kind: 'design', key: 'pilotTeam', value: 0 });
    expect(modelOf(sim).pilotPool!.queue.size).toBe(0);
    sim.advanceDays(40);
    expect(modelOf(sim).pilotPool!.queue.size).toBe(0);
  });
});

describe('the pilot keeps runs reproducible', () => {
  it('determinism: the same inputs give byte-identical reports', () => {
    const a = JSON.stringify(simulate(hb, 7, 'deliverology', 200, pilotLog));
    const b = JSON.stringify(simulate(hb, 7, 'deliverology', 200, pilotLog));
    expect(a).toBe(b);
  });

  it('the journal changes nothing in a run with a pilot', () => {
    const run = (journal: boolean) => {
      const sim = createSim(hbShort, 4, 'deliverology', { journal });
      sim.apply({ kind: 'design', key: 'pilotShare', value: 0.2 });
      sim.apply({ kind: 'design', key: 'pilotTeam', value: 2 });
      sim.advanceDays(100);
      return JSON.stringify(sim.report());
    };
    expect(run(true)).toBe(run(false));
  });

  it('replay: a pilot played live is reproduced by its action log', () => {
    for (const regime of ['deliverology', 'systems'] as const) {
      const live = createSim(hbShort, 11, regime);
      const end = 120 * DAY;
      const plan: ActionInput[] = [
        { kind: 'design', key: 'pilotShare', value: 0.25 },
        { kind: 'design', key: 'pilotTeam', value: 2 },
        { kind: 'staff', role: 'assessor', count: 7 },
        { kind: 'design', key: 'pilotTeam', value: 3 },
        { kind: 'regime', regime: regime === 'systems' ? 'deliverology' : 'systems' },
        { kind: 'design', key: 'pilotShare', value: 0 },
      ];
      let next = 0;
      while (live.now < end) {
        live.advanceTo(Math.min(end, live.now + 0.73 * DAY));
        if (next < plan.length && live.now >= (next + 1) * 13 * DAY) live.apply(plan[next++]!);
      }
      expect(next).toBe(plan.length);
      const replayed = runSim(hbShort, 11, regime, 120, live.actions);
      expect(JSON.stringify(replayed.report())).toBe(JSON.stringify(live.report()));
      expect(live.report().flows).not.toBeNull();
    }
  });

  it('common random numbers: the same citizens arrive with and without a pilot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (seed, share) => {
        const a = modelOf(runSim(hbShort, seed, 'deliverology', 60)).needs.list();
        const b = modelOf(
          runSim(hbShort, seed, 'deliverology', 60, [
            { at: 5 * DAY, kind: 'design', key: 'pilotShare', value: share },
            { at: 5 * DAY, kind: 'design', key: 'pilotTeam', value: 2 },
          ]),
        ).needs.list();
        const key = (n: (typeof a)[number]) => `${n.arrivedAt}:${n.required}:${n.hard}:${n.firstChannel}:${n.bringsEvidence}:${n.givesUpAt}`;
        expect(b.map(key)).toEqual(a.map(key));
        expect(b.some((n) => n.pilot)).toBe(true);
      }),
      { numRuns: 6 },
    );
  });

  it('conservation over random pilots and action logs', () => {
    const actionArb = fc.oneof(
      fc.record({ kind: fc.constant('design' as const), key: fc.constant('pilotShare' as const), value: fc.constantFrom(0, 0.1, 0.5, 1) }),
      fc.record({ kind: fc.constant('design' as const), key: fc.constant('pilotTeam' as const), value: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('staff' as const), role: fc.constantFrom('assessor', 'agent'), count: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('regime' as const), regime: fc.constantFrom('deliverology' as const, 'systems' as const) }),
      fc.record({ kind: fc.constant('design' as const), key: fc.constant('caseOwner' as const), value: fc.boolean() }),
    );
    const days = 50;
    const logArb = fc
      .array(fc.tuple(fc.double({ min: 0, max: days * DAY, noNaN: true }), actionArb), { maxLength: 8 })
      .map((xs) => xs.map(([at, a]) => ({ ...a, at }) as Action).sort((a, b) => a.at - b.at));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom<Regime>('deliverology', 'systems'), logArb, (seed, regime, log) => {
        const sim = runSim(hbShort, seed, regime, days, log);
        const r: Report = sim.report();
        expect(r.needs.arrived).toBe(r.needs.met + r.needs.open + r.needs.abandoned);
        expect(r.claims.opened).toBe(r.claims.decided + r.claims.nilQualified + r.claims.abandoned + r.claims.open);
        if (r.flows) {
          conserves(r.flows.main);
          conserves(r.flows.pilot);
          expect(r.flows.main.arrived + r.flows.pilot.arrived).toBe(r.needs.arrived);
        } else {
          expect(modelOf(sim).pilotNeeds).toBe(0);
        }
        const snap = sim.snapshot();
        const pool = snap.roles.find((x) => x.id === 'assessorPilot');
        if (pool) {
          const main = snap.roles.find((x) => x.id === 'assessor')!;
          expect(pool.staff).toBe(Math.min(snap.design.pilotTeam, main.staff + pool.staff));
        }
        for (const c of modelOf(sim).contacts) expect(c.waited).toBeGreaterThanOrEqual(0);
        for (const role of modelOf(sim).roles) expect(role.busy).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 12 },
    );
  });
});

describe('front desk', () => {
  it('a pilot on the one-role level takes its clerks into a pilot pool', () => {
    const sim = runSim(fd, 1, 'deliverology', 5, [
      { at: 0, kind: 'staff', role: 'clerk', count: 3 },
      { at: 0, kind: 'design', key: 'pilotShare', value: 0.5 },
      { at: 0, kind: 'design', key: 'pilotTeam', value: 1 },
    ]);
    const snap = sim.snapshot();
    expect(Object.fromEntries(snap.roles.map((x) => [x.id, x.staff]))).toEqual({ clerk: 2, clerkPilot: 1 });
    const r = sim.report();
    conserves(r.flows!.main);
    conserves(r.flows!.pilot);
    expect(r.flows!.pilot.arrived).toBeGreaterThan(0);
    expect(r.flows!.pilot.failureDemandShare).toBe(0);
  });
});
