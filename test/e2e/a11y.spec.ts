// Accessibility: every screen and state of the game, checked with axe (WCAG 2.1 A and AA). No
// violation of impact "serious" or "critical" may remain; the others are counted and printed, so
// the table below is the report (screen -> violations by impact).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

interface Row {
  screen: string;
  counts: Record<Impact, number>;
}
const rows: Row[] = [];

/** Runs axe on the page as it is now; records the counts; fails (softly) on serious or critical. */
async function check(page: Page, screen: string): Promise<void> {
  // Let transitions and the office's first frames settle before axe reads colours.
  await page.waitForTimeout(250);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0])) as Record<Impact, number>;
  for (const v of result.violations) counts[(v.impact ?? 'minor') as Impact] += v.nodes.length;
  rows.push({ screen, counts });
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
      const more = v.nodes.length > 4 ? [`    and ${v.nodes.length - 4} more`] : [];
      return [`${v.impact} ${v.id} (${v.nodes.length}): ${v.help}`, ...nodes, ...more].join('\n');
    });
  expect.soft(bad, `axe on "${screen}"`).toEqual([]);
}

// A failed test restarts the worker (and this module), so the rows are kept in a file of the run.
// biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixtures from a destructured first argument; this hook needs none
test.afterAll(({}, testInfo) => {
  const file = join(testInfo.project.outputDir, 'a11y-axe-table.json');
  const all: Row[] = [...(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Row[]) : []), ...rows];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(all));
  rows.length = 0;
  const w = Math.max(...all.map((r) => r.screen.length), 6);
  const line = (cells: string[]) =>
    `| ${cells[0]!.padEnd(w)} | ${cells
      .slice(1)
      .map((c) => c.padStart(8))
      .join(' | ')} |`;
  console.log(
    [
      '',
      'axe, WCAG 2.1 A/AA: violations (elements) by impact',
      line(['Screen', ...IMPACTS]),
      ...all.map((r) => line([r.screen, ...IMPACTS.map((i) => String(r.counts[i]))])),
    ].join('\n'),
  );
});

async function toLevels(page: Page, url = '/') {
  await page.goto(url);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Choose a service' })).toBeVisible();
}

async function openBriefing(page: Page, levelTitle: string, url = '/') {
  await toLevels(page, url);
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: `Play ${levelTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: levelTitle })).toBeVisible();
}

async function toDebrief(page: Page) {
  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /What really happened/ })).toBeVisible({ timeout: 60_000 });
  // The comparison run (off the main thread) has drawn its table.
  await expect(page.locator('.compare-slot table').first()).toBeVisible({ timeout: 60_000 });
}

test('title, level select and both briefings', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await check(page, 'Title');
  // The glossary and its evidence cards, opened from the title.
  await page.getByRole('button', { name: 'Glossary', exact: true }).click();
  const glossary = page.getByRole('dialog', { name: 'Glossary' });
  await expect(glossary).toBeVisible();
  await check(page, 'Glossary and evidence');
  await page.keyboard.press('Escape');
  await expect(glossary).toBeHidden();
  await toLevels(page);
  await check(page, 'Level select (locked)');
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await check(page, 'Level select (unlocked)');
  await page.getByRole('button', { name: 'Play The front desk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The front desk' })).toBeVisible();
  await check(page, 'Briefing: front desk');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Play Housing benefit' }).click();
  await page.getByLabel('Deliverology').check();
  await expect(page.getByRole('group', { name: 'The office you take over' })).toBeVisible();
  await check(page, 'Briefing: housing benefit, scenarios');
  await page.getByLabel('Redesigned flow').check();
  await check(page, 'Briefing: housing benefit, redesigned');
});

test('the front desk: office, study dialog, debrief', async ({ page }) => {
  test.setTimeout(120_000);
  await openBriefing(page, 'The front desk');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'Walkthrough' })).toContainText('Step 1 of 6');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Fastest' }).click();
  await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText(/Mon 0[1-9]|Day [2-9]/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await check(page, 'Office: front desk');
  await page.getByRole('button', { name: 'Study demand' }).click();
  const study = page.getByRole('dialog', { name: /Studying demand/ });
  await expect(study.locator('blockquote')).toBeVisible();
  await check(page, 'Study dialog: front desk');
  await study.getByRole('button', { name: 'New claim' }).click();
  await check(page, 'Study dialog: after an answer');
  await study.getByRole('button', { name: /Stop studying|Back to the office/ }).click();
  await toDebrief(page);
  await check(page, 'Debrief: front desk');
});

test('housing benefit under deliverology: office, study, inspection, story, redesign, debrief', async ({ page }) => {
  test.setTimeout(240_000);
  await openBriefing(page, 'Housing benefit');
  await page.getByLabel('Deliverology').check();
  await page.getByLabel(/^Seed/).fill('5');
  await page.getByLabel(/^Seed/).press('Tab');
  await page.getByRole('button', { name: 'Start' }).click();
  const dashboard = page.getByRole('region', { name: 'Dashboard', exact: true });
  await expect(dashboard).toContainText('Day 1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Fastest' }).click();
  await expect(dashboard).toContainText(/Day [2-9]/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await check(page, 'Office: housing benefit (deliverology)');
  // Met and missed are said, not only coloured; the office picture is there in words.
  await expect(page.getByRole('list', { name: 'Official dashboard' })).toContainText(/✓ met|✗ missed/);
  const words = page.getByRole('region', { name: 'In the office now' });
  for (const line of ['Visitors waiting: ', 'Calls waiting: ', 'Files to scan: ', 'Waiting for an assessor: ', 'Waiting for evidence: ']) {
    await expect(words.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
  }

  // The whole sample, so failure demand is shown in its colour from here on.
  await page.getByRole('button', { name: 'Study demand' }).click();
  const study = page.getByRole('dialog', { name: /Studying demand/ });
  await expect(study.locator('blockquote')).toBeVisible();
  await check(page, 'Study dialog: housing benefit');
  for (let i = 0; i < 60; i++) {
    const progress = study.getByRole('button', { name: 'Progress chasing' });
    if (!(await progress.isVisible())) break;
    await progress.click();
  }
  await expect(study).toContainText('You have listened to all');
  await check(page, 'Study dialog: analysis complete');
  await study.getByRole('button', { name: 'Back to the office' }).click();
  await expect(study).toBeHidden();

  await page.getByRole('button', { name: 'Next inspection' }).click();
  const card = page.getByRole('dialog');
  await expect(card).toContainText('Inspection report');
  await check(page, 'Inspection card');
  await card.getByRole('button', { name: 'Back to work' }).click();
  await expect(card).toBeHidden();

  const story = page.locator('aside.story');
  if (!(await story.isVisible())) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(story).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  }
  await check(page, 'Story card (failure demand shown)');

  await page.getByRole('button', { name: /^Drop the targets/ }).click();
  const redesign = page.getByRole('dialog', { name: /Drop the targets/ });
  await expect(redesign).toBeVisible();
  await check(page, 'Redesign dialog');
  await redesign.getByRole('button', { name: 'Adopt the redesign with this staffing' }).click();
  await expect(redesign).toBeHidden();
  await check(page, 'Office: after the redesign');
  // A few weeks on, the live process behaviour chart replaces the targets.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.locator('.live-chart svg').first()).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await check(page, 'Office: after the redesign, live chart');
  await page.getByRole('button', { name: 'Next inspection' }).click();
  await expect(card).toContainText('Inspection report');
  await check(page, 'Inspection card: marked down');
  await card.getByRole('button', { name: /Stand firm/ }).click();
  await expect(card).toBeHidden();

  await toDebrief(page);
  await check(page, 'Debrief: housing benefit, redesigned');
});

test('housing benefit, the struggling office: an offer card', async ({ page }) => {
  test.setTimeout(180_000);
  await openBriefing(page, 'Housing benefit', '/?level=housing-benefit&regime=deliverology&scenario=takeover&seed=5');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Fastest' }).click();
  const offer = page.getByRole('dialog', { name: /A word in your ear/ });
  await expect(offer).toBeVisible({ timeout: 150_000 });
  await check(page, 'Offer card');
  await toDebriefFromOffer(page);
});

async function toDebriefFromOffer(page: Page) {
  await page
    .getByRole('dialog', { name: /A word in your ear/ })
    .getByRole('button')
    .last()
    .click();
  await expect(page.getByRole('dialog', { name: /A word in your ear/ })).toBeHidden();
  await toDebrief(page);
  await check(page, 'Debrief: housing benefit, deliverology');
}

test('housing repairs: briefing, office, inspection card, debrief', async ({ page }) => {
  test.setTimeout(120_000);
  await openBriefing(page, 'Housing repairs');
  await check(page, 'Briefing: housing repairs');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'The dashboard' })).toContainText('Day 1');
  await expect(page.locator('.stage canvas')).toBeVisible();
  await check(page, 'Office: housing repairs');
  await page.getByRole('button', { name: 'Next inspection' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'Inspection card: housing repairs');
  await page.getByRole('button', { name: 'Carry on' }).click();
  await page.getByRole('button', { name: 'Study demand' }).click();
  const study = page.getByRole('dialog', { name: 'Listening to the repairs line' });
  await study.getByRole('button', { name: 'Value demand: a fault to fix' }).click();
  await check(page, 'Study dialog: housing repairs');
  await page.keyboard.press('Escape');
  await expect(study).toBeHidden();
  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.locator('table.compare')).toBeVisible({ timeout: 30_000 });
  await check(page, 'Debrief: housing repairs');
});
