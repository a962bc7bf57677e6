import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, driven headless by playwright-core. */
export const chromiumPath = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Declares a browser suite. Without Chromium it is a failing test in CI and a skipped one
 * elsewhere, reported as skipped, never as a pass.
 */
export function describeInChromium(title: string, suite: () => void): void {
  if (fs.existsSync(chromiumPath)) {
    describe(title, suite);
  } else if (process.env.CI === 'true') {
    test(`Chromium is installed for: ${title}`, () => {
      assert.fail(`Chromium is required in CI and was not found at ${chromiumPath}`);
    });
  } else {
    test(title, { skip: `Chromium is not installed at ${chromiumPath}` }, () => {});
  }
}

/**
 * Writes to `problems` what a reader's console would show as faults: every
 * Content-Security-Policy violation on the context's pages (reported by the browser as an
 * event) and every uncaught exception. Tests assert the list is empty at their end.
 */
export async function watchContext(context: BrowserContext, problems: string[]): Promise<void> {
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} on ${e.documentURI}`);
    });
  });
  context.on('page', (page) => {
    page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  });
}
