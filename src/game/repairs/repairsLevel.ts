// The shipped housing-repairs level, validated once, as the game asks for it; and the level a run
// plays, with its scenario applied.
import { LEVEL_FILES } from '../../levels/catalogue';
import type { Regime } from '../../engine/service';
import { parseRepairsLevel, type RepairsLevel, withRepairsScenario } from '../../services/housing-repairs/index';

let cached: RepairsLevel | null = null;

export function repairsLevel(): RepairsLevel {
  if (cached) return cached;
  const r = parseRepairsLevel(LEVEL_FILES['housing-repairs']);
  if (!r.ok) throw new Error(`Level "housing-repairs" is invalid:\n${r.errors.join('\n')}`);
  cached = r.level;
  return cached;
}

/**
 * The scenario a run plays: the one chosen, under the approved design (the briefing offers them
 * there); the level's first (as written) under the redesigned flow, or for an unknown id.
 */
export function repairsScenarioOf(regime: Regime, scenario: string | null): string | null {
  const scenarios = repairsLevel().scenarios;
  const chosen = regime === 'deliverology' ? scenarios.find((s) => s.id === scenario) : undefined;
  return chosen?.id ?? scenarios[0]?.id ?? null;
}

const forScenario = new Map<string | null, RepairsLevel>();

/** The level as a scenario has it (null or unknown: its first), validated and made once. */
export function repairsLevelFor(scenario: string | null): RepairsLevel {
  const known = forScenario.get(scenario);
  if (known) return known;
  const base = repairsLevel();
  const r = withRepairsScenario(base, scenario !== null && base.scenarios.some((s) => s.id === scenario) ? scenario : null);
  if (!r.ok) throw new Error(r.error);
  forScenario.set(scenario, r.level);
  return r.level;
}
