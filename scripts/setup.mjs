#!/usr/bin/env node
// Installs what the project needs on a fresh machine, and nothing when it is already there.
//   node scripts/setup.mjs            npm dependencies (npm ci from the lock file)
//   node scripts/setup.mjs --browser  ...and a Chromium for Playwright
// Browser: Playwright's own Chromium if it is installed, else Debian's /usr/bin/chromium,
// installed with apt-get when we are root; elsewhere we ask Playwright to download its own.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => {
  console.log(`[setup] ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: root });
};

function depsStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

if (depsStale()) run('npm ci --no-audit --no-fund');

if (process.argv.includes('--browser')) {
  const { findChromium } = await import('./chromium.mjs');
  if (!findChromium()) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && existsSync('/usr/bin/apt-get')) {
      run('apt-get update -qq');
      run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      run('npx playwright install chromium');
    }
    if (!findChromium()) {
      console.error('[setup] no Chromium found after install; set CHROMIUM_PATH to a Chromium binary');
      process.exit(1);
    }
  }
}
