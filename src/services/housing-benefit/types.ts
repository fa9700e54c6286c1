import type { Design, DesignKey, Regime } from '../../levels/schema';

export type { Design, DesignKey, Regime };

export type Channel = 'phone' | 'visit' | 'letter';

/** Why a citizen got in touch. Value demand is what the service exists for; the rest is failure demand. */
export type ContactReason = 'new-claim' | 'send-evidence' | 'progress-chasing' | 'resend-evidence' | 'reapply' | 'correct-error' | 'complaint';

export const VALUE_REASONS: readonly ContactReason[] = ['new-claim', 'send-evidence'];
export const FAILURE_REASONS: readonly ContactReason[] = ['progress-chasing', 'resend-evidence', 'reapply', 'correct-error', 'complaint'];

/**
 * What brought a contact about: nothing (value demand), or the mechanism or rule behind failure
 * demand. Silence: no news, so the citizen chased; a lost document, a nil-qualified claim, a form
 * handed out instead of advice, nobody having said exactly what to bring, or (told exactly) an
 * item they could not find in time: evidence sent again; a wrong decision: a correction.
 */
export type ContactCause = 'none' | 'silence' | 'lost-document' | 'nil-qualified' | 'form-hand-out' | 'not-told' | 'hard-to-find' | 'wrong-decision';

export const CONTACT_CAUSES: readonly ContactCause[] = [
  'none',
  'silence',
  'lost-document',
  'nil-qualified',
  'form-hand-out',
  'not-told',
  'hard-to-find',
  'wrong-decision',
];

export function isFailureDemand(reason: ContactReason): boolean {
  return reason !== 'new-claim' && reason !== 'send-evidence';
}

/** One call, visit or letter from a citizen. */
export interface Contact {
  needId: number;
  /** Sim minutes when the contact was made. */
  at: number;
  channel: Channel;
  reason: ContactReason;
  failure: boolean;
  /** What brought it about (see ContactCause). */
  cause: ContactCause;
  /** Minutes waited before someone dealt with it (letters: 0). */
  waited: number;
}

/** What the citizen knows about the evidence they must bring. */
export type Knowledge = 'guessing' | 'letter' | 'told';

export type NeedOutcome = 'open' | 'met' | 'abandoned';

/**
 * A citizen's real demand: help paying the rent. Arrives once; met, open or abandoned. The sim
 * keeps needs by column (see NeedTable); this is one need's row as a plain object, for reading.
 */
export interface Need {
  id: number;
  /** First contact with the service (sim minutes). */
  arrivedAt: number;
  firstChannel: 'phone' | 'visit';
  /** Evidence items this need requires. */
  required: number;
  hard: boolean;
  bringsEvidence: boolean;
  /** When the citizen gives up if still waiting (Infinity: never). */
  givesUpAt: number;
  outcome: NeedOutcome;
  closedAt: number;
  knows: Knowledge;
  /** The id of its claim in the system's records now (see ClaimTable), 0 for none. */
  claim: number;
  claims: number;
  contacts: number;
  failureContacts: number;
  submissions: number;
  /** True while the ball is in the council's court (the citizen waits for news). */
  waitingOnCouncil: boolean;
  /** Where the need is now, for views. */
  stage: NeedStage;
  /** Drawn into the pilot of the redesign at first contact: handled by the pilot team to the end. */
  pilot: boolean;
}

export type NeedStage = 'first-contact' | 'gathering' | 'in-post' | 'scanning' | 'casework' | 'awaiting-evidence' | 'decided' | 'met' | 'abandoned';

export type ClaimStatus = 'open' | 'decided' | 'nil-qualified' | 'abandoned';

/** A player's (or a script's) change to the running service; recorded with its sim time. */
export type Action =
  | { at: number; kind: 'staff'; role: string; count: number }
  | { at: number; kind: 'design'; key: DesignKey; value: Design[DesignKey] }
  | { at: number; kind: 'regime'; regime: Regime }
  /** The answer to a gaming move offered (see offers.ts): accepted, its design changes now. */
  | { at: number; kind: 'offer'; offer: string; accept: boolean }
  /** Something a trainer makes happen to the office (the level's roomEvents say how much). */
  | { at: number; kind: 'event'; event: RoomEventKind };

/** An action before the sim stamps it with the time it was applied. */
/** What a trainer can make happen to every team's office: the centre cuts the budget, sets a new national target, inspects without warning, or demand surges. */
export const ROOM_EVENT_KINDS = ['budget-cut', 'national-target', 'surprise-inspection', 'demand-surge'] as const;
export type RoomEventKind = (typeof ROOM_EVENT_KINDS)[number];

export type ActionInput = Action extends infer A ? (A extends Action ? Omit<A, 'at'> & { at?: number } : never) : never;
