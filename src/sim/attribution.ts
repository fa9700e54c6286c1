// What each choice cost, measured exactly: a run is a pure function of (level, seed, action log),
// so the cost of one action is the run with it minus the same run without it (the same seed, so
// the same citizens, met by a service that differs in that one choice only).
import type { Level } from '../levels/schema';
import { round, type Report } from './report';
import { simulate } from './run';
import type { Action, Regime } from './types';

/** The measures an attribution compares: the official figure, what citizens lived, what it cost. */
export interface AttributedMeasures {
  reportedDays: number | null;
  endToEndMean: number | null;
  waitingDaysMean: number | null;
  contactsPerNeed: number | null;
  failureContacts: number | null;
  costPerNeedMet: number | null;
  harmed: number | null;
  /** Mean stars over the run's inspections. */
  stars: number | null;
}

/** Most actions attributed in one go: each costs a whole run. */
export const MAX_ATTRIBUTED_ACTIONS = 100;

export interface Attribution {
  /** The action's place in the log. */
  index: number;
  action: Action;
  /** The full run minus the run without this action (null where either has no figure). */
  delta: AttributedMeasures;
}

/** The attributed measures of a report. */
export function attributedMeasures(r: Report): AttributedMeasures {
  const stars = r.inspections.length > 0 ? r.inspections.reduce((a, i) => a + i.stars, 0) / r.inspections.length : null;
  return {
    reportedDays: r.reportedDays.mean,
    endToEndMean: r.endToEndDays.mean,
    waitingDaysMean: r.waitingDays.mean,
    contactsPerNeed: r.contactsPerNeed,
    failureContacts: r.contacts.failure,
    costPerNeedMet: r.cost.perNeedMet,
    harmed: r.needs.harmed,
    stars,
  };
}

function difference(a: AttributedMeasures, b: AttributedMeasures): AttributedMeasures {
  const out = {} as AttributedMeasures;
  for (const key of Object.keys(a) as (keyof AttributedMeasures)[]) {
    const x = a[key];
    const y = b[key];
    out[key] = x === null || y === null ? null : round(x - y);
  }
  return out;
}

/** The log with one choice undone: the action left out, or, for an answer to an offer, the other answer. */
export function withoutChoice(actions: readonly Action[], index: number): Action[] {
  const a = actions[index]!;
  if (a.kind === 'offer') return actions.map((b, i) => (i === index ? { ...a, accept: !a.accept } : b));
  return actions.filter((_, i) => i !== index);
}

/**
 * One entry per action: what the run would have been without it (for an answer to an offer, with
 * the other answer: declining has a cost too, the one the dashboard would have shown). Costs one run per action
 * beside the full one (pass the full run's report to save that one).
 */
export function attribute(
  level: Level,
  seed: number,
  regime: Regime,
  days: number,
  actions: readonly Action[],
  full: Report = simulate(level, seed, regime, days, actions),
): Attribution[] {
  if (actions.length > MAX_ATTRIBUTED_ACTIONS) {
    throw new RangeError(`attribution re-runs the year once per action: at most ${MAX_ATTRIBUTED_ACTIONS} actions, not ${actions.length}`);
  }
  const fullMeasures = attributedMeasures(full);
  return actions.map((action, index) => {
    const without = withoutChoice(actions, index);
    const other = attributedMeasures(simulate(level, seed, regime, days, without));
    return { index, action, delta: difference(fullMeasures, other) };
  });
}
