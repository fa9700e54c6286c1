// The golden runs: every shipped level of every service, each regime, two seeds, the level's own length.
import { join } from 'node:path';
import { isLevelId, LEVEL_FILES, type ShippedLevelId, shippedLevel } from '../../src/levels/catalogue';
import type { Regime } from '../../src/levels/schema';
import { SERVICES, serviceOf } from '../../src/services/index';
import { simulate } from '../../src/sim/index';

export interface GoldenCase {
  level: ShippedLevelId;
  regime: Regime;
  seed: number;
}

export const GOLDEN_CASES: readonly GoldenCase[] = (Object.keys(LEVEL_FILES) as ShippedLevelId[]).flatMap((level) =>
  (['deliverology', 'systems'] as const).flatMap((regime) => [1, 2].map((seed) => ({ level, regime, seed }))),
);

export function goldenFile(c: GoldenCase): string {
  return join(import.meta.dirname, `${c.level}.${c.regime}.seed${c.seed}.json`);
}

/** The report, as it is stored: plain JSON. */
export function goldenReport(c: GoldenCase): unknown {
  if (isLevelId(c.level)) {
    const level = shippedLevel(c.level);
    return JSON.parse(JSON.stringify(simulate(level, c.seed, c.regime, level.days)));
  }
  const service = SERVICES[serviceOf(LEVEL_FILES[c.level]) as keyof typeof SERVICES];
  const parsed = service.parseLevel(LEVEL_FILES[c.level]);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return JSON.parse(JSON.stringify(service.simulate(parsed.level, c.seed, c.regime, service.defaults(parsed.level).days, [])));
}
