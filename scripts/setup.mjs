#!/usr/bin/env node
// Installs what the project needs on a fresh machine, and nothing when it is already there.
//   node scripts/setup.mjs            npm dependencies (npm ci from the lock file)
//   node scripts/setup.mjs --browser  ...and a Chromium for Playwright, and the test Postgres
//   node scripts/setup.mjs --postgres ...and the test Postgres alone (scripts/postgres.mjs), which
//                                     fails the setup if there can be none (with --browser alone,
//                                     it warns, and the Postgres tests say why they skip)
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

// The test Postgres (npm test's --browser asks for it too): started, or set up, or Debian's package
// installed, as needed; a second run finds it running.
const explicitPostgres = process.argv.includes('--postgres');
if (explicitPostgres || process.argv.includes('--browser')) {
  const { ensurePostgres, PostgresUnavailable } = await import('./postgres.mjs');
  try {
    const url = new URL(await ensurePostgres());
    if (url.password) url.password = '***'; // DATABASE_URL's password stays out of the log
    console.log(`[setup] Postgres for the tests: ${url}`);
  } catch (e) {
    if (e instanceof PostgresUnavailable && !explicitPostgres) {
      console.warn(`[setup] no Postgres for the tests, so they will be skipped: ${e.message}`);
    } else {
      console.error(`[setup] the test Postgres: ${e.message}`);
      process.exit(1);
    }
  }
}
