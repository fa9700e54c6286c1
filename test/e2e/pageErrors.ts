import type { Page } from '@playwright/test';

/** Collects the page's uncaught errors and console errors (and warnings, if asked) while a test plays it. */
export function watchErrors(page: Page, options: { warnings?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || (options.warnings && m.type() === 'warning')) errors.push(`console ${m.type()}: ${m.text()}`);
  });
  return errors;
}
