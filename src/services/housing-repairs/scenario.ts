// A way into the repairs level: the service as the player finds it. Applied to a validated level,
// it gives the level the run is played on (the approved design it sets, and its offers).
import type { Regime } from '../../engine/service';
import type { RepairsLevel, RepairsScenario } from './schema';

export type RepairsScenarioResult = { ok: true; level: RepairsLevel; scenario: RepairsScenario | null; regime: Regime } | { ok: false; error: string };

/** The level as this scenario has it (null: its first scenario; a level with none, as written). */
export function withRepairsScenario(level: RepairsLevel, id: string | null): RepairsScenarioResult {
  if (id === null) {
    if (level.scenarios.length === 0) return { ok: true, level, scenario: null, regime: level.startRegime };
    id = level.scenarios[0]!.id;
  }
  const scenario = level.scenarios.find((s) => s.id === id);
  if (!scenario) {
    const known = level.scenarios.map((s) => s.id);
    return { ok: false, error: `no scenario "${id}" in level ${level.id}${known.length > 0 ? `: use ${known.join(', ')}` : ' (it has none)'}` };
  }
  const copy = plainCopy(level);
  Object.assign(copy.regimes.deliverology.design, scenario.design);
  copy.startRegime = scenario.regime;
  copy.offers = plainCopy(scenario.offers);
  return { ok: true, level: copy, scenario, regime: scenario.regime };
}

/** A deep copy of validated level data (plain JSON: numbers, strings, booleans, arrays, objects). */
function plainCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
