// The levels shipped with the game, validated once on first use.
import frontDeskJson from '../../levels/front-desk.json';
import housingBenefitJson from '../../levels/housing-benefit.json';
import { parseLevel } from '../levels/load';
import { withScenario } from '../levels/scenario';
import type { Level } from '../levels/schema';
import type { Regime } from '../sim';

export const LEVEL_IDS = ['front-desk', 'housing-benefit'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];
export const REGIMES = ['deliverology', 'systems'] as const satisfies readonly Regime[];

const SOURCES: Record<LevelId, unknown> = {
  'front-desk': frontDeskJson,
  'housing-benefit': housingBenefitJson,
};

export function isLevelId(id: unknown): id is LevelId {
  return typeof id === 'string' && (LEVEL_IDS as readonly string[]).includes(id);
}

export function isRegime(r: unknown): r is Regime {
  return typeof r === 'string' && (REGIMES as readonly string[]).includes(r);
}

export function otherRegime(r: Regime): Regime {
  return r === 'deliverology' ? 'systems' : 'deliverology';
}

const cache = new Map<LevelId, Level>();

/** The level as a scenario has it (null or unknown: its first scenario), for a run. */
export function levelForRun(id: LevelId, scenario: string | null): Level {
  const level = loadLevel(id);
  const known = scenario !== null && level.scenarios.some((s) => s.id === scenario);
  const r = withScenario(level, known ? scenario : null);
  if (!r.ok) throw new Error(r.error);
  return r.level;
}

/** The scenario a run of this level plays (null: the level has none). */
export function scenarioOf(id: LevelId, scenario: string | null): string | null {
  const level = loadLevel(id);
  return level.scenarios.find((s) => s.id === scenario)?.id ?? level.scenarios[0]?.id ?? null;
}

/** The validated level for an id; throws with the validator's messages if a bundled level is broken. */
export function loadLevel(id: string): Level {
  if (!isLevelId(id)) throw new Error(`Unknown level id ${JSON.stringify(id)}: expected one of ${LEVEL_IDS.join(', ')}`);
  const cached = cache.get(id);
  if (cached) return cached;
  const result = parseLevel(SOURCES[id]);
  if (!result.ok) throw new Error(`Level "${id}" is invalid:\n${result.errors.join('\n')}`);
  cache.set(id, result.level);
  return result.level;
}
