// Redesign levers open up as the player learns from studying demand: each names what you must
// have heard to see why it helps. They can also be pulled blind, as "best practice" copied from
// elsewhere; the core gives the same outcomes either way, but only one player knows why.
import type { ContactReason, DesignKey } from '../sim';
import type { Learnt } from './demandStudy';

export interface RedesignLever {
  key: DesignKey;
  /** Contacts of these reasons heard, at least this many in total, show why the lever helps. */
  heard: readonly ContactReason[];
  atLeast: number;
  /** What the player has understood, once they have. */
  insight: string;
}

export const REDESIGN_LEVERS: readonly RedesignLever[] = [
  {
    key: 'expertsAtFront',
    heard: ['progress-chasing'],
    atLeast: 3,
    insight: 'Most calls chase progress that a front office cannot give: let the assessors take the calls.',
  },
  {
    key: 'caseOwner',
    heard: ['resend-evidence', 'progress-chasing'],
    atLeast: 4,
    insight: 'Documents get lost between offices and nobody knows the case: give each case one owner.',
  },
  {
    key: 'pullEvidence',
    heard: ['resend-evidence', 'reapply'],
    atLeast: 2,
    insight: 'Letters asking for evidence come back wrong or not at all: have the owner fetch what is missing.',
  },
  {
    key: 'decideAtFirstContact',
    heard: ['new-claim', 'send-evidence'],
    atLeast: 4,
    insight: 'Many people bring what is needed the first time: an expert can decide there and then.',
  },
];

export function isLearnt(lever: RedesignLever, learnt: Learnt): boolean {
  let n = 0;
  for (const r of lever.heard) n += learnt[r] ?? 0;
  return n >= lever.atLeast;
}
