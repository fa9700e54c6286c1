// npm run bench:browser [-- --json]
// Browser figures for the built game (run `npm run build` first; the npm script does):
// 1. Time from navigation to an interactive title screen, on `vite preview` (median of 5 loads).
// 2. Frame times while playing housing-benefit at the top speed: requestAnimationFrame deltas
//    measured in the page over one minute of real time from day 0 (the busiest stretch: the
//    inherited backlog and the first quarter), median and p95.
// 3. The production bundle: JS gzipped, in total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, findChromium } from './chromium.mjs';

const json = process.argv.includes('--json');
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 60);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
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

  await page.goto(`${url}?seed=1`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock all levels (trainers)' }).click();
  await page.getByRole('button', { name: 'Play Housing benefit' }).click();
  await page.getByLabel('Deliverology').check();
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
  const out = {
    titleInteractiveMs: Math.round(quantile(loads, 0.5)),
    frameMs: { median: Math.round(quantile(result.deltas, 0.5) * 10) / 10, p95: Math.round(quantile(result.deltas, 0.95) * 10) / 10, frames: result.deltas.length },
    reachedSimTime: result.clock,
    bundleJsGzipKb: bundleGzipKb(),
  };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`title interactive: ${out.titleInteractiveMs} ms (median of 5 loads)`);
    console.log(`frames at top speed for ${seconds} s: median ${out.frameMs.median} ms, p95 ${out.frameMs.p95} ms over ${out.frameMs.frames} frames (reached ${out.reachedSimTime})`);
    console.log(`bundle: ${out.bundleJsGzipKb} KB of JS gzipped`);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
