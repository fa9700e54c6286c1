// What tests (and curious players with a console) can call: the pure simulation, by level id.
import type { Action, Report } from '../services/housing-benefit';
import { simulate } from '../services/housing-benefit';
import { isRegime, loadLevel, REGIMES } from './levels';

export const MAX_DAYS = 3650;

/** Checks the arguments as the page would get them from outside (untyped), then runs the sim. */
export function runByLevelId(levelId: string, seed: number, regime: string, days: number, actions: readonly Action[] = []): Report {
  const level = loadLevel(levelId);
  if (!Number.isSafeInteger(seed)) throw new Error(`Seed must be a whole number, got ${String(seed)}`);
  if (!isRegime(regime)) throw new Error(`Unknown regime ${JSON.stringify(regime)}: expected one of ${REGIMES.join(', ')}`);
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > MAX_DAYS) {
    throw new Error(`Days must be a number above 0 and at most ${MAX_DAYS}, got ${String(days)}`);
  }
  if (!Array.isArray(actions)) throw new Error('Actions must be an array');
  actions.forEach((a: unknown, i) => {
    if (typeof a !== 'object' || a === null || typeof (a as { at?: unknown }).at !== 'number') {
      throw new Error(`Action ${i} must be an object with a numeric "at" (sim minutes)`);
    }
  });
  return simulate(level, seed, regime, days, actions);
}

export interface ItsTheSystemApi {
  simulate: typeof runByLevelId;
}
