// A way into a level: the office as the player finds it. Applied to a validated level, it gives
// the level the run is played on (the deliverology design and budget it sets, and its offers).
import type { Level, Regime, Scenario } from './schema';

export type ScenarioResult = { ok: true; level: Level; scenario: Scenario | null; regime: Regime } | { ok: false; error: string };

/** The level as this scenario has it (null: its first scenario; a level with none, as written). */
export function withScenario(level: Level, id: string | null): ScenarioResult {
  if (id === null) {
    if (level.scenarios.length === 0) return { ok: true, level, scenario: null, regime: 'deliverology' };
    id = level.scenarios[0]!.id;
  }
  const scenario = level.scenarios.find((s) => s.id === id);
  if (!scenario) {
    const known = level.scenarios.map((s) => s.id);
    return { ok: false, error: `no scenario "${id}" in level ${level.id}${known.length > 0 ? `: use ${known.join(', ')}` : ' (it has none)'}` };
  }
  const copy = structuredClone(level);
  Object.assign(copy.regimes.deliverology.design, scenario.design);
  if (scenario.budgetPerWeek !== undefined) copy.budgetPerWeek = scenario.budgetPerWeek;
  copy.offers = structuredClone(scenario.offers);
  return { ok: true, level: copy, scenario, regime: scenario.regime };
}
