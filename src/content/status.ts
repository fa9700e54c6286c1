// The status line under the office: what just happened, said once to a screen reader (a live
// region) and shown to everyone.
import { numberFormat, plural } from './intl';

const count = (n: number) => numberFormat().format(n);
const pounds = numberFormat({ style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

export const STATUS_WORDS = {
  start: 'Paused. Press Play to start.',
  paused: 'Paused.',
  running: (speed: string) => `Running at ${speed.toLowerCase()} speed.`,
  speed: (speed: string) => `Speed: ${speed}.`,
  inspection: (stars: number, position: number, size: number) =>
    `Inspection: ${plural(stars, { one: '# star', other: '# stars' })}, league position ${count(position)} of ${count(size)}.`,
  afterInspection: 'Paused after the inspection. Press Play to go on.',
  story: (headline: string) => `A citizen's story: ${headline}`,
  over: 'The run is over. Here is what really happened.',
  unlocked: 'All levels unlocked.',
  tookAdvice: 'You took the advice. Watch the dashboard, and the citizens.',
  declinedAdvice: 'You said no, and carried on as you were.',
  overBudgetFor: (role: string, budget: number) => `Over budget: another ${role} would cost more than the ${pounds.format(budget)} a week you have.`,
  overBudget: (budget: number) => `Over budget: that would cost more than the ${pounds.format(budget)} a week you have.`,
  staff: (role: string, n: number) => `${role}: ${count(n)} on shift.`,
  lever: (setting: string) => `${setting}.`,
  nothingToStudy: 'No contacts in the last four weeks to listen to yet.',
  studying: (n: number) => `Studying demand: ${plural(n, { one: '# contact', other: '# contacts' })} to listen to.`,
  seesFailure: 'You can now see failure demand in the office: it shows in a warm colour as it arrives.',
  heardSoFar: (n: number) => `You have listened to ${plural(n, { one: '# contact', other: '# contacts' })} so far.`,
  checkStaffing: 'Dropping the targets: check the new staffing, then confirm.',
  keptTargets: 'You kept the targets, for now.',
  redesigned: 'You have dropped the targets: experts at the front, one owner per case, measured end to end.',
  complied: 'Back to the approved process, as the inspectors asked.',
  stoodFirm: 'You showed the inspectors your end-to-end measures and kept the redesign.',
  soundOn: 'Sound on.',
  soundOff: 'Sound off.',
  coachOn: 'The coach is on.',
} as const;
