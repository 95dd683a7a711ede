/**
 * The Chromium that the end-to-end tests and the benchmark drive (tests/support/browser.ts): its one
 * --disable-features flag keeps Playwright's own list, and the browser loads no page of its own beside the app's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DISABLED_FEATURES, launchChromium } from '../support/browser';

/** The features the installed playwright-core turns off, read from its source (the list is not exported). */
function playwrightDisabledFeatures(): string[] {
  const lib = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'lib');
  const source = [join(lib, 'server/chromium/chromiumSwitches.js'), join(lib, 'coreBundle.js')].find((file) =>
    existsSync(file),
  );
  if (!source) throw new Error(`No chromiumSwitches.js or coreBundle.js under ${lib}: where is Playwright's list?`);
  const list = /disabledFeatures\s*=\s*\[([\s\S]*?)\]/.exec(readFileSync(source, 'utf8'))?.[1];
  if (list === undefined) throw new Error(`No disabledFeatures list in ${source}.`);
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

describe('the test browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every feature Playwright turns off turned off (only the last --disable-features flag counts)', () => {
    const playwrights = playwrightDisabledFeatures();
    expect(playwrights.length).toBeGreaterThan(5);
    expect(playwrights.filter((feature) => !DISABLED_FEATURES.includes(feature))).toEqual([]);
  });

  it("loads no page of the browser's own (the omnibox's popups) beside the app's", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('data:text/html,<p>Referral Atlas</p>');
    await page.waitForTimeout(500);
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    await session.detach();
    await context.close();
    expect(targetInfos.map((target) => target.url)).toEqual(['data:text/html,<p>Referral Atlas</p>']);
  });
});
