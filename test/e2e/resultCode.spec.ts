// A student plays housing benefit alone from a trainer's link with a seed, reaches the debrief and
// copies a result code; the trainer, on a real session service, makes a session with the same
// seed, pastes the code (and a line that is not one) and sees the student's run on the dashboard
// as a team, its figures verified by re-simulation. Pasting it again adds no second team.
import { expect, test } from '@playwright/test';
import { watchErrors } from './pageErrors';
import { type RoomServer, startRoomServer } from './roomServer';

const SEED = 12;
let server: RoomServer;

test.beforeAll(async () => {
  server = await startRoomServer(4186);
});
test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
});
test.afterAll(async () => {
  await server?.stop();
});

test('a run played alone comes into a session by its result code, verified', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // The student: the built game with no session service behind it (Playwright's preview server).
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const student = await context.newPage();
  const errors = watchErrors(student);
  await student.goto(`/?level=housing-benefit&regime=deliverology&seed=${SEED}`);
  await student.getByRole('button', { name: 'Play', exact: true }).click();
  // The link unlocked the level it names; its seed is the briefing's.
  await student.getByRole('button', { name: 'Play Housing benefit' }).click();
  await expect(student.getByLabel(/^Seed/)).toHaveValue(String(SEED));
  await student.getByRole('button', { name: 'Start' }).click();
  await expect(student.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
  await student.getByRole('button', { name: 'One more Benefit assessor' }).click();
  await student.getByLabel('Close incomplete claims').selectOption({ label: 'After 56 days' });
  await student.getByRole('button', { name: 'Finish run' }).click();
  await expect(student.getByRole('heading', { level: 1, name: /What really happened/ })).toBeVisible({ timeout: 60_000 });

  const section = student.getByRole('region', { name: 'Your result code' });
  await expect(section).toBeVisible({ timeout: 10_000 });
  const codeEl = section.locator('#result-code[data-ready="true"]');
  await expect(codeEl).toHaveText(/^ITS1-[A-Za-z0-9_-]+$/);
  const nameless = (await codeEl.textContent())!;
  await section.getByLabel(/Your name/).fill('Sam Okafor');
  // The code is made again with the name in it.
  await expect(codeEl).not.toHaveText(nameless);
  await expect(codeEl).toHaveText(/^ITS1-[A-Za-z0-9_-]+$/);
  const code = (await codeEl.textContent())!;
  expect(code.length).toBeLessThan(600);
  await section.getByRole('button', { name: 'Copy the code' }).click();
  await expect(section.getByRole('status')).toContainText('Copied');
  expect(await student.evaluate(() => navigator.clipboard.readText())).toBe(code);
  expect(errors).toEqual([]);

  // The trainer: a session of the same level and seed on a real service.
  const trainer = await (await browser.newContext()).newPage();
  const trainerErrors = watchErrors(trainer);
  await trainer.goto(`${server.url}/?trainer`);
  await trainer.getByLabel('Level').selectOption('housing-benefit');
  await trainer.getByLabel(/^Seed/).fill(String(SEED));
  await trainer.getByLabel('Phases').selectOption('whole');
  await trainer.getByRole('button', { name: 'Create the session' }).click();
  await expect(trainer.locator('[data-code]')).toHaveText(/^[2345679ACDEFGHJKMNPQRTUVWXYZ]{6}$/);

  const form = trainer.getByRole('region', { name: 'Import result codes' });
  await form.getByLabel('Result codes (one per line)').fill(`${code}\n\nnot a code at all\n`);
  await form.getByRole('button', { name: 'Import' }).click();
  const results = form.getByRole('listitem');
  await expect(results).toHaveCount(2, { timeout: 60_000 });
  await expect(results.nth(0)).toContainText('Line 1');
  await expect(results.nth(0)).toContainText('imported as Sam Okafor (result code), its figures verified');
  await expect(results.nth(1)).toContainText('Line 3');
  await expect(results.nth(1)).toContainText('refused: this is not a result code');
  // What was refused stays in the box to be mended.
  await expect(form.getByLabel('Result codes (one per line)')).toHaveValue('not a code at all');

  const row = trainer.getByRole('row').filter({ has: trainer.getByRole('rowheader', { name: 'Sam Okafor (result code)', exact: true }) });
  await expect(row).toContainText('365');
  await expect(row.locator('.verdict')).toHaveText('yes');

  // Pasted again: the same team, not a second one.
  await form.getByLabel('Result codes (one per line)').fill(code);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(results).toHaveCount(1);
  await expect(results.nth(0)).toContainText('already imported, as Sam Okafor (result code)');
  await expect(trainer.getByRole('rowheader', { name: /result code/ })).toHaveCount(1);
  expect(trainerErrors).toEqual([]);
});
