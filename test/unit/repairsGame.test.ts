// Housing repairs in the game, in Node: the session's clock and stops, the picture's view, and
// the controller's flow from briefing to debrief. The run is the core's: the page only shows it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/engine/calendar';
import { complete, FRESH } from '../../src/game/progress';
import { createRepairsController } from '../../src/game/repairs/repairsController';
import { repairsLevel } from '../../src/game/repairs/repairsLevel';
import { RepairsSession } from '../../src/game/repairs/repairsSession';
import { createGameStore, initialState } from '../../src/game/store';
import { AT_HOME_MINUTES, DRIVE_MINUTES, depotView, homeAt, vanAt } from '../../src/office/repairs/depotView';
import { housingRepairs, type RepairsReport } from '../../src/services/housing-repairs/index';
import { runCli } from './helpers';

describe('a housing-repairs session', () => {
  it('starts at day 0 with its history inherited, stops at each inspection and at the end', () => {
    const s = new RepairsSession(repairsLevel(), 1, 'deliverology');
    expect(s.run.now).toBe(0);
    expect(s.run.snapshot().faults.reported).toBe(0);
    expect(s.run.snapshot().stages.booked).toBeGreaterThan(0);
    let stop = null;
    for (let i = 0; i < 100_000 && stop === null; i++) stop = s.tick(100, 3);
    expect(stop).toBe('inspection');
    expect(s.run.now).toBe(91 * DAY);
    expect(s.takeInspection()?.day).toBe(91);
    expect(s.takeInspection()).toBeNull();
    s.finish();
    expect(s.finished).toBe(true);
  });

  it('a run played frame by frame, with actions, reports what the same log replayed at once reports', () => {
    const level = repairsLevel();
    const s = new RepairsSession(level, 2, 'deliverology');
    for (let i = 0; i < 500; i++) s.tick(16, 1);
    s.apply({ kind: 'design', key: 'appointments', value: 'exact-time' });
    s.skipToNextStop();
    s.apply({ kind: 'staff', role: 'plumber', count: 12 });
    s.finish();
    const played = s.run.report(level.days);
    expect(JSON.stringify(played)).toBe(JSON.stringify(housingRepairs.simulate(level, 2, 'deliverology', level.days, s.run.actions)));
  });
});

describe('the repairs picture', () => {
  const visit = { at: 10_000, faultId: 7, trade: 1, outcome: 'no-access' as const };
  it('a van leaves before its visit, waits at the home, and comes back', () => {
    expect(vanAt(visit, visit.at - DRIVE_MINUTES - 1, false)).toBeNull();
    const going = vanAt(visit, visit.at - DRIVE_MINUTES / 2, false)!;
    expect(going.outcome).toBeNull();
    const there = vanAt(visit, visit.at + 1, false)!;
    expect(there).toMatchObject({ ...homeAt(7), outcome: 'no-access', trade: 1 });
    expect(vanAt(visit, visit.at + AT_HOME_MINUTES + DRIVE_MINUTES + 1, false)).toBeNull();
  });

  it('with reduced motion, vans are only ever at the home', () => {
    expect(vanAt(visit, visit.at - DRIVE_MINUTES / 2, true)).toBeNull();
    expect(vanAt(visit, visit.at + AT_HOME_MINUTES + 1, true)).toBeNull();
    expect(vanAt(visit, visit.at + 1, true)?.outcome).toBe('no-access');
  });

  it('shows the line staff at desks, lit while on a call, and the vans not out parked', () => {
    const s = new RepairsSession(repairsLevel(), 1, 'deliverology');
    for (let i = 0; i < 200; i++) s.tick(50, 1);
    const snap = s.run.snapshot();
    const v = depotView(snap);
    expect(v.desks).toHaveLength(Math.min(12, snap.line.staff));
    expect(v.desks.filter((d) => d.busy)).toHaveLength(Math.min(v.desks.length, snap.line.busy));
    const out = v.vans.length;
    const parked = v.parked.length;
    expect(parked).toBeLessThanOrEqual(snap.trades.reduce((a, t) => a + Math.min(8, t.staff), 0));
    expect(out + parked).toBeGreaterThan(0);
  });
});

describe('the repairs controller', () => {
  it("briefing, office, debrief: the report is the run's, progress is kept, the other way arrives", async () => {
    const store = createGameStore(initialState(FRESH, 5));
    let other: RepairsReport | null = null;
    const ctl = createRepairsController(store, {
      sound: () => {},
      compare: async (run) => {
        other = housingRepairs.simulate(repairsLevel(), run.seed, run.regime, 30, []);
        return other;
      },
      storage: null,
    });
    ctl.choose();
    expect(store.getState().screen).toBe('repairs-briefing');
    ctl.setRegime('systems');
    ctl.start();
    expect(store.getState().screen).toBe('repairs-office');
    expect(store.getState().repairs?.snapshot?.regime).toBe('systems');
    ctl.setStaff('repairsExpert', 7);
    expect(store.getState().repairs?.snapshot?.staff.repairsExpert).toBe(7);
    ctl.finishRun();
    const s = store.getState();
    expect(s.screen).toBe('repairs-debrief');
    expect(s.progress.completed).toContain('housing-repairs');
    const saved = JSON.parse(ctl.exportJson()) as { seed: number; regime: string; actions: unknown[]; model: { version: string } };
    expect(saved).toMatchObject({ seed: 5, regime: 'systems', actions: [{ kind: 'staff', role: 'repairsExpert', count: 7, at: 0 }] });
    expect(s.repairs?.report?.endToEndDays.mean).toBe(housingRepairs.simulate(repairsLevel(), 5, 'systems', 364, saved.actions as never).endToEndDays.mean);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().repairs?.other).toMatchObject({ regime: 'deliverology', status: 'done' });
    expect(other).not.toBeNull();
  });

  it('the takeover: an offer stops play until it is answered; the exported run names its scenario and the CLI replays it', () => {
    const store = createGameStore(initialState(FRESH, 6));
    const ctl = createRepairsController(store, { sound: () => {}, compare: () => new Promise(() => {}), storage: null });
    ctl.choose();
    ctl.setScenario('nowhere');
    expect(store.getState().repairs?.scenario).toBeNull();
    ctl.setScenario('takeover');
    ctl.start();
    expect(store.getState().repairs?.scenario).toBe('takeover');
    expect(store.getState().repairs?.snapshot?.design.closeAndReraise).toBe(false);
    const answers: boolean[] = [];
    for (let i = 0; i < 40 && store.getState().screen === 'repairs-office'; i++) {
      const p = store.getState().repairs!;
      if (p.inspection) ctl.closeInspection();
      else if (p.offer) {
        expect(p.paused).toBe(true);
        // While the offer waits, time does not move and the run cannot be finished.
        const at = p.snapshot!.time;
        ctl.togglePause();
        ctl.skipToNextStop();
        ctl.finishRun();
        ctl.tick(1000);
        expect(store.getState().repairs!.snapshot!.time).toBe(at);
        expect(store.getState().repairs!.snapshot!.offer?.id).toBe(p.offer.id);
        const accept = answers.length === 1;
        answers.push(accept);
        ctl.answerOffer(accept);
        expect(store.getState().repairs).toMatchObject({ offer: null, paused: false });
      } else if (p.snapshot!.day >= 300) ctl.finishRun();
      else ctl.skipToNextStop();
    }
    expect(answers).toEqual([false, true]);
    const s = store.getState();
    expect(s.screen).toBe('repairs-debrief');
    const report = s.repairs!.report!;
    expect(report.offers!.map((o) => [o.id, o.answer])).toEqual([
      ['close-and-reraise', 'declined'],
      ['reclassify', 'accepted'],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'its-the-system-repairs-')), 'run.json');
    writeFileSync(file, ctl.exportJson());
    const saved = JSON.parse(ctl.exportJson()) as { scenario: string; actions: { kind: string }[] };
    expect(saved.scenario).toBe('takeover');
    expect(saved.actions.map((a) => a.kind)).toEqual(['offer', 'offer']);
    const replay = runCli('--level', 'housing-repairs', '--actions', file, '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('the redesigned flow plays the level as written, whatever was chosen under the approved design', () => {
    const store = createGameStore(initialState(FRESH, 6));
    const ctl = createRepairsController(store, { sound: () => {}, compare: () => new Promise(() => {}), storage: null });
    ctl.choose();
    ctl.setScenario('takeover');
    ctl.setRegime('systems');
    ctl.start();
    expect(store.getState().repairs?.scenario).toBe('four-star');
    expect((JSON.parse(ctl.exportJson()) as { scenario: string }).scenario).toBe('four-star');
  });

  it('finishing housing benefit unlocks housing repairs', () => {
    expect(complete(FRESH, 'housing-benefit').unlocked).toContain('housing-repairs');
    expect(FRESH.unlocked).not.toContain('housing-repairs');
  });
});

describe('studying demand on the repairs line', () => {
  it('samples the last four weeks of real calls, the same sample for the same moment, and counts every call of them', async () => {
    const { drawRepairsStudy, studyScore, kindOf, REPAIRS_STUDY_SIZE } = await import('../../src/game/repairs/repairsStudy');
    const s = new RepairsSession(repairsLevel(), 1, 'deliverology');
    s.run.advanceTo(40 * DAY);
    const study = drawRepairsStudy(s.run);
    expect(study.items).toHaveLength(REPAIRS_STUDY_SIZE);
    expect(JSON.stringify(drawRepairsStudy(s.run))).toBe(JSON.stringify(study));
    for (const item of study.items) expect(item.day).toBeGreaterThanOrEqual(12);
    // The population is every call of days 12 to 40, as the report counts calls by reason.
    const early = housingRepairs.simulate(repairsLevel(), 1, 'deliverology', 12, []);
    const late = housingRepairs.simulate(repairsLevel(), 1, 'deliverology', 40, []);
    expect(study.population.calls).toBe(late.contacts.total - early.contacts.total);
    expect(study.population.failure).toBe(late.contacts.failure - early.contacts.failure);
    // Sorting every call as its truth scores full marks; the failure share heard is the sample's.
    const perfect = { ...study, answers: study.items.map((i) => kindOf(i.reason)) };
    const score = studyScore(perfect);
    expect(score.right).toBe(REPAIRS_STUDY_SIZE);
    expect(score.failureHeard).toBe(study.items.filter((i) => kindOf(i.reason) === 'failure').length / REPAIRS_STUDY_SIZE);
  });

  it('pauses play while the manager listens, and records the sorting', () => {
    const store = createGameStore(initialState(FRESH, 2));
    const ctl = createRepairsController(store, { sound: () => {}, compare: () => new Promise(() => {}), storage: null });
    ctl.choose();
    ctl.start();
    ctl.skipToNextStop();
    ctl.closeInspection();
    ctl.startStudy();
    const study = store.getState().repairs!.study!;
    expect(store.getState().repairs!.paused).toBe(true);
    ctl.togglePause();
    expect(store.getState().repairs!.paused).toBe(true);
    for (let i = 0; i < study.items.length + 2; i++) ctl.answerStudy('failure');
    expect(store.getState().repairs!.study!.answers).toHaveLength(study.items.length);
    ctl.closeStudy();
    expect(store.getState().repairs!.study).toBeNull();
  });
});

describe('a repairs history run a slice at a time', () => {
  it('reaches the same day 0 as one run at once', async () => {
    const { prepareRepairsRun, createRepairsRun } = await import('../../src/services/housing-repairs/index');
    const level = repairsLevel();
    const whole = createRepairsRun(level, 6, 'deliverology');
    const p = prepareRepairsRun(level, 6, 'deliverology');
    expect(() => p.run()).toThrow(/not reached day 0/);
    let steps = 0;
    let n = 0;
    while (!p.step(() => ++n % 7 === 0)) steps++;
    expect(steps).toBeGreaterThan(10);
    const staged = p.run();
    expect(staged.now).toBe(0);
    whole.advanceTo(20 * DAY);
    staged.advanceTo(20 * DAY);
    expect(JSON.stringify(staged.report(20))).toBe(JSON.stringify(whole.report(20)));
  });
});
