// The golden runs: every shipped level of every service, each regime, two seeds, the level's own length.
import { join } from 'node:path';
import { LEVEL_FILES, type ShippedLevelId } from '../../src/levels/catalogue';
import type { Regime } from '../../src/levels/schema';
import { simulateLevel } from '../../src/services/index';

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
  return JSON.parse(JSON.stringify(simulateLevel(LEVEL_FILES[c.level], c.seed, c.regime)));
}
