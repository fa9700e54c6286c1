// The front desk: a textbook queue, the service the engine is checked on against queueing theory.
import { DAY } from '../../engine/calendar';
import type { Regime, ServiceAction, ServiceModel } from '../../engine/service';
import { formatIssues } from '../../levels/load';
import { CLERK, catalogue } from './catalogue';
import { FrontDeskSim } from './model';
import { buildFrontDeskReport, type FrontDeskReport } from './report';
import { type FrontDeskLevel, frontDeskLevelSchema } from './schema';

export type { FrontDeskReport } from './report';
export type { FrontDeskLevel } from './schema';

export function parseFrontDeskLevel(raw: unknown): { ok: true; level: FrontDeskLevel } | { ok: false; errors: string[] } {
  const r = frontDeskLevelSchema.safeParse(raw);
  return r.success ? { ok: true, level: r.data } : { ok: false, errors: formatIssues(r.error.issues) };
}

/** What is wrong with an action for the front desk, or null: it takes clerks on and off, nothing else. */
function actionProblem(action: ServiceAction): string | null {
  if (action.kind !== 'staff') return `the front desk has no ${action.kind} actions (only staff, for "${CLERK}")`;
  if (action.role !== CLERK) return `the front desk has no role "${action.role}" (only "${CLERK}")`;
  if (!Number.isInteger(action.count) || action.count < 0 || action.count > 100)
    return `staff count must be a whole number from 0 to 100 (got ${action.count})`;
  return null;
}

export function runFrontDesk(level: FrontDeskLevel, seed: number, regime: Regime, days: number, actions: readonly ServiceAction[] = []): FrontDeskSim {
  const sim = new FrontDeskSim(level, seed, regime);
  const end = days * DAY;
  for (const action of [...actions].sort((a, b) => a.at - b.at)) {
    if (action.at > end) throw new RangeError(`an action at minute ${action.at} is after the run's end (day ${days})`);
    const problem = actionProblem(action);
    if (problem) throw new RangeError(problem);
    sim.apply(action);
  }
  sim.advanceTo(end);
  return sim;
}

export const frontDesk: ServiceModel<FrontDeskLevel, FrontDeskReport> = {
  id: 'front-desk',
  catalogue,
  parseLevel: parseFrontDeskLevel,
  // The textbook queue is the same under either regime: it has no targets to game.
  defaults: (level) => ({ days: level.days, regime: 'deliverology' }),
  simulate: (level, seed, regime, days, actions) => buildFrontDeskReport(runFrontDesk(level, seed, regime, days, actions), days),
};
