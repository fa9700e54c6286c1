// Words for studying demand, by id: the dialog's own words, and each predictable cause of failure
// demand with the lever that removes it. The citizens' words and the contact types are in
// content/demand.ts.
import type { ContactCause, ContactReason, Design, DesignKey } from '../services/housing-benefit';
import { REASON_LABELS } from './demand';
import { plural } from './intl';

/** A cause of failure demand: every contact cause but "none" (value demand has no cause to remove). */
export type FailureCause = Exclude<ContactCause, 'none'>;

/** One lever of DESIGN_LEVERS (game/levers.ts) set to the value that removes a cause. */
export type LeverSetting = { [K in DesignKey]: { key: K; value: Design[K] } }[DesignKey];

export interface CauseWords {
  /** The cause in a few words, for the ranked list. */
  label: string;
  /** What brought this contact about, told after the player sorts it. */
  why: string;
  /** The levers that remove the cause, most direct first. */
  levers: readonly LeverSetting[];
}

const EXPERTS: LeverSetting = { key: 'expertsAtFront', value: true };
const DECIDE: LeverSetting = { key: 'decideAtFirstContact', value: true };
const OWNER: LeverSetting = { key: 'caseOwner', value: true };
const PULL: LeverSetting = { key: 'pullEvidence', value: true };

export const CAUSES: Record<FailureCause, CauseWords> = {
  silence: {
    label: 'Silence while a claim waits',
    why: 'The claim sat in a queue and nobody told them anything, so they got in touch to find out.',
    levers: [OWNER, PULL],
  },
  'lost-document': {
    label: 'A document lost in the office',
    why: 'What they sent was lost on its way from the post room through scanning to the back office.',
    levers: [OWNER],
  },
  'nil-qualified': {
    label: 'A claim closed while still incomplete',
    why: 'The claim was closed ("nil-qualified") while they were still gathering evidence, so it all has to come again.',
    levers: [{ key: 'nilQualifyDays', value: null }],
  },
  'form-hand-out': {
    label: 'A form handed out instead of advice',
    why: 'The front desk handed them a form and sent them home, and nobody said what the claim would need.',
    levers: [{ key: 'formHandOut', value: false }],
  },
  'not-told': {
    label: 'Nobody said what was needed',
    why: 'Nobody told them exactly what to bring, so what they sent was not what the claim needed.',
    levers: [EXPERTS, DECIDE],
  },
  'hard-to-find': {
    label: 'An item hard to find',
    why: 'They were told exactly what to bring, but could not find one item in time.',
    levers: [PULL],
  },
  'wrong-decision': {
    label: 'A wrong decision',
    why: 'Nobody owned the case, and the award was worked out wrong.',
    levers: [OWNER],
  },
};

export const STUDY_WORDS = {
  heading: 'Studying demand: what do citizens call about?',
  hint: (minutes: string) => `Each contact takes ${minutes} minutes of your time; the office runs on while you listen.`,
  /** The study's words in the glossary. */
  terms: <T>(valueDemand: T, failureDemand: T) => ['In the glossary: ', valueDemand, ' and ', failureDemand, '.'],
  valueTerm: 'value demand',
  failureTerm: 'failure demand',
  contacts: (n: number) => plural(n, { one: '# contact', other: '# contacts' }),
  /** A contact type inside a sentence: "progress chasing". */
  reason: (r: ContactReason) => REASON_LABELS[r].toLowerCase(),
  /** A kind of mistake, and how many. */
  mistakes: (kind: string, n: string) => `${kind}: ${n}`,
  /** A cause and how often it was heard. */
  causeCount: (cause: string, detail: string) => `${cause}: ${detail}`,
  /** What the citizen said, in quotation marks. */
  quote: (text: string) => `“${text}”`,
  intro:
    'Listen, then say what kind of demand this is. Value demand is what the service is for; failure demand is caused by a failure to do something, or to do it right.',
  right: 'Right.',
  wrong: (truth: string) => `Not quite: it was ${truth}.`,
  cause: (why: string) => `Why: ${why.charAt(0).toLowerCase()}${why.slice(1)}`,
  contact: (i: string, n: string, name: string, channel: string, day: string) => `Contact ${i} of ${n}: ${name}, ${channel}, ${day}`,
  channel: { phone: 'on the phone', visit: 'at the front desk', letter: 'by letter' },
  sortGroup: 'What kind of demand is this?',
  value: 'Value demand',
  failure: 'Failure demand',
  allHeard: (contacts: string) => `You have listened to all ${contacts}.`,
  stoppedAt: (heard: string, of: string) => `You stopped after ${heard} of ${of}.`,
  seeResults: 'See how you did so far',
  resume: 'Listen to more',
  stop: 'Stop studying for now',
  back: 'Back to the office',

  yours: 'Your demand analysis',
  yoursNote: 'Built from how you sorted each contact.',
  byType: 'Contacts by type',
  typeHeader: 'Type',
  yourColumn: 'You',
  truthColumn: 'Truth',
  nothingYet: 'Listen to some contacts to see the share of failure demand.',
  yourShare: (share: string, low: string, high: string, contacts: string) =>
    `Failure demand, as you sorted it: ${share} (95% band ${low} to ${high}, from ${contacts})`,
  causesHeading: 'Predictable causes of the failure demand you heard, most common first',
  causesNone: 'No failure demand sorted yet: no causes to remove.',
  notFailure: (contacts: string) => `${contacts} you took for failure demand had no cause to remove: they were value demand.`,
  /** The levers that remove a cause, listed: "Removed by: One owner per case, Pull missing evidence". */
  removedBy: <T>(levers: readonly T[]) => ['Removed by: ', ...levers.flatMap((l, i) => (i > 0 ? [', ', l] : [l]))],

  truth: 'How you did, and the truth',
  score: (correct: string, of: string) => `You sorted ${correct} of ${of} correctly.`,
  kinds: (right: string) => `You told value from failure demand for ${right}.`,
  valueAsFailure: 'Value demand you took for failure',
  failureAsValue: 'Failure demand you took for value',
  wrongType: 'The right kind of demand, but another type',
  mistake: (i: string, name: string, chose: string, was: string) => `Contact ${i}, ${name}: you said ${chose}; it was ${was}.`,
  trueShare: (share: string, low: string, high: string, contacts: string) =>
    `True failure demand in the ${contacts} you heard: ${share} (95% band ${low} to ${high}).`,
  population: (contacts: string, share: string) => `Measured across all ${contacts} of the last four weeks: ${share} failure demand.`,
  trueCausesHeading: 'The true ranking of the predictable causes',
  trueCause: (heard: string, share: string) => `${heard} heard; ${share} of all four weeks' failure demand`,
} as const;
