// The game's state for the views: plain data only. The running sim lives in the controller;
// views read this store and send intents to the controller, never to the sim.
import { createStore } from 'zustand/vanilla';
import type { Inspection } from '../sim/inspection';
import type { Action, Regime, Report, Snapshot } from '../sim';
import type { LevelId } from './levels';
import { FRESH, type Progress } from './progress';
import type { Journey } from './citizens';
import type { Debrief } from './debriefData';

export type Screen = 'title' | 'levels' | 'briefing' | 'office' | 'debrief';

export interface Comparison {
  regime: Regime;
  status: 'running' | 'done' | 'failed';
  report: Report | null;
}

export interface GameState {
  screen: Screen;
  levelId: LevelId;
  regime: Regime;
  seed: number;
  paused: boolean;
  speed: number;
  snapshot: Snapshot | null;
  /** The actions applied so far in this run. */
  actions: readonly Action[];
  /** An inspection report card waiting to be read (play pauses while it shows). */
  inspection: Inspection | null;
  /** A citizen's story, shown beside the office now and then. */
  story: Journey | null;
  /** The citizen picked in the debrief's journey view. */
  journey: Journey | null;
  progress: Progress;
  /** Walkthrough step on the tutorial level; null when not walking through. */
  walkthrough: number | null;
  /** A short sentence for screen readers and the status line. */
  message: string;
  debrief: Debrief | null;
  comparison: Comparison | null;
}

export function initialState(progress: Progress = FRESH, seed = 1): GameState {
  return {
    screen: 'title',
    levelId: 'front-desk',
    regime: 'deliverology',
    seed,
    paused: true,
    speed: 1,
    snapshot: null,
    actions: [],
    inspection: null,
    story: null,
    journey: null,
    progress,
    walkthrough: null,
    message: '',
    debrief: null,
    comparison: null,
  };
}

export type GameStore = ReturnType<typeof createGameStore>;

export function createGameStore(state: GameState = initialState()) {
  return createStore<GameState>()(() => state);
}
