// Phones, projectors and no network. On a phone (390 and 360 px wide) the offices, the inspection
// card and the debriefs fit the width with no sideways scroll, the picture scales down to fit, and
// every control is in reach and tall enough for a finger. On a projector the type is larger than
// on a laptop and the office uses the whole width. After one visit the built game opens offline.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchErrors } from './pageErrors';

/** A finger's height, less a little for rounding: controls are 2.5rem, 42.5 px at 17 px. */
const FINGER = 40;

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${where}: the page is no wider than the screen`).toBeLessThanOrEqual(inner);
}

/** Scrolls the control into view; it is then wholly inside the viewport, finger-sized, and the one a tap at its centre reaches. */
async function expectReachable(page: Page, control: Locator, name: string): Promise<void> {
  const view = page.viewportSize()!;
  const itself = await control.evaluate((el) => el.outerHTML.slice(0, 120));
  // Sections above it are laid out as they scroll into view (content-visibility), which can move
  // it: scroll again until it stays.
  await expect(async () => {
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    expect(box, `${name} is laid out`).not.toBeNull();
    expect(box!.height, `${name} is tall enough for a finger`).toBeGreaterThanOrEqual(FINGER);
    // Half a pixel either way is layout rounding.
    expect(box!.x, `${name} starts inside the screen`).toBeGreaterThanOrEqual(-0.5);
    expect(box!.x + box!.width, `${name} ends inside the screen`).toBeLessThanOrEqual(view.width + 0.5);
    expect(box!.y, `${name} is on screen`).toBeGreaterThanOrEqual(-0.5);
    expect(box!.y + box!.height, `${name} is on screen`).toBeLessThanOrEqual(view.height + 0.5);
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button, select, input')?.outerHTML.slice(0, 120) ?? null,
      [box!.x + box!.width / 2, box!.y + box!.height / 2],
    );
    expect(hit, `a tap at the centre of ${name} lands on it`).toBe(itself);
  }).toPass({ timeout: 10_000 });
}

/** Every visible button, select and input in `scope` (inline glossary links aside) is finger-sized. */
async function expectFingerSized(scope: Locator, where: string): Promise<void> {
  const small = await scope.evaluate((root, min) => {
    const controls = [...root.querySelectorAll<HTMLElement>('button:not(.term-link), select, input:not([type="radio"]):not([type="checkbox"])')];
    return controls
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden], details:not([open])'))
      .filter((el) => el.getBoundingClientRect().height < min)
      .map((el) => `${el.textContent?.trim() || el.getAttribute('aria-label') || el.id}: ${Math.round(el.getBoundingClientRect().height)} px`);
  }, FINGER);
  expect(small, `${where}: controls shorter than ${FINGER} px`).toEqual([]);
}

async function expectCanvasFits(page: Page, where: string): Promise<void> {
  const canvas = page.locator('.stage canvas');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, `${where}: the picture starts inside the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${where}: the picture ends inside the screen`).toBeLessThanOrEqual(width);
  expect(box.width, `${where}: the picture is scaled down from its 960 px`).toBeLessThan(960);
}

async function openBriefing(page: Page, levelTitle: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: `Play ${levelTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: levelTitle })).toBeVisible();
}

async function toHousingBenefitOffice(page: Page): Promise<void> {
  await openBriefing(page, 'Housing benefit');
  await page.getByLabel('Deliverology').check();
  await page.getByLabel(/^Seed/).fill('5');
  await page.getByLabel(/^Seed/).press('Tab');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
}

/** Opens every table behind a "show the numbers" summary, so they count in the page's width. */
async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

for (const size of [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
]) {
  test.describe(`a phone, ${size.width} x ${size.height}`, () => {
    test.use({ viewport: size });

    test('housing benefit: the office, the inspection card and the debrief fit and every control is in reach', async ({ page }) => {
      test.setTimeout(120_000);
      const errors = watchErrors(page);
      await page.goto('/');
      await expectNoSidewaysScroll(page, 'title');
      await expectReachable(page, page.getByRole('button', { name: 'Play', exact: true }), 'Play');
      await toHousingBenefitOffice(page);

      const office = page.locator('.screen.office');
      await expectCanvasFits(page, 'office');
      await expectNoSidewaysScroll(page, 'office');
      await expectFingerSized(office, 'office');
      await expectReachable(page, page.getByRole('button', { name: 'Finish run' }), 'Finish run');
      const more = page.getByRole('button', { name: 'One more Benefit assessor' });
      await expectReachable(page, more, 'one more assessor');
      const assessors = page.locator('.staff li', { hasText: 'Benefit assessor' }).locator('.count');
      const before = Number(await assessors.textContent());
      await more.click();
      await expect(assessors).toHaveText(String(before + 1));
      await expectReachable(page, page.getByLabel('Close incomplete claims'), 'a rule');

      await page.getByRole('button', { name: 'Next inspection' }).click();
      const card = page.getByRole('dialog');
      await expect(card).toContainText('Inspection report');
      await expectNoSidewaysScroll(page, 'inspection card');
      const cardBox = (await card.boundingBox())!;
      expect(cardBox.x + cardBox.width, 'the inspection card fits the screen').toBeLessThanOrEqual(size.width);
      await expectReachable(page, card.getByRole('button', { name: 'Back to work' }), 'Back to work');
      await card.getByRole('button', { name: 'Back to work' }).click();
      await expect(card).toBeHidden();

      await page.getByRole('button', { name: 'Finish run' }).click();
      await expect(page.getByRole('heading', { level: 1, name: /What really happened/ })).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('.compare-slot table').first()).toBeVisible({ timeout: 60_000 });
      await openAllDetails(page);
      await expectNoSidewaysScroll(page, 'debrief');
      // Nothing inside a section is cut off at its edge (the debrief's lower sections clip what overflows).
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.debrief table, .debrief svg')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > window.innerWidth)
          .map((el) => el.closest('section')?.querySelector('h2')?.textContent ?? el.tagName),
      );
      expect(clipped, 'debrief: tables and charts within the screen').toEqual([]);
      await expectFingerSized(page.locator('.screen.debrief'), 'debrief');
      await expectReachable(page, page.getByRole('button', { name: /^Play again as/ }), 'Play again as the other regime');
      await expectReachable(page, page.getByRole('button', { name: 'Menu' }), 'Menu');
      expect(errors).toEqual([]);
    });

    test('housing repairs: the office and the debrief fit and every control is in reach', async ({ page }) => {
      test.setTimeout(90_000);
      const errors = watchErrors(page);
      await openBriefing(page, 'Housing repairs');
      await expectNoSidewaysScroll(page, 'repairs briefing');
      await page.getByLabel('The approved design').check();
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.getByRole('region', { name: 'The dashboard' })).toContainText('Day 1');
      await expectCanvasFits(page, 'repairs office');
      await expectNoSidewaysScroll(page, 'repairs office');
      await expectFingerSized(page.locator('.screen.office'), 'repairs office');
      await expectReachable(page, page.getByRole('button', { name: 'One more: Plumbers' }), 'one more plumber');
      await expectReachable(page, page.getByRole('button', { name: 'Finish run' }), 'Finish run');
      await page.getByRole('button', { name: 'Finish run' }).click();
      await expect(page.getByRole('heading', { name: 'What the dashboard said, and what tenants lived' })).toBeVisible();
      await openAllDetails(page);
      await expectNoSidewaysScroll(page, 'repairs debrief');
      await expectFingerSized(page.locator('.screen.debrief'), 'repairs debrief');
      await expectReachable(page, page.getByRole('button', { name: 'Save this run (JSON)' }), 'Save this run');
      expect(errors).toEqual([]);
    });
  });
}

test('on a projector the type is larger than on a laptop, and the office and its picture use the width', async ({ page }) => {
  test.setTimeout(60_000);
  const baseFont = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const laptop = await baseFont();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const projector = await baseFont();
  expect(projector, `1920 x 1080 (${projector} px) against 1366 x 768 (${laptop} px)`).toBeGreaterThan(laptop);
  await page.setViewportSize({ width: 2560, height: 1440 });
  expect(await baseFont(), 'larger again at 2560 x 1440').toBeGreaterThan(projector);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await toHousingBenefitOffice(page);
  await expectNoSidewaysScroll(page, 'office at 1920');
  const office = (await page.locator('.screen.office').boundingBox())!;
  expect(office.width, 'the office is not capped at 1,400 px').toBeGreaterThan(1800);
  const canvas = page.locator('.stage canvas');
  await expect(canvas).toBeVisible();
  const shown = (await canvas.boundingBox())!;
  expect(shown.width, 'the picture is shown larger than its 960 px').toBeGreaterThan(1200);
  expect(shown.y + shown.height, 'and still fits the screen under the dashboard').toBeLessThanOrEqual(1080);
  // Drawn at the size it is shown, so its lines and lettering stay sharp.
  expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width), 'the canvas draws more pixels than its design size').toBeGreaterThan(960);
});

test('after one visit the built game opens and plays with the network off, and nothing under /api/ is cached', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /It.s the System/ })).toBeVisible();
  // The service worker has installed (precaching every file of the build) and is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: /It.s the System/ })).toBeVisible();
    // And it plays: Phaser and the sim come from the cache too.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
    await page.getByRole('button', { name: 'Play Housing benefit' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('region', { name: 'Dashboard', exact: true })).toContainText('Day 1');
    await expect(page.locator('.stage canvas')).toBeVisible();
    const api = await page.evaluate(() =>
      fetch('./api/health').then(
        (r) => `answered ${r.status}`,
        () => 'not answered',
      ),
    );
    expect(api, 'a request to /api/ goes to the network, not to a cache').toBe('not answered');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(cached.length, 'the build is precached').toBeGreaterThan(5);
    expect(
      cached.filter((u) => u.includes('/api/')),
      'no /api/ address in any cache',
    ).toEqual([]);
  } finally {
    await context.setOffline(false);
  }
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as { display: string; start_url: string; icons: { sizes: string }[] }) : null;
  });
  expect(manifest, 'the page links its web app manifest').not.toBeNull();
  expect(manifest!.display).toBe('standalone');
  expect(manifest!.start_url).toBe('./');
  expect(manifest!.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
