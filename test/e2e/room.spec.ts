// A trainer's room, played through the UI in real Chromium against a real session service: a
// trainer and three teams (each its own browser context) through two phases and a pause, to a
// projector view whose figures equal what the headless runner makes of each exported log.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import type { Report } from '../../src/services/housing-benefit';
import type { TeamSummary } from '../../src/room/protocol';
import { days, percent } from '../../src/ui/format';
import { watchErrors } from './pageErrors';
import { type RoomServer, startRoomServer } from './roomServer';

const SEED = 11;
let server: RoomServer;

test.beforeAll(async () => {
  server = await startRoomServer(4181);
});
test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function createSession(trainer: Page): Promise<string> {
  await trainer.goto(`${server.url}/?trainer`);
  await trainer.getByLabel('Session title (optional)').fill('Room test');
  await trainer.getByLabel('Level').selectOption('housing-benefit');
  await trainer.getByLabel(/^Seed/).fill(String(SEED));
  await trainer.getByLabel('Phases').selectOption('halves');
  await trainer.getByRole('button', { name: 'Create the session' }).click();
  const code = (await trainer.locator('[data-code]').textContent())!.trim();
  expect(code).toMatch(/^[2345679ACDEFGHJKMNPQRTUVWXYZ]{6}$/);
  return code;
}

async function joinTeam(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/?join=${code}`);
  await page.getByLabel('Team name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Your session' })).toContainText(`${name} · session ${code}`);
  await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
  return page;
}

/** Hurries the team's run as far as the room lets it, answering any inspection on the way. */
async function playToGate(page: Page, expected: RegExp) {
  const banner = page.getByRole('complementary', { name: 'Your session' });
  for (let i = 0; i < 8; i++) {
    const card = page.getByRole('dialog');
    if (await card.isVisible())
      await card
        .getByRole('button', { name: /Back to work|Stand firm|Comply/ })
        .first()
        .click();
    if (expected.test((await banner.textContent()) ?? '') || /What really happened/.test((await page.getByRole('heading', { level: 1 }).textContent()) ?? ''))
      return;
    // The debrief may replace the office at any moment: click only a button that is there.
    const finish = page.getByRole('button', { name: 'Finish run' });
    if (await finish.isVisible()) await finish.click({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(1500);
  }
  await expect(banner).toContainText(expected);
}

const banner = (page: Page) => page.getByRole('complementary', { name: 'Your session' });

async function dashboardRow(trainer: Page, team: string) {
  return trainer.getByRole('row').filter({ has: trainer.getByRole('rowheader', { name: team, exact: true }) });
}

test('a trainer runs three teams through two phases and a pause, and every figure is the CLI’s', async ({ browser }) => {
  test.setTimeout(300_000);
  const trainer = await (await browser.newContext()).newPage();
  const trainerErrors = watchErrors(trainer);
  const code = await createSession(trainer);
  await expect(trainer.getByRole('img', { name: /QR code for http/ })).toBeVisible();

  const names = ['Red', 'Green', 'Blue'];
  const teams = [];
  for (const name of names) teams.push(await joinTeam(browser, code, name));
  const errors = teams.map((t) => watchErrors(t));
  for (const name of names) await expect(await dashboardRow(trainer, name)).toContainText('online');

  // The room opens paused: a team cannot play until the trainer starts it.
  await expect(teams[0]!.getByRole('complementary', { name: 'Your session' })).toContainText('paused');
  await trainer.getByRole('button', { name: 'Start the room' }).click();
  for (const t of teams) await expect(t.getByRole('complementary', { name: 'Your session' })).not.toContainText('paused');

  // Three different managers: one closes incomplete claims later, one stops handing visitors a form.
  await teams[0]!.getByLabel('Close incomplete claims').selectOption({ label: 'After 56 days' });
  await teams[2]!.getByLabel('Hand visitors a form').selectOption({ label: 'Off' });
  for (const t of teams) await playToGate(t, /end of this phase/);
  for (const name of names) {
    const row = await dashboardRow(trainer, name);
    await expect(row).toContainText('at the gate');
    await expect(row).toContainText('91');
    await expect(row.locator('.verdict')).toHaveText('yes', { timeout: 60_000 });
  }

  // Predict, then reveal: the room's spread first, then each team's own figure.
  await trainer.getByLabel('Ask every team to predict').selectOption('failure-share');
  await trainer.getByRole('button', { name: 'Ask', exact: true }).click();
  const guesses = ['20', '50', '70'];
  for (const [i, t] of teams.entries()) {
    await t.getByLabel('What share of the contacts to your office is failure demand?').fill(guesses[i]!);
    await t.getByRole('button', { name: 'Send our prediction' }).click();
    await expect(banner(t)).toContainText(`Your prediction: ${guesses[i]}%`);
  }
  const predictions = trainer.getByRole('region', { name: "The room's predictions" });
  await expect(predictions).toContainText('3 predictions, from 20% to 70%');
  await trainer.getByRole('button', { name: 'Show the answer' }).click();
  await expect(predictions).toContainText(/Red: predicted 20%, lived \d/);
  for (const [i, t] of teams.entries()) await expect(banner(t)).toContainText(new RegExp(`You predicted ${guesses[i]}%; your citizens lived \\d+(\\.\\d)?%`));

  // The centre cuts every office's budget: it reaches each at its next day boundary, in its log.
  await trainer.getByLabel('Make something happen to every office').selectOption({ label: 'A budget cut' });
  await trainer.getByRole('button', { name: 'Inject' }).click();
  for (const t of teams) await expect(t.getByRole('complementary', { name: 'Your session' })).toContainText('cut your staff budget');

  // A pause holds everyone, even past a release.
  await trainer.getByRole('button', { name: 'Pause everyone' }).click();
  await trainer.getByRole('button', { name: /^Release: / }).click();
  const held = teams[1]!;
  await expect(held.getByRole('complementary', { name: 'Your session' })).toContainText('paused');
  await held.getByRole('button', { name: 'Finish run' }).click();
  await held.waitForTimeout(1500);
  await expect(held.getByRole('region', { name: 'Dashboard', exact: true })).toContainText(/Day 9[12]/);
  await trainer.getByRole('button', { name: 'Resume' }).click();
  await trainer.getByLabel('Message to every team').fill('Twenty minutes to the end of the year');
  await trainer.getByRole('button', { name: 'Send' }).click();
  await expect(held.getByRole('complementary', { name: 'Your session' })).toContainText('Your trainer: Twenty minutes');

  for (const t of teams) await playToGate(t, /never/);
  for (const t of teams) await expect(t.getByRole('heading', { level: 1 })).toContainText('What really happened', { timeout: 60_000 });
  for (const name of names) {
    const row = await dashboardRow(trainer, name);
    await expect(row).toContainText('365', { timeout: 30_000 });
    await expect(row.locator('.verdict')).toHaveText('yes', { timeout: 60_000 });
  }

  // The export, and the headless runner's re-simulation of each team's log.
  const token = await trainer.evaluate((c) => localStorage.getItem(`its-the-system/trainer/${c}`), code);
  const exported = (await (await trainer.request.get(`${server.url}/api/sessions/${code}/export.json?token=${token}`)).json()) as {
    config: { scenario: string | null };
    teams: { name: string; summary: TeamSummary; actions: unknown[] }[];
  };
  const dir = mkdtempSync(join(tmpdir(), 'room-export-'));
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.addInitScript(([c, t]) => localStorage.setItem(`its-the-system/trainer/${c}`, t!), [code, token]);
  await projector.goto(`${server.url}/trainer.html?code=${code}&view=projector`);
  for (const team of exported.teams) {
    const file = join(dir, `${team.name}.json`);
    writeFileSync(file, JSON.stringify({ actions: team.actions }));
    const args = ['scripts/sim.mjs', '--level', 'housing-benefit', '--seed', String(SEED), '--actions', file, '--json'];
    if (exported.config.scenario) args.push('--scenario', exported.config.scenario);
    const report = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Report;
    expect(team.summary.at).toBe(365 * 1440);
    expect(team.summary.lived.met).toBe(report.needs.met);
    expect(team.summary.lived.waitingDaysMean).toBe(Math.round(report.waitingDays.mean! * 100) / 100);
    expect(team.summary.lived.failureDemandShare).toBe(Math.round(report.failureDemandShare! * 1e4) / 1e4);
    expect(team.summary.official.processingDays).toBe(Math.round(report.dashboard.processingDays! * 100) / 100);
    const row = projector.getByRole('row').filter({ has: projector.getByRole('rowheader', { name: team.name, exact: true }) });
    await expect(row).toContainText(days(report.waitingDays.mean));
    await expect(row).toContainText(percent(report.failureDemandShare));
    await expect(row).toContainText(days(report.dashboard.processingDays));
  }
  // Every log took the budget cut in, on the day after the gate.
  for (const team of exported.teams) expect(team.actions).toContainEqual({ at: 92 * 1440, kind: 'event', event: 'budget-cut' });
  // The three managers made three different offices.
  const byTeam = exported.teams.map((t) => `${t.name}: ${JSON.stringify(t.actions)} waited ${t.summary.lived.waitingDaysMean}`).join('\n');
  expect(new Set(exported.teams.map((t) => t.summary.lived.waitingDaysMean)).size, byTeam).toBe(3);
  await projector.screenshot({ path: test.info().outputPath('projector.png') });
  expect(trainerErrors).toEqual([]);
  for (const e of errors) expect(e).toEqual([]);
});
