// Playing the offers of a scenario the way a scripted player would: each morning, answer the offer
// put (if any) by a rule. Gives the action log a player with that rule would leave, for tests, the
// model's tables and bot teams.
import type { Level, Offer, Regime } from '../levels/schema';
import { DAY } from '../engine/calendar';
import { createSim } from '../services/housing-benefit/run';
import type { Action, ActionInput } from '../services/housing-benefit/types';

export type OfferRule = (offer: Offer, index: number) => boolean;

export const acceptAll: OfferRule = () => true;
export const declineAll: OfferRule = () => false;

/**
 * The log of a run in which every offer is answered by `rule` on the morning it is put, with
 * `actions` (other choices) applied at their own times.
 */
export function playOffers(level: Level, seed: number, regime: Regime, days: number, rule: OfferRule, actions: readonly ActionInput[] = []): Action[] {
  const sim = createSim(level, seed, regime);
  const pending = [...actions].sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  let answered = 0;
  for (let day = 0; day < days; day++) {
    const morning = day * DAY + (level.hours === 'always' ? 0 : level.hours.open);
    while (pending.length > 0 && (pending[0]!.at ?? 0) <= morning) sim.apply(pending.shift()!);
    sim.advanceTo(morning);
    const offer = sim.openOffer();
    if (offer) sim.apply({ kind: 'offer', offer: offer.id, accept: rule(offer, answered++) });
  }
  for (const a of pending) sim.apply(a);
  return [...sim.actions];
}
