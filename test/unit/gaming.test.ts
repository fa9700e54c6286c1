// Every gaming move has its price (issue 12, item 2): from the honest deliverology design, each
// move alone flatters the official measure it games and makes at least two true measures worse,
// on at least 18 of 20 seeds and on the 20-seed mean. Starting the clock late is the exception
// the sources describe: it changes no true measure at all; its cost is blindness.
import { describe, expect, it } from 'vitest';
import { gamingTable, meanWorse, OFFICIAL, TRUE_MEASURES, type TrueMeasureId } from '../../src/analysis/modelChecks';
import { level } from './helpers';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const { rows } = gamingTable(level('housing-benefit'), SEEDS, 365);
const ids = Object.keys(TRUE_MEASURES) as TrueMeasureId[];
const f = (x: number) => (Math.abs(x) < 2 ? x.toFixed(3) : x.toFixed(1));

describe('every gaming move has its price (20 seeds)', () => {
  for (const row of rows) {
    const { move, official } = row;
    const worse = ids.filter((id) => row.truths[id].worse >= 18 && meanWorse(TRUE_MEASURES[id], row.truths[id]));

    it(`${move.label}: flatters ${OFFICIAL[move.games].label}`, () => {
      // For the record, in the test output: the move's figures.
      console.log(
        `${move.label}: ${OFFICIAL[move.games].label} ${f(official.base)} -> ${f(official.moved)} (better on ${official.better}/20); worse for citizens: ${
          worse.map((id) => `${TRUE_MEASURES[id].label} ${f(row.truths[id].base)} -> ${f(row.truths[id].moved)} (${row.truths[id].worse}/20)`).join('; ') ||
          'nothing'
        }`,
      );
      expect(official.better).toBeGreaterThanOrEqual(18);
      expect(meanWorse(OFFICIAL[move.games], official)).toBe(false);
      expect(official.moved).not.toBe(official.base);
    });

    if (move.costs.length === 0) {
      it(`${move.label}: changes nothing citizens live, on every seed`, () => {
        for (const id of ids) expect(row.truths[id].same, id).toBe(SEEDS.length);
      });
    } else {
      it(`${move.label}: makes at least two true measures worse, among them what the sources say`, () => {
        expect(worse.length).toBeGreaterThanOrEqual(2);
        // The costs the sources name that hold on 18 of 20 seeds: at least two of them.
        expect(move.costs.filter((id) => worse.includes(id)).length).toBeGreaterThanOrEqual(2);
      });
    }
  }
});
