// Plain words for each step of a citizen's journey through the service.
import type { JourneyKind, JourneyStep } from '../sim/journal';
import type { Channel, ContactReason } from '../sim';

const REASONS: Record<ContactReason, string> = {
  'new-claim': 'to claim help with the rent',
  'send-evidence': 'with the documents asked for',
  'progress-chasing': 'to ask what is happening with the claim',
  'resend-evidence': 'to send documents again',
  reapply: 'to apply all over again',
  'correct-error': 'to get a wrong decision put right',
  complaint: 'to complain',
};

const CHANNELS: Record<Channel, string> = { phone: 'Phoned', visit: 'Came in', letter: 'Posted a letter' };

const KINDS: Record<Exclude<JourneyKind, 'contact'>, string> = {
  'claim-opened': 'A claim was opened on the system',
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
    const waited = step.waited && step.waited >= 1 ? ` (waited ${Math.round(step.waited)} min)` : '';
    return `${channel}${reason}${waited}`;
  }
  return KINDS[step.kind];
}
