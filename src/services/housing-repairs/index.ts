// Housing repairs, after Portsmouth: the service model the runner, the CLI and the game drive.
import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction, ServiceModel } from '../../engine/service';
import { formatIssues } from '../../levels/load';
import { catalogue } from './catalogue';
import { RepairsSim } from './model';
import { buildRepairsReport, type RepairsReport } from './report';
import { repairsActionProblem } from './actions';
import { PRIORITIES, type RepairsLevel, repairsLevelSchema, TRADES } from './schema';

export { repairsActionProblem };

export type { RepairsReport } from './report';
export type { RepairsLevel } from './schema';
export type { RepairsSnapshot } from './snapshot';
export { RepairsSim } from './model';
export { createRepairsRun, prepareRepairsRun, type RepairsRun, type RepairsActionInput } from './run';
export { withRepairsScenario } from './scenario';
export type { OpenRepairsOffer } from './model';

const SHARE_SUM_TOLERANCE = 1e-6;

/** Validates a repairs level: the schema, then that each set of shares adds up to 1. */
export function parseRepairsLevel(raw: unknown): { ok: true; level: RepairsLevel } | { ok: false; errors: string[] } {
  const r = repairsLevelSchema.safeParse(raw);
  if (!r.success) return { ok: false, errors: formatIssues(r.error.issues) };
  const level = r.data;
  const errors: string[] = [];
  const trades = TRADES.reduce((a, t) => a + level.demand.tradeShares[t], 0);
  if (Math.abs(trades - 1) > SHARE_SUM_TOLERANCE) errors.push(`demand.tradeShares: the shares must add up to 1 (they add up to ${trades})`);
  const priorities = PRIORITIES.reduce((a, p) => a + level.demand.priorities[p].share, 0);
  if (Math.abs(priorities - 1) > SHARE_SUM_TOLERANCE) errors.push(`demand.priorities: the shares must add up to 1 (they add up to ${priorities})`);
  unique(
    level.scenarios.map((s) => s.id),
    'scenarios',
    errors,
  );
  level.scenarios.forEach((s, i) => checkOffers(s.offers, `scenarios.${i}.offers`, errors));
  checkOffers(level.offers, 'offers', errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, level };
}

function unique(ids: readonly string[], path: string, errors: string[]): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push(`${path}.${i}.id: "${id}" is used twice`);
  });
}

function checkOffers(offers: RepairsLevel['offers'], path: string, errors: string[]): void {
  unique(
    offers.map((o) => o.id),
    path,
    errors,
  );
  offers.forEach((o, i) => {
    if (o.latestDay < o.notBeforeDay) errors.push(`${path}.${i}.latestDay: must be on or after notBeforeDay (${o.notBeforeDay})`);
  });
}

export function runRepairs(level: RepairsLevel, seed: number, regime: Regime, days: number, actions: readonly ServiceAction[] = []): RepairsSim {
  const sim = new RepairsSim(level, seed, regime);
  const end = days * DAY;
  for (const action of [...actions].sort((a, b) => a.at - b.at)) {
    if (action.at > end) throw new RangeError(`an action at minute ${action.at} is after the run's end (day ${days})`);
    const problem = repairsActionProblem(action, level);
    if (problem) throw new RangeError(problem);
    sim.apply(action);
  }
  sim.advanceTo(end);
  return sim;
}

export const housingRepairs: ServiceModel<RepairsLevel, RepairsReport> = {
  id: 'housing-repairs',
  catalogue,
  parseLevel: parseRepairsLevel,
  defaults: (level) => ({ days: level.days, regime: level.startRegime }),
  simulate: (level, seed, regime, days, actions) => buildRepairsReport(runRepairs(level, seed, regime, days, actions), days),
};
