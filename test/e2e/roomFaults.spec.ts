// The room under faults, with nothing lost and the dashboard right after each: a team reloads
// mid-run; a team's network drops for 30 s (through a loopback proxy the test controls); the
// server is killed (SIGKILL) and started again mid-session on the same data.
import { expect, type Page, test } from '@playwright/test';
import type { Dashboard } from '../../src/room/protocol';
import { ensurePostgres, freshDatabase } from '../../scripts/postgres.mjs';
import { type LoopbackProxy, startProxy } from './proxy';
import { type RoomServer, startRoomServer } from './roomServer';

let server: RoomServer;
let proxy: LoopbackProxy;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;

/** The same faults on each store: PGlite (a data folder) and Postgres (DATABASE_URL). */
const STORES = [
  { name: 'PGlite', port: 4182 },
  { name: 'Postgres', port: 4184 },
] as const;

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.ok, `${path}: ${res.status} ${await res.clone().text()}`).toBe(true);
  return (await res.json()) as T;
}

async function joinAt(page: Page, base: string, code: string, name: string) {
  await page.goto(`${base}/?join=${code}`);
  await page.getByLabel('Team name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Your session' })).toContainText(name);
}

const banner = (page: Page) => page.getByRole('complementary', { name: 'Your session' });
const dayShown = async (page: Page) =>
  Number(/Day (\d+)/.exec((await page.getByRole('region', { name: 'Dashboard', exact: true }).textContent()) ?? '')?.[1] ?? 0);

/** Plays (at the fastest speed) until the office's clock shows at least this day. */
async function playUntilDay(page: Page, day: number) {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await page.getByRole('button', { name: 'Fastest' }).click();
  await expect.poll(() => dayShown(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(day);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

/** Finishes the run (the last phase released), answering any inspection on the way, to the debrief. */
async function finishToDebrief(page: Page) {
  const heading = page.getByRole('heading', { level: 1 });
  for (let i = 0; i < 10 && !/What really happened/.test((await heading.textContent()) ?? ''); i++) {
    const card = page.getByRole('dialog');
    if (await card.isVisible())
      await card
        .getByRole('button', { name: /Back to work|Stand firm|Comply/ })
        .first()
        .click();
    else if (await page.getByRole('button', { name: 'Finish run' }).isVisible())
      await page
        .getByRole('button', { name: 'Finish run' })
        .click({ timeout: 2000 })
        .catch(() => undefined);
    await page.waitForTimeout(1500);
  }
  await expect(heading).toContainText('What really happened', { timeout: 60_000 });
}

async function finishToGate(page: Page, gateText: RegExp) {
  for (let i = 0; i < 8 && !gateText.test((await banner(page).textContent()) ?? ''); i++) {
    const card = page.getByRole('dialog');
    if (await card.isVisible())
      await card
        .getByRole('button', { name: /Back to work|Stand firm|Comply/ })
        .first()
        .click();
    else await page.getByRole('button', { name: 'Finish run' }).click();
    await page.waitForTimeout(1000);
  }
  await expect(banner(page)).toContainText(gateText);
  // An inspection may fall on the gate's day: read, and put away.
  const card = page.getByRole('dialog');
  if (await card.isVisible())
    await card
      .getByRole('button', { name: /Back to work|Stand firm|Comply/ })
      .first()
      .click();
}

for (const store of STORES) {
  test.describe(`on ${store.name}`, () => {
    test.beforeAll(async () => {
      const env: Record<string, string> = {};
      if (store.name === 'Postgres') {
        database = await freshDatabase(await ensurePostgres(), 'its_the_system_faults');
        env.DATABASE_URL = database.url;
      }
      server = await startRoomServer(store.port, env);
      proxy = await startProxy(store.port + 1, store.port);
    });
    test.afterEach(async () => {
      const testInfo = test.info();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
    });
    test.afterAll(async () => {
      await proxy?.close();
      await server?.stop();
      await database?.drop();
      database = null;
    });

    test('a reload, a 30-second network drop and a killed server lose nothing', async ({ browser }) => {
      test.setTimeout(360_000);
      const created = await api<{ code: string; trainerToken: string }>('/api/sessions', {
        body: {
          title: 'Faults',
          level: 'housing-benefit',
          seed: 21,
          phases: [
            { label: 'Quarter 1', untilDay: 91 },
            { label: 'The rest', untilDay: 365 },
          ],
        },
      });
      const { code, trainerToken: token } = created;
      const dashboard = () => api<Dashboard>(`/api/sessions/${code}/dashboard`, { token });
      const team = (d: Dashboard, name: string) => d.teams.find((t) => t.name === name)!;

      const steady = await (await browser.newContext()).newPage();
      const reloader = await (await browser.newContext()).newPage();
      const remote = await (await browser.newContext()).newPage();
      await joinAt(steady, server.url, code, 'Steady');
      await joinAt(reloader, server.url, code, 'Reloader');
      await joinAt(remote, proxy.url, code, 'Remote');
      await api(`/api/sessions/${code}/commands`, { token, body: { kind: 'resume' } });

      // A team reloads mid-run: it is back in its seat, at the day it had sent, and plays on.
      await playUntilDay(reloader, 20);
      await expect.poll(async () => Math.floor((team(await dashboard(), 'Reloader').summary?.at ?? 0) / 1440)).toBeGreaterThanOrEqual(19);
      const sentDay = Math.floor(team(await dashboard(), 'Reloader').summary!.at / 1440);
      await reloader.reload();
      await expect(banner(reloader)).toContainText('Reloader');
      await expect.poll(() => dayShown(reloader)).toBeGreaterThanOrEqual(sentDay + 1);
      expect(team(await dashboard(), 'Reloader').seq).toBeGreaterThan(0);

      // A team's network goes for 30 seconds: it plays on to the gate, offline, and catches up after.
      await proxy.cut();
      await finishToGate(remote, /end of this phase/);
      await expect(banner(remote)).toContainText('Offline');
      const before = team(await dashboard(), 'Remote');
      expect(before.atGate).toBe(false);
      await remote.waitForTimeout(30_000);
      await proxy.restore();
      await expect.poll(async () => team(await dashboard(), 'Remote').atGate, { timeout: 60_000 }).toBe(true);
      await expect(banner(remote)).toContainText('Connected', { timeout: 30_000 });

      for (const p of [steady, reloader]) await finishToGate(p, /end of this phase/);
      await expect
        .poll(async () => (await dashboard()).teams.map((t) => `${t.name}:${t.atGate}:${t.verdict?.verified}`).sort(), { timeout: 60_000 })
        .toEqual(['Reloader:true:true', 'Remote:true:true', 'Steady:true:true']);

      // The server dies mid-session (SIGKILL) while teams play phase 2, and comes back on the same data.
      await api(`/api/sessions/${code}/commands`, { token, body: { kind: 'release', phase: 1 } });
      for (const p of [steady, reloader, remote]) await expect(banner(p)).toContainText('The rest: play to day 365');
      await playUntilDay(steady, 100);
      await server.kill();
      for (const p of [steady, reloader, remote]) await finishToDebrief(p);
      await expect(banner(steady)).toContainText('Offline');
      await server.start();
      await expect
        .poll(async () => (await dashboard()).teams.map((t) => `${t.name}:${Math.floor((t.summary?.at ?? 0) / 1440)}:${t.verdict?.verified}`).sort(), {
          timeout: 90_000,
        })
        .toEqual(['Reloader:365:true', 'Remote:365:true', 'Steady:365:true']);
      // Every command is still there, numbered as before.
      const exported = await api<{ events: { n: number }[]; teams: { actions: unknown[] }[] }>(`/api/sessions/${code}/export.json`, { token });
      expect(exported.events.map((e) => e.n)).toEqual([1, 2]);
    });
  });
}
