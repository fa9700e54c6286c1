import { expect, test } from '@playwright/test';

test('the built page opens on the title screen with no page or console errors', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /It.s the System/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const hasFont = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Atkinson Hyperlegible"');
  });
  expect(hasFont, 'the packaged font loads').toBe(true);
  const path = testInfo.outputPath('title.png');
  await page.screenshot({ path });
  await testInfo.attach('title', { path, contentType: 'image/png' });
  expect(errors).toEqual([]);
});
