// Where the Chromium for Playwright is: CHROMIUM_PATH, else Playwright's own download,
// else Debian's package. Returns undefined when none is installed.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright does not know its browser here; fall through.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

// Flags that keep Chromium quiet on a closed network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
