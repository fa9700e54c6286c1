// A citizen's journey in plain words, by id: each step the core's journal records, what brought a
// contact about, the one-line headline of their story, and the words of the story card.
import type { Channel, ContactCause, ContactReason } from '../services/housing-benefit';
import type { JourneyKind } from '../services/housing-benefit/journal';
import { ordinal, plural } from './intl';
import { UNIT_WORDS } from './units';

/** Why a citizen got in touch, after "Phoned", "Came in"... */
export const STEP_REASONS: Record<ContactReason, string> = {
  'new-claim': 'to claim help with the rent',
  'send-evidence': 'with the documents asked for',
  'progress-chasing': 'to ask what is happening with the claim',
  'resend-evidence': 'to send documents again',
  reapply: 'to apply all over again',
  'correct-error': 'to get a wrong decision put right',
  complaint: 'to complain',
};

/** Why failure demand came about, in the citizen's story. */
export const STEP_CAUSES: Record<Exclude<ContactCause, 'none'>, string> = {
  silence: 'after hearing nothing',
  'lost-document': 'because a document went missing between offices',
  'nil-qualified': 'because the claim was closed as incomplete',
  'form-hand-out': 'having been handed a form instead of advice',
  'not-told': 'because nobody had said exactly what was needed',
  'hard-to-find': 'having not found everything asked for in time',
  'wrong-decision': 'because the decision was wrong',
};

export const STEP_CHANNELS: Record<Channel, string> = { phone: 'Phoned', visit: 'Came in', letter: 'Posted a letter' };

export const STEP_KINDS: Record<Exclude<JourneyKind, 'contact'>, string> = {
  'claim-opened': 'A claim was opened on the system',
  'hung-up': 'Nobody answered in time: gave up waiting, to try again another time',
  'form-posted': 'The call centre posted a claim form',
  'queued-for-scanning': 'Documents went into the scanning pile',
  'letter-received': 'A letter from the council arrived',
  'message-passed': 'The call was passed to the back office as a message',
  'queued-for-rework': 'The wrong decision went back into the queue to be put right',
  'form-handed-out': 'Was handed a claim form and sent home',
  'told-what-to-bring': 'Was told exactly what to bring',
  'letter-sent': 'The council wrote asking for evidence',
  'documents-posted': 'Posted documents to the council',
  'item-lost': 'A document went missing between offices',
  scanned: 'Documents were scanned into the back office',
  'queued-for-casework': 'The file joined the queue for an assessor',
  'file-picked-up': 'An assessor who had never seen the case picked up the file',
  'evidence-requested': 'The assessor asked for more evidence',
  'evidence-pulled': 'The case owner fetched the missing evidence',
  'confirmation-requested': 'The council asked the landlord or employer to confirm the details',
  'confirmation-received': 'The landlord or employer confirmed the details',
  decided: 'The claim was decided',
  'wrong-decision': 'The decision was wrong',
  'nil-qualified': 'The claim was closed as incomplete',
  'need-met': 'Help with the rent was paid',
  'gave-up': 'Gave up',
  harmed: 'Now in rent arrears: the wait has done harm',
};

/** How a citizen is addressed: a title and an initial, the same citizen always the same. */
const wholeDays = (n: number) => plural(n, { one: '# day', other: '# days' });
const TITLES = ['Ms', 'Mr', 'Mrs', 'Mx', 'Miss'];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

export const JOURNEY_WORDS = {
  /** A contact whose channel the journal does not say. */
  gotInTouch: 'Got in touch',
  /** A step of the journey: "Phoned to ask what is happening with the claim after hearing nothing (waited 12 min)". */
  contact: (channel: string, reason: string | null, cause: string | null, waitedMinutes: number | null) =>
    `${channel}${reason ? ` ${reason}` : ''}${cause ? ` ${cause}` : ''}${waitedMinutes === null ? '' : ` (waited ${UNIT_WORDS.minutes(waitedMinutes)})`}`,
  name: (id: number) => `${TITLES[id % TITLES.length]} ${INITIALS[(id * 7) % INITIALS.length]}.`,
  /** The story's headline, by how it stands. */
  helped: (name: string, days: number, contacts: number) =>
    `${name}: help with the rent after ${wholeDays(days)} and ${plural(contacts, { one: '# contact', other: '# contacts' })}.`,
  gaveUp: (name: string, days: number, contacts: number) =>
    `${name} gave up after ${wholeDays(days)} and ${plural(contacts, { one: '# contact', other: '# contacts' })}.`,
  waiting: (name: string, days: number, contacts: number) => `${name}, ${ordinal(contacts)} contact, still waiting after ${wholeDays(days)}.`,
  /** The debrief's citizens worth following, and why. */
  notable: {
    longest: 'the longest wait to be helped',
    busiest: 'the most contacts',
    gaveUp: 'gave up',
    oneStop: 'helped in one contact',
  },
  notableLabel: (name: string, why: string) => `${name}: ${why}`,
} as const;

export const STORY_WORDS = {
  label: (name: string) => `Citizen story: ${name}`,
  close: 'Close story',
  failureTag: 'failure demand',
} as const;
