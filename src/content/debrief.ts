// The debrief's words, by id: what the dashboard said beside what citizens lived (the figures'
// labels), the comparisons, following one citizen, the pilot, the sources and what to do next.
import { numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);
/** A seed or a citizen's number is a name, not a quantity: no thousands separator. */
const id = (n: number) => numberFormat({ useGrouping: false }).format(n);
const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** The debrief's figures by id: the dashboard's column, then the citizens'. */
export const FIGURE_LABELS = {
  'reported-days': 'Average processing time',
  'claims-decided': 'Claims processed',
  'claims-nil': 'Claims closed as incomplete',
  'calls-20s': 'Calls answered within 20 seconds',
  'visitors-15m': 'Visitors seen within 15 minutes',
  stars: 'Stars at the last inspection',
  league: 'League position',
  'without-help': 'Average days without help, counting everyone (giving up does not end it)',
  'helped-28': 'Helped within 4 weeks of first getting in touch',
  'helped-56': 'Helped within 8 weeks',
  'e2e-mean': 'Of those helped: average time from first contact to help',
  'e2e-p50': 'Of those helped: half within',
  'e2e-p95': 'Of those helped: 1 in 20 waited longer than',
  'hard-wait': 'Complicated claims: average wait',
  'needs-met': 'Citizens helped',
  'failure-share': 'Contacts that were failure demand',
  'contacts-per-need': 'Contacts per citizen',
  'one-stop': 'Helped in a single contact',
  'cost-per-need': 'Cost per citizen helped',
  harmed: 'Citizens harmed by the wait',
  'gave-up': 'Citizens who gave up',
  'failure-work': 'Staff time spent on failure work',
} as const;

export type FigureId = keyof typeof FIGURE_LABELS;

/** The rows of the comparison tables, by id. */
export const MEASURE_LABELS = {
  reported: 'Reported processing time',
  withoutHelp: 'Average days without help, counting everyone',
  helped56: 'Helped within 8 weeks',
  timeToHelp: 'Of those helped: average time to help',
  failureShare: 'Failure demand share',
  contactsPerNeed: 'Contacts per citizen',
  oneStop: 'Helped in one contact',
  costPerNeed: 'Cost per citizen helped',
  harmed: 'Citizens harmed',
  citizens: 'Citizens',
  helped: 'Helped',
  p95: '1 in 20 waited longer than',
} as const;

export const DEBRIEF_WORDS = {
  heading: (level: string) => `What really happened: ${level}`,
  /** "Deliverology then Redesigned flow · seed 5 · 365 days · 7,837 citizens came to you." */
  lede: (regime: string, then: string | null, seed: number, days: number, citizens: number) =>
    `${regime}${then ? ` then ${then}` : ''} · seed ${id(seed)} · ${plural(days, { one: '# day', other: '# days' })} · ${plural(citizens, { one: '# citizen came', other: '# citizens came' })} to you.`,
  said: 'What the dashboard said',
  lived: 'What citizens lived',
  ofFour: (stars: number) => `${count(stars)} of 4`,
  of: (n: string, total: string) => `${n} of ${total}`,
  /** The two columns' words, linked to the glossary. */
  columnsTerms: <T>(deliverology: T, targets: T, nilQualify: T, endToEnd: T, failureDemand: T, oneStop: T, harmed: T) => [
    'The dashboard counts what ',
    deliverology,
    ' asks of it: its ',
    targets,
    ', with claims closed as incomplete (',
    nilQualify,
    ') off the clock. The citizens’ column counts everyone ',
    endToEnd,
    ': the ',
    failureDemand,
    ' they had to make, who was helped ',
    oneStop,
    ', and who was ',
    harmed,
    ' by the wait.',
  ],
  targetsTerm: 'targets',
  nilQualifyTerm: 'nil-qualified',
  endToEndTerm: 'end to end',
  failureDemandTerm: 'failure demand',
  oneStopTerm: 'in one contact',
  harmedTerm: 'harmed',

  distribution: 'How long it took: the official clock per claim against the citizen’s wait per need met',
  officialClock: 'Official clock per claim decided',
  citizensWait: 'Citizen’s wait, first contact to help',

  voice: 'The voice of the process',
  voiceIntro:
    'Not a target: what this system actually delivers, week by week, and, once it is stable, what it will go on delivering unless the system changes.',
  voiceTerms: <T>(chart: T, limits: T) => ['It is read on a ', chart, ', week by week against its ', limits, '.'],
  chartTerm: 'process behaviour chart',
  limitsTerm: 'natural process limits',
  tooFewWeeks: 'Too few whole, settled weeks for a process behaviour chart: it needs at least two.',

  follow: 'Follow one citizen',
  pick: 'A citizen to follow ',
  byNumber: (first: number, last: number) => ` or by number (${id(first)}–${id(last)}) `,
  showJourney: 'Show journey',

  flows: 'Your pilot beside the usual flow',
  flowsTerms: <T>(pilot: T) => ['Your ', pilot, ': a share of the same citizens, handled by a small team working the redesigned way.'],
  pilotTerm: 'pilot',
  flowsCaption: 'Citizens of this run, by the flow that handled them',
  measure: 'Measure',
  usualFlow: 'Usual flow',
  pilotFlow: 'Pilot',

  compare: 'The other way, same citizens',
  yourRun: 'Your run',
  compareCaption: (label: string) => `Your run beside ${lowerFirst(label)}: the same citizens, the same seed`,
  reference: (systems: string) => `${systems} from the start, never run to targets (the reference)`,
  keptFrom: (regime: string, day: number) => `This office kept as ${regime} from day ${count(day)}, same staff budget`,
  movedFromStart: (systems: string) => `This office as ${systems} from day 0, its people moved into the new roles`,
  fromStart: (deliverology: string) => `This office as ${deliverology} from day 0, same staff budget`,
  running: (label: string) => `Running: ${label}…`,
  failed: (label: string) => `The comparison run failed: ${label}.`,

  next: 'What next',
  playOther: (regime: string) => `Play again as ${regime}, same seed`,
  playSame: 'Play the same again',
  menu: 'Menu',
  exportJson: 'Export run (JSON)',
  exportCsv: 'Export citizens (CSV)',
} as const;

/** "Where this comes from": the evidence cards on the debrief. */
export const SOURCES_WORDS = {
  heading: 'Where this comes from',
  intro:
    'The citizens in this game are simulated; the mechanisms and the scale of the gaps are taken from real services. Each figure below is from a named source, in our own words, and the last card gives the critics’ side. ',
  open: 'Open the glossary',
  forTheWords: ' for the words.',
} as const;
