// Housing repairs played through the UI in each regime: inspections read, a lever turned and a
// person added on the way, the run finished. The debrief must show what the command line
// measures when it replays the run the page saved.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './pageErrors';
import type { RepairsReport } from '../../src/services/housing-repairs/report';
import { days, moneyExact, percent, ratio } from '../../src/ui/format';

async function start(page: Page, regime: 'The approved design' | 'The redesigned flow', seed: number, scenario?: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: 'Play Housing repairs' }).click();
  await page.getByLabel(regime).check();
  if (scenario) await page.getByLabel(scenario).check();
  await page.getByLabel(/^Seed/).fill(String(seed));
  await page.getByLabel(/^Seed/).press('Tab');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'The dashboard' })).toContainText('Day 1');
  await expect(page.locator('.stage canvas')).toBeVisible();
}

/** Skips to the next inspection and reads its card; returns the stars it gave. */
async function nextInspection(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Next inspection' }).click();
  const card = page.getByRole('dialog');
  await expect(card).toBeVisible();
  const stars = (await card.locator('.stars').getAttribute('aria-label')) ?? '';
  await card.getByRole('button', { name: 'Carry on' }).click();
  await expect(card).toBeHidden();
  return stars;
}

async function finishAndSave(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.getByRole('heading', { name: 'What the dashboard said, and what tenants lived' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save this run (JSON)' }).click();
  const file = test.info().outputPath('run.json');
  await (await download).saveAs(file);
  return file;
}

/** With play paused, skips on to the next offer card and answers it; inspections on the way are read. Returns the card's heading. */
async function answerNextOffer(page: Page, accept: boolean): Promise<string> {
  const offer = page.getByRole('dialog', { name: /A word in your ear/ });
  const inspection = page.getByRole('dialog', { name: /^Inspection/ });
  for (let i = 0; i < 8 && !(await offer.isVisible()); i++) {
    if (await inspection.isVisible()) {
      await inspection.getByRole('button', { name: 'Carry on' }).click();
      await expect(inspection).toBeHidden();
      continue;
    }
    // Next inspection stops at an offer put on the way.
    await page.getByRole('button', { name: 'Next inspection' }).click();
    await expect(offer.or(inspection)).toBeVisible();
  }
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('What it will do to your dashboard');
  const heading = (await offer.getByRole('heading').textContent()) ?? '';
  await offer.getByRole('button', { name: accept ? 'Do it' : 'No, carry on as we are' }).click();
  await expect(offer).toBeHidden();
  return heading;
}

function cli(file: string): RepairsReport {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--level', 'housing-repairs', '--actions', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as RepairsReport;
}

async function shown(page: Page, measure: string): Promise<string> {
  return (await page.locator(`.ledger [data-measure="${measure}"] td`).first().textContent()) ?? '';
}

async function expectDebriefEquals(page: Page, r: RepairsReport) {
  expect(await shown(page, 'jobsWithinTarget')).toBe(percent(r.dashboard.jobsWithinTarget));
  expect(await shown(page, 'daysPerJob')).toBe(days(r.dashboard.daysPerJob));
  expect(await shown(page, 'callsAnsweredIn20s')).toBe(percent(r.dashboard.callsAnsweredIn20s));
  expect(await shown(page, 'endToEnd')).toBe(days(r.endToEndDays.mean));
  expect(await shown(page, 'waiting')).toBe(days(r.waitingDays.mean));
  expect(await shown(page, 'firstVisit')).toBe(percent(r.firstVisitFixShare));
  expect(await shown(page, 'visits')).toBe(ratio(r.visitsPerNeed));
  expect(await shown(page, 'failureDemand')).toBe(percent(r.failureDemandShare));
  expect(await shown(page, 'costPerRepair')).toBe(moneyExact(r.cost.perRepair));
}

test("housing repairs, the approved design: four stars on the dashboard while tenants wait weeks; the figures are the CLI's", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await start(page, 'The approved design', 3);
  await page.getByRole('button', { name: 'Normal' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await nextInspection(page)).toMatch(/4 stars/);
  // Study demand: a dozen real calls in the tenants' words, each sorted, then the sample beside every call.
  await page.getByRole('button', { name: 'Study demand' }).click();
  const study = page.getByRole('dialog', { name: 'Listening to the repairs line' });
  await expect(study).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await expect(study).toContainText(`Call ${i + 1} of 12`);
    await study.getByRole('button', { name: 'Failure demand: a call we caused' }).click();
  }
  await expect(study).toContainText(/You sorted \d+ of 12 right/);
  await expect(study.locator('[data-measured="failure-share"]')).toContainText(/Of every call in the last four weeks \([\d,]+\), \d+(\.\d)?% were/);
  await study.getByRole('button', { name: 'Back to work' }).click();
  await expect(study).toBeHidden();
  // An honest clock, and one more plumber, after the first inspection.
  await page.getByLabel('A visit that fixed nothing').selectOption({ label: 'Keep the job open until it is fixed' });
  await page.getByRole('button', { name: 'One more: Plumbers' }).click();
  await expect(page.locator('.staff li', { hasText: 'Plumbers' })).toContainText('16');
  await nextInspection(page);
  const file = await finishAndSave(page);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { actions: { kind: string }[]; regime: string; model: { version: string } };
  expect(saved.regime).toBe('deliverology');
  expect(saved.actions.map((a) => a.kind)).toEqual(['design', 'staff']);
  const r = cli(file);
  expect(r.seed).toBe(3);
  await expectDebriefEquals(page, r);
  expect(r.endToEndDays.mean!).toBeGreaterThan(30);
  // The same tenants the other way, run in a worker.
  await expect(page.locator('table.compare [data-measure="endToEnd"] td').nth(1)).not.toBeEmpty({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test("housing repairs, the redesigned flow: a week to a repair, nearly all at the first visit; the figures are the CLI's", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await start(page, 'The redesigned flow', 4);
  await nextInspection(page);
  await page.getByRole('button', { name: 'One more: Repairs advisers' }).click();
  await nextInspection(page);
  const file = await finishAndSave(page);
  const r = cli(file);
  expect(r.regime).toBe('systems');
  await expectDebriefEquals(page, r);
  expect(r.endToEndDays.mean!).toBeLessThan(10);
  expect(r.firstVisitFixShare!).toBeGreaterThan(0.95);
  expect(errors).toEqual([]);
});

test("housing repairs, the struggling service: the deputy and a consultant offer gaming moves one at a time; one declined, one accepted; the figures are the CLI's", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await start(page, 'The approved design', 5, 'The struggling service');
  // Play at top speed: the first offer stops play by itself while a target is red.
  await page.getByRole('button', { name: 'Fastest', exact: true }).click();
  const offer = page.getByRole('dialog', { name: /A word in your ear/ });
  await expect(offer).toBeVisible({ timeout: 120_000 });
  await expect(offer.getByRole('heading')).toHaveText('A word in your ear: your deputy');
  await expect(offer).toContainText('A target is red');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // Escape is not an answer: the card stays until one is given.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'No, carry on as we are' }).click();
  await expect(offer).toBeHidden();
  // Answered, play goes on by itself; pause it and skip on to the next offer.
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await answerNextOffer(page, true)).toMatch(/consultant/);
  const file = await finishAndSave(page);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { scenario: string; actions: { kind: string; offer?: string; accept?: boolean }[] };
  expect(saved.scenario).toBe('takeover');
  expect(saved.actions.map((a) => [a.kind, a.offer, a.accept])).toEqual([
    ['offer', 'close-and-reraise', false],
    ['offer', 'reclassify', true],
  ]);
  const r = cli(file);
  expect(r.seed).toBe(5);
  await expectDebriefEquals(page, r);
  // The debrief lists the advice and the answers, as the run recorded them.
  const rows = page.locator('ul.offers li');
  await expect(rows).toHaveCount(2);
  expect(r.offers!.map((o) => [o.id, o.answer])).toEqual([
    ['close-and-reraise', 'declined'],
    ['reclassify', 'accepted'],
  ]);
  await expect(rows.nth(0)).toHaveAttribute('data-answer', 'declined');
  await expect(rows.nth(0)).toContainText('You turned it down');
  await expect(rows.nth(1)).toHaveAttribute('data-answer', 'accepted');
  await expect(rows.nth(1)).toContainText('You took it');
  expect(errors).toEqual([]);
});
