// What a citizen says when they get in touch: one of the phrasings of content/demand.ts, chosen
// by the study's own random stream and filled with the citizen's details.
import { PHRASINGS, type ContactContext } from '../content/demand';
import type { ContactReason } from '../services/housing-benefit';

export type { ContactContext } from '../content/demand';

/** What the citizen says: a phrasing chosen by `pick` (any whole number), filled with their details. */
export function contactText(reason: ContactReason, c: ContactContext, pick: number): string {
  const list = PHRASINGS[reason];
  const i = ((pick % list.length) + list.length) % list.length;
  return list[i]!(c, pick);
}
