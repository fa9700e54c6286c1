// npm run bench:browser [-- --json]
// Browser figures for the built game (run `npm run build` first; the npm script does):
// 1. Time from navigation to an interactive title screen, on `vite preview` (median of 5 loads).
// 2. Frame times while playing housing-benefit at the top speed: requestAnimationFrame deltas
//    measured in the page over one minute of real time from day 0 (the busiest stretch: the
//    inherited backlog and the first quarter), median and p95.
// 3. The production bundle: JS gzipped, in total.
// 4. Long tasks (the Long Tasks API: main-thread tasks over 50 ms) while playing housing-benefit
//    under deliverology, seed 1, in a fresh page: starting a run, a staff change, skipping to the
//    next inspection three times (closing each inspection card), finishing the run, and the
//    debrief until its background rows ("what your choices cost", the comparisons) are done.
//    Then the same for housing repairs under the approved design: starting, two inspections,
//    finishing, and the debrief until its comparison is in.
//    Each task is put in the step that was in progress when it started; per step, the count and
//    the longest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, findChromium } from './chromium.mjs';

const json = process.argv.includes('--json');
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 60);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Step names, in the order played; tasks before the first belong to loading the game. */
const STEPS = ['loading the game', 'starting a run', 'a staff change', 'next inspection', 'finish', 'debrief'] as const;
type Step = (typeof STEPS)[number];

interface LongTask {
  step: Step;
  startMs: number;
  durationMs: number;
}

interface StepTasks {
  count: number;
  longestMs: number;
  /** The sum over tasks of the time past 50 ms (Lighthouse's total blocking time). */
  blockingMs: number;
}

/** Set up before any of the page's scripts: records every long task from navigation on. */
const LONG_TASK_OBSERVER = `
  window.__lt = { tasks: [], steps: [], error: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lt.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    window.__lt.error = String(e);
  }
`;

/** What a play-through gets to mark its steps, wait for the page, and press keys. */
interface Player {
  page: Page;
  step(name: Step): Promise<unknown>;
  settle(ms: number): Promise<unknown>;
  press(key: string): Promise<void>;
}

async function longTasks(
  browser: Browser,
  play: (p: Player) => Promise<void>,
): Promise<{ steps: Record<Step, StepTasks>; overall: StepTasks; tasks: LongTask[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(LONG_TASK_OBSERVER);
  const step = (name: Step) => page.evaluate(`window.__lt.steps.push({ step: ${JSON.stringify(name)}, at: performance.now() })`);
  // Two frames and a pause: anything the step set going has run, and the observer has reported it.
  const settle = (ms: number) => page.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, ${ms}))))`);
  // Keys go to the document: nothing focused (a button keeps focus after a click; a select would take the key).
  const press = async (key: string) => {
    await page.evaluate('document.activeElement?.blur?.()');
    await page.keyboard.press(key);
  };
  try {
    await play({ page, step, settle, press });
    const got = (await page.evaluate('window.__lt')) as {
      tasks: { start: number; duration: number }[];
      steps: { step: Step; at: number }[];
      error: string | null;
    };
    if (got.error) throw new Error(`Long Tasks API: ${got.error}`);
    const stepAt = (t: number): Step => {
      let s: Step = 'loading the game';
      for (const m of got.steps) if (m.at <= t) s = m.step;
      return s;
    };
    const tasks: LongTask[] = got.tasks.map((t) => ({ step: stepAt(t.start), startMs: round1(t.start), durationMs: round1(t.duration) }));
    const tally = (ts: LongTask[]): StepTasks => ({
      count: ts.length,
      longestMs: ts.reduce((m, t) => Math.max(m, t.durationMs), 0),
      blockingMs: round1(ts.reduce((a, t) => a + t.durationMs - 50, 0)),
    });
    const steps = Object.fromEntries(STEPS.map((s) => [s, tally(tasks.filter((t) => t.step === s))])) as Record<Step, StepTasks>;
    return { steps, overall: tally(tasks), tasks };
  } finally {
    await page.close();
  }
}

/** A level's briefing, seed 1, its regime chosen: from a fresh page, every level unlocked. */
async function openBriefing(page: Page, level: string, regime: string): Promise<void> {
  await page.goto(`${url}?seed=1`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: `Play ${level}` }).click();
  await page.getByLabel(regime).check();
}

/** Housing benefit under deliverology, seed 1: start, two staff changes, three inspections, finish, the debrief filling in. */
async function playHousingBenefit({ page, step, settle, press }: Player): Promise<void> {
  await openBriefing(page, 'Housing benefit', 'Deliverology');
  await settle(500);

  await step('starting a run');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.stage canvas').waitFor();
  await page.getByRole('region', { name: 'Dashboard', exact: true }).getByText('Day 1').first().waitFor();
  await settle(1500);

  const card = page.getByRole('dialog', { name: /Inspection report/ });
  for (let i = 0; i < 3; i++) {
    // Choices for the debrief to price: one more assessor before each of the first two inspections.
    if (i < 2) {
      await step('a staff change');
      await page.getByRole('button', { name: 'One more Benefit assessor' }).click();
      await settle(300);
    }
    await step('next inspection');
    await press('n');
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Back to work' }).click();
    await card.waitFor({ state: 'hidden' });
    await settle(500);
  }

  await step('finish');
  await press('f');
  await page.getByRole('heading', { level: 1, name: /What really happened/ }).waitFor({ timeout: 60_000 });

  await step('debrief');
  await page.locator('section.choices-cost[data-status="done"]').waitFor({ state: 'attached', timeout: 120_000 });
  await page
    .getByRole('table', { name: /the same citizens, the same seed/ })
    .first()
    .waitFor({ timeout: 120_000 });
  await settle(1000);
}

/** Housing repairs, the approved design, seed 1: start, two inspections, finish, the debrief filling in. */
async function playHousingRepairs({ page, step, settle }: Player): Promise<void> {
  await openBriefing(page, 'Housing repairs', 'The approved design');
  await settle(500);

  await step('starting a run');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.stage canvas').waitFor();
  await page.getByRole('region', { name: 'The dashboard' }).getByText('Day 1').first().waitFor();
  await settle(1500);

  const card = page.getByRole('dialog', { name: /^Inspection/ });
  for (let i = 0; i < 2; i++) {
    await step('next inspection');
    await page.getByRole('button', { name: 'Next inspection' }).click();
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Carry on' }).click();
    await card.waitFor({ state: 'hidden' });
    await settle(500);
  }

  await step('finish');
  await page.getByRole('button', { name: 'Finish run' }).click();
  await page.getByRole('heading', { name: 'What the dashboard said, and what tenants lived' }).waitFor({ timeout: 60_000 });

  await step('debrief');
  await page.locator('table.compare [data-measure="endToEnd"] td').nth(1).filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 });
  await settle(1000);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function bundleGzipKb(): number {
  const dir = 'dist/assets';
  let total = 0;
  for (const f of readdirSync(dir)) if (f.endsWith('.js')) total += gzipSync(readFileSync(join(dir, f))).length;
  return Math.round(total / 102.4) / 10;
}

const server = await preview({ preview: { port: 4174, host: '127.0.0.1', strictPort: true }, logLevel: 'silent' });
const url = 'http://127.0.0.1:4174/';
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(url);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    loads.push(await page.evaluate(() => performance.getEntriesByName('title-interactive')[0]!.startTime));
  }

  await openBriefing(page, 'Housing benefit', 'Deliverology');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.stage canvas').waitFor();
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Fastest' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // In-page code as a string: tsx would otherwise wrap its functions in helpers the page lacks.
  const result = (await page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    const end = performance.now() + ${seconds * 1000};
    let last = performance.now();
    const frame = (t) => {
      deltas.push(t - last);
      last = t;
      // Inspection cards pause play; close them so the minute is all top-speed play.
      const back = [...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Back to work');
      if (back) {
        back.click();
        document.querySelector('.panel button.primary')?.click();
      }
      if (t < end) requestAnimationFrame(frame);
      else resolve({ deltas: deltas.slice(1), clock: document.querySelector('.clock')?.textContent ?? '' });
    };
    requestAnimationFrame(frame);
  })`)) as { deltas: number[]; clock: string };
  await page.close();
  const tasks = await longTasks(browser, playHousingBenefit);
  const repairsTasks = await longTasks(browser, playHousingRepairs);
  const out = {
    titleInteractiveMs: Math.round(quantile(loads, 0.5)),
    frameMs: {
      median: Math.round(quantile(result.deltas, 0.5) * 10) / 10,
      p95: Math.round(quantile(result.deltas, 0.95) * 10) / 10,
      frames: result.deltas.length,
    },
    reachedSimTime: result.clock,
    bundleJsGzipKb: bundleGzipKb(),
    longTasks: tasks,
    repairsLongTasks: repairsTasks,
  };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`title interactive: ${out.titleInteractiveMs} ms (median of 5 loads)`);
    console.log(
      `frames at top speed for ${seconds} s: median ${out.frameMs.median} ms, p95 ${out.frameMs.p95} ms over ${out.frameMs.frames} frames (reached ${out.reachedSimTime})`,
    );
    console.log(`bundle: ${out.bundleJsGzipKb} KB of JS gzipped`);
    console.log('long tasks (over 50 ms) playing housing-benefit, by step: count, longest, blocking time past 50 ms');
    for (const [name, t] of [...Object.entries(tasks.steps), ['overall', tasks.overall] as const]) {
      console.log(`  ${name.padEnd(17)} ${String(t.count).padStart(3)}  ${String(t.longestMs).padStart(7)} ms  ${String(t.blockingMs).padStart(7)} ms`);
    }
    console.log('long tasks playing housing-repairs (no staff changes), by step');
    for (const [name, t] of [...Object.entries(repairsTasks.steps), ['overall', repairsTasks.overall] as const]) {
      if (name === 'a staff change') continue;
      console.log(`  ${name.padEnd(17)} ${String(t.count).padStart(3)}  ${String(t.longestMs).padStart(7)} ms  ${String(t.blockingMs).padStart(7)} ms`);
    }
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
