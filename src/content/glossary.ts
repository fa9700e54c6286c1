// The game's words in plain English, by id: each term with a short definition in our own words,
// what it means in the game, where the game uses it, and the evidence cards behind it. Figures
// that belong to the model (the harm threshold, the learning dip, the chart's constants) are read
// from the level and the analysis code, so the words cannot drift from what the game does.
import { shippedLevel } from '../levels/catalogue';
import { RUN_LENGTH, XMR_LIMIT } from '../analysis/xmr';
import type { Citation, EvidenceId } from './evidence';
import { inWords, numberFormat } from './intl';

/** The harm threshold of housing benefit, which the glossary's "harmed" explains. */
function harmAfterDays(): number {
  const days = shippedLevel('housing-benefit').demand.harmAfterDays;
  if (days === null) throw new Error('housing benefit must set demand.harmAfterDays for the glossary to explain "harmed"');
  return days;
}

export const TERM_IDS = [
  'deliverology',
  'targets',
  'failure-demand',
  'value-demand',
  'nil-qualify',
  'end-to-end',
  'one-stop',
  'process-behaviour-chart',
  'natural-limits',
  'harmed',
  'learning-dip',
  'pilot',
  'co-production',
] as const;

export type TermId = (typeof TERM_IDS)[number];

/**
 * Where the game shows a term. `glossary`: only here, for the sources' sake. The unit test holds
 * the places to their screen files: a screen that links terms must link every term it shows.
 */
export const PLACES = ['title', 'briefing', 'office', 'study', 'redesign', 'inspection', 'debrief', 'glossary'] as const;
export type Place = (typeof PLACES)[number];

export interface Term {
  /** The word or phrase as the game writes it. */
  name: string;
  /** What it means, in plain words: a paragraph or two. */
  definition: readonly string[];
  /** What it is in this game, if that needs saying. */
  inGame?: string;
  seenIn: readonly Place[];
  related: readonly TermId[];
  evidence: readonly EvidenceId[];
  /** Where the idea comes from, when it is from the sources rather than the game. */
  sources?: readonly Citation[];
}

const twoDecimals = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = numberFormat({ style: 'percent', maximumFractionDigits: 0 });
const weeks = numberFormat({ style: 'unit', unit: 'week', unitDisplay: 'long', maximumFractionDigits: 1 });
const daysLong = numberFormat({ style: 'unit', unit: 'day', unitDisplay: 'long' });

/** Housing benefit's own model figures, from the level file the game plays. */
export const MODEL = {
  harmAfterDays: harmAfterDays(),
  dip: shippedLevel('housing-benefit').transition.dip,
  recoverDays: shippedLevel('housing-benefit').transition.recoverDays,
  xmrLimit: XMR_LIMIT,
  runLength: RUN_LENGTH,
} as const;

const inDaysAndWeeks = (d: number) => `${weeks.format(d / 7)} (${daysLong.format(d)})`;

export const GLOSSARY: Record<TermId, Term> = {
  deliverology: {
    name: 'deliverology',
    definition: [
      'The way the Prime Minister’s Delivery Unit under Tony Blair set out to improve public services from the centre: targets set in Whitehall, inspectors to check them, and stars and league tables to reward or shame.',
      'Its critics say it turns a service to face upwards, to ministers and inspectors, instead of outwards to the people it is for.',
    ],
    inGame: 'The regime you start in: targets on the dashboard, an inspection every quarter, stars and a league position.',
    seenIn: ['title', 'briefing', 'debrief'],
    related: ['targets', 'end-to-end', 'co-production'],
    evidence: ['a-week-not-56-days', 'critics'],
    sources: [{ work: 'seddon2008', section: 'as reported in a review of the book (2008)' }],
  },
  targets: {
    name: 'targets and Goodhart’s law',
    definition: [
      'A target is a number set from above for a measure to reach: claims processed within 30 days, calls answered within 20 seconds.',
      'Goodhart’s law: once a measure is used to control people, it stops telling you what is going on, because people learn to move the number rather than improve the work. Starting the clock late, closing awkward cases and handing out forms all move the number.',
    ],
    inGame: 'Green or red on the dashboard, checked by the inspectors each quarter. The rules in the office are the ways managers found to turn them green.',
    seenIn: ['title', 'briefing', 'office', 'inspection', 'debrief'],
    related: ['nil-qualify', 'deliverology', 'end-to-end'],
    evidence: ['reported-vs-lived', 'form-and-return', 'critics'],
    sources: [{ work: 'boyle2011', section: 'Introduction' }],
  },
  'failure-demand': {
    name: 'failure demand',
    definition: [
      'Demand caused by a failure to do something, or to do it right, for the citizen: chasing a claim that has gone quiet, sending evidence again, re-applying after a claim was closed, asking for a mistake to be put right, complaining.',
      'It is work the service makes for itself. Counting it as more demand to be handled faster misses the point: find what causes it and remove that.',
    ],
    inGame: 'Study demand (D) to sort real contacts into failure and value. Once you have heard enough, the office shows failure demand in a warm colour.',
    seenIn: ['title', 'office', 'study', 'debrief'],
    related: ['value-demand', 'one-stop'],
    evidence: ['failure-demand-share', 'paid-per-call', 'form-and-return'],
    sources: [{ work: 'boyle2011', section: 'Introduction' }],
  },
  'value-demand': {
    name: 'value demand',
    definition: [
      'What the service is there for: someone asking for help for the first time, or sending what they were asked for. Serving value demand well, first time, is the job.',
    ],
    seenIn: ['study'],
    related: ['failure-demand'],
    evidence: ['failure-demand-share'],
  },
  'nil-qualify': {
    name: 'nil-qualify',
    definition: [
      'To close a claim as if there were no entitlement because some evidence was still missing after a set time, often a month. The claim drops out of the figures and the citizen has to start again from scratch.',
      'The reported average gets shorter; what the citizen lives gets longer.',
    ],
    inGame: 'The rule “Close incomplete claims”, already on in the four-star office.',
    seenIn: ['briefing', 'office', 'debrief'],
    related: ['targets', 'end-to-end'],
    evidence: ['nil-qualified-share', 'reported-vs-lived'],
    sources: [{ work: 'boyle2011', section: 'Introduction' }],
  },
  'end-to-end': {
    name: 'end to end',
    definition: [
      'Time measured from the citizen’s side: from the first time they got in touch to the day their need was met (here, the money paid), however many claims, calls and visits it took.',
      'An official measure often counts only a part of it, such as from a complete claim to a decision.',
    ],
    inGame: 'What the redesigned office measures, and what the debrief calls “what citizens lived”.',
    seenIn: ['briefing', 'office', 'inspection', 'debrief'],
    related: ['process-behaviour-chart', 'harmed', 'targets'],
    evidence: ['reported-vs-lived', 'fifty-two-days', 'a-week-not-56-days'],
  },
  'one-stop': {
    name: 'one-stop',
    definition: [
      'A need settled in one contact: one call or one visit, and it is sorted. It takes someone at the front who knows the work and is allowed to decide.',
    ],
    inGame: 'The debrief’s one-stop share: needs met with a single contact, as a share of needs met.',
    seenIn: ['briefing', 'debrief'],
    related: ['failure-demand', 'end-to-end'],
    evidence: ['one-stop-share', 'portsmouth-repairs'],
    sources: [{ work: 'boyle2011', section: 'Introduction' }],
  },
  'process-behaviour-chart': {
    name: 'process behaviour chart (XmR)',
    definition: [
      'A chart of one measure over time, with its natural process limits, after Walter Shewhart and Donald Wheeler. “X” is each value; “mR” is the moving range, the gap between each value and the one before.',
      'It shows what the system does now, so you can tell routine ups and downs from a real change, instead of judging each figure against a target.',
    ],
    inGame: 'In the debrief, and on the dashboard after a redesign: the average end-to-end days of each week’s new citizens.',
    seenIn: ['office', 'debrief'],
    related: ['natural-limits', 'end-to-end'],
    evidence: ['fifty-two-days'],
  },
  'natural-limits': {
    name: 'natural process limits and signals',
    definition: [
      `The centre line is the mean of the values. The limits are the mean plus and minus ${twoDecimals.format(MODEL.xmrLimit)} times the mean moving range. Values between them are routine variation: what this system will go on producing until the system itself changes.`,
      `A signal that something has changed: a value beyond a limit, or a run of ${inWords(MODEL.runLength)} or more values in a row on the same side of the centre line.`,
    ],
    inGame: 'The debrief’s chart marks signals, and states the range a week’s average will keep to unless the system changes.',
    seenIn: ['office', 'debrief'],
    related: ['process-behaviour-chart'],
    evidence: [],
  },
  harmed: {
    name: 'harmed',
    definition: [
      `In this game, a citizen whose need is still unmet ${inDaysAndWeeks(MODEL.harmAfterDays)} after they first got in touch. In housing benefit that means rent going unpaid and arrears building up. Giving up does not end it: the rent is still owed.`,
      'The threshold is the game’s own judgement, not a figure from the sources.',
    ],
    seenIn: ['debrief'],
    related: ['end-to-end'],
    evidence: [],
  },
  'learning-dip': {
    name: 'learning dip',
    definition: ['When a team changes the way it works, it gets slower for a while before it gets better, while people learn the new way.'],
    inGame: `After a change of way of working, the experts are up to ${percent.format(MODEL.dip)} slower, recovering over ${inDaysAndWeeks(MODEL.recoverDays)}. The size and length are the game’s own judgement.`,
    seenIn: ['redesign', 'office'],
    related: ['pilot'],
    evidence: [],
  },
  pilot: {
    name: 'pilot',
    definition: [
      'Trying a new way of working with a small team and a share of the real work first, side by side with the old way, to learn what it takes before changing everything.',
    ],
    inGame: 'Send a share of new citizens to a small team of assessors working the redesigned way, and watch the two flows side by side.',
    seenIn: ['office', 'debrief'],
    related: ['learning-dip', 'end-to-end'],
    evidence: ['a-week-not-56-days', 'critics'],
  },
  'co-production': {
    name: 'co-production',
    definition: [
      'Citizens, their families and neighbours helping to make a service work alongside the professionals, instead of only receiving it. The word goes back to Elinor Ostrom’s work on policing.',
      'The office in this game does not model it; it is here because the sources name it as one of the ways forward.',
    ],
    seenIn: ['glossary'],
    related: ['deliverology'],
    evidence: [],
    sources: [
      { work: 'boyle2011', section: 'Third task: co-produce services to reach out and rebuild community' },
      { work: 'leadbeater2002', section: 'chapter 3, “Nine principles for public service renewal”: users as co-producers' },
    ],
  },
};

/** The terms in the order the glossary lists them. */
export const TERMS: readonly (Term & { id: TermId })[] = TERM_IDS.map((id) => ({ id, ...GLOSSARY[id] }));

/** The glossary dialog's own words, and those of the evidence cards and citations in it. */
export const GLOSSARY_WORDS = {
  heading: 'Glossary',
  open: 'Glossary',
  close: 'Close',
  closeGlossary: 'Close the glossary',
  hint: 'The words this game uses, in plain English, then the evidence behind its figures. Press Esc to close; G opens it again from any screen.',
  contents: 'Glossary contents',
  words: 'The words',
  evidence: 'The evidence',
  evidenceIntro: 'Every figure the game takes from its sources, with where to find it. The words are ours; the sources are named so you can check.',
  inGame: 'In the game: ',
  from: 'From:',
  source: 'Source:',
  sources: 'Sources:',
  seeAlso: 'See also:',
  theEvidence: 'The evidence:',
  cardWords: 'Words:',
  /** A term link's tooltip. */
  linkTitle: (term: string) => `In the glossary: ${term}`,
  /** A citation: "John Seddon, <title> (2008), Triarchy Press; chapter 3". */
  citation: <T>(author: string, title: T, year: number, publishedBy: string | undefined, section: string) => [
    `${author}, `,
    title,
    ` (${numberFormat({ useGrouping: false }).format(year)})`,
    publishedBy ? `, ${publishedBy}` : '',
    `; ${section}`,
  ],
} as const;
