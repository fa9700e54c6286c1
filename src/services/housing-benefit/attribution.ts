// What each choice cost, measured exactly: a run is a pure function of (level, seed, action log),
// so the cost of one action is the run with it minus the same run without it (the same seed, so
// the same citizens, met by a service that differs in that one choice only).
import type { Level } from '../../levels/schema';
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
  /** The same for complicated claims alone: a choice can help most citizens at the cost of a few (easy claims first). */
  hardWaitingDaysMean: number | null;
  hardHarmed: number | null;
  /** Mean stars over the run's inspections. */
  stars: number | null;
}

/** Most actions attributed in one go: each costs a whole run. */
export const MAX_ATTRIBUTED_ACTIONS = 100;

export interface Attribution {
  /** The choice's first action's place in the log. */
  index: number;
  /** Its first action. */
  action: Action;
  /** Every action of the choice, and their places in the log. */
  actions: Action[];
  indices: number[];
  /** The full run minus the run without this choice (null where either has no figure). */
  delta: AttributedMeasures;
}

/**
 * The player's choices in a log: actions taken at the same minute are one choice (adopting a regime
 * and the staffing that goes with it, several clicks of one button while paused), except that an
 * answer to an offer is always a choice of its own.
 */
export function choicesOf(actions: readonly Action[]): number[][] {
  const out: number[][] = [];
  actions.forEach((a, i) => {
    // A trainer's injected event is not the manager's choice: it stays in every re-run.
    if (a.kind === 'event') return;
    const last = out[out.length - 1];
    const prev = last ? actions[last[last.length - 1]!]! : null;
    if (last && prev && prev.at === a.at && prev.kind !== 'offer' && a.kind !== 'offer') last.push(i);
    else out.push([i]);
  });
  return out;
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
    hardWaitingDaysMean: r.byComplexity.hard.waitingDaysMean,
    hardHarmed: r.byComplexity.hard.harmed,
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

/** The log with one choice undone: its actions left out, or, for an answer to an offer, the other answer. */
export function withoutChoice(actions: readonly Action[], indices: readonly number[]): Action[] {
  const undo = new Set(indices);
  return actions.flatMap((a, i) => (!undo.has(i) ? [a] : a.kind === 'offer' ? [{ ...a, accept: !a.accept }] : []));
}

/** What one choice cost: the full run's measures minus those of the run without it. */
export function attributeChoice(
  level: Level,
  seed: number,
  regime: Regime,
  days: number,
  actions: readonly Action[],
  indices: readonly number[],
  full: AttributedMeasures,
): Attribution {
  const other = attributedMeasures(simulate(level, seed, regime, days, withoutChoice(actions, indices)));
  return { index: indices[0]!, action: actions[indices[0]!]!, actions: indices.map((i) => actions[i]!), indices: [...indices], delta: difference(full, other) };
}

/**
 * One entry per choice: what the run would have been without it (for an answer to an offer, with
 * the other answer: declining has a cost too, the one the dashboard would have shown). Costs one
 * run per choice beside the full one (pass the full run's report to save that one).
 */
export function attribute(
  level: Level,
  seed: number,
  regime: Regime,
  days: number,
  actions: readonly Action[],
  full: Report = simulate(level, seed, regime, days, actions),
): Attribution[] {
  const choices = choicesOf(actions);
  if (choices.length > MAX_ATTRIBUTED_ACTIONS) {
    throw new RangeError(`attribution re-runs the year once per choice: at most ${MAX_ATTRIBUTED_ACTIONS} choices, not ${choices.length}`);
  }
  const fullMeasures = attributedMeasures(full);
  return choices.map((indices) => attributeChoice(level, seed, regime, days, actions, indices, fullMeasures));
}
