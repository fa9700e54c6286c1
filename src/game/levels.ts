// The levels shipped with the game (the one list is src/levels/catalogue.ts), as the game asks for them.
import { isLevelId, LEVEL_IDS, shippedLevel, type LevelId } from '../levels/catalogue';
import { withScenario } from '../levels/scenario';
import type { Level } from '../levels/schema';
import type { Regime } from '../services/housing-benefit';

export { isLevelId, LEVEL_IDS, type LevelId };
export const REGIMES = ['deliverology', 'systems'] as const satisfies readonly Regime[];

export function isRegime(r: unknown): r is Regime {
  return typeof r === 'string' && (REGIMES as readonly string[]).includes(r);
}

export function otherRegime(r: Regime): Regime {
  return r === 'deliverology' ? 'systems' : 'deliverology';
}

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
  return shippedLevel(id);
}
