// What the debrief compares a run with, honestly: the other way of running *this* office, from
// the day the player changed it (or from the start), with the same staff budget; and beside it
// the never-gamed reference, the other regime run from before the player arrived.
import type { Action, Regime } from '../services/housing-benefit';
import type { RunSpec } from './controller';

export type ComparisonId = 'this-office' | 'reference';

export interface ComparisonPlan {
  id: ComparisonId;
  /** Which way of working the comparison run is, for its column heading. */
  regime: Regime;
  /** The day the comparison leaves this run's path (0: from the start). */
  fromDay: number;
  run: RunSpec;
}

/**
 * The runs to compare with. A run that changed regime is compared with the same run without the
 * change (everything before it kept); an office run to targets throughout, with the same office
 * redesigned at day 0, its people moved into the new roles (the regime action's offered staffing);
 * a run of the redesigned flow from the start, with the office run to targets.
 */
export function comparisonPlans(run: RunSpec): ComparisonPlan[] {
  const switchAt = run.actions.findIndex((a) => a.kind === 'regime' && a.regime !== run.regime);
  const other: Regime = run.regime === 'deliverology' ? 'systems' : 'deliverology';
  let thisOffice: ComparisonPlan;
  if (switchAt >= 0) {
    const kept: Action[] = run.actions.slice(0, switchAt);
    thisOffice = { id: 'this-office', regime: run.regime, fromDay: run.actions[switchAt]!.at / 1440, run: { ...run, actions: kept } };
  } else if (run.regime === 'deliverology') {
    thisOffice = { id: 'this-office', regime: other, fromDay: 0, run: { ...run, actions: [{ at: 0, kind: 'regime', regime: other }] } };
  } else {
    // The redesigned flow from the start is the reference itself: set it beside the office run to targets.
    thisOffice = { id: 'this-office', regime: other, fromDay: 0, run: { ...run, regime: other, actions: [] } };
  }
  const reference: ComparisonPlan = { id: 'reference', regime: 'systems', fromDay: 0, run: { ...run, regime: 'systems', actions: [] } };
  // A run played as the redesigned flow from the start is its own reference.
  return run.regime === 'systems' && switchAt < 0 ? [thisOffice] : [thisOffice, reference];
}
