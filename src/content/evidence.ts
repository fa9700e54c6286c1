// The evidence behind the game's figures: each figure the game states from its sources, as a card
// with the work it comes from (author, title, year) and the section where it is found. The words
// are ours: the sources are paraphrased, never copied. One card gives the critics' side.
import type { TermId } from './glossary';
import { numberFormat } from './intl';

/** A published work the game draws on. */
export interface Work {
  author: string;
  title: string;
  year: number;
  /** Publisher, or where an article appeared. */
  publishedBy?: string;
}

export const WORKS = {
  seddon2008: { author: 'John Seddon', title: 'Systems Thinking in the Public Sector', year: 2008, publishedBy: 'Triarchy Press' },
  boyle2011: { author: 'David Boyle', title: 'The New Efficiency', year: 2011, publishedBy: 'a report' },
  leadbeater2002: { author: 'Charles Leadbeater', title: 'Innovate from Within', year: 2002, publishedBy: 'Demos' },
  slater2024: {
    author: 'Jonathan Slater',
    title: 'I worked for Blair’s Delivery Unit – trust me that the next government needs a new approach to reform',
    year: 2024,
    publishedBy: 'Civil Service World',
  },
} as const satisfies Record<string, Work>;

export type WorkId = keyof typeof WORKS;

/** Where in a work a figure is found. */
export interface Citation {
  work: WorkId;
  /** The chapter or section (or, for a short article, the part of it). */
  section: string;
}

/** A citation with its work filled in, for showing. */
export function cited(c: Citation): Work & { section: string } {
  return { ...WORKS[c.work], section: c.section };
}

/** A quantity as the sources give it; formatted on screen with Intl.NumberFormat. */
export interface Quantity {
  value: number;
  /** Percentages are fractions: 0.78 is 78%. */
  unit: 'day' | 'week' | 'minute' | 'percent' | 'count';
  qualifier?: 'up to' | 'about' | 'more than' | 'only';
}

export interface Figure {
  /** What the number is of, in a few words. */
  label: string;
  value: Quantity;
  /** Where a change is reported, what it was before. */
  was?: Quantity;
}

export const EVIDENCE_IDS = [
  'reported-vs-lived',
  'nil-qualified-share',
  'fifty-two-days',
  'failure-demand-share',
  'one-stop-share',
  'form-and-return',
  'paid-per-call',
  'a-week-not-56-days',
  'portsmouth-repairs',
  'critics',
] as const;

export type EvidenceId = (typeof EVIDENCE_IDS)[number];

export interface EvidenceCard {
  /** One line: the finding at a glance. */
  headline: string;
  /** The numbers, as numbers. */
  figures: readonly Figure[];
  /** What was found, in our own words; a paragraph each. */
  finding: readonly string[];
  /** Where the game shows it or lets the player try it. */
  inGame: string;
  sources: readonly Citation[];
  /** Glossary words the card uses. */
  terms: readonly TermId[];
  /** The critics' side rather than a finding. */
  critique?: true;
}

const day = (value: number, qualifier?: Quantity['qualifier']): Quantity => ({ value, unit: 'day', qualifier });
const share = (value: number, qualifier?: Quantity['qualifier']): Quantity => ({ value, unit: 'percent', qualifier });

const BOYLE_INTRO: Citation = { work: 'boyle2011', section: 'Introduction, reporting John Seddon’s studies of housing-benefit offices' };

export const EVIDENCE: Record<EvidenceId, EvidenceCard> = {
  'reported-vs-lived': {
    headline: 'The dashboard said 28 days; claimants waited 98',
    figures: [
      { label: 'average time to process a claim, as reported', value: day(28) },
      { label: 'what claimants actually waited', value: day(98) },
    ],
    finding: [
      'In one council the official average for dealing with a claim was 28 days. Counted from the claimant’s side it was 98. The gap came from the way claims were counted: incomplete ones were closed and their claimants made to start again, so the slow cases never reached the figures.',
    ],
    inGame:
      'The debrief puts what the dashboard said beside what citizens lived, for the same citizens. The four-star office you can take over closes incomplete claims after 28 days.',
    sources: [BOYLE_INTRO],
    terms: ['targets', 'nil-qualify', 'end-to-end'],
  },
  'nil-qualified-share': {
    headline: 'About 40% of claims closed as incomplete',
    figures: [{ label: 'of claims “nil-qualified” in one council', value: share(0.4, 'about') }],
    finding: [
      'Claimants who had not produced every piece of evidence within about a month had their claim closed, and had to start again from scratch. In one council some 40% of claims went this way; it kept the cases that would have broken the target out of the figures.',
    ],
    inGame: 'The rule “Close incomplete claims”. A citizen’s journey in the debrief shows a claim closed and the same person applying again.',
    sources: [BOYLE_INTRO],
    terms: ['nil-qualify', 'targets'],
  },
  'fifty-two-days': {
    headline: 'An average of 52 days, and up to 152',
    figures: [
      { label: 'average wait for the money, in one council', value: day(52) },
      { label: 'the longest waits', value: day(152, 'up to') },
    ],
    finding: [
      'In one council, claimants waited 52 days on average to be paid, and some as long as 152. Managers were often shocked to see these figures, which looked nothing like their official ones; some councils with four stars were no better than those doing badly.',
    ],
    inGame: 'The debrief’s distribution of days, and the process behaviour chart of end-to-end days: the average hides a long tail.',
    sources: [BOYLE_INTRO],
    terms: ['end-to-end', 'process-behaviour-chart'],
  },
  'failure-demand-share': {
    headline: 'Up to 78% of calls were failure demand',
    figures: [{ label: 'of calls were people chasing a delay, not new claims', value: share(0.78, 'up to') }],
    finding: [
      'Most calls were not new claims at all: up to 78% were people ringing to find out what was holding their claim up. This is failure demand, and it comes from the design of the work, which keeps the people who could answer away from the people asking.',
    ],
    inGame: 'Study demand (D) in the office: sort a sample of real contacts and see the failure share with its 95% band.',
    sources: [BOYLE_INTRO],
    terms: ['failure-demand', 'value-demand'],
  },
  'one-stop-share': {
    headline: 'Only 3% settled in one call or visit',
    figures: [{ label: 'of claimants had their claim settled in a single contact, in one council', value: share(0.03, 'only') }],
    finding: ['In one council, only 3 claimants in 100 had their claim settled in one call or one visit; the rest had to get in touch again, and again.'],
    inGame: 'The debrief’s one-stop share: needs met with a single contact, under each way of running the service.',
    sources: [BOYLE_INTRO],
    terms: ['one-stop', 'failure-demand'],
  },
  'form-and-return': {
    headline: 'Seen in 15 minutes, by being handed a form',
    figures: [
      { label: 'the target for seeing visitors', value: { value: 15, unit: 'minute' } },
      { label: 'visits, for some claimants, bringing documents again', value: { value: 10, unit: 'count', qualifier: 'up to' } },
    ],
    finding: [
      'Visitors had to be seen within 15 minutes. Managers met the target by handing people a form and sending them home for more information. In the queues people were back for the fifth, sixth, even tenth time, many with documents they had brought before.',
    ],
    inGame: 'The rule “Hand visitors a form”: the 15-minute measure turns green, and the same people come back.',
    sources: [BOYLE_INTRO],
    terms: ['targets', 'failure-demand'],
  },
  'paid-per-call': {
    headline: 'Call centres paid for the failure demand too',
    figures: [],
    finding: [
      'Where call centres were paid for every call, they were paid as much for people chasing a failure as for real work, so their managers had no reason to remove the failure.',
    ],
    inGame: 'The rule “Outsourced call centre”: calls are answered fast, and every chase is paid for.',
    sources: [{ work: 'boyle2011', section: 'Introduction, the key problems: the failure to tell useful work from work caused by failures elsewhere' }],
    terms: ['failure-demand'],
  },
  'a-week-not-56-days': {
    headline: 'Housing benefit in about a week instead of 56 days',
    figures: [{ label: 'to pay housing benefit, after redesign', value: { value: 1, unit: 'week', qualifier: 'about' }, was: day(56) }],
    finding: [
      'Some 60 councils and other bodies that studied their work and redesigned it from the citizen’s end did far better than the official targets asked: housing benefit paid in about a week instead of 56 days.',
    ],
    inGame: 'Drop the targets, or pilot the redesign, and read end-to-end days on the dashboard and the process behaviour chart.',
    sources: [{ work: 'seddon2008', section: 'as reported in a review of the book (2008) by a writer who helped edit it' }],
    terms: ['end-to-end', 'deliverology', 'pilot'],
  },
  'portsmouth-repairs': {
    headline: 'Portsmouth’s housing repairs: 60 days to 7',
    figures: [
      { label: 'wait for a repair', value: day(7), was: day(60) },
      { label: 'of jobs fixed at the first visit', value: share(0.99), was: share(0.45) },
      { label: 'cut from the cost of each repair', value: share(0.5, 'more than') },
    ],
    finding: [
      'By 2007 Portsmouth City Council’s housing service, inspired by Seddon, had redesigned repairs around the way the work really flows: tenants reach a person at once and book the time that suits them; the technician arrives with the right parts and asks what else needs doing. Waits fell from 60 days to 7, jobs fixed at the first visit rose from 45% to 99%, and each repair cost less than half as much.',
    ],
    inGame: 'Not played here (the game is housing benefit): the same way of working in another service.',
    sources: [{ work: 'boyle2011', section: 'First task: make services more flexible' }],
    terms: ['one-stop', 'end-to-end'],
  },
  critics: {
    headline: 'The other side: what critics say',
    figures: [],
    finding: [
      'Most of the evidence for this way of working is case studies, told by consultants and writers who champion it; the review cited here was written by someone who helped edit the book. A before-and-after figure from one office is not a controlled trial.',
      'That targets always lead to gaming is contested. Even writers who want fewer targets credit them with focusing effort in unwieldy bureaucracies, and some did go with real improvement: NHS waiting-time targets (treatment within 18 weeks) came with shorter waits, alongside a great deal of new money.',
      'A redesign that starts from each place’s own demand is hard to scale; the review itself calls the successes small exceptions. Without common targets it is also harder for the public and Parliament to compare services and hold them to account, and trust given without challenge can turn into complacency.',
      'This game is built from the advocates’ sources too. Its model (docs/model.md) marks which of its parameters are judgement rather than evidence.',
    ],
    inGame: 'A question to put to the room in the debrief: what would convince a sceptic?',
    sources: [
      { work: 'leadbeater2002', section: 'chapter 2, “The limits of managerialism”; chapter 4, “Innovating from within”, on moving from targets to trust' },
      { work: 'slater2024', section: 'the opening paragraphs, on New Labour’s improvements' },
      { work: 'seddon2008', section: 'the closing paragraphs of a review of the book (2008)' },
    ],
    terms: ['targets', 'deliverology', 'pilot'],
    critique: true,
  },
};

const FORMATS: Record<Quantity['unit'], Intl.NumberFormat> = {
  day: numberFormat({ style: 'unit', unit: 'day', unitDisplay: 'long' }),
  week: numberFormat({ style: 'unit', unit: 'week', unitDisplay: 'long' }),
  minute: numberFormat({ style: 'unit', unit: 'minute', unitDisplay: 'long' }),
  percent: numberFormat({ style: 'percent', maximumFractionDigits: 0 }),
  count: numberFormat(),
};

/** A quantity in words: "98 days", "up to 78%", "about 1 week". */
export function formatQuantity(q: Quantity): string {
  const n = FORMATS[q.unit].format(q.value);
  return q.qualifier ? `${q.qualifier} ${n}` : n;
}

/** A figure's number: "98 days", or for a change "60 days to 7 days". */
export function formatFigure(f: Figure): string {
  return f.was ? `${formatQuantity(f.was)} to ${formatQuantity(f.value)}` : formatQuantity(f.value);
}
