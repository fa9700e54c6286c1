// What citizens say when they get in touch, in plain words written for this game: several
// phrasings per reason, filled with the citizen's own details, so sorting demand means listening
// to what people say rather than spotting a label. Then the one-sentence explanation after the
// player sorts a contact, and each reason's name.
import type { ContactReason } from '../services/housing-benefit';
import { andList, numberFormat, ordinal, plural } from './intl';

const count = (n: number) => numberFormat().format(n);

export interface ContactContext {
  /** Whole days since the citizen first got in touch. */
  daysSinceFirst: number;
  /** Contacts this citizen made before this one. */
  earlierContacts: number;
  /** Evidence items the claim needs. */
  documents: number;
  /** Claims the citizen has had opened so far. */
  claims: number;
  channel: 'phone' | 'visit' | 'letter';
}

const DOCS = ['payslips', 'tenancy agreement', 'bank statements', 'letter from the landlord', 'proof of savings', 'council tax bill'];

/** One to three of the documents, chosen by `pick`: "payslips, tenancy agreement and bank statements". */
function docsList(n: number, pick: number): string {
  const k = Math.max(1, Math.min(n, 3));
  const items: string[] = [];
  const start = ((pick % DOCS.length) + DOCS.length) % DOCS.length;
  for (let i = 0; i < k; i++) items.push(DOCS[(start + i * 2) % DOCS.length]!);
  return andList(items);
}

function times(n: number): string {
  return n <= 1 ? 'once' : n === 2 ? 'twice' : plural(n, { other: '# times' });
}

/** How long, as a citizen would say it: "a day", "5 days", "3 weeks". */
function days(n: number): string {
  if (n <= 0) return 'less than a day';
  if (n < 14) return plural(n, { one: 'a day', other: '# days' });
  return plural(Math.round(n / 7), { one: '# week', other: '# weeks' });
}

type Fill = (c: ContactContext, pick: number) => string;

export const PHRASINGS: Record<ContactReason, readonly Fill[]> = {
  'new-claim': [
    () => 'I have just lost my job and I am worried about the rent. Can I get help with it?',
    () => 'My hours were cut at work and I cannot cover the rent any more. What do I do?',
    () => 'My landlord said I might be able to claim housing benefit. How do I apply?',
    () => 'I have moved into a new flat and need help paying the rent. Where do I start?',
    () => 'My partner has left and I cannot afford the rent on my own. Is there any help?',
  ],
  'send-evidence': [
    (c, p) => `You asked for my ${docsList(c.documents, p)}. Here they are.`,
    (c, p) => `I have brought in the ${docsList(c.documents, p)} for my claim.`,
    (c, p) => `Sending the ${docsList(c.documents, p)} your letter asked for.`,
    () => 'Here are the papers you wanted for my housing benefit claim.',
  ],
  'progress-chasing': [
    (c) => `I applied ${days(c.daysSinceFirst)} ago and have heard nothing. What is happening with my claim?`,
    (c) => `This is the ${ordinal(c.earlierContacts + 1)} time I have been in touch. Has anyone looked at my claim?`,
    (c) => `My landlord is asking for the rent. It has been ${days(c.daysSinceFirst)}. When will I know?`,
    () => 'I am just checking you got my papers. Nobody has told me anything.',
    (c) => `I have been in touch ${times(c.earlierContacts)} already. Can you tell me where my claim is up to?`,
  ],
  'resend-evidence': [
    (c, p) => `I already sent my ${docsList(c.documents, p)}, but your letter says you do not have them. Here they are again.`,
    (c, p) => `You have asked for the ${docsList(c.documents, p)} again. I brought them in weeks ago.`,
    () => 'I am sending these for the second time. Did the first lot get lost?',
    (c) => `Another letter asking for documents, ${days(c.daysSinceFirst)} after I first applied. I have copied them again.`,
  ],
  reapply: [
    () => 'I got a letter saying my claim was closed because it was incomplete. I need to apply all over again?',
    (c) => `My claim was shut down while I was still getting the papers together. This is claim number ${count(c.claims + 1)} for me.`,
    () => 'You closed my claim before I could send everything. I still cannot pay the rent.',
    (c) => `I have to start again from scratch after ${days(c.daysSinceFirst)}? Fine, here is a new form.`,
  ],
  'correct-error': [
    () => 'The amount you have awarded is wrong. It does not match my payslips.',
    () => 'Your decision letter says I earn more than I do. Can someone put it right?',
    () => 'You have used the wrong rent figure on my award. My landlord says it is short.',
    () => 'The letter has my old address and the wrong rent. I need it corrected.',
  ],
  complaint: [
    (c) => `I want to make a complaint. It has been ${days(c.daysSinceFirst)} and I am in arrears.`,
    (c) => `I have been in touch ${times(c.earlierContacts)} and nobody can tell me anything. I want to complain.`,
    () => 'My landlord has served notice because the rent has not been paid. This is not good enough.',
    () => 'Who is in charge? I would like to complain about how my claim has been handled.',
  ],
};

/** The one-sentence explanation after the player sorts a contact. */
export const EXPLANATIONS: Record<ContactReason, string> = {
  'new-claim': 'Value demand: a new need the service exists to meet.',
  'send-evidence': 'Value demand: the citizen sending what was asked for, the first time.',
  'progress-chasing': 'Failure demand: they would not need to chase if the service had dealt with them or kept them informed.',
  'resend-evidence': 'Failure demand: sending documents again because the system lost them or asked for the wrong thing.',
  reapply: 'Failure demand: the claim was closed to stop the clock, so the citizen has to start again.',
  'correct-error': 'Failure demand: a wrong decision the service now has to put right.',
  complaint: 'Failure demand: the cost of everything that went wrong before.',
};

export const REASON_LABELS: Record<ContactReason, string> = {
  'new-claim': 'New claim',
  'send-evidence': 'Sending evidence asked for',
  'progress-chasing': 'Progress chasing',
  'resend-evidence': 'Re-sending evidence',
  reapply: 'Re-applying after closure',
  'correct-error': 'Correcting an error',
  complaint: 'Complaint',
};
