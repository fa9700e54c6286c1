// Finding a citizen of the run and telling their story in plain words, from the core's journal.
import { DAY, type Need, type Sim } from '../services/housing-benefit';
import { JOURNEY_WORDS } from '../content/journey';
import { describeStep } from './journeyText';

export interface StoryLine {
  day: number;
  text: string;
  failure: boolean;
}

export interface Journey {
  needId: number;
  name: string;
  /** One line: who, and where things stand. */
  headline: string;
  outcome: Need['outcome'];
  arrivedDay: number;
  closedDay: number | null;
  contacts: number;
  failureContacts: number;
  lines: StoryLine[];
}

/** A stable, anonymous name for a need: the same citizen has the same name in every view. */
export function citizenName(id: number): string {
  return JOURNEY_WORDS.name(id);
}

export function findNeed(sim: Sim, id: number): Need | null {
  return sim.need(id);
}

export function journeyOf(sim: Sim, id: number): Journey | null {
  const need = findNeed(sim, id);
  if (!need) return null;
  const steps = sim.journey(id);
  const name = citizenName(id);
  const lines = steps.map((s) => ({ day: s.at / DAY, text: describeStep(s), failure: s.failure === true }));
  const waited = Math.max(0, (Math.min(need.closedAt, sim.now) - need.arrivedAt) / DAY);
  const days = Math.round(waited);
  const headline =
    need.outcome === 'met'
      ? JOURNEY_WORDS.helped(name, days, need.contacts)
      : need.outcome === 'abandoned'
        ? JOURNEY_WORDS.gaveUp(name, days, need.contacts)
        : JOURNEY_WORDS.waiting(name, days, need.contacts);
  return {
    needId: id,
    name,
    headline,
    outcome: need.outcome,
    arrivedDay: need.arrivedAt / DAY,
    closedDay: need.outcome === 'open' ? null : need.closedAt / DAY,
    contacts: need.contacts,
    failureContacts: need.failureContacts,
    lines,
  };
}

/**
 * A citizen worth a story card now: of the newest contacts, the open need that has had to get in
 * touch most often (at least three times), so the card shows the repeat contact the dashboard hides.
 */
export function storyCandidate(sim: Sim, shownBefore: ReadonlySet<number>): number | null {
  const contacts = sim.recentContacts(40);
  let best: Need | null = null;
  for (let i = contacts.length - 1; i >= 0; i--) {
    const need = findNeed(sim, contacts[i]!.needId);
    if (need?.outcome !== 'open' || need.contacts < 3 || shownBefore.has(need.id)) continue;
    if (!best || need.contacts > best.contacts) best = need;
  }
  return best ? best.id : null;
}
