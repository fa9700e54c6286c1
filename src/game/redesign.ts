// Redesign levers open up as the player learns from studying demand: each names what you must
// have heard to see why it helps. They can also be pulled blind, as "best practice" copied from
// elsewhere; the core gives the same outcomes either way, but only one player knows why.
import { INSIGHTS } from '../content/levers';
import type { ContactReason, DesignKey } from '../services/housing-benefit';
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
    insight: INSIGHTS.expertsAtFront,
  },
  {
    key: 'caseOwner',
    heard: ['resend-evidence', 'progress-chasing'],
    atLeast: 4,
    insight: INSIGHTS.caseOwner,
  },
  {
    key: 'pullEvidence',
    heard: ['resend-evidence', 'reapply'],
    atLeast: 2,
    insight: INSIGHTS.pullEvidence,
  },
  {
    key: 'decideAtFirstContact',
    heard: ['new-claim', 'send-evidence'],
    atLeast: 4,
    insight: INSIGHTS.decideAtFirstContact,
  },
];

export function isLearnt(lever: RedesignLever, learnt: Learnt): boolean {
  let n = 0;
  for (const r of lever.heard) n += learnt[r] ?? 0;
  return n >= lever.atLeast;
}
