// Words for the offers of a scenario: who is speaking, and how the player answers. The offer's
// own words (its pitch and promise) are the level's.
import type { Offer } from '../levels/schema';
import { plural } from './intl';

export const OFFER_FROM: Record<Offer['from'], string> = {
  deputy: 'Your deputy',
  consultant: 'A consultant from a four-star council',
};

export const OFFER_WORDS = {
  /** The card's heading: "A word in your ear: your deputy". */
  heading: (from: Offer['from']) => `A word in your ear: ${OFFER_FROM[from].toLowerCase()}`,
  promise: 'What it will do to your dashboard: ',
  answerGroup: 'Your answer',
  /** The status line as the offer stops play. */
  suggestion: { deputy: 'Your deputy has a suggestion.', consultant: 'A consultant has a suggestion.' } satisfies Record<Offer['from'], string>,
  accept: 'Do it',
  decline: 'No, carry on as we are',
  why: {
    'red-target': 'A target is red, and the inspectors are due.',
    'budget-cut': 'The centre has just cut your budget.',
    'low-league': 'You are in the bottom half of the league table.',
    deadline: 'Everyone else is doing it.',
  },
} as const;

export const REDESIGN_WORDS = {
  heading: 'Drop the targets: adopt the redesigned flow',
  intro:
    'Experts take the calls and visits, say exactly what is needed, decide on the spot where they can and own each case to the end. Nobody is laid off: the people you have now move into the new roles.',
  staffing: 'The new staffing',
  role: (role: string) => `${role}: `,
  oneFewer: (role: string) => `One fewer ${role}`,
  oneMore: (role: string) => `One more ${role}`,
  spend: (spend: string) => `${spend} a week.`,
  budget: (spend: string, budget: string) => `${spend} a week of your ${budget} budget.`,
  backlog: (n: number) =>
    `You inherit ${plural(n, { one: '# citizen', other: '# citizens' })} still waiting for help. The new teams work this backlog off as well as the new claims.`,
  /** The learning dip, its name linked to the glossary. */
  dip: <T>(learningDip: T) => [
    'Expect a ',
    learningDip,
    ': for some weeks the teams are slower while they learn the new way of working. The inspectors will mark you down for leaving the approved process.',
  ],
  dipTerm: 'learning dip',
  confirm: 'Adopt the redesign with this staffing',
  cancel: 'Not yet',
} as const;
