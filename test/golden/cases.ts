// The golden runs: each default level, each regime, two seeds, the level's own length.
import { join } from 'node:path';
import { LEVEL_IDS, type LevelId, shippedLevel } from '../../src/levels/catalogue';
import type { Regime } from '../../src/levels/schema';
import { simulate, type Report } from '../../src/sim/index';


export interface GoldenCase {
  level: LevelId;
  regime: Regime;
  seed: number;
}

export const GOLDEN_CASES: readonly GoldenCase[] = LEVEL_IDS.flatMap((level) =>
  (['deliverology', 'systems'] as const).flatMap((regime) => [1, 2].map((seed) => ({ level, regime, seed }))),
);

export function goldenFile(c: GoldenCase): string {
  return join(import.meta.dirname, `${c.level}.${c.regime}.seed${c.seed}.json`);
}

/** The report, as it is stored: plain JSON. */
export function goldenReport(c: GoldenCase): Report {
  const level = shippedLevel(c.level);
  return JSON.parse(JSON.stringify(simulate(level, c.seed, c.regime, level.days))) as Report;
}
