import type { Level } from '../../levels/schema';
import { DAY } from '../../engine/calendar';
import type { Design } from './types';
import { type TargetState, targetStates as engineTargetStates } from '../../engine/measures';
import { catalogue } from './catalogue';

/** Counts behind the official measures, over a quarter or a whole run. */
export interface OfficialTally {
  decided: number;
  reportedDaysSum: number;
  nilQualified: number;
  calls: number;
  callsIn20s: number;
  visits: number;
  visitsIn15m: number;
}

export function emptyTally(): OfficialTally {
  return { decided: 0, reportedDaysSum: 0, nilQualified: 0, calls: 0, callsIn20s: 0, visits: 0, visitsIn15m: 0 };
}

/** The official dashboard: only what the regime measures. */
export interface Dashboard {
  processingDays: number | null;
  callsAnsweredIn20s: number | null;
  visitorsSeenIn15m: number | null;
}

export function dashboardOf(t: OfficialTally): Dashboard {
  return {
    processingDays: t.decided > 0 ? t.reportedDaysSum / t.decided : null,
    callsAnsweredIn20s: t.calls > 0 ? t.callsIn20s / t.calls : null,
    visitorsSeenIn15m: t.visits > 0 ? t.visitsIn15m / t.visits : null,
  };
}

export type Targets = NonNullable<Level['inspection']>['targets'];

/** Each figure of the dashboard against its target (null: no figure yet), by the catalogue's rule. */
export function targetStates(d: Dashboard, t: Targets): Record<keyof Dashboard, TargetState> {
  return engineTargetStates<keyof Dashboard>(catalogue.official, d, t);
}

/** Is any figure of the dashboard so far on the wrong side of its target? (A measure with no figure yet is not.) */
export function anyTargetRed(d: Dashboard, t: Targets): boolean {
  return Object.values(targetStates(d, t)).includes('missed');
}

/** A quarterly inspection: official measures only, stars, league position. */
export interface Inspection {
  day: number;
  dashboard: Dashboard;
  targetsMet: { processingDays: boolean; callsAnsweredIn20s: boolean; visitorsSeenIn15m: boolean };
  /** Marked down for leaving the approved process (seed 001: innovators were penalised). */
  markedDown: boolean;
  stars: number;
  /** 1 = top of the league. */
  leaguePosition: number;
  leagueSize: number;
  /** The weekly staff budget after this inspection (null: the level has none). */
  budget: number | null;
  /** How much this inspection changed it (negative: a cut for missed targets). */
  budgetChange: number;
}

/** The approved process is the deliverology design: front/back office split, the clock rule. */
function deviates(design: Design, approved: Design): boolean {
  return design.expertsAtFront !== approved.expertsAtFront || design.caseOwner !== approved.caseOwner;
}

export function inspect(
  spec: NonNullable<Level['inspection']>,
  quarter: OfficialTally,
  design: Design,
  approved: Design,
  now: number,
  budget: number | null = null,
): Inspection {
  const dashboard = dashboardOf(quarter);
  const t = spec.targets;
  // No claim decided in a quarter misses the processing target; a channel nobody used meets its own.
  const targetsMet = {
    processingDays: dashboard.processingDays !== null && dashboard.processingDays <= t.processingDays,
    callsAnsweredIn20s: dashboard.callsAnsweredIn20s === null || dashboard.callsAnsweredIn20s >= t.callsAnsweredIn20s,
    visitorsSeenIn15m: dashboard.visitorsSeenIn15m === null || dashboard.visitorsSeenIn15m >= t.visitorsSeenIn15m,
  };
  const markedDown = spec.penaliseDeviation && deviates(design, approved);
  const met = Number(targetsMet.processingDays) + Number(targetsMet.callsAnsweredIn20s) + Number(targetsMet.visitorsSeenIn15m);
  const stars = Math.max(0, Math.min(4, 1 + met - (markedDown ? 1 : 0)));
  const ours = dashboard.processingDays ?? Infinity;
  const ahead = spec.league.filter((d) => d < ours).length;
  // The centre's pressure: each missed target costs a share of the staff budget.
  const missed = 3 - met;
  let after = budget;
  for (let i = 0; i < missed && after !== null; i++) after *= 1 - spec.budgetCutPerMissedTarget;
  return {
    day: now / DAY,
    dashboard,
    targetsMet,
    markedDown,
    stars,
    leaguePosition: ahead + 1,
    leagueSize: spec.league.length + 1,
    budget: after,
    budgetChange: budget === null || after === null ? 0 : after - budget,
  };
}
