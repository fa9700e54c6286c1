// The trainer's room of room.spec.ts on Postgres, in real Chromium: two servers of the session
// service (4191 and 4192) on one database of this file's own, as behind a balancer. The trainer
// and one team are on the first, two teams on the second; commands reach the teams and the teams'
// figures reach the dashboard only through the database and its LISTEN/NOTIFY. Two phases, a
// pause, and figures equal to what the headless runner makes of each exported log.
// Skipped, saying why, only where no Postgres can be had (scripts/postgres.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { ensurePostgres, freshDatabase } from '../../scripts/postgres.mjs';
import type { TeamSummary } from '../../src/room/protocol';
import type { Report } from '../../src/services/housing-benefit';
import { days, percent } from '../../src/ui/format';
import { watchErrors } from './pageErrors';
import { type RoomServer, startRoomServer } from './roomServer';

const SEED = 23;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
let first: RoomServer | undefined;
let second: RoomServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // npm test's setup provides a Postgres; without one this test fails, saying why (it never skips).
  const url = await ensurePostgres();
  database = await freshDatabase(url, 'its_the_system_e2e');
  // The game as `npm test` builds it (dist/), or GAME_DIR's build.
  const env = { DATABASE_URL: database.url, ...(process.env.GAME_DIR ? { GAME_DIR: process.env.GAME_DIR } : {}) };
  // One after the other: the first makes the tables.
  first = await startRoomServer(4191, env);
  second = await startRoomServer(4192, env);
});
/** The trainer's and the teams' pages, shown when the test fails. */
const pages: [string, Page][] = [];
test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const s of [first, second]) {
    if (!s) continue;
    const path = testInfo.outputPath(`server-${s.port}.txt`);
    writeFileSync(path, s.output());
    await testInfo.attach(`server ${s.port} output`, { path, contentType: 'text/plain' });
  }
  // Whether both servers still answer, and where each team stands in the database.
  const lines: string[] = [];
  for (const s of [first, second]) {
    if (s) lines.push(`health ${s.port}: ${await fetch(`${s.url}/api/health`, { signal: AbortSignal.timeout(3000) }).then((r) => r.text(), String)}`);
  }
  if (database) {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const teams = await c.query("SELECT name, seq, (summary->>'at')::float / 1440 AS day, verdict FROM room_team ORDER BY joined_at");
    const events = await c.query('SELECT n, command FROM room_event ORDER BY n');
    lines.push(...teams.rows.map((r) => `team ${JSON.stringify(r)}`), ...events.rows.map((r) => `command ${JSON.stringify(r)}`));
    await c.end();
  }
  await testInfo.attach('database', { body: lines.join('\n'), contentType: 'text/plain' });
  for (const [name, page] of pages) {
    const path = testInfo.outputPath(`${name}.png`);
    if (
      await page.screenshot({ path, fullPage: true }).then(
        () => true,
        () => false,
      )
    )
      await testInfo.attach(name, { path, contentType: 'image/png' });
  }
});
test.afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await database?.drop();
});

async function createSession(trainer: Page, server: RoomServer): Promise<string> {
  await trainer.goto(`${server.url}/?trainer`);
  await trainer.getByLabel('Session title (optional)').fill('Postgres room');
  await trainer.getByLabel('Level').selectOption('housing-benefit');
  await trainer.getByLabel(/^Seed/).fill(String(SEED));
  await trainer.getByLabel('Phases').selectOption('halves');
  await trainer.getByRole('button', { name: 'Create the session' }).click();
  const code = (await trainer.locator('[data-code]').textContent())!.trim();
  expect(code).toMatch(/^[2345679ACDEFGHJKMNPQRTUVWXYZ]{6}$/);
  return code;
}

async function joinTeam(browser: Browser, server: RoomServer, code: string, name: string): Promise<Page> {
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
    // The run may reach its end (and the office give way to the debrief) just before this click.
    await page
      .getByRole('button', { name: 'Finish run' })
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(1500);
  }
  await expect(banner).toContainText(expected);
}

const dashboardRow = (trainer: Page, team: string) => trainer.getByRole('row').filter({ has: trainer.getByRole('rowheader', { name: team, exact: true }) });

test('on Postgres, two servers: a trainer runs three teams through two phases and a pause, and every figure is the CLI’s', async ({ browser }) => {
  test.setTimeout(300_000);
  const a = first!;
  const b = second!;
  for (const s of [a, b]) expect(await (await fetch(`${s.url}/api/health`)).json()).toMatchObject({ ok: true, db: 'postgres' });

  const trainer = await (await browser.newContext()).newPage();
  const trainerErrors = watchErrors(trainer);
  pages.push(['trainer', trainer]);
  const code = await createSession(trainer, a);
  // Red on the trainer's server, Green and Blue on the other.
  const seats: [string, RoomServer][] = [
    ['Red', a],
    ['Green', b],
    ['Blue', b],
  ];
  const teams: Page[] = [];
  for (const [name, server] of seats) {
    teams.push(await joinTeam(browser, server, code, name));
    pages.push([name, teams.at(-1)!]);
  }
  const errors = teams.map((t) => watchErrors(t));
  for (const [name] of seats) await expect(dashboardRow(trainer, name)).toContainText('online');

  await expect(teams[1]!.getByRole('complementary', { name: 'Your session' })).toContainText('paused');
  await trainer.getByRole('button', { name: 'Start the room' }).click();
  for (const t of teams) await expect(t.getByRole('complementary', { name: 'Your session' })).not.toContainText('paused');

  await teams[0]!.getByLabel('Close incomplete claims').selectOption({ label: 'After 56 days' });
  await teams[2]!.getByLabel('Hand visitors a form').selectOption({ label: 'Off' });
  for (const t of teams) await playToGate(t, /end of this phase/);
  for (const [name] of seats) {
    const row = dashboardRow(trainer, name);
    await expect(row).toContainText('at the gate');
    await expect(row).toContainText('91');
    await expect(row.locator('.verdict')).toHaveText('yes', { timeout: 60_000 });
  }

  // A pause holds everyone, even past a release: Green, on the other server, stays at the gate.
  await trainer.getByRole('button', { name: 'Pause everyone' }).click();
  await trainer.getByRole('button', { name: /^Release: / }).click();
  const held = teams[1]!;
  await expect(held.getByRole('complementary', { name: 'Your session' })).toContainText('paused');
  await held.getByRole('button', { name: 'Finish run' }).click();
  await held.waitForTimeout(1500);
  await expect(held.getByRole('region', { name: 'Dashboard', exact: true })).toContainText(/Day 9[12]/);
  await trainer.getByRole('button', { name: 'Resume' }).click();
  await trainer.getByLabel('Message to every team').fill('On to the end of the year');
  await trainer.getByRole('button', { name: 'Send' }).click();
  for (const t of teams) await expect(t.getByRole('complementary', { name: 'Your session' })).toContainText('Your trainer: On to the end');

  for (const t of teams) await playToGate(t, /never/);
  for (const t of teams) await expect(t.getByRole('heading', { level: 1 })).toContainText('What really happened', { timeout: 60_000 });
  for (const [name] of seats) {
    const row = dashboardRow(trainer, name);
    await expect(row).toContainText('365', { timeout: 30_000 });
    await expect(row.locator('.verdict')).toHaveText('yes', { timeout: 60_000 });
  }

  // The export (from the other server: the same database), and the headless runner's figures.
  const token = await trainer.evaluate((c) => localStorage.getItem(`its-the-system/trainer/${c}`), code);
  const exported = (await (await trainer.request.get(`${b.url}/api/sessions/${code}/export.json?token=${token}`)).json()) as {
    config: { scenario: string | null };
    teams: { name: string; summary: TeamSummary; actions: unknown[] }[];
  };
  expect(exported.teams.map((t) => t.name)).toEqual(['Red', 'Green', 'Blue']);
  const dir = mkdtempSync(join(tmpdir(), 'room-pg-export-'));
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.addInitScript(([c, t]) => localStorage.setItem(`its-the-system/trainer/${c}`, t!), [code, token]);
  await projector.goto(`${b.url}/trainer.html?code=${code}&view=projector`);
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
    const row = dashboardRow(projector, team.name);
    await expect(row).toContainText(days(report.waitingDays.mean));
    await expect(row).toContainText(percent(report.failureDemandShare));
    await expect(row).toContainText(days(report.dashboard.processingDays));
  }
  const byTeam = exported.teams.map((t) => `${t.name}: ${JSON.stringify(t.actions)} waited ${t.summary.lived.waitingDaysMean}`).join('\n');
  expect(new Set(exported.teams.map((t) => t.summary.lived.waitingDaysMean)).size, byTeam).toBe(3);
  expect(trainerErrors).toEqual([]);
  for (const e of errors) expect(e).toEqual([]);
});
