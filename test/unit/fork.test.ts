// The inherited history, simulated once and reused: a run started from a fork of the warmed-up
// office kept for (level, seed, regime) is, to the byte, the run that simulates that history
// afresh; and forks share nothing that either changes.
import { modelOf } from '../../src/services/housing-benefit/run';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY } from '../../src/engine/calendar';
import { withScenario } from '../../src/levels/scenario';
import type { Level } from '../../src/levels/schema';
import { forkSimulation } from '../../src/services/housing-benefit/fork';
import { buildReport } from '../../src/services/housing-benefit/report';
import { createSim, HISTORIES_KEPT, type Sim } from '../../src/services/housing-benefit/run';
import { Simulation } from '../../src/services/housing-benefit/simulation';
import type { Action, Regime } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

const REGIMES: Regime[] = ['deliverology', 'systems'];

/** A few choices over a run of `days`: staffing, design, a pilot (a team made mid-run) and a change of regime. */
function choicesFor(lv: Level, regime: Regime, days: number): Action[] {
  const role = lv.assign.casework;
  const at = (fraction: number) => Math.round(fraction * days) * DAY;
  return [
    { at: at(0.05), kind: 'staff', role, count: (lv.regimes[regime].staff[role] ?? 1) + 1 },
    { at: at(0.1), kind: 'design', key: 'cherryPick', value: true },
    { at: at(0.2), kind: 'design', key: 'nilQualifyDays', value: 14 },
    { at: at(0.3), kind: 'design', key: 'pilotShare', value: 0.2 },
    { at: at(0.3), kind: 'design', key: 'pilotTeam', value: 1 },
    { at: at(0.5), kind: 'staff', role: lv.assign.phone, count: 3 },
    { at: at(0.6), kind: 'regime', regime: regime === 'systems' ? 'deliverology' : 'systems' },
  ];
}

/** The report of a sim run on with these actions to the end of day `days`, as text. */
function finish(sim: Sim, actions: readonly Action[], days: number): string {
  for (const action of actions) sim.apply(action);
  sim.advanceTo(days * DAY);
  return JSON.stringify(sim.report());
}

/** Watches for the inherited history being simulated: the Simulation constructor runs it with continueHistory. */
function historyRuns(): () => number {
  const spy = vi.spyOn(Simulation.prototype, 'continueHistory');
  return () => {
    const n = spy.mock.calls.length;
    spy.mockClear();
    return n;
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a run from the kept inherited history', () => {
  for (const id of ['front-desk', 'housing-benefit'] as const) {
    for (const regime of REGIMES) {
      it(`${id}, ${regime}: is byte-identical to one that simulates the history afresh, with and without actions`, () => {
        // The front desk as shipped inherits no history (see below): give it some.
        const lv = id === 'front-desk' ? level(id, { warmUpDays: 60 }) : level(id);
        const log = choicesFor(lv, regime, lv.days);
        const fresh = finish(createSim(lv, 4, regime, { reuseHistory: false }), log, lv.days);
        const plain = finish(createSim(lv, 4, regime, { reuseHistory: false }), [], lv.days);
        const runs = historyRuns();
        createSim(lv, 4, regime); // keeps the history
        expect(runs()).toBe(1);
        const kept = createSim(lv, 4, regime);
        expect(runs()).toBe(0);
        expect(finish(kept, log, lv.days)).toBe(fresh);
        expect(finish(createSim(lv, 4, regime), [], lv.days)).toBe(plain);
        expect(fresh).not.toBe(plain);
      });
    }
  }

  it('is not kept for a level with no inherited history: its sim is made afresh, as cheap as a fork', () => {
    const lv = level('front-desk');
    expect(lv.warmUpDays).toBe(0);
    const fresh = finish(createSim(lv, 4, 'deliverology', { reuseHistory: false }), [], lv.days);
    const runs = historyRuns();
    const sims = [createSim(lv, 4, 'deliverology'), createSim(lv, 4, 'deliverology')];
    expect(runs()).toBe(2);
    for (const sim of sims) expect(finish(sim, [], lv.days)).toBe(fresh);
  });

  it('with every journey recorded: the same report and the same journeys', () => {
    const lv = level('housing-benefit', { warmUpDays: 90 });
    const log = choicesFor(lv, 'deliverology', 60);
    const journeys = (sim: Sim) => JSON.stringify(Array.from({ length: 200 }, (_, i) => modelOf(sim).journeyOf(1 + i * 7)));
    const fresh = createSim(lv, 5, 'deliverology', { journal: true, reuseHistory: false });
    createSim(lv, 5, 'deliverology', { journal: true });
    const kept = createSim(lv, 5, 'deliverology', { journal: true });
    expect(modelOf(kept).journaling).toBe(true);
    expect(finish(kept, log, 60)).toBe(finish(fresh, log, 60));
    expect(journeys(kept)).toBe(journeys(fresh));
    // A journal is a different history to keep: a run without one is not started from it.
    expect(modelOf(createSim(lv, 5, 'deliverology')).journaling).toBe(false);
  });

  it('another level object with the same content starts from the same history, and the run refers to that object', () => {
    const lv = level('housing-benefit', { warmUpDays: 60 });
    const fresh = finish(createSim(lv, 8, 'deliverology', { reuseHistory: false }), [], 30);
    createSim(lv, 8, 'deliverology');
    const twin = level('housing-benefit', { warmUpDays: 60 });
    expect(twin).not.toBe(lv);
    const runs = historyRuns();
    const sim = createSim(twin, 8, 'deliverology');
    expect(runs()).toBe(0);
    expect(modelOf(sim).level).toBe(twin);
    expect(modelOf(sim).calendar.hours).toBe(twin.hours);
    expect(finish(sim, [], 30)).toBe(fresh);
    runs();
    // A "what if?" is another level, so another history.
    createSim(level('housing-benefit', { warmUpDays: 60, 'demand.needsPerDay': 30 }), 8, 'deliverology');
    expect(runs()).toBe(1);
  });

  it(`keeps at most ${HISTORIES_KEPT} histories, dropping the least recently used`, () => {
    const lv = level('front-desk', { warmUpDays: 2 });
    const runs = historyRuns();
    for (let seed = 1; seed <= HISTORIES_KEPT; seed++) createSim(lv, seed);
    expect(runs()).toBe(HISTORIES_KEPT);
    createSim(lv, 1); // used again: now the most recent
    createSim(lv, HISTORIES_KEPT + 1); // one too many: seed 2's goes
    expect(runs()).toBe(1);
    createSim(lv, 1);
    expect(runs()).toBe(0);
    createSim(lv, 2);
    expect(runs()).toBe(1);
  });
});

describe('forks', () => {
  it('advancing a fork never changes the kept original: the other forks run as a fresh sim does', () => {
    const lv = level('housing-benefit');
    const fresh = finish(createSim(lv, 9, 'deliverology', { reuseHistory: false }), [], 120);
    const a = createSim(lv, 9, 'deliverology');
    const b = createSim(lv, 9, 'deliverology');
    finish(a, choicesFor(lv, 'deliverology', 365), 365);
    expect(finish(b, [], 120)).toBe(fresh);
    expect(finish(createSim(lv, 9, 'deliverology'), [], 120)).toBe(fresh);
  });

  it('share the level and copy its tables: changing one fork leaves the other as it was', () => {
    const lv = level('housing-benefit', { warmUpDays: 120 });
    const fresh = createSim(lv, 3, 'systems', { reuseHistory: false });
    const a = createSim(lv, 3, 'systems');
    const b = createSim(lv, 3, 'systems');
    expect(modelOf(a).level).toBe(lv);
    expect(modelOf(b).level).toBe(lv);
    expect(modelOf(a).needs).not.toBe(modelOf(b).needs);
    expect(modelOf(a).needs.arrivedAt).not.toBe(modelOf(b).needs.arrivedAt);
    expect(modelOf(a).needs.count).toBeGreaterThan(100);
    const n = modelOf(a).needs.count + 1;
    const table = (s: Sim) => [
      Array.from(modelOf(s).needs.arrivedAt.subarray(0, n)),
      Array.from(modelOf(s).needs.outcome.subarray(0, n)),
      Array.from(modelOf(s).claims.status.subarray(0, modelOf(s).claims.count + 1)),
    ];
    expect(table(b)).toEqual(table(fresh));
    modelOf(a).needs.arrivedAt.fill(-1);
    modelOf(a).needs.outcome.fill(2);
    modelOf(a).claims.status.fill(3);
    modelOf(a).roles[0]!.staff = 99;
    expect(table(b)).toEqual(table(fresh));
    expect(modelOf(b).roles[0]!.staff).toBe(modelOf(fresh).roles[0]!.staff);
    expect(finish(b, [], 30)).toBe(finish(fresh, [], 30));
  });

  it('hold no functions, and share with each other only the level and what is prepared from it', () => {
    const lv = level('housing-benefit', { warmUpDays: 120 });
    const a = modelOf(createSim(lv, 6, 'deliverology', { journal: true }));
    const b = modelOf(createSim(lv, 6, 'deliverology', { journal: true }));
    const levelParts = reachable(lv);
    const prepared = reachable((a as unknown as { dist: object }).dist);
    const inA = reachable(a);
    const shared = [...reachable(b)].filter((o) => inA.has(o) && !levelParts.has(o));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.filter((o) => !prepared.has(o))).toEqual([]);
  });

  it('of a sim in mid-run (offers answered, contacts read, a pilot team) carry on exactly as it does', () => {
    const scenario = withScenario(level('housing-benefit', { warmUpDays: 120 }), 'takeover');
    if (!scenario.ok) throw new Error(scenario.error);
    const lv = scenario.level;
    const sim = createSim(lv, 2, 'deliverology', { journal: true });
    const log = choicesFor(lv, 'deliverology', 300);
    for (let day = 0; day < 150; day++) {
      for (const action of log) if (action.at >= day * DAY && action.at < (day + 1) * DAY) sim.apply(action);
      sim.advanceTo((day + 1) * DAY);
      const offer = modelOf(sim).offers.open();
      if (offer) sim.apply({ kind: 'offer', offer: offer.id, accept: true });
    }
    expect(modelOf(sim).offers.list().length).toBeGreaterThan(0);
    expect(modelOf(sim).contacts.length).toBeGreaterThan(0);
    expect(modelOf(sim).pilotPool).not.toBeNull();
    const fork = forkSimulation(modelOf(sim));
    const rest = log.filter((a) => a.at >= 150 * DAY);
    for (const model of [modelOf(sim), fork]) {
      for (const action of rest) model.apply(action);
      model.advanceTo(240 * DAY);
    }
    expect(JSON.stringify(buildReport(fork, 'deliverology'))).toBe(JSON.stringify(buildReport(modelOf(sim), 'deliverology')));
    expect(fork.actions).toEqual(modelOf(sim).actions);
    expect(JSON.stringify(fork.journeyOf(40))).toBe(JSON.stringify(modelOf(sim).journeyOf(40)));
    expect(fork.contacts).toEqual(modelOf(sim).contacts);
  });
});

/** Every object reachable from x through own properties and Map and Set entries; a function among them fails the test. */
function reachable(x: object): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [x];
  while (stack.length > 0) {
    const o = stack.pop();
    if (typeof o === 'function') throw new Error('a function is reachable: a fork would share it');
    if (typeof o !== 'object' || o === null || seen.has(o)) continue;
    seen.add(o);
    if (ArrayBuffer.isView(o)) continue;
    if (o instanceof Map) for (const [k, v] of o) stack.push(k, v);
    else if (o instanceof Set) for (const v of o) stack.push(v);
    else for (const v of Object.values(o)) stack.push(v);
  }
  return seen;
}

describe('a history run a slice at a time', () => {
  it('reaches the same day 0 as one run at once, whatever the slices, and is kept for the next run', async () => {
    const { prepareSim, createSim } = await import('../../src/services/housing-benefit/run');
    const { level } = await import('./helpers');
    const l = level('housing-benefit', { warmUpDays: 120 });
    const whole = createSim(l, 11, 'deliverology', { reuseHistory: false });
    whole.advanceDays(30);
    let calls = 0;
    const p = prepareSim(l, 11, 'deliverology');
    expect(p.minutesLeft).toBe(120 * 1440);
    expect(() => p.sim()).toThrow(/not reached day 0/);
    // The first step sets the office up; then uneven slices of history: one day, three, the rest.
    const slices = [1, 1, 3, Infinity];
    let i = 0;
    let done = false;
    while (!done) {
      const days = slices[Math.min(i++, slices.length - 1)]!;
      let n = 0;
      done = p.step(() => ++n >= days);
      calls++;
    }
    // Setting the office up, three slices of history, keeping a copy at day 0, and done: each a step of its own.
    expect(calls).toBe(6);
    expect(p.minutesLeft).toBe(0);
    const staged = p.sim();
    expect(staged.now).toBe(0);
    staged.advanceDays(30);
    expect(JSON.stringify(staged.report())).toBe(JSON.stringify(whole.report()));
    // The next preparation from the same inputs is ready at once, from the kept history.
    const again = prepareSim(l, 11, 'deliverology');
    expect(again.minutesLeft).toBe(0);
    const fromKept = again.sim();
    fromKept.advanceDays(30);
    expect(JSON.stringify(fromKept.report())).toBe(JSON.stringify(whole.report()));
  });
});
