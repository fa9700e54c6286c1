// The game's state for the views: plain data only. The running sim lives in the controller;
// views read this store and send intents to the controller, never to the sim.
import { createStore } from 'zustand/vanilla';
import type { CoachMoment } from '../content/coach';
import type { Attribution } from '../services/housing-benefit/attribution';
import type { OpenOffer } from '../services/housing-benefit/offers';
import type { Inspection } from '../services/housing-benefit/inspection';
import type { Action, LiveFlows, Regime, Report, RoomEventKind, Snapshot } from '../services/housing-benefit';
import type { LevelId } from './levels';
import { FRESH, type Progress } from './progress';
import type { Journey } from './citizens';
import type { DemandStudy, Learnt } from './demandStudy';
import type { WeekPoint } from '../analysis/endToEnd';
import type { ProcessChart } from '../analysis/xmrPhases';
import type { Debrief } from './debriefData';
import type { ComparisonId } from './comparisons';
import type { RepairsPlay } from './repairs/repairsState';
import type { PredictionQuestion } from '../room/protocol';

/** The change of regime being considered: the staffing offered (people moved, not removed) and what it inherits. */
export interface RedesignPlan {
  regime: Regime;
  offered: Record<string, number>;
  /** The staffing the player has chosen so far (starts as offered). */
  staff: Record<string, number>;
  /** Citizens waiting for help now: the backlog the new way of working inherits. */
  backlog: number;
}

export type Screen = 'title' | 'levels' | 'briefing' | 'office' | 'debrief' | 'repairs-briefing' | 'repairs-office' | 'repairs-debrief';

export interface Comparison {
  /** this-office: the other way of running this office from the day it changed (or the start); reference: the never-gamed redesigned flow. */
  id: ComparisonId;
  regime: Regime;
  /** The day the comparison leaves the player's path. */
  fromDay: number;
  status: 'running' | 'done' | 'failed';
  report: Report | null;
}

/** What each choice of the finished run cost, measured in the background row by row. */
export interface ChoicesCost {
  status: 'running' | 'done' | 'failed';
  /** Choices made; at most MAX_ATTRIBUTED_ACTIONS are measured. */
  total: number;
  measured: number;
  rows: Attribution[];
}

export interface GameState {
  screen: Screen;
  levelId: LevelId;
  /** The way into the level chosen on the briefing (null: its first, or it has none). */
  scenario: string | null;
  regime: Regime;
  seed: number;
  paused: boolean;
  speed: number;
  snapshot: Snapshot | null;
  /** The actions applied so far in this run. */
  actions: readonly Action[];
  /** An inspection report card waiting to be read (play pauses while it shows). */
  inspection: Inspection | null;
  /** A gaming move put to the manager, waiting for an answer (play pauses while it shows). */
  offer: OpenOffer | null;
  /** Adopting the other way of working: the staffing it brings, to confirm or change (play pauses). */
  redesign: RedesignPlan | null;
  /** A citizen's story, shown beside the office now and then. */
  story: Journey | null;
  /** The citizen picked in the debrief's journey view. */
  journey: Journey | null;
  progress: Progress;
  /** Walkthrough step on the tutorial level; null when not walking through. */
  walkthrough: number | null;
  /** What the coach is saying now (null: nothing). */
  coach: CoachMoment | null;
  /** A short sentence for screen readers and the status line. */
  message: string;
  debrief: Debrief | null;
  comparison: Comparison | null;
  /** What each choice cost (null: no run finished yet). */
  choices: ChoicesCost | null;
  /** The never-gamed reference beside it (null: the run is its own reference). */
  reference: Comparison | null;
  /** A demand study in progress (play pauses while the manager listens). */
  study: DemandStudy | null;
  /** What studying demand has taught so far this run: contacts heard, by reason. */
  learnt: Learnt;
  /** Enough studied to see failure demand: the office colours it from now on. */
  seesFailure: boolean;
  /** End-to-end days week by week so far, for a manager who measures the work instead of targets. */
  live: { weeks: WeekPoint[]; xmr: ProcessChart | null; flows: LiveFlows | null } | null;
  /** While a new run's inherited history is simulated before the office opens: the share done (null: ready). */
  preparing: number | null;
  /** A housing-repairs run: its briefing choice, its office and its debrief (null: not playing repairs). */
  repairs: RepairsPlay | null;
  /** Playing in a trainer's room (null: on one's own). */
  room: RoomView | null;
}

/** The room as a team sees it: its seat, the trainer's hold, and how its updates are getting through. */
export interface RoomView {
  code: string;
  title: string;
  team: string;
  /** The phase being played, and the last day it lets teams reach. */
  phase: string;
  gateDay: number;
  paused: boolean;
  /** The trainer's newest broadcast (null: none). */
  message: string | null;
  online: boolean;
  /** Updates not yet acknowledged by the server. */
  unsent: number;
  /** The server refused an update, and why (null: none refused). */
  refused: string | null;
  /** The newest event the trainer injected (null: none yet). */
  injected: RoomEventKind | null;
  /** The question the trainer asks the room to predict now (null: none). */
  asking: PredictionQuestion | null;
  /** This team's predictions, and for each question answered its own lived figure at the answer. */
  predictions: Partial<Record<PredictionQuestion, number>>;
  answers: Partial<Record<PredictionQuestion, number | null>>;
  /** A link that puts this team back in its seat, on this device or another. */
  rejoinUrl: string;
}

/** What a new run starts with: nothing seen, nothing learnt, paused at normal speed. */
export function freshRun(): Pick<
  GameState,
  | 'paused'
  | 'speed'
  | 'snapshot'
  | 'preparing'
  | 'coach'
  | 'actions'
  | 'inspection'
  | 'offer'
  | 'redesign'
  | 'story'
  | 'journey'
  | 'debrief'
  | 'comparison'
  | 'reference'
  | 'choices'
  | 'study'
  | 'learnt'
  | 'seesFailure'
  | 'live'
> {
  return {
    paused: true,
    speed: 1,
    preparing: null,
    coach: null,
    snapshot: null,
    actions: [],
    inspection: null,
    offer: null,
    redesign: null,
    story: null,
    journey: null,
    debrief: null,
    comparison: null,
    reference: null,
    choices: null,
    study: null,
    learnt: {},
    seesFailure: false,
    live: null,
  };
}

export function initialState(progress: Progress = FRESH, seed = 1): GameState {
  return {
    ...freshRun(),
    screen: 'title',
    levelId: 'front-desk',
    scenario: null,
    regime: 'deliverology',
    seed,
    progress,
    walkthrough: null,
    message: '',
    repairs: null,
    room: null,
  };
}

export type GameStore = ReturnType<typeof createGameStore>;

export function createGameStore(state: GameState = initialState()) {
  return createStore<GameState>()(() => state);
}
