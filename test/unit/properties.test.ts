// Invariants over random seeds and random action logs (fast-check): nothing is lost, nothing
// waits a negative time, the same inputs give the same report, and a replayed log reproduces it.
import { modelOf } from '../../src/services/housing-benefit/run';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/levels/schema';
import { createSim, DAY, runSim } from '../../src/services/housing-benefit/index';
import type { Action, ActionInput } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

// A short history keeps each property run fast; the mechanisms are the same.
const hb = level('housing-benefit', { warmUpDays: 30 });
const fd = level('front-desk');

const actionArb = (lv: Level): fc.Arbitrary<Omit<Action, 'at'>> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('staff' as const),
      role: fc.constantFrom(...Object.keys(lv.roles)),
      count: fc.integer({ min: 0, max: 12 }),
    }),
    fc.record({ kind: fc.constant('regime' as const), regime: fc.constantFrom('deliverology' as const, 'systems' as const) }),
    fc.record({ kind: fc.constant('design' as const), key: fc.constant('nilQualifyDays' as const), value: fc.constantFrom(null, 14, 28) }),
    fc.record({ kind: fc.constant('design' as const), key: fc.constant('expertsAtFront' as const), value: fc.boolean() }),
    fc.record({ kind: fc.constant('design' as const), key: fc.constant('caseOwner' as const), value: fc.boolean() }),
    fc.record({ kind: fc.constant('design' as const), key: fc.constant('cherryPick' as const), value: fc.boolean() }),
    fc.record({
      kind: fc.constant('design' as const),
      key: fc.constant('clockStart' as const),
      value: fc.constantFrom('firstContact' as const, 'received' as const, 'complete' as const),
    }),
  );

const logArb = (lv: Level, days: number): fc.Arbitrary<Action[]> =>
  fc
    .array(fc.tuple(fc.double({ min: 0, max: days * DAY, noNaN: true }), actionArb(lv)), { maxLength: 6 })
    .map((xs) => xs.map(([at, a]) => ({ ...a, at }) as Action).sort((a, b) => a.at - b.at));

const runArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  regime: fc.constantFrom('deliverology' as const, 'systems' as const),
});

describe('invariants over random seeds and action logs', () => {
  it('conservation: every need and claim is met, open or abandoned; no negative waits', () => {
    const days = 60;
    fc.assert(
      fc.property(runArb, logArb(hb, days), ({ seed, regime }, log) => {
        const sim = runSim(hb, seed, regime, days, log);
        const r = sim.report();
        expect(r.needs.arrived).toBe(r.needs.met + r.needs.open + r.needs.abandoned);
        expect(r.claims.opened).toBe(r.claims.decided + r.claims.nilQualified + r.claims.abandoned + r.claims.open);
        expect(r.contacts.total).toBe(r.contacts.value + r.contacts.failure);
        for (const c of modelOf(sim).contacts) expect(c.waited).toBeGreaterThanOrEqual(0);
        for (const role of modelOf(sim).roles) {
          expect(role.queue.size).toBeGreaterThanOrEqual(0);
          expect(role.busy).toBeGreaterThanOrEqual(0);
        }
        for (const need of modelOf(sim).needs.list()) {
          if (need.outcome !== 'open') expect(need.closedAt).toBeGreaterThanOrEqual(need.arrivedAt);
        }
        for (const q of Object.values(r.queues)) {
          if (q.meanWaitMinutes !== null) expect(q.meanWaitMinutes).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('determinism: the same (level, seed, action log) gives byte-identical JSON', () => {
    fc.assert(
      fc.property(runArb, logArb(hb, 40), ({ seed, regime }, log) => {
        const a = JSON.stringify(runSim(hb, seed, regime, 40, log).report());
        const b = JSON.stringify(runSim(hb, seed, regime, 40, log).report());
        expect(a).toBe(b);
      }),
      { numRuns: 10 },
    );
  });

  it('replay: the action log recorded while playing reproduces the report exactly', () => {
    fc.assert(
      fc.property(runArb, logArb(hb, 50), fc.integer({ min: 1, max: 20 }), ({ seed, regime }, log, step) => {
        // Play: advance in uneven steps, acting when the time comes, as a player would.
        const live = createSim(hb, seed, regime);
        const end = 50 * DAY;
        let next = 0;
        while (live.now < end) {
          const t = Math.min(end, live.now + step * 0.37 * DAY);
          while (next < log.length && log[next]!.at <= t) {
            live.advanceTo(log[next]!.at);
            const { at: _at, ...input } = log[next]!;
            live.apply(input as ActionInput);
            next++;
          }
          live.advanceTo(t);
        }
        const replayed = runSim(hb, seed, regime, 50, live.actions);
        expect(JSON.stringify(replayed.report())).toBe(JSON.stringify(live.report()));
      }),
      { numRuns: 10 },
    );
  });

  it('reading a run never changes it: reports and snapshots taken along the way leave the end as it was', () => {
    fc.assert(
      fc.property(
        runArb,
        logArb(hb, 50),
        fc.array(fc.double({ min: 0, max: 50 * DAY, noNaN: true }), { minLength: 1, maxLength: 8 }),
        ({ seed, regime }, log, reads) => {
          const read = createSim(hb, seed, regime);
          const times = [...log.map((a) => ({ at: a.at, action: a })), ...reads.map((at) => ({ at, action: null }))].sort((a, b) => a.at - b.at);
          for (const { at, action } of times) {
            if (action) read.apply(action);
            else {
              read.advanceTo(at);
              read.report();
              read.snapshot();
            }
          }
          read.advanceTo(50 * DAY);
          const untouched = runSim(hb, seed, regime, 50, log);
          // The integrals themselves, unrounded: a read that brought them up to date would split
          // their sums, and a later figure could differ in its last digit.
          const integrals = (sim: typeof read) => modelOf(sim).roles.map((r) => [r.staffedMinutes, r.busyMinutes, [...r.time.weekPaid]]);
          expect(integrals(read)).toEqual(integrals(untouched));
          expect(JSON.stringify(read.report())).toBe(JSON.stringify(untouched.report()));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('common random numbers: the same citizens arrive whatever the design', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const a = modelOf(runSim(hb, seed, 'deliverology', 30)).needs.list();
        const b = modelOf(runSim(hb, seed, 'systems', 30)).needs.list();
        // Arrival times and needs come from the demand stream alone, so they match one for one.
        const key = (n: (typeof a)[number]) => `${n.arrivedAt}:${n.required}:${n.hard}:${n.firstChannel}`;
        expect(a.map(key)).toEqual(b.map(key));
      }),
      { numRuns: 10 },
    );
  });

  it('the textbook queue conserves visitors and never waits negatively', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 4 }), (seed, clerks) => {
        const sim = runSim(fd, seed, 'deliverology', 5, [{ at: 0, kind: 'staff', role: 'clerk', count: clerks }]);
        const r = sim.report();
        expect(r.needs.arrived).toBe(r.needs.met + r.needs.open + r.needs.abandoned);
        expect(r.needs.abandoned).toBe(0);
        expect(r.failureDemandShare).toBe(0);
        for (const c of modelOf(sim).contacts) expect(c.waited).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 20 },
    );
  });
});
