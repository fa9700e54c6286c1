// What the game and the session service say to each other, as zod schemas: every request a
// browser sends is checked against these on the server (and every size is bounded), and the
// client reads the server's answers through the same types.
import { z } from 'zod';
import { LEVEL_IDS } from '../levels/catalogue';
import { ROOM_EVENT_KINDS } from '../services/housing-benefit/types';
import type { RoomState } from './roomState';
import type { Verdict } from './verify';

/** Join codes: six characters from an alphabet with no look-alikes (no 0/O, 1/I/L, 8/B, S). */
export const CODE_ALPHABET = '2345679ACDEFGHJKMNPQRTUVWXYZ';
export const CODE_LENGTH = 6;
export const joinCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), `a join code is ${CODE_LENGTH} letters and digits`));

/** A request body is never bigger than this (a year's action log fits many times over). */
export const MAX_BODY_BYTES = 256 * 1024;
/** Actions in one update at most (a team sends what it did since its last update). */
export const MAX_ACTIONS_PER_UPDATE = 500;
export const MAX_TEAMS = 200;

/** A phase of the session: teams play up to its last day, then wait for the trainer. */
export const phaseSchema = z.strictObject({
  label: z.string().trim().min(1).max(60),
  untilDay: z.number().int().min(1).max(3650),
});
export type Phase = z.infer<typeof phaseSchema>;

export const sessionConfigSchema = z
  .strictObject({
    title: z.string().trim().max(80).default(''),
    level: z.enum(LEVEL_IDS),
    scenario: z.string().min(1).max(40).nullable().default(null),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** The way of working every team starts in (the scenario's, unless the trainer says otherwise). */
    regime: z.enum(['deliverology', 'systems']).default('deliverology'),
    phases: z.array(phaseSchema).min(1).max(12),
  })
  .refine((c) => c.phases.every((p, i) => i === 0 || p.untilDay > c.phases[i - 1]!.untilDay), {
    message: 'each phase ends on a later day than the one before',
    path: ['phases'],
  });
export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const teamName = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a team needs a name').max(40, 'a team name is at most 40 characters'));

export const joinSchema = z.strictObject({ name: teamName });

/** Weeks in the longest run a session may have (3,650 days), and a few to spare. */
const MAX_WEEKS = 530;
const share = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0).max(10_000_000);
const figure = z.number().min(0).max(1e12).nullable();

/**
 * A team's figures at the minute it has reached: the official dashboard beside what citizens
 * lived. Made by teamSummary (summary.ts) in the team's browser, and again by the server from the
 * team's action log: the two must be equal, byte for byte.
 */
export const summarySchema = z.strictObject({
  /** Sim minutes reached: the re-simulation runs the log to exactly here. */
  at: z
    .number()
    .min(0)
    .max(3650 * 1440),
  regime: z.enum(['deliverology', 'systems']),
  official: z.strictObject({
    processingDays: figure,
    callsAnsweredIn20s: share,
    visitorsSeenIn15m: share,
    /** Stars at the newest inspection (null: none yet). */
    stars: z.number().int().min(0).max(5).nullable(),
  }),
  lived: z.strictObject({
    arrived: count,
    met: count,
    open: count,
    abandoned: count,
    /** Days every citizen of the cohort waited, helped or not. */
    waitingDaysMean: figure,
    failureDemandShare: share,
    costPerNeedMet: figure,
    staffSpendPerWeek: z.number().min(0).max(1e9),
  }),
  /** What the team's process behaviour chart is drawn from: the debrief's weeks and changes of system. */
  weekly: z.strictObject({
    /**
     * The average days from first contact to help of each week's citizens, by week of first
     * contact (index 0 is week 1), up to the last week charted; null: that week is not whole and
     * settled yet (analysis/endToEnd.ts).
     */
    meanDays: z.array(z.number().min(0).max(3650).nullable()).max(MAX_WEEKS),
    /** The weeks in which the team changed its system, each starting a phase (analysis/xmrPhases.ts phaseChanges). */
    changes: z.array(z.strictObject({ week: z.number().int().min(2).max(MAX_WEEKS), cause: z.enum(['redesign', 'targets', 'lever']) })).max(MAX_WEEKS),
  }),
});
export type TeamSummary = z.infer<typeof summarySchema>;

/** The model and level a log was played on: a log of another is refused, never re-simulated as if it were this one's. */
export const modelSchema = z.strictObject({ version: z.string().max(40), levelHash: z.string().max(40) });

/**
 * One update from a team, numbered from 1: the actions taken since the last and its figures now.
 * The actions themselves are checked against the level by the server (src/levels/actionLog.ts).
 */
export const updateSchema = z.strictObject({
  seq: z.number().int().min(1).max(1_000_000),
  model: modelSchema,
  actions: z.array(z.unknown()).max(MAX_ACTIONS_PER_UPDATE),
  summary: summarySchema,
});
export type TeamUpdate = z.infer<typeof updateSchema>;

/**
 * What a trainer can ask the room to predict before the figures are shown: the share of contacts
 * that is failure demand, and the days citizens really waited. Each team's answer is its own
 * lived figure (its summary), so the room's guesses meet what each office did.
 */
export const PREDICTION_QUESTIONS = ['failure-share', 'days-waited'] as const;
export type PredictionQuestion = (typeof PREDICTION_QUESTIONS)[number];

export const predictionSchema = z.strictObject({
  question: z.enum(PREDICTION_QUESTIONS),
  /** A share from 0 to 1, or days. */
  value: z.number().min(0).max(3650),
});
export type Prediction = z.infer<typeof predictionSchema>;

/** Something the trainer makes happen to everyone. Each one reaches every team in order. */
export const commandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  /** Teams may play on to the end of this phase (index into the session's phases). */
  z.strictObject({ kind: z.literal('release'), phase: z.number().int().min(0).max(11) }),
  z.strictObject({ kind: z.literal('broadcast'), message: z.string().trim().min(1).max(280) }),
  /** Teams see each other's figures. */
  z.strictObject({ kind: z.literal('reveal') }),
  /** Something the centre makes happen: it reaches each team at its next day boundary, as an action of its log. */
  z.strictObject({ kind: z.literal('inject'), event: z.enum(ROOM_EVENT_KINDS) }),
  /** Every team answers a prediction (predict, then reveal). */
  z.strictObject({ kind: z.literal('ask'), question: z.enum(PREDICTION_QUESTIONS) }),
  /** The room sees the answer: each team's own figure beside its prediction. */
  z.strictObject({ kind: z.literal('answer'), question: z.enum(PREDICTION_QUESTIONS) }),
]);
export type Command = z.infer<typeof commandSchema>;

/** A command as stored and sent: numbered in the session, from 1. */
export interface RoomEvent {
  n: number;
  at: number;
  command: Command;
}

/** One team on the trainer's dashboard. */
export interface DashboardTeam {
  id: string;
  name: string;
  /** Its event stream is open (or it was heard from in the last half minute). */
  connected: boolean;
  lastSeen: number;
  /** Updates received. */
  seq: number;
  summary: TeamSummary | null;
  verdict: Verdict | null;
  /** It has played to the gate and waits for the trainer. */
  atGate: boolean;
  /** Its predictions, by question. */
  predictions: Partial<Record<PredictionQuestion, number>>;
}

export interface Dashboard {
  code: string;
  title: string;
  config: SessionConfig;
  joinUrl: string;
  room: RoomState;
  teams: DashboardTeam[];
}

/** What a team is told when it joins or comes back: enough to rebuild its run exactly. */
export interface Seat {
  code: string;
  title: string;
  config: SessionConfig;
  model: { version: string; levelHash: string };
  team: { id: string; name: string; seq: number };
  room: RoomState;
  /** Every action it has sent, in order: a team on a new device replays them. */
  actions: unknown[];
  summary: TeamSummary | null;
}
