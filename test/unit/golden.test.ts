// Every default level's full report, field by field, against the one stored under test/golden/.
// A difference is a model change: refresh with `npm run golden` and say why in the commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenFile, goldenReport } from '../golden/cases';

describe('golden reports', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.level}, ${c.regime}, seed ${c.seed}`, () => {
      const stored = JSON.parse(readFileSync(goldenFile(c), 'utf8')) as unknown;
      expect(goldenReport(c)).toEqual(stored);
    });
  }
});
