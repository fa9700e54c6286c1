// A trainer's injected events, each turned on alone: the office moves the way the centre's act
// says it should, and a run without events is untouched.
import { describe, expect, it } from 'vitest';
import { parseActionLog } from '../../src/levels/actionLog';
import { createSim, DAY, runSim } from '../../src/services/housing-benefit';
import { modelOf } from '../../src/services/housing-benefit/run';
import type { Action, RoomEventKind } from '../../src/services/housing-benefit/types';
import { level } from './helpers';

const hb = level('housing-benefit', { warmUpDays: 60 });
const event = (e: RoomEventKind, day: number): Action => ({ at: day * DAY, kind: 'event', event: e });

describe("a trainer's injected events", () => {
  it('are actions of the log, checked like any other', () => {
    const ok = parseActionLog([event('budget-cut', 3)], Object.keys(hb.roles));
    expect(ok.ok).toBe(true);
    const bad = parseActionLog([{ at: 0, kind: 'event', event: 'meteor' }], Object.keys(hb.roles));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/actions\.0\.event/);
  });

  it('a budget cut takes the level’s share off the weekly budget at once', () => {
    const sim = createSim(hb, 1, 'deliverology');
    const before = sim.snapshot().budgetPerWeek!;
    sim.apply(event('budget-cut', 5));
    expect(sim.snapshot().budgetPerWeek).toBeCloseTo(before * (1 - hb.roomEvents.budgetCutShare), 6);
  });

  it('a new national target is the one the dashboard and the next inspection judge against', () => {
    const base = runSim(hb, 2, 'deliverology', 95);
    const tighter = runSim(hb, 2, 'deliverology', 95, [event('national-target', 10)]);
    expect(tighter.snapshot().targetValues?.processingDays).toBe(hb.roomEvents.nationalTargetProcessingDays);
    // The same office, judged against a stricter target: its figures are the same, its verdict no better.
    expect(tighter.report().dashboard).toEqual(base.report().dashboard);
    const first = (s: typeof base) => s.inspections[0]!;
    expect(Number(first(tighter).targetsMet.processingDays)).toBeLessThanOrEqual(Number(first(base).targetsMet.processingDays));
    expect(first(tighter).stars).toBeLessThanOrEqual(first(base).stars);
  });

  it('a surprise inspection inspects now, and the quarter’s counts start again', () => {
    const sim = createSim(hb, 3, 'deliverology');
    sim.apply(event('surprise-inspection', 40));
    expect(sim.inspections).toHaveLength(1);
    expect(sim.inspections[0]!.day).toBe(40);
    sim.advanceTo(92 * DAY);
    expect(sim.inspections).toHaveLength(2);
  });

  it('a demand surge brings more citizens for its days, and the same ones before it', () => {
    for (const seed of [1, 2, 3]) {
      const base = modelOf(runSim(hb, seed, 'deliverology', 70)).needs.list();
      const surged = modelOf(runSim(hb, seed, 'deliverology', 70, [event('demand-surge', 20)])).needs.list();
      const inWindow = (list: typeof base, from: number, to: number) => list.filter((n) => n.arrivedAt >= from * DAY && n.arrivedAt < to * DAY).length;
      const days = hb.roomEvents.demandSurgeDays;
      expect(inWindow(surged, 20, 20 + days)).toBeGreaterThan(inWindow(base, 20, 20 + days) * 1.25);
      const key = (n: (typeof base)[number]) => `${n.arrivedAt}:${n.required}:${n.hard}`;
      expect(surged.filter((n) => n.arrivedAt < 20 * DAY).map(key)).toEqual(base.filter((n) => n.arrivedAt < 20 * DAY).map(key));
    }
  });

  it('a demand surge makes citizens wait longer, not shorter', () => {
    for (const seed of [1, 2]) {
      const base = runSim(hb, seed, 'deliverology', 120).report();
      const surged = runSim(hb, seed, 'deliverology', 120, [event('demand-surge', 20)]).report();
      expect(surged.waitingDays.mean!).toBeGreaterThan(base.waitingDays.mean!);
    }
  });

  it('is not one of the manager’s choices: attribution leaves it in every re-run', async () => {
    const { choicesOf } = await import('../../src/services/housing-benefit/attribution');
    const log: Action[] = [event('budget-cut', 2), { at: 3 * DAY, kind: 'staff', role: Object.keys(hb.roles)[0]!, count: 5 }];
    expect(choicesOf(log)).toEqual([[1]]);
  });
});
