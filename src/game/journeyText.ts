// Plain words for each step of a citizen's journey through the service.
import type { JourneyKind, JourneyStep } from '../sim/journal';
import type { Channel, ContactCause, ContactReason } from '../sim';

const REASONS: Record<ContactReason, string> = {
  'new-claim': 'to claim help with the rent',
  'send-evidence': 'with the documents asked for',
  'progress-chasing': 'to ask what is happening with the claim',
  'resend-evidence': 'to send documents again',
  reapply: 'to apply all over again',
  'correct-error': 'to get a wrong decision put right',
  complaint: 'to complain',
};

/** Why failure demand came about, in the citizen's story. */
const CAUSES: Record<Exclude<ContactCause, 'none'>, string> = {
  silence: 'after hearing nothing',
  'lost-document': 'because a document went missing between offices',
  'nil-qualified': 'because the claim was closed as incomplete',
  'form-hand-out': 'having been handed a form instead of advice',
  'not-told': 'because nobody had said exactly what was needed',
  'hard-to-find': 'having not found everything asked for in time',
  'wrong-decision': 'because the decision was wrong',
};

const CHANNELS: Record<Channel, string> = { phone: 'Phoned', visit: 'Came in', letter: 'Posted a letter' };

const KINDS: Record<Exclude<JourneyKind, 'contact'>, string> = {
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

export function describeStep(step: JourneyStep): string {
  if (step.kind === 'contact') {
    const channel = step.channel ? CHANNELS[step.channel] : 'Got in touch';
    const reason = step.reason ? ` ${REASONS[step.reason]}` : '';
    const cause = step.cause && step.cause !== 'none' && step.reason !== 'progress-chasing' && step.reason !== 'reapply' && step.reason !== 'correct-error' ? ` ${CAUSES[step.cause]}` : '';
    const waited = step.waited && step.waited >= 1 ? ` (waited ${Math.round(step.waited)} min)` : '';
    return `${channel}${reason}${cause}${waited}`;
  }
  return KINDS[step.kind];
}
