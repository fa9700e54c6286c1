// The golden runs: each default level, each regime, two seeds, the level's own length.
import { join } from 'node:path';
import frontDesk from '../../levels/front-desk.json';
import housingBenefit from '../../levels/housing-benefit.json';
import { parseLevel } from '../../src/levels/load';
import type { Regime } from '../../src/levels/schema';
import { simulate, type Report } from '../../src/sim/index';

const LEVELS = { 'front-desk': frontDesk, 'housing-benefit': housingBenefit } as const;

export interface GoldenCase {
  level: keyof typeof LEVELS;
  regime: Regime;
  seed: number;
}

export const GOLDEN_CASES: readonly GoldenCase[] = (Object.keys(LEVELS) as (keyof typeof LEVELS)[]).flatMap((level) =>
  (['deliverology', 'systems'] as const).flatMap((regime) => [1, 2].map((seed) => ({ level, regime, seed }))),
);

export function goldenFile(c: GoldenCase): string {
  return join(import.meta.dirname, `${c.level}.${c.regime}.seed${c.seed}.json`);
}

/** The report, as it is stored: plain JSON. */
export function goldenReport(c: GoldenCase): Report {
  const parsed = parseLevel(LEVELS[c.level]);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return JSON.parse(JSON.stringify(simulate(parsed.level, c.seed, c.regime, parsed.level.days))) as Report;
}
