// The game layer without a browser: the session's clock, the controller's intents and recording,
// saved progress, URL settings, levers and the walkthrough.
import { describe, expect, it } from 'vitest';
import { createController, type Effects, type SoundName } from '../../src/game/controller';
import { DESIGN_LEVERS, choiceIndex, designAction, leversFor, weeklyStaffCost } from '../../src/game/levers';
import { journeyOf } from '../../src/game/citizens';
import { levelForRun, loadLevel } from '../../src/game/levels';
import { complete, FRESH, loadProgress, parseProgress, quietStart, saveProgress, unlockAll } from '../../src/game/progress';
import { Session } from '../../src/game/session';
import { SPEEDS } from '../../src/game/speeds';
import { createGameStore, initialState } from '../../src/game/store';
import { isTrainerLink, parseUrlSettings } from '../../src/game/urlParams';
import { nextStep, WALKTHROUGH } from '../../src/game/walkthrough';
import { attribute, DAY, runSim, type Regime, type Report } from '../../src/services/housing-benefit';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

function setup(regime: Regime = 'deliverology', levelId: 'front-desk' | 'housing-benefit' = 'housing-benefit') {
  const sounds: SoundName[] = [];
  const compared: { regime: Regime }[] = [];
  const storage = memoryStorage();
  const effects: Effects = {
    sound: (s) => sounds.push(s),
    compare: (run) => {
      compared.push({ regime: run.regime });
      return Promise.resolve(runSim(levelForRun(run.levelId, run.scenario), run.seed, run.regime, run.days, run.actions).report());
    },
    attribute: (run, _full, onRow) => {
      for (const row of attribute(levelForRun(run.levelId, run.scenario), run.seed, run.regime, run.days, run.actions)) onRow(row);
      return Promise.resolve();
    },
    storage,
  };
  const store = createGameStore({ ...initialState(unlockAll(FRESH), 3), levelId, regime });
  const ctl = createController(store, effects);
  return { store, ctl, sounds, compared, storage };
}

describe('Session', () => {
  it('runs sim time in proportion to real time and speed while open', () => {
    const s = new Session('front-desk', 'deliverology', 1);
    expect(s.tick(100, 1)).toBeNull();
    expect(s.sim.now).toBeCloseTo(0.1 * SPEEDS[1]!.minutesPerSecond, 9);
    s.tick(100, 3);
    expect(s.sim.now).toBeCloseTo(0.1 * SPEEDS[1]!.minutesPerSecond + 0.1 * SPEEDS[3]!.minutesPerSecond, 9);
  });

  it('caps a long frame so a hidden tab does not jump ahead', () => {
    const s = new Session('front-desk', 'deliverology', 1);
    s.tick(60_000, 0);
    expect(s.sim.now).toBeCloseTo(0.1 * SPEEDS[0]!.minutesPerSecond, 9);
  });

  it('at every speed, a night or weekend ends exactly at opening time, so each morning is seen', () => {
    for (let speed = 0; speed < SPEEDS.length; speed++) {
      const s = new Session('housing-benefit', 'deliverology', 1);
      const cal = s.sim.calendar;
      // From Thursday 16:00 of week 0, through Friday, the weekend, to Tuesday midday.
      s.advanceBy(3 * DAY + 16 * 60);
      const until = 8 * DAY + 12 * 60;
      const mornings: number[] = [];
      for (let frames = 0; s.sim.now < until; frames++) {
        expect(frames).toBeLessThan(100_000);
        const before = s.sim.now;
        const wasOpen = cal.isOpen(before);
        s.tick(100, speed);
        // A frame that starts closed never runs past the next opening time.
        if (!wasOpen) expect(s.sim.now).toBeLessThanOrEqual(cal.nextOpen(before));
        if (!wasOpen && cal.isOpen(s.sim.now)) mornings.push(s.sim.now);
      }
      // Friday, Monday and Tuesday at 09:00, each seen at the moment the doors open.
      expect(mornings, SPEEDS[speed]!.label).toEqual([4, 7, 8].map((d) => d * DAY + 9 * 60));
    }
  });

  it('stops exactly at each inspection, then at the end', () => {
    const s = new Session('housing-benefit', 'deliverology', 1);
    const every = s.level.inspection!.everyDays * DAY;
    expect(s.skipToNextStop()).toBe('inspection');
    expect(s.sim.now).toBe(every);
    expect(s.takeInspection()?.day).toBe(every / DAY);
    expect(s.takeInspection()).toBeNull();
    let reason = s.skipToNextStop();
    while (reason === 'inspection') {
      s.takeInspection();
      reason = s.skipToNextStop();
    }
    expect(reason).toBe('end');
    expect(s.sim.now).toBe(s.end);
    expect(s.finished).toBe(true);
  });
});

describe('controller', () => {
  it('records lever changes as actions, and replaying them gives the same report', async () => {
    const { store, ctl } = setup();
    ctl.startRun();
    expect(store.getState().screen).toBe('office');
    ctl.togglePause();
    for (let i = 0; i < 20; i++) ctl.tick(50);
    ctl.setStaff('assessor', 6);
    ctl.setDesign('nilQualifyDays', choiceIndex(DESIGN_LEVERS.nilQualifyDays as never, null));
    ctl.skipToNextStop();
    ctl.closeInspection();
    ctl.finishRun();
    const s = store.getState();
    expect(s.screen).toBe('debrief');
    expect(s.actions.map((a) => a.kind)).toEqual(['staff', 'design']);
    const replay = runSim(loadLevel('housing-benefit'), 3, 'deliverology', 365, s.actions).report();
    expect(JSON.stringify(s.debrief!.report)).toBe(JSON.stringify(replay));
    const exported = JSON.parse(ctl.exportJson()!) as { actions: unknown; seed: number };
    expect(exported.actions).toEqual(s.actions);
    expect(exported.seed).toBe(3);
    expect(ctl.exportCsv()!.split('\n')[0]).toBe('id,arrivedDay,closedDay,outcome,contacts,failureContacts,claims');
  });

  it('pauses at an inspection and shows its card until read', () => {
    const { store, ctl, sounds } = setup();
    ctl.startRun();
    ctl.togglePause();
    ctl.skipToNextStop();
    expect(store.getState().inspection).not.toBeNull();
    expect(store.getState().paused).toBe(true);
    expect(sounds).toContain('inspection');
    const t = store.getState().snapshot!.time;
    ctl.togglePause(); // ignored while the card is open
    ctl.tick(50);
    expect(store.getState().snapshot!.time).toBe(t);
    ctl.closeInspection();
    expect(store.getState().inspection).toBeNull();
  });

  it('runs the other regime on the same seed for the debrief', async () => {
    const { store, ctl, compared } = setup('systems');
    ctl.startRun();
    ctl.finishRun();
    expect(compared).toEqual([{ regime: 'deliverology' }]);
    await Promise.resolve();
    await Promise.resolve();
    const c = store.getState().comparison!;
    expect(c.status).toBe('done');
    expect((c.report as Report).startRegime).toBe('deliverology');
    expect((c.report as Report).seed).toBe(3);
  });

  it('clamps staff counts to the allowed range and ignores unknown roles', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.setStaff('assessor', -3);
    ctl.setStaff('nobody', 4);
    const roles = store.getState().snapshot!.roles;
    expect(roles.find((r) => r.id === 'assessor')!.staff).toBe(0);
    expect(store.getState().actions).toHaveLength(1);
  });

  it('walks a new player through the front desk, step by step', () => {
    const { store, ctl } = setup('deliverology', 'front-desk');
    store.setState({ progress: FRESH });
    ctl.startRun();
    expect(store.getState().walkthrough).toBe(0);
    ctl.setSpeed(3); // not yet: the first step asks for Play
    expect(store.getState().walkthrough).toBe(0);
    ctl.togglePause();
    ctl.setSpeed(2);
    ctl.setStaff('clerk', 3);
    ctl.togglePause();
    expect(store.getState().walkthrough).toBe(4);
    ctl.togglePause();
    for (let i = 0; i < 30; i++) ctl.tick(100);
    ctl.togglePause();
    ctl.startStudy();
    const study = store.getState().study!;
    expect(study.items).toHaveLength(5);
    for (const item of study.items) ctl.answerStudy(item.reason);
    expect(store.getState().study!.answers.every((a) => a.correct)).toBe(true);
    ctl.closeStudy();
    expect(store.getState().walkthrough).toBe(5);
    ctl.finishRun();
    expect(store.getState().walkthrough).toBeNull();
    expect(store.getState().progress.walkthroughDone).toBe(true);
    expect(store.getState().progress.unlocked).toContain('housing-benefit');
  });

  it('shows a citizen story now and then, about someone who has had to come back', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.togglePause();
    ctl.setSpeed(3);
    let story = null;
    for (let i = 0; i < 5000 && !story; i++) {
      ctl.tick(100);
      if (store.getState().inspection) ctl.closeInspection();
      if (store.getState().paused) ctl.togglePause();
      story = store.getState().story;
    }
    expect(story).not.toBeNull();
    expect(story!.contacts).toBeGreaterThanOrEqual(3);
    expect(story!.lines.filter((l) => l.text.length > 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe('citizen story cards', () => {
  it('follow their citizen as the story goes on, close by themselves after about a week, and make room for the next', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.togglePause();
    ctl.setSpeed(3);
    const sim = ctl.session!.sim;
    const run = () => {
      ctl.tick(100);
      if (store.getState().inspection) ctl.closeInspection();
      if (store.getState().paused) ctl.togglePause();
    };
    for (let i = 0; i < 5000 && !store.getState().story; i++) run();
    const first = store.getState().story!;
    expect(first).not.toBeNull();
    const shownDay = sim.now / DAY;
    const headlines = new Set<string>();
    let closedDay: number | null = null;
    for (let i = 0; i < 5000; i++) {
      run();
      const story = store.getState().story;
      if (!story) {
        closedDay = sim.now / DAY;
        break;
      }
      // Always the story as it stands now, never frozen at the day it was first shown.
      expect(story.needId).toBe(first.needId);
      expect(story.headline).toBe(journeyOf(sim, first.needId)!.headline);
      expect(story.lines.length).toBe(journeyOf(sim, first.needId)!.lines.length);
      headlines.add(story.headline);
    }
    expect(headlines.size).toBeGreaterThan(1);
    // About a week (a weekend in the way makes it the next opening).
    expect(closedDay! - shownDay).toBeGreaterThanOrEqual(7);
    expect(closedDay! - shownDay).toBeLessThan(10);
    for (let i = 0; i < 5000 && !store.getState().story; i++) run();
    const next = store.getState().story!;
    expect(next).not.toBeNull();
    expect(next.needId).not.toBe(first.needId);
    expect(sim.now / DAY - shownDay).toBeGreaterThanOrEqual(14);
  });

  it('closed by the player, the next waits its turn', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.togglePause();
    ctl.setSpeed(3);
    const sim = ctl.session!.sim;
    for (let i = 0; i < 5000 && !store.getState().story; i++) ctl.tick(100);
    const shownDay = sim.now / DAY;
    ctl.closeStory();
    expect(store.getState().story).toBeNull();
    ctl.tick(100);
    expect(store.getState().story).toBeNull();
    for (let i = 0; i < 5000 && !store.getState().story; i++) {
      ctl.tick(100);
      if (store.getState().inspection) ctl.closeInspection();
      if (store.getState().paused) ctl.togglePause();
    }
    expect(sim.now / DAY - shownDay).toBeGreaterThanOrEqual(14);
  });
});

describe('studying demand in play', () => {
  it('pauses the office, costs the manager time per contact, and teaches what it finds', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.startStudy();
    const s0 = store.getState();
    expect(s0.paused).toBe(true);
    const study = s0.study!;
    expect(study.items.length).toBe(40);
    const t0 = s0.snapshot!.time;
    ctl.tick(100); // the office does not run on its own while the manager listens
    expect(store.getState().snapshot!.time).toBe(t0);
    for (const item of study.items.slice(0, 20)) ctl.answerStudy(item.reason === 'new-claim' ? 'complaint' : item.reason);
    expect(store.getState().snapshot!.time).toBeGreaterThan(t0);
    ctl.closeStudy();
    const s1 = store.getState();
    expect(s1.study).toBeNull();
    expect(s1.seesFailure).toBe(true);
    const heard = Object.values(s1.learnt).reduce((a, b) => a + (b ?? 0), 0);
    expect(heard).toBe(20);
  });

  it('drops the targets by moving to the redesigned flow, recorded as an action', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.adoptRedesign();
    // First the new staffing, to confirm or change: the people on the books moved into assessors.
    const plan = store.getState().redesign!;
    expect(plan.offered).toMatchObject({ receptionist: 0, scanner: 0, assessor: 16 });
    expect(plan.backlog).toBeGreaterThan(1000);
    expect(store.getState().snapshot!.regime).toBe('deliverology');
    ctl.tick(50); // play waits for the answer
    expect(store.getState().snapshot!.time).toBe(0);
    ctl.confirmRedesign();
    expect(store.getState().snapshot!.regime).toBe('systems');
    expect(store.getState().actions.map((a) => a.kind)).toEqual(['regime']);
    expect(store.getState().snapshot!.books.assessor).toBe(16);
  });

  it('a changed staffing for the redesign is logged as staff actions after the regime action, within the budget', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.adoptRedesign();
    ctl.setRedesignStaff('assessor', 12);
    ctl.setRedesignStaff('assessor', 40); // £28,800 a week: over the £15,000 budget, refused
    expect(store.getState().redesign!.staff.assessor).toBe(12);
    ctl.confirmRedesign();
    expect(store.getState().actions.map((a) => a.kind)).toEqual(['regime', 'staff']);
    expect(store.getState().snapshot!.books.assessor).toBe(12);
  });

  it('compares a run that redesigned with the same office kept to targets from that day, and with the reference', async () => {
    const { store, ctl, compared } = setup();
    ctl.startRun();
    ctl.skipToNextStop();
    ctl.closeInspection();
    ctl.adoptRedesign();
    ctl.confirmRedesign();
    ctl.finishRun();
    expect(compared).toEqual([{ regime: 'deliverology' }, { regime: 'systems' }]);
    await Promise.resolve();
    await Promise.resolve();
    const { comparison, reference } = store.getState();
    expect(comparison).toMatchObject({ id: 'this-office', regime: 'deliverology', status: 'done' });
    expect(comparison!.fromDay).toBeCloseTo(91, 0);
    expect(comparison!.report!.regime).toBe('deliverology');
    expect(reference).toMatchObject({ id: 'reference', regime: 'systems', status: 'done', fromDay: 0 });
  });
});

describe('answering the inspector', () => {
  it('complying restores the approved process even when it was left lever by lever', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.setDesign('expertsAtFront', 0); // "On", pulled blind under deliverology
    ctl.skipToNextStop();
    expect(store.getState().inspection!.markedDown).toBe(true);
    ctl.answerInspector('comply');
    const s = store.getState();
    expect(s.inspection).toBeNull();
    expect(s.snapshot!.design.expertsAtFront).toBe(false);
    expect(s.actions.map((a) => a.kind)).toEqual(['design', 'regime']);
  });

  it('standing firm keeps the redesign', () => {
    const { store, ctl } = setup('systems');
    ctl.startRun();
    ctl.skipToNextStop();
    expect(store.getState().inspection!.markedDown).toBe(true);
    ctl.answerInspector('stand-firm');
    expect(store.getState().snapshot!.design.expertsAtFront).toBe(true);
    expect(store.getState().actions).toEqual([]);
  });
});

describe('progress', () => {
  it('starts with the tutorial unlocked and survives garbage', () => {
    for (const bad of [null, '', '{', '[]', '"x"', JSON.stringify({ unlocked: ['nope', 3] }), 'x'.repeat(10_000)]) {
      expect(parseProgress(bad)).toEqual(FRESH);
    }
  });

  it('finishing a level unlocks the next, and it is saved', () => {
    const storage = memoryStorage();
    const p = complete(FRESH, 'front-desk');
    expect(p.unlocked).toEqual(['front-desk', 'housing-benefit']);
    saveProgress(storage, p);
    expect(loadProgress(storage)).toEqual(p);
  });

  it('a blocked storage does not break the game', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(loadProgress(throwing)).toEqual(FRESH);
    expect(() => saveProgress(throwing, FRESH)).not.toThrow();
  });
});

describe('URL settings', () => {
  it('takes a level, regime and seed, and ignores anything odd', () => {
    expect(parseUrlSettings('?level=housing-benefit&regime=systems&seed=42')).toEqual({ levelId: 'housing-benefit', regime: 'systems', seed: 42 });
    expect(parseUrlSettings('?level=<script>&regime=chaos&seed=-1')).toEqual({});
    expect(parseUrlSettings('?seed=1e9')).toEqual({});
    expect(parseUrlSettings(`?seed=${'1'.repeat(600)}`)).toEqual({});
  });

  it("a trainer's link starts the sound off, without saving that as the player's choice", () => {
    expect(isTrainerLink(parseUrlSettings('?level=housing-benefit&regime=deliverology&seed=1'))).toBe(true);
    expect(isTrainerLink(parseUrlSettings('?seed=7'))).toBe(true);
    expect(isTrainerLink(parseUrlSettings(''))).toBe(false);
    expect(isTrainerLink(parseUrlSettings('?level=<b>x</b>'))).toBe(false);

    const storage = memoryStorage();
    saveProgress(storage, { ...FRESH, walkthroughDone: true });
    const start = quietStart(loadProgress(storage), storage);
    expect(start.progress.muted).toBe(true);
    // Through the game: it starts quiet, and finishing a level saves progress but not the quiet.
    const store = createGameStore({ ...initialState(start.progress, 1), levelId: 'front-desk' });
    const ctl = createController(store, {
      sound: () => {},
      compare: () => new Promise(() => {}),
      attribute: () => new Promise(() => {}),
      storage: start.storage,
    });
    ctl.startRun();
    ctl.finishRun();
    expect(loadProgress(storage)).toMatchObject({ muted: false, walkthroughDone: true, unlocked: ['front-desk', 'housing-benefit'] });
    expect(store.getState().progress.muted).toBe(true);
    // The player turns the sound on, then off again: now that is their choice, and saved.
    ctl.toggleMute();
    expect(store.getState().progress.muted).toBe(false);
    expect(loadProgress(storage).muted).toBe(false);
    ctl.toggleMute();
    expect(loadProgress(storage).muted).toBe(true);
    // Someone who had turned the sound off keeps it off.
    const quiet = quietStart({ ...FRESH, muted: true }, storage);
    expect(quiet.progress.muted).toBe(true);
    expect(quiet.storage).toBe(storage);
    expect(quietStart(FRESH, null)).toEqual({ progress: { ...FRESH, muted: true }, storage: null });
  });
});

describe('levers', () => {
  it('offer what each regime lists, each choice becoming a valid design action', () => {
    const hb = loadLevel('housing-benefit');
    for (const regime of ['deliverology', 'systems'] as const) {
      const levers = leversFor(hb, regime);
      expect(levers.map((l) => l.key)).toEqual(hb.regimes[regime].levers);
      for (const l of levers) {
        expect(l.consequence.length).toBeGreaterThan(20);
        expect(choiceIndex(l, hb.regimes[regime].design[l.key])).toBeGreaterThanOrEqual(0);
        l.choices.forEach((c, i) => expect(designAction(l, i)).toEqual({ kind: 'design', key: l.key, value: c.value }));
      }
    }
  });

  it('cost a week of staff at the level rates', () => {
    const hb = loadLevel('housing-benefit');
    expect(weeklyStaffCost(hb, { assessor: 1 })).toBe(hb.roles.assessor!.costPerHour * 40);
  });
});

describe('walkthrough', () => {
  it('moves on only with the event each step asks for, and ends', () => {
    let step: number | null = 0;
    for (const s of WALKTHROUGH) {
      expect(nextStep(step, s.until === 'play' ? 'pause' : 'play')).toBe(step);
      step = nextStep(step, s.until);
    }
    expect(step).toBeNull();
  });
});

describe('citizen words', () => {
  it('counts contacts and days the way people say them', async () => {
    const { citizenName } = await import('../../src/game/citizens');
    const { ordinal } = await import('../../src/content/intl');
    const { dayLabel } = await import('../../src/ui/format');
    expect([1, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual(['first', 'fourth', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
    expect(dayLabel(0)).toBe('Day 1');
    expect(dayLabel(11.9)).toBe('Day 12');
    expect(dayLabel(-0.5)).toBe('1 day before');
    expect(dayLabel(-6)).toBe('6 days before');
    expect(citizenName(7)).toBe(citizenName(7));
    expect(citizenName(7)).toMatch(/^(Ms|Mr|Mrs|Mx|Miss) [A-Z]\.$/);
  });
});

describe('offers in the takeover', () => {
  it('play stops for the deputy’s offer; the answer is an action, and play goes on', () => {
    const { store, ctl, sounds } = setup();
    ctl.setScenario('takeover');
    ctl.startRun();
    ctl.togglePause();
    ctl.setSpeed(3);
    for (let i = 0; i < 5000 && !store.getState().offer; i++) ctl.tick(100);
    const offer = store.getState().offer!;
    expect(offer.id).toBe('clock');
    expect(store.getState().paused).toBe(true);
    expect(sounds).toContain('ring');
    const t = store.getState().snapshot!.time;
    ctl.togglePause(); // ignored while the offer waits
    ctl.tick(100);
    expect(store.getState().snapshot!.time).toBe(t);
    ctl.answerOffer(false);
    expect(store.getState().offer).toBeNull();
    expect(store.getState().actions).toEqual([{ at: t, kind: 'offer', offer: 'clock', accept: false }]);
    expect(store.getState().snapshot!.design.clockStart).toBe('received');
  });

  it('the exported run names its scenario', () => {
    const { ctl } = setup();
    ctl.setScenario('takeover');
    ctl.startRun();
    ctl.finishRun();
    expect(JSON.parse(ctl.exportJson()!).scenario).toBe('takeover');
  });
});

describe('the coach', () => {
  it('speaks once a run at the first inspection and the first study, and not once turned off', () => {
    const { store, ctl } = setup();
    ctl.startRun();
    ctl.skipToNextStop();
    expect(store.getState().coach).toBe('inspection');
    ctl.closeCoach();
    ctl.closeInspection();
    ctl.skipToNextStop();
    expect(store.getState().coach).toBeNull(); // the second inspection: said already
    ctl.closeInspection();
    ctl.setCoach(false);
    expect(store.getState().progress.coachOff).toBe(true);
    ctl.startStudy();
    expect(store.getState().study).not.toBeNull();
    expect(store.getState().coach).toBeNull();
  });

  it('says nothing on the front desk, the tutorial level', () => {
    const { store, ctl } = setup('deliverology', 'front-desk');
    ctl.startRun();
    ctl.finishRun();
    expect(store.getState().coach).toBeNull();
  });
});
