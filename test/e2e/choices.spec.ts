// The choices in the player's hands, played through the UI: the takeover's offers declined and
// accepted, and the redesign adopted with the staffing it offers. What the debrief says each
// choice cost must be what the command line measures on the exported log.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './pageErrors';
import { execFileSync } from 'node:child_process';
import { choiceRow } from '../../src/content/choices';
import { shippedLevel } from '../../src/levels/catalogue';
import { withScenario } from '../../src/levels/scenario';
import type { Level } from '../../src/levels/schema';
import type { Attribution } from '../../src/services/housing-benefit/attribution';
import { runSim, type Report } from '../../src/services/housing-benefit';
import { dashboardFigures, livedFigures } from '../../src/ui/debriefFigures';

function level(scenario: string | null): Level {
  const s = withScenario(shippedLevel('housing-benefit'), scenario);
  if (!s.ok) throw new Error(s.error);
  return s.level;
}

async function start(page: Page, scenario: RegExp | null, seed: number) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: 'Play Housing benefit' }).click();
  await page.getByLabel('Deliverology').check();
  if (scenario) await page.getByLabel(scenario).check();
  await page.getByLabel(/^Seed/).fill(String(seed));
  await page.getByLabel(/^Seed/).press('Tab');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
}

/** `npm run sim -- ... --attribute --json` on the exported run (its scenario and regime read from the file). */
function cliAttribution(file: string, seed: number): Report & { attribution: Attribution[] } {
  const out = execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', '--level', 'housing-benefit', '--seed', String(seed), '--attribute', '--json', '--actions', file],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as Report & { attribution: Attribution[] };
}

async function shownChoices(page: Page): Promise<string[][]> {
  const section = page.getByRole('region', { name: 'What your choices cost' });
  await expect(section).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  return section.locator('table.choices tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function exportRun(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export run (JSON)' }).click();
  return (await download).path();
}

test('the takeover: the deputy stops play with an offer; one declined, two accepted; the debrief prices each as the CLI does', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await start(page, /The struggling office/, 7);
  // Play at top speed: the first offer stops play by itself when a target is red.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Fastest' }).click();
  const offer = page.getByRole('dialog', { name: /A word in your ear/ });
  await expect(offer).toBeVisible({ timeout: 120_000 });
  await expect(offer).toContainText('What it will do to your dashboard');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeAttached();
  await offer.getByRole('button', { name: 'No, carry on as we are' }).click();
  await expect(offer).toBeHidden();
  // The next two come with the pressure of the inspections (a budget cut, the targets still red): accept both.
  const card = page.getByRole('dialog', { name: /Inspection report/ });
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(offer.or(card)).toBeVisible({ timeout: 120_000 });
    if (await card.isVisible()) {
      await card.getByRole('button', { name: 'Back to work' }).click();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(offer).toBeVisible({ timeout: 120_000 });
    }
    await offer.getByRole('button', { name: 'Do it' }).click();
    await expect(offer).toBeHidden();
  }
  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /What really happened/ })).toBeVisible({ timeout: 30_000 });

  const file = await exportRun(page);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { scenario: string; actions: { kind: string; accept?: boolean }[] };
  expect(exported.scenario).toBe('takeover');
  expect(exported.actions.map((a) => `${a.kind} ${a.accept}`)).toEqual(['offer false', 'offer true', 'offer true']);
  const cli = cliAttribution(file, 7);
  const takeover = level('takeover');
  expect(await shownChoices(page)).toEqual(cli.attribution.map((a) => choiceRow(a, takeover).map((c) => c.text)));
  // The accepted moves flattered the dashboard: the debrief says so in words.
  await expect(page.getByRole('region', { name: 'What your choices cost' })).toContainText('What this shows');
  expect(errors).toEqual([]);
});

test('the redesign path: study, then drop the targets at about day 90 with the offered staffing; the page shows what the CLI measures', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await start(page, null, 5);
  await page.getByRole('button', { name: 'Next inspection' }).click();
  await page
    .getByRole('dialog', { name: /Inspection report/ })
    .getByRole('button', { name: 'Back to work' })
    .click();
  // Study demand first, as the sources say.
  await page.getByRole('button', { name: 'Study demand' }).click();
  const study = page.getByRole('dialog', { name: /Studying demand/ });
  for (let i = 0; i < 40; i++) {
    const progress = study.getByRole('button', { name: 'Progress chasing' });
    if (!(await progress.isVisible())) break;
    await progress.click();
  }
  await study.getByRole('button', { name: 'Back to the office' }).click();
  // Drop the targets: the staffing offered moves the people on the books into assessors.
  await page.getByRole('button', { name: /Drop the targets/ }).click();
  const plan = page.getByRole('dialog', { name: /Drop the targets/ });
  await expect(plan).toContainText('Nobody is laid off');
  await expect(plan.getByRole('list', { name: 'The new staffing' })).toContainText('Benefit assessor: − 16 +');
  await expect(plan).toContainText(/You inherit [\d,]+ citizens still waiting/);
  await plan.getByRole('button', { name: 'Adopt the redesign with this staffing' }).click();
  await expect(plan).toBeHidden();
  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /What really happened/ })).toBeVisible({ timeout: 30_000 });

  const file = await exportRun(page);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { actions: { kind: string; at: number }[] };
  expect(exported.actions.map((a) => a.kind)).toEqual(['regime']);
  expect(exported.actions[0]!.at / 1440).toBeGreaterThan(90);
  expect(exported.actions[0]!.at / 1440).toBeLessThan(93);
  const cli = cliAttribution(file, 5);
  const report = runSim(level(null), 5, 'deliverology', 365, exported.actions as never).report();
  const shown = await page
    .locator('[data-figure]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), e.querySelector('dd')?.textContent ?? ''])));
  expect(shown).toEqual(Object.fromEntries([...dashboardFigures(report), ...livedFigures(report)].map((f) => [f.id, f.value])));
  expect(await shownChoices(page)).toEqual(cli.attribution.map((a) => choiceRow(a, level(null)).map((c) => c.text)));
  // The honest comparison: this office kept to targets from the day it changed, and the reference.
  await expect(page.getByRole('table', { name: /this office kept as Deliverology from day 9\d, same staff budget/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: /never run to targets \(the reference\)/ })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
