/**
 * Test support: headless Debian Chromium driven by playwright-core, with the flags this machine needs (no sandbox
 * as root, no GPU, and no background networking: the machine has no internet and nothing may call out).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RENDERER_JS_FLAGS } from '../../src/main/windows/rendererFlags';
import { PROJECT_ROOT } from './tempAtlas';

/** Where Chromium is expected; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where end-to-end tests save screenshots and PDFs. */
export const RESULTS_DIR = join(PROJECT_ROOT, 'test-results');

/**
 * Chromium features turned off in tests and the benchmark. Chromium honours only the last --disable-features flag,
 * so this one repeats the list Playwright passes (checked against the installed playwright-core by
 * tests/e2e/browser.test.ts) and adds the omnibox's popups. Headless Chromium keeps those popups loaded as web pages
 * of the browser's own, in a renderer of their own, which took 620-690 ms of CPU at every new tab the benchmark
 * opened (measured from /proc during an open, on two cores): a quarter of the machine, taken from the app's start.
 * The app's Electron window has no omnibox.
 */
export const DISABLED_FEATURES = [
  // Playwright's (playwright-core 1.65, chromiumSwitches.ts).
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // The omnibox's popups (both are needed: each alone leaves the other's page loaded).
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

/** Launches headless Chromium; fails with an install hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The app's own (src/main/windows/rendererFlags.ts).
      `--js-flags=${RENDERER_JS_FLAGS.join(' ')}`,
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

/** Saves a full-page screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Saves a file a test produced (an image, a PDF) under test-results/ and returns its path. */
export function saveResult(name: string, data: string | Uint8Array): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  writeFileSync(path, data);
  return path;
}

/** Collects console errors and CSP violations of a page, so a test can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
