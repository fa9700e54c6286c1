// Words for the offers of a scenario: who is speaking, and how the player answers. The offer's
// own words (its pitch and promise) are the level's.
import type { Offer } from '../levels/schema';

export const OFFER_FROM: Record<Offer['from'], string> = {
  deputy: 'Your deputy',
  consultant: 'A consultant from a four-star council',
};

export const OFFER_WORDS = {
  heading: 'A word in your ear',
  promise: 'What it will do to your dashboard',
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
  budget: (spend: string, budget: string) => `${spend} a week of your ${budget} budget.`,
  backlog: (n: string) => `You inherit ${n} citizens still waiting for help. The new teams work this backlog off as well as the new claims.`,
  dip: 'Expect a learning dip: for some weeks the teams are slower while they learn the new way of working. The inspectors will mark you down for leaving the approved process.',
  confirm: 'Adopt the redesign with this staffing',
  cancel: 'Not yet',
} as const;
