// The quarterly inspection's report card: its headline by stars, the targets, and the pressure
// that follows a miss.
import { andList, numberFormat } from './intl';

const count = (n: number) => numberFormat().format(n);

export const INSPECTION_WORDS = {
  heading: (day: string) => `Inspection report, ${day}`,
  starsLabel: (stars: number) => `${count(stars)} of 4 stars`,
  /** The headline for 0 to 4 stars. */
  headlines: [
    'Failing: the centre will intervene',
    'Poor: special measures are being considered',
    'Requires improvement',
    'Good, with some areas for improvement',
    'Excellent: a beacon authority',
  ],
  /** The targets by the report's id: on the card, and as missed in the scrutiny line. */
  targets: {
    processingDays: { label: 'Processing time', missed: 'processing time' },
    callsAnsweredIn20s: { label: 'Calls answered in 20 s', missed: 'calls answered in 20 seconds' },
    visitorsSeenIn15m: { label: 'Visitors seen in 15 min', missed: 'visitors seen in 15 minutes' },
  },
  league: (position: number, size: number) => `League table: ${count(position)} of ${count(size)}.`,
  scrutiny: (missed: readonly string[]) => `Scrutiny: the regional office wants a recovery plan for ${andList(missed)} before the next visit.`,
  budgetCut: (cut: string, budget: string) => `Budget: the centre cuts your staff budget by ${cut} to ${budget} a week.`,
  markedDown: 'Marked down one star for departing from the approved process.',
  satisfied: 'The inspectors are satisfied. Keep the numbers where they are.',
  /** What the inspectors look at, linked to the glossary. */
  terms: <T>(targets: T, endToEnd: T) => ['The inspectors judge the office by its ', targets, ' alone, not by what citizens live ', endToEnd, '.'],
  targetsTerm: 'targets',
  endToEndTerm: 'end to end',
  answerGroup: 'How do you answer the inspector?',
  question: 'The inspector asks why you have left the approved process. How do you answer?',
  standFirm: 'Stand firm: show them the end-to-end measures',
  comply: 'Comply: go back to the approved process',
  backToWork: 'Back to work',
} as const;
