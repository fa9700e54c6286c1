// The game's one place that changes state: intents from the views (buttons, keys) become sim
// actions or screen changes; each frame the sim advances and a fresh snapshot goes to the store.
import {
  attributedMeasures,
  choicesOf,
  MAX_ATTRIBUTED_ACTIONS,
  type Action,
  type AttributedMeasures,
  type DesignKey,
  type Regime,
  type Report,
} from '../services/housing-benefit';
import type { Attribution } from '../services/housing-benefit/attribution';
import { journeyOf, storyCandidate } from './citizens';
import { buildDebrief } from './debriefData';
import { answer, drawStudy, learn, MINUTES_PER_CONTACT, STUDIED_ENOUGH } from './demandStudy';
import { weeklyEndToEnd } from '../analysis/endToEnd';
import { phaseChanges, processChart } from '../analysis/xmrPhases';
import { DAY, type ContactReason } from '../services/housing-benefit';
import { runExportJson, runNeedsCsv } from './exportRun';
import { DESIGN_LEVERS, designAction, MAX_STAFF } from './levers';
import { fitsBudget } from '../services/housing-benefit/staffing';
import { COACH_WORDS, type CoachMoment } from '../content/coach';
import { SETTING_WORDS } from '../content/levers';
import { OFFER_WORDS } from '../content/offers';
import { ROOM_WORDS } from '../content/room';
import { STATUS_WORDS as W } from '../content/status';
import type { TeamSummary } from '../room/protocol';
import { teamSummary } from '../room/summary';
import { comparisonPlans, type ComparisonPlan } from './comparisons';
import { isLevelId, otherRegime, type LevelId } from './levels';
import { complete, saveProgress, unlockAll, type Progress, type ProgressStorage } from './progress';
import { Session, type StopReason } from './session';
import type { RoomEventKind, SimPreparation } from '../services/housing-benefit';
import { SPEEDS } from './speeds';
import { freshRun, type GameStore } from './store';
import { nextStep, type WalkthroughEvent } from './walkthrough';

/** The trainer's pause, and the last day teams may play to now. */
export interface RoomHold {
  paused: boolean;
  gateDay: number;
}

/** What a room's session sets for every team's run. */
export interface RoomRun {
  levelId: LevelId;
  scenario: string | null;
  seed: number;
  regime: Regime;
}

/** A run to simulate elsewhere: everything that makes its report. */
export interface RunSpec {
  levelId: LevelId;
  scenario: string | null;
  seed: number;
  regime: Regime;
  days: number;
  actions: readonly Action[];
}

export type SoundName = 'door' | 'ring' | 'inspection' | 'click' | 'end';

/** What the controller needs from the world outside: sound, a background worker, storage. */
export interface Effects {
  sound(name: SoundName): void;
  /** Runs a comparison (level and scenario, seed, regime, days, actions), off the main thread where possible. */
  compare(run: RunSpec): Promise<Report>;
  /** What each choice of a run cost, a row at a time as each re-run finishes. */
  attribute(run: RunSpec, full: AttributedMeasures, onRow: (row: Attribution) => void): Promise<void>;
  storage: ProgressStorage | null;
  /**
   * The page's clock in milliseconds (performance.now), for work spread over frames so that no
   * frame waits long. Left out (tests), every such job runs to its end in one call.
   */
  now?: () => number;
}

/** Milliseconds of sim work one frame may take when the player has asked to hurry (a frame is ~16 ms; a task over 50 ms is "long"). */
export const FRAME_BUDGET_MS = 20;

/** Sim days between citizen story cards (each shows for about a week, then makes room). */
const STORY_EVERY_DAYS = 14;

export type Controller = ReturnType<typeof createController>;

/** The window, in days, of the live comparison of the usual flow and the pilot. */
const FLOWS_WINDOW_DAYS = 28;

export function createController(store: GameStore, effects: Effects) {
  let session: Session | null = null;
  const now = effects.now ?? (() => 0);
  /** A run whose inherited history is being simulated, a slice a frame, before the office opens. */
  let preparing: { preparation: SimPreparation; levelId: LevelId; regime: Regime; seed: number; scenario: string | null } | null = null;
  /** Sim time being hurried through, a slice a frame: to the next stop (skip) or to the end (finish). */
  let hurry: { target: number; finish: boolean } | null = null;
  let storiesShown = new Set<number>();
  let nextStoryDay = STORY_EVERY_DAYS / 2;
  let liveDay = -1;
  let stoppedDuringStudy: StopReason = null;
  let offersShown = new Set<string>();
  let coached = new Set<CoachMoment>();
  /** A room's hold on the run (null: not in a room): the trainer's pause, and the gate. */
  let room: RoomHold | null = null;
  /** A room's log to play again once the office is ready (a team back in its seat). */
  let replay: { actions: readonly Action[]; at: number } | null = null;
  /** The room's injected events heard before the office was ready: scheduled once it is. */
  let heardEvents: RoomEventKind[] = [];

  /** The coach speaks once a run at each moment, in a level with inspections, unless turned off. */
  function coach(moment: CoachMoment) {
    if (!session?.level.inspection || get().progress.coachOff || coached.has(moment)) return;
    coached.add(moment);
    set({ coach: moment });
  }

  /** The first red target on the dashboard, as the snapshot judges it. */
  function watchTargets() {
    const snap = get().snapshot;
    if (!snap?.targets || coached.has('red-target') || snap.regime !== 'deliverology') return;
    if (Object.values(snap.targets).includes('missed')) coach('red-target');
  }

  const get = store.getState;
  const set = store.setState;

  function saveAndSet(progress: Progress) {
    saveProgress(effects.storage, progress);
    set({ progress });
  }

  function walk(event: WalkthroughEvent) {
    const step = get().walkthrough;
    if (step === null) return;
    const next = nextStep(step, event);
    if (next !== step) {
      set({ walkthrough: next });
      if (next === null) saveAndSet({ ...get().progress, walkthroughDone: true });
    }
  }

  function publish() {
    if (!session) return;
    const before = get().snapshot;
    const snapshot = session.sim.snapshot();
    if (before && !get().paused) {
      if (snapshot.visitorsWaiting > before.visitorsWaiting) effects.sound('door');
      else if (snapshot.phonesWaiting > before.phonesWaiting) effects.sound('ring');
    }
    set({ snapshot, actions: [...session.sim.actions] });
    // End-to-end measures, once a sim day: what a manager who measures the work would watch.
    const day = Math.floor(session.sim.now / 1440);
    if (day !== liveDay) {
      liveDay = day;
      const weeks = weeklyEndToEnd(session.sim.needRows(), session.sim.now / DAY);
      set({ live: { weeks, xmr: processChart(weeks, phaseChanges(session.sim.actions)), flows: session.sim.flowsLately(FLOWS_WINDOW_DAYS) } });
    }
  }

  function onStop(reason: StopReason) {
    if (!session) return;
    if (reason === 'gate' && get().message !== ROOM_WORDS.atGate) set({ message: ROOM_WORDS.atGate });
    if (reason === 'inspection') {
      const inspection = session.takeInspection();
      if (inspection) {
        effects.sound('inspection');
        coach('inspection');
        set({
          inspection,
          paused: true,
          message: W.inspection(inspection.stars, inspection.leaguePosition, inspection.leagueSize),
        });
      }
    }
    if (session.finished) endRun();
  }

  /** A gaming move put by the deputy or a consultant: play stops until the manager answers. */
  function maybeOffer() {
    const offer = get().snapshot?.offer;
    if (!session || !offer || offersShown.has(offer.id) || get().inspection) return;
    offersShown.add(offer.id);
    effects.sound('ring');
    set({ offer, paused: true, message: OFFER_WORDS.suggestion[offer.from] });
    coach('offer');
  }

  function maybeStory() {
    if (!session || get().inspection) return;
    const day = session.sim.now / 1440;
    const shown = get().story;
    if (shown) {
      // The card follows the citizen as their story goes on, and gives way after about a week
      // (it was shown on the day nextStoryDay was last set from).
      const SHOWN_DAYS = 7;
      if (day - (nextStoryDay - STORY_EVERY_DAYS) < SHOWN_DAYS) {
        const now = journeyOf(session.sim, shown.needId);
        const key = (j: typeof now) => (j ? `${j.headline}\n${j.lines.map((l) => l.text).join('\n')}` : '');
        if (now && key(now) !== key(shown)) set({ story: now });
        return;
      }
      set({ story: null });
    }
    if (day < nextStoryDay) return;
    nextStoryDay = day + STORY_EVERY_DAYS;
    const id = storyCandidate(session.sim, storiesShown);
    if (id === null) return;
    storiesShown.add(id);
    const story = journeyOf(session.sim, id);
    set({ story, message: story ? W.story(story.headline) : get().message });
  }

  /** The finished run's report, then its debrief, each worked out in a frame of its own before the debrief is shown. */
  let ending: { report: Report; debrief: ReturnType<typeof buildDebrief> | null } | null = null;

  function endRun() {
    if (!session) return;
    const s = session;
    // Without a clock to share frames by (tests), each part follows at once.
    const nextFrame = () => {
      hurry = { target: s.end, finish: true };
      return effects.now !== undefined;
    };
    if (!ending) {
      ending = { report: s.sim.report(), debrief: null };
      if (nextFrame()) return;
    }
    if (!ending.debrief) {
      ending.debrief = buildDebrief(s.sim, s.levelId, ending.report, s.scenario);
      if (nextFrame()) return;
    }
    hurry = null;
    const { report, debrief } = ending;
    ending = null;
    const run: RunSpec = { levelId: s.levelId, scenario: s.scenario, seed: s.seed, regime: s.startRegime, days: s.level.days, actions: [...s.sim.actions] };
    const plans = comparisonPlans(run);
    const total = choicesOf(run.actions).length;
    const slot = (p: ComparisonPlan) => (p.id === 'this-office' ? 'comparison' : 'reference');
    effects.sound('end');
    walk('end');
    set({
      screen: 'debrief',
      paused: true,
      inspection: null,
      story: null,
      journey: null,
      snapshot: s.sim.snapshot(),
      debrief,
      comparison: null,
      reference: null,
      choices: { status: total === 0 ? 'done' : 'running', total, measured: Math.min(total, MAX_ATTRIBUTED_ACTIONS), rows: [] },
      ...Object.fromEntries(plans.map((p) => [slot(p), { id: p.id, regime: p.regime, fromDay: p.fromDay, status: 'running', report: null }])),
      message: W.over,
    });
    saveAndSet(complete(get().progress, s.levelId));
    if (total > 0) {
      const still = () => session === s && get().choices !== null;
      effects
        .attribute(run, attributedMeasures(report), (row) => {
          if (still()) set({ choices: { ...get().choices!, rows: [...get().choices!.rows, row] } });
        })
        .then(
          () => {
            if (still()) set({ choices: { ...get().choices!, status: 'done' } });
          },
          () => {
            if (still()) set({ choices: { ...get().choices!, status: 'failed' } });
          },
        );
    }
    for (const p of plans) {
      const base = { id: p.id, regime: p.regime, fromDay: p.fromDay };
      effects.compare(p.run).then(
        (r) => {
          if (session === s) set({ [slot(p)]: { ...base, status: 'done', report: r } });
        },
        () => {
          if (session === s) set({ [slot(p)]: { ...base, status: 'failed', report: null } });
        },
      );
    }
  }

  /** Runs the inherited history for up to a frame's budget; opens the office once it reaches day 0. */
  function prepareSlice() {
    if (!preparing) return;
    const p = preparing;
    const started = now();
    if (!p.preparation.step(() => now() - started > FRAME_BUDGET_MS)) {
      const { minutesLeft, minutesTotal } = p.preparation;
      set({ preparing: minutesTotal > 0 ? 1 - minutesLeft / minutesTotal : 1 });
      return;
    }
    preparing = null;
    session = new Session(p.levelId, p.regime, p.seed, p.scenario, p.preparation.sim());
    offersShown = new Set();
    coached = new Set();
    storiesShown = new Set();
    nextStoryDay = STORY_EVERY_DAYS / 2;
    liveDay = -1;
    stoppedDuringStudy = null;
    if (room) session.setGate(room.gateDay * DAY);
    if (replay) {
      session.replay(replay.actions, replay.at);
      replay = null;
    }
    for (const event of heardEvents) session.scheduleAtNextDay({ kind: 'event', event });
    heardEvents = [];
    set({ preparing: null });
    publish();
  }

  /** One frame's slice of a hurry; at its target, what a stop there brings (an inspection, the end). */
  function hurrySlice() {
    if (!session || !hurry) return;
    const h = hurry;
    const started = now();
    const moving = session.sim.now < Math.min(h.target, session.end);
    let reason: StopReason | 'more' = 'more';
    while (reason === 'more') {
      reason = session.hurryTowards(h.target, DAY);
      if (now() - started > FRAME_BUDGET_MS) break;
    }
    if (moving) publish();
    if (reason === 'more') return;
    // The end reached in this frame: the debrief is worked out in the next (a frame's work of its own).
    if (h.finish && moving && effects.now) return;
    hurry = null;
    if (h.finish) endRun();
    else {
      onStop(reason);
      maybeOffer();
    }
  }

  return {
    get session() {
      return session;
    },

    showLevels() {
      set({ screen: 'levels', message: '' });
    },
    showTitle() {
      session = null;
      set({ screen: 'title', snapshot: null, debrief: null, comparison: null, message: '' });
    },

    chooseLevel(id: string) {
      if (!isLevelId(id) || !get().progress.unlocked.includes(id)) return;
      set({ screen: 'briefing', levelId: id, message: '' });
    },
    unlockAll() {
      saveAndSet(unlockAll(get().progress));
      set({ message: W.unlocked });
    },
    setRegime(regime: Regime) {
      set({ regime });
    },
    setScenario(id: string) {
      set({ scenario: id });
    },
    setSeed(seed: number) {
      if (Number.isSafeInteger(seed) && seed >= 0) set({ seed });
    },

    /** A room's run: its level, scenario, seed and regime, and the team's log so far if it is back in its seat. */
    startRoomRun(run: RoomRun, log: { actions: readonly Action[]; at: number } | null) {
      set({ levelId: run.levelId, scenario: run.scenario, seed: run.seed, regime: run.regime });
      replay = log && (log.actions.length > 0 || log.at > 0) ? log : null;
      heardEvents = [];
      this.startRun();
    },
    /** The trainer's injected event: it reaches this office at its next day boundary. */
    roomEvent(event: RoomEventKind) {
      if (session && !preparing) session.scheduleAtNextDay({ kind: 'event', event });
      else heardEvents.push(event);
    },
    /** The room's hold on play: the trainer's pause and the day teams may play to (null: leave the room). */
    setRoomHold(hold: RoomHold | null) {
      room = hold;
      session?.setGate(hold ? hold.gateDay * DAY : Number.POSITIVE_INFINITY);
      if (hold?.paused && get().message !== ROOM_WORDS.paused) set({ message: ROOM_WORDS.paused });
    },
    /**
     * Where the run stands for the room: its sim minute, every action so far, and its figures
     * (worked out only when asked: a report's worth of work). Null: no run yet.
     */
    roomFigures(): { at: number; actions: readonly Action[]; summary: () => TeamSummary } | null {
      const s = session;
      if (!s || preparing) return null;
      return { at: s.sim.now, actions: s.sim.actions, summary: () => teamSummary(s.sim) };
    },

    startRun() {
      const { levelId, regime, seed, progress } = get();
      const scenario = get().scenario;
      const preparation = Session.prepare(levelId, regime, seed, scenario);
      session = null;
      hurry = null;
      ending = null;
      preparing = { preparation, levelId, regime, seed, scenario };
      const walkthrough = levelId === 'front-desk' && !progress.walkthroughDone ? 0 : null;
      set({ ...freshRun(), screen: 'office', walkthrough, message: W.start, preparing: preparation.minutesLeft > 0 ? 0 : null });
      // The office screen is drawn in this task; its history runs from the next frame on (at
      // once without a clock to share frames by: tests).
      if (!effects.now) while (preparing) prepareSlice();
      else if (preparation.minutesLeft === 0) prepareSlice();
    },

    /** Called every animation frame with the real milliseconds since the last. */
    tick(realMs: number) {
      const st = get();
      if (st.screen !== 'office') return;
      if (preparing) return prepareSlice();
      if (room?.paused) return;
      if (hurry) return hurrySlice();
      if (!session || st.paused || st.inspection || st.study || st.offer || st.redesign) return;
      const reason = session.tick(realMs, st.speed);
      publish();
      onStop(reason);
      maybeOffer();
      maybeStory();
      watchTargets();
    },

    togglePause() {
      if (!session || get().screen !== 'office' || get().inspection || get().study || get().offer || get().redesign) return;
      if (hurry && !hurry.finish) {
        // Pausing a skip stops it where it has got to.
        hurry = null;
        set({ paused: true, message: W.paused });
        return;
      }
      const paused = !get().paused;
      set({ paused, message: paused ? W.paused : W.running(SPEEDS[get().speed]!.label) });
      walk(paused ? 'pause' : 'play');
    },
    setSpeed(speed: number) {
      if (speed < 0 || speed >= SPEEDS.length || !session) return;
      set({ speed, message: W.speed(SPEEDS[speed]!.label) });
      if (speed >= 2) walk('speed');
    },
    skipToNextStop() {
      if (!session || hurry || get().screen !== 'office' || get().inspection || get().study) return;
      hurry = { target: session.nextStop(), finish: false };
      // In the page the next frame starts the hurry: a slice here too would be two in one frame.
      if (!effects.now) hurrySlice();
    },
    finishRun() {
      if (!session || get().screen !== 'office') return;
      set({ inspection: null, study: null });
      // In a room, as far as the gate: the run ends only once the trainer releases its last phase.
      hurry = { target: session.reachable, finish: session.reachable >= session.end };
      if (!effects.now) hurrySlice();
    },
    closeInspection() {
      set({ inspection: null, message: W.afterInspection });
      if (session?.finished) endRun();
      else maybeOffer();
    },
    /** The manager's answer to the move offered: an action in the log either way. */
    answerOffer(accept: boolean) {
      const offer = get().offer;
      if (!session || !offer || session.finished) return;
      session.apply({ kind: 'offer', offer: offer.id, accept });
      effects.sound('click');
      set({ offer: null, message: accept ? W.tookAdvice : W.declinedAdvice });
      publish();
    },
    closeStory() {
      set({ story: null });
    },

    setStaff(role: string, count: number) {
      if (!session || session.finished) return;
      const clamped = Math.max(0, Math.min(MAX_STAFF, Math.round(count)));
      const snap = session.sim.snapshot();
      const r = session.level.roles[role];
      const books = snap.books;
      if (!r || books[role] === clamped) return;
      const budget = snap.budgetPerWeek;
      if (budget !== null && clamped > (books[role] ?? 0)) {
        if (!fitsBudget(session.level, { ...books, [role]: clamped }, snap.outsourcedRole, budget)) {
          set({ message: W.overBudgetFor(r.label, budget) });
          return;
        }
      }
      session.apply({ kind: 'staff', role, count: clamped });
      effects.sound('click');
      set({ message: W.staff(r.label, clamped) });
      walk('staff');
      publish();
    },
    setDesign(key: DesignKey, choice: number) {
      if (!session || session.finished) return;
      const lever = DESIGN_LEVERS[key];
      if (!lever) return;
      const action = designAction(lever as never, choice);
      session.apply(action);
      effects.sound('click');
      set({ message: W.lever(SETTING_WORDS.setting(lever.label, lever.choices[choice]!.label)) });
      publish();
    },

    /** Stop and listen: a sample of the last four weeks' real contacts. */
    startStudy() {
      if (!session || session.finished || get().screen !== 'office' || get().inspection || get().study) return;
      // The tutorial desk gets a short version: five visitors.
      const study = drawStudy(session.sim, session.level.inspection ? undefined : 5);
      if (study.items.length === 0) {
        set({ message: W.nothingToStudy });
        return;
      }
      set({ study, paused: true, story: null, message: W.studying(study.items.length) });
      coach('study');
    },
    /** The player's verdict on the current contact; listening costs the manager's time. */
    answerStudy(reason: ContactReason) {
      const study = get().study;
      if (!session || !study || study.answers.length >= study.items.length) return;
      set({ study: answer(study, reason) });
      const stop = session.advanceBy(MINUTES_PER_CONTACT);
      if (stop) stoppedDuringStudy = stop;
      publish();
    },
    closeStudy() {
      const study = get().study;
      if (!study) return;
      const learnt = learn(get().learnt, study);
      const heard = Object.values(learnt).reduce((a, b) => a + (b ?? 0), 0);
      const seesFailure = heard >= STUDIED_ENOUGH;
      set({
        study: null,
        learnt,
        seesFailure,
        message: seesFailure ? W.seesFailure : W.heardSoFar(heard),
      });
      walk('study');
      const stop = stoppedDuringStudy;
      stoppedDuringStudy = null;
      if (stop) onStop(stop);
    },
    /** Stop managing the numbers: the redesigned flow as a whole (the inspectors will notice). */
    adoptRedesign() {
      const snap = get().snapshot;
      if (!session || session.finished || session.regime === 'systems' || !snap || get().inspection || get().study || get().offer) return;
      const offered = snap.staffIfSwitched.staff;
      set({
        redesign: { regime: snap.staffIfSwitched.regime, offered, staff: { ...offered }, backlog: snap.needs.open },
        paused: true,
        message: W.checkStaffing,
      });
    },
    /** Changes the staffing of the redesign being considered, within the budget. */
    setRedesignStaff(role: string, count: number) {
      const plan = get().redesign;
      if (!session || !plan || !(role in plan.staff)) return;
      const clamped = Math.max(0, Math.min(MAX_STAFF, Math.round(count)));
      const staff = { ...plan.staff, [role]: clamped };
      const budget = get().snapshot?.budgetPerWeek ?? null;
      if (budget !== null && clamped > plan.staff[role]! && !fitsBudget(session.level, staff, null, budget)) {
        set({ message: W.overBudget(budget) });
        return;
      }
      set({ redesign: { ...plan, staff } });
    },
    cancelRedesign() {
      set({ redesign: null, message: W.keptTargets });
    },
    /** Adopts the redesigned flow: one regime action (which brings the offered staffing), then any changes to it. */
    confirmRedesign() {
      const plan = get().redesign;
      if (!session || !plan || session.finished) return;
      session.apply({ kind: 'regime', regime: plan.regime });
      for (const [role, count] of Object.entries(plan.staff)) {
        if (count !== plan.offered[role]) session.apply({ kind: 'staff', role, count });
      }
      effects.sound('click');
      set({ redesign: null, message: W.redesigned });
      publish();
    },
    /** Answering an inspector who marked the redesign down. */
    answerInspector(choice: 'comply' | 'stand-firm') {
      // Complying means the approved process again: the deliverology design and staffing, whether
      // the player left it by the regime or lever by lever.
      if (choice === 'comply' && session && !session.finished) {
        session.apply({ kind: 'regime', regime: 'deliverology' });
        publish();
      }
      this.closeInspection();
      set({
        message: choice === 'comply' ? W.complied : W.stoodFirm,
      });
    },

    showJourney(id: number) {
      if (!session) return;
      set({ journey: journeyOf(session.sim, id) });
    },

    playAgainOtherRegime() {
      set({ regime: otherRegime(get().regime) });
      this.startRun();
    },
    playAgain() {
      this.startRun();
    },

    toggleMute() {
      const muted = !get().progress.muted;
      saveAndSet({ ...get().progress, muted });
      set({ message: muted ? W.soundOff : W.soundOn });
    },
    closeCoach() {
      set({ coach: null });
    },
    /** Turns the coach off (or on again), for this run and the next. */
    setCoach(on: boolean) {
      saveAndSet({ ...get().progress, coachOff: !on });
      set({ coach: null, message: on ? W.coachOn : COACH_WORDS.turnedOff });
    },
    skipWalkthrough() {
      set({ walkthrough: null });
      saveAndSet({ ...get().progress, walkthroughDone: true });
    },

    exportJson(): string | null {
      const d = get().debrief;
      return session && d ? runExportJson(session.levelId, session.scenario, session.sim, d.report) : null;
    },
    exportCsv(): string | null {
      return session ? runNeedsCsv(session.sim) : null;
    },
  };
}
