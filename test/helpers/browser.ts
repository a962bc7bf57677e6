import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';

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
