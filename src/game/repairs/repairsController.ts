// Housing repairs' intents: buttons and keys become actions on the run or screen changes; each
// frame the run advances and a fresh snapshot goes to the store. The views never touch the run.
import { DAY } from '../../engine/calendar';
import type { Regime } from '../../engine/service';
import type { RepairsReport } from '../../services/housing-repairs/index';
import type { RepairsDesign, RoleId } from '../../services/housing-repairs/schema';
import { levelHash, MODEL_VERSION } from '../../engine/version';
import { otherRegime } from '../levels';
import { complete, saveProgress, type ProgressStorage } from '../progress';
import { SPEEDS } from '../speeds';
import type { GameStore } from '../store';
import { repairsLevel, repairsLevelFor, repairsScenarioOf } from './repairsLevel';
import { RepairsSession, type RepairsStop } from './repairsSession';
import { type DemandKind, drawRepairsStudy } from './repairsStudy';
import { freshRepairs, type RepairsPlay, type RepairsRunSpec } from './repairsState';

export interface RepairsEffects {
  sound(name: 'ring' | 'inspection' | 'click' | 'end'): void;
  /** Runs the same tenants another way, off the main thread where possible. */
  compare(run: RepairsRunSpec): Promise<RepairsReport>;
  storage: ProgressStorage | null;
  /** The page's clock (performance.now): long jobs are spread over frames. Left out (tests), they run at once. */
  now?: () => number;
}

/** Milliseconds of sim work a frame may take while hurrying (to the next inspection, to the end). */
const FRAME_BUDGET_MS = 20;

/** Staff a role may have at most (the level's bound). */
const MAX_STAFF = 500;

export type RepairsController = ReturnType<typeof createRepairsController>;

export function createRepairsController(store: GameStore, effects: RepairsEffects) {
  let session: RepairsSession | null = null;
  const get = store.getState;
  const play = (): RepairsPlay => get().repairs ?? freshRepairs();
  const patch = (p: Partial<RepairsPlay>) => store.setState({ repairs: { ...play(), ...p } });

  function publish(): void {
    if (!session) return;
    patch({ snapshot: session.run.snapshot(), actions: [...session.run.actions] });
  }

  function stopped(stop: RepairsStop): void {
    if (!session) return;
    if (stop === 'offer') {
      // A gaming move put by the deputy or a consultant: play stops until the manager answers.
      const offer = session.takeOffer();
      if (offer) {
        effects.sound('ring');
        patch({ offer, paused: true });
      }
      return;
    }
    if (stop === 'inspection') {
      const inspection = session.takeInspection();
      if (inspection) {
        effects.sound('inspection');
        patch({ inspection, paused: true });
      }
      // An inspection on the last day is shown, and the run ends when it is read.
      return;
    }
    if (stop === 'end') finish();
  }

  /** Sim time being hurried through, a slice a frame: to the next stop (skip) or to the end (finish). */
  let hurrying: { finishing: boolean } | null = null;
  const clock = effects.now ?? (() => 0);

  function hurrySlice(): void {
    if (!session || !hurrying) return;
    const h = hurrying;
    const started = clock();
    let stop: RepairsStop | 'more' = 'more';
    while (stop === 'more') {
      stop = session.hurry(DAY, h.finishing);
      if (clock() - started > FRAME_BUDGET_MS) break;
    }
    publish();
    if (stop === 'more') return;
    hurrying = null;
    // The report is a frame's work of its own: the debrief follows in the next frame.
    if (h.finishing && effects.now) {
      pendingFinish = true;
      return;
    }
    if (h.finishing) finish();
    else stopped(stop);
  }
  let pendingFinish = false;
  /** A run whose inherited history is being simulated, a slice a frame, before the office opens. */
  let preparing: { preparation: ReturnType<typeof RepairsSession.prepare>; seed: number; regime: Regime; way: string | null } | null = null;

  function prepareSlice(): void {
    if (!preparing) return;
    const p = preparing;
    const started = clock();
    if (!p.preparation.step(() => clock() - started > FRAME_BUDGET_MS)) return;
    preparing = null;
    session = new RepairsSession(repairsLevel(), p.seed, p.regime, p.way, p.preparation.run());
    patch({ scenario: session.scenario });
    publish();
  }

  function finish(): void {
    if (!session) return;
    hurrying = null;
    pendingFinish = false;
    session.finish();
    publish();
    const level = session.level;
    const report = session.run.report(level.days);
    const other = otherRegime(session.startRegime);
    const progress = complete(get().progress, 'housing-repairs');
    saveProgress(effects.storage, progress);
    store.setState({ screen: 'repairs-debrief', progress });
    patch({ report, paused: true, inspection: null, offer: null, other: { regime: other, status: 'running', report: null } });
    effects.sound('end');
    const seed = session.seed;
    effects.compare({ seed, regime: other, days: level.days, actions: [] }).then(
      (r) => {
        if (get().repairs?.report === report) patch({ other: { regime: other, status: 'done', report: r } });
      },
      () => {
        if (get().repairs?.report === report) patch({ other: { regime: other, status: 'failed', report: null } });
      },
    );
  }

  function act(f: (s: RepairsSession) => void): void {
    if (!session || session.finished) return;
    f(session);
    effects.sound('click');
    publish();
  }

  return {
    choose(): void {
      session = null;
      preparing = null;
      const was = get().repairs;
      store.setState({ screen: 'repairs-briefing', repairs: freshRepairs(was?.regime ?? 'deliverology', was?.scenario ?? null) });
    },
    setRegime(regime: Regime): void {
      patch({ regime });
    },
    /** The way into the approved design: the four-star service as written, or the struggling one and its offers. */
    setScenario(id: string): void {
      if (repairsLevel().scenarios.some((s) => s.id === id)) patch({ scenario: id });
    },
    setSeed(seed: number): void {
      if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31) store.setState({ seed });
    },
    start(): void {
      const { regime, scenario } = play();
      const way = repairsScenarioOf(regime, scenario);
      const seed = get().seed;
      session = null;
      hurrying = null;
      pendingFinish = false;
      preparing = { preparation: RepairsSession.prepare(repairsLevel(), seed, regime, way), seed, regime, way };
      store.setState({ screen: 'repairs-office', repairs: freshRepairs(regime, way) });
      // The office screen is drawn in this task; the history runs from the next frame on (at once without a clock: tests).
      if (!effects.now) while (preparing) prepareSlice();
    },
    tick(realMs: number): void {
      if (get().screen !== 'repairs-office') return;
      if (preparing) return prepareSlice();
      if (pendingFinish) return finish();
      if (hurrying) return hurrySlice();
      const p = get().repairs;
      if (!session || get().screen !== 'repairs-office' || !p || p.paused || p.inspection || p.offer || p.study) return;
      const lastCall = p.snapshot?.recentCalls.at(-1)?.at;
      const stop = session.tick(realMs, p.speed);
      publish();
      // A phone rings for a new call, at the speeds where one call can still be told from the next.
      if (p.speed <= 1 && get().repairs!.snapshot!.recentCalls.at(-1)?.at !== lastCall) effects.sound('ring');
      stopped(stop);
    },
    togglePause(): void {
      if (!session || play().inspection || play().offer || play().study) return;
      patch({ paused: !play().paused });
    },
    setSpeed(speed: number): void {
      if (play().offer) return;
      patch({ speed: Math.max(0, Math.min(SPEEDS.length - 1, speed)), paused: false });
    },
    skipToNextStop(): void {
      if (!session || play().inspection || play().offer || play().study) return;
      if (hurrying) return;
      hurrying = { finishing: false };
      hurrySlice();
    },
    finishRun(): void {
      // An offer waits for its answer: the run goes on only once it is given.
      if (play().offer || hurrying?.finishing) return;
      hurrying = { finishing: true };
      hurrySlice();
    },
    /** The manager's answer to the move offered: an action in the log either way; play resumes. */
    answerOffer(accept: boolean): void {
      const offer = play().offer;
      if (!session || !offer || session.finished) return;
      session.apply({ kind: 'offer', offer: offer.id, accept });
      effects.sound('click');
      patch({ offer: null, paused: false });
      publish();
    },
    /** Listen to a sample of the last four weeks' calls: play pauses while the manager studies. */
    startStudy(): void {
      if (!session || session.finished || play().inspection || play().offer) return;
      patch({ study: drawRepairsStudy(session.run), paused: true });
    },
    /** The manager's sorting of the call in front of them: value demand or failure demand. */
    answerStudy(kind: DemandKind): void {
      const study = play().study;
      if (!study || study.answers.length >= study.items.length) return;
      patch({ study: { ...study, answers: [...study.answers, kind] } });
    },
    closeStudy(): void {
      patch({ study: null });
    },
    closeInspection(): void {
      patch({ inspection: null });
      if (session?.finished) finish();
    },
    setStaff(role: RoleId, count: number): void {
      act((s) => s.apply({ kind: 'staff', role, count: Math.max(0, Math.min(MAX_STAFF, count)) }));
    },
    setDesign<K extends keyof RepairsDesign>(key: K, value: RepairsDesign[K]): void {
      act((s) => s.apply({ kind: 'design', key, value }));
    },
    switchRegime(): void {
      act((s) => s.apply({ kind: 'regime', regime: otherRegime(s.run.regime) }));
    },
    /** The run as a file the headless runner replays: `npm run sim -- --level housing-repairs --actions run.json`. */
    exportJson(): string {
      const p = play();
      const level = session?.level ?? repairsLevelFor(p.scenario);
      const startRegime = session?.startRegime ?? p.regime;
      return JSON.stringify(
        {
          format: 'its-the-system/run',
          service: 'housing-repairs',
          level: level.id,
          scenario: session?.scenario ?? p.scenario,
          model: { version: MODEL_VERSION, levelHash: levelHash(level) },
          seed: get().seed,
          regime: startRegime,
          days: level.days,
          actions: p.actions,
          report: p.report,
        },
        null,
        2,
      );
    },
    /** One row per fault of the run's cohort, as CSV (null: no run to export). */
    exportCsv(): string | null {
      return session?.run.faultsCsv() ?? null;
    },
    showLevels(): void {
      session = null;
      preparing = null;
      store.setState({ screen: 'levels', repairs: null });
    },
  };
}
