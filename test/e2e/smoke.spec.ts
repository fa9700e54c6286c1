import { expect, test } from '@playwright/test';

test('placeholder page loads and runs the simulator for a year', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /It.s the System/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Try the simulator' })).toBeVisible();

  await page.getByLabel('Level').selectOption('housing-benefit');
  await page.getByLabel('Regime').selectOption('deliverology');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: 'Run one year' }).click();

  const table = page.getByRole('table');
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table).toContainText('Housing benefit');
  await expect(page.getByRole('status')).toContainText('Done');

  const reported = table.getByRole('row', { name: /^Reported average time/ }).getByRole('cell');
  await expect(reported).toHaveText(/^\d[\d,]*(\.\d+)? (days|minutes?)$/);
  const needs = table.getByRole('row', { name: /^Needs met/ }).getByRole('cell');
  await expect(needs).toHaveText(/^\d[\d,]* of \d[\d,]*$/);
  await expect(page.getByRole('button', { name: 'Run one year' })).toBeEnabled();

  const screenshot = testInfo.outputPath('placeholder.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('placeholder', { path: screenshot, contentType: 'image/png' });

  expect(pageErrors, 'page errors').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});
