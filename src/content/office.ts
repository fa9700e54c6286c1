// The office screen's words, by id: the manager's dashboard, the controls beside the office (time,
// staff, rules, study and redesign, the pilot), and the office picture itself, drawn and in words.
import type { SpeedId } from '../game/speeds';
import type { ContactReason } from '../services/housing-benefit';
import { REASON_LABELS } from './demand';
import { numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);

export const SPEED_NAMES: Record<SpeedId, string> = { slow: 'Slow', normal: 'Normal', fast: 'Fast', fastest: 'Fastest' };

/** The official measures on the dashboard, by the report's id. */
export const MEASURE_NAMES = {
  processingDays: 'Days to process',
  callsAnsweredIn20s: 'Calls in 20 s',
  visitorsSeenIn15m: 'Visitors in 15 min',
} as const;

export const OFFICE_WORDS = {
  /** While the year before the player arrives is simulated, before the office opens. */
  preparing: (done: string) => `Opening the office: the year before you arrive, ${done}`,
  screen: (level: string) => `${level}: the office`,
  stage: (level: string) => `The ${level} office, seen from above (in words just after)`,
  inWords: 'In the office now',
  viewFailed: (why: string) => `The office view could not start: ${why}`,
  controls: 'Controls',
  walkthrough: 'Walkthrough',

  // ---- the dashboard
  dashboard: 'Dashboard',
  official: 'Official dashboard',
  waitingNow: 'Waiting now',
  /** A measure against its target, met or missed said in words, not by colour alone. */
  measure: (name: string, value: string, target: string, met: boolean | null) =>
    `${name}: ${value} (target ${target})${met === null ? '' : met ? ' ✓ met' : ' ✗ missed'}`,
  noInspection: 'No inspection yet',
  stars: (stars: string, position: number, size: number) => `${stars} · league ${count(position)} of ${count(size)}`,
  starsLabel: (stars: number, position: number, size: number) => `${count(stars)} of 4 stars, league position ${count(position)} of ${count(size)}`,
  visitorsWaiting: (n: string) => `Visitors waiting: ${n}`,
  callsWaiting: (n: string) => `Calls waiting: ${n}`,
  casesOpen: (n: string) => `Cases open: ${n}`,
  open: 'Open',
  closed: 'Closed',
  staffCost: (spend: string) => `Staff ${spend} a week`,
  staffCostOfBudget: (spend: string, budget: string) => `Staff ${spend} a week of ${budget} budget`,
  /** After a redesign: end-to-end days and their natural limits instead of targets. */
  endToEnd: (centre: string, sinceChange: boolean, range: string) => `End to end: ${centre} days on average${sinceChange ? ' since the change' : ''}; ${range}`,
  expected: (from: string, to: string) => `weekly averages expected between ${from} and ${to} days`,
  notPredictable: 'not predictable yet',
  measuring: 'End to end: measuring…',

  // ---- time
  time: 'Time',
  play: 'Play',
  pause: 'Pause',
  nextInspection: 'Next inspection',
  skipToEnd: 'Skip to the end',
  finish: 'Finish run',
  sound: 'Sound',
  soundOn: 'Sound: on',
  soundOff: 'Sound: off',
  speed: 'Speed',
  keys: 'Keys: Space or P play/pause · 1–4 speed · N next stop · F finish · M sound · S staff · R rules · D study · G glossary',

  // ---- staff
  staff: 'Staff on shift',
  oneFewer: (role: string) => `One fewer ${role}`,
  oneMore: (role: string) => `One more ${role}`,
  perWeekEach: (cost: string) => `${cost}/week each`,
  outsourced: 'Outsourced: the provider staffs it, paid per call',

  // ---- rules
  rules: 'Rules',
  noRules: 'No rules to change here: just the staff.',
  /** The rules' words in the glossary. */
  rulesTerms: <T>(targets: T, nilQualify: T) => [
    'Some of these rules are ways managers found to turn the ',
    targets,
    ' green; closing incomplete claims is known as ',
    nilQualify,
    '.',
  ],
  targetsTerm: 'targets',
  nilQualifyTerm: 'nil-qualifying',

  // ---- study and redesign
  studyAndRedesign: 'Study and redesign',
  study: 'Study',
  studyDemand: 'Study demand',
  studyHint: 'Listen to real contacts from the last four weeks and sort them. It takes your time, not the staff’s.',
  studyTerms: <T>(failureDemand: T) => ['Listen for ', failureDemand, ': contacts caused by a failure to do something, or to do it right.'],
  failureDemandTerm: 'failure demand',
  /** What the player has heard so far, and the failure they heard most. */
  heard: (contacts: number, top: ContactReason | null) =>
    `Heard ${plural(contacts, { one: '# contact', other: '# contacts' })}.${top ? ` Most common failure: ${REASON_LABELS[top].toLowerCase()}.` : ''}`,
  learnt: '(you know why)',
  blind: '(best practice from elsewhere)',
  adopt: 'Drop the targets: adopt the redesigned flow',
  measureTerms: <T>(endToEnd: T, chart: T, limits: T) => [
    'A redesigned office measures days ',
    endToEnd,
    ' and reads them on a ',
    chart,
    ' against its ',
    limits,
    ', not against targets.',
  ],
  endToEndTerm: 'end to end',
  chartTerm: 'process behaviour chart',
  limitsTerm: 'natural limits',

  // ---- the pilot
  pilot: 'Pilot the redesign',
  pilotTerms: <T>(pilot: T, dip: T) => [
    'A ',
    pilot,
    ' tries the redesigned way with a small team first. A team that changes how it works goes through a ',
    dip,
    '.',
  ],
  pilotTerm: 'pilot',
  dipTerm: 'learning dip',
  sideBySide: 'Side by side, the last four weeks',
  usual: 'Usual',
  pilotColumn: 'Pilot',
  daysToHelp: 'Days to help',
  helped: 'Helped',
  openNow: 'Open now',
} as const;

/** The office picture: its zones, piles and signs, and the same in words for screen readers. */
export const PICTURE_WORDS = {
  zones: {
    calls: 'Call centre',
    front: 'Front desk',
    scanning: 'Back office: scanning',
    casework: 'Casework',
    post: 'Post',
  },
  /** The picture's clock: "Day 13, Sat 10:40". */
  clock: (day: string, weekday: string, time: string) => `Day ${day}, ${weekday} ${time}`,
  open: 'Open',
  closed: 'Closed',
  closedUntil: (weekday: string, time: string) => `Closed · opens ${weekday} ${time}`,
  /** A role's desks: "Benefit assessors: 3 of 8 busy" (the level names the role in the singular). */
  roleBusy: (role: string, busy: number, staff: number) => `${role.endsWith('s') ? role : `${role}s`}: ${count(busy)} of ${count(staff)} busy`,
  more: (n: number) => `+${count(n)} more`,
  overflow: (n: number) => `+${count(n)}`,
  queue: (n: number) => (n === 0 ? 'No one waiting' : `${count(n)} waiting`),
  calls: (n: number) => `Calls waiting: ${n === 0 ? 'none' : count(n)}`,
  /** What each pile of files waits for, under its count. */
  piles: {
    scanning: 'to scan',
    casework: 'waiting for\nan assessor',
    'awaiting-evidence': 'waiting for\nevidence',
  },
  ownedAtFront: 'Each case is owned by an expert at the front',
  assessorsAtFront: 'Assessors take the calls and visits',
  inPost: (n: number) => plural(n, { one: '# letter\nin the post', other: '# letters\nin the post' }),
  atHome: (n: number) => `${count(n)} at home,\ngathering papers`,

  // ---- in words (officeWords.ts)
  now: (clock: string, open: boolean) => `${clock}: ${open ? 'open' : 'closed'}`,
  visitorsWaiting: (n: string) => `Visitors waiting: ${n}`,
  callsWaiting: (n: string) => `Calls waiting: ${n}`,
  /** Each place's stages in words, for the lines under the picture. */
  held: {
    scanning: (n: string) => `Files to scan: ${n}`,
    casework: (n: string) => `Waiting for an assessor: ${n}`,
    'awaiting-evidence': (n: string) => `Waiting for evidence: ${n}`,
    'in-post': (n: string) => `Letters in the post: ${n}`,
    gathering: (n: string) => `At home, gathering papers: ${n}`,
  },
  busy: (role: string, busy: string, staff: string) => `${role}: ${busy} of ${staff} busy`,
} as const;
