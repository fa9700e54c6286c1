// The same (level, seed, regime, days, actions) must give byte-identical reports in Node and in Chromium.
import { type LevelId, shippedLevel } from '../../src/levels/catalogue';
import { expect, test } from '@playwright/test';
import type { Level } from '../../src/levels/schema';
import { DAY, simulate, type Action, type Regime } from '../../src/services/housing-benefit';

function level(id: string): Level {
  return shippedLevel(id as LevelId);
}

interface Case {
  name: string;
  levelId: string;
  seed: number;
  regime: Regime;
  days: number;
  actions: Action[];
}

const cases: Case[] = [
  { name: 'housing-benefit deliverology seed 7, 365 days', levelId: 'housing-benefit', seed: 7, regime: 'deliverology', days: 365, actions: [] },
  { name: 'housing-benefit systems seed 7, 365 days', levelId: 'housing-benefit', seed: 7, regime: 'systems', days: 365, actions: [] },
  { name: 'front-desk deliverology seed 3, 30 days', levelId: 'front-desk', seed: 3, regime: 'deliverology', days: 30, actions: [] },
  {
    name: 'housing-benefit deliverology seed 11, 200 days, with an action log',
    levelId: 'housing-benefit',
    seed: 11,
    regime: 'deliverology',
    days: 200,
    actions: [
      { at: DAY * 30, kind: 'staff', role: 'assessor', count: 7 },
      { at: DAY * 60, kind: 'design', key: 'nilQualifyDays', value: null },
      { at: DAY * 120, kind: 'regime', regime: 'systems' },
    ],
  },
];

/** The path of the first place two JSON values differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: node ${JSON.stringify(a)} vs chromium ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

test.describe('Node and Chromium agree', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.waitForFunction(() => typeof window.itsTheSystem?.simulate === 'function');
  });

  for (const c of cases) {
    test(c.name, async ({ page }) => {
      test.setTimeout(60_000);
      const nodeReport = simulate(level(c.levelId), c.seed, c.regime, c.days, c.actions);
      const inNode = JSON.stringify(nodeReport);
      const inChromium = await page.evaluate(
        ({ levelId, seed, regime, days, actions }) => JSON.stringify(window.itsTheSystem.simulate(levelId, seed, regime, days, actions)),
        { levelId: c.levelId, seed: c.seed, regime: c.regime, days: c.days, actions: c.actions },
      );

      expect(nodeReport.needs.arrived).toBeGreaterThan(0);
      expect(nodeReport.days).toBe(c.days);
      expect(inNode.length).toBeGreaterThan(500);
      const diff = inNode === inChromium ? null : firstDifference(nodeReport, JSON.parse(inChromium));
      expect(diff, 'first differing field').toBeNull();
      expect(inChromium).toBe(inNode);
    });
  }

  test('unknown level id is refused with a clear message', async ({ page }) => {
    const message = await page.evaluate(() => {
      try {
        window.itsTheSystem.simulate('no-such-level', 1, 'systems', 1);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message).toContain('Unknown level id "no-such-level"');
  });
});
