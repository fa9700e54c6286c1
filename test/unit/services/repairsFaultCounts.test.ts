// The faults the views count are kept as they change (faultCounts.ts): at every moment they must
// be what a walk over every fault gives, in both regimes, with the gaming moves and the redesign.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/engine/calendar';
import { STAGES, type Stage } from '../../../src/services/housing-repairs/catalogue';
import { RepairsSim } from '../../../src/services/housing-repairs/model';
import { repairsLevel } from '../helpers';

/** The counts by a walk over every fault, as the snapshot once did each frame. */
function walk(sim: RepairsSim) {
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let reported = 0;
  let fixed = 0;
  let found = 0;
  let waiting = 0;
  for (const f of sim.faults) {
    if (f.found) {
      if (f.foundAt >= 0) found++;
      continue;
    }
    if (Number.isNaN(f.reportedAt)) continue;
    const open = Number.isNaN(f.fixedAt);
    if (open) {
      waiting++;
      stages[f.stage]++;
    }
    if (f.reportedAt >= 0) {
      reported++;
      if (!open) fixed++;
    }
  }
  return { reported, fixed, found, waiting, stages };
}

describe('the faults as the views count them', () => {
  for (const regime of ['deliverology', 'systems'] as const) {
    it(`${regime}: the kept counts are a full walk's, every few days of a half year`, () => {
      for (const seed of [1, 2]) {
        const sim = new RepairsSim(repairsLevel(), seed, regime);
        for (let day = 0; day <= 182; day += 7) {
          sim.advanceTo(day * DAY + 11 * 60);
          const { reported, fixed, found, waiting, stages } = sim.counts;
          expect({ reported, fixed, found, waiting, stages: { ...stages } }).toEqual(walk(sim));
        }
        expect(sim.counts.reported).toBeGreaterThan(1000);
      }
    });
  }
});
