/** The app shell in Chromium through the bridge: the status bar shows the real database's counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppInfo } from '../../src/shared/api';
import { launchChromium, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';

describe('the app shell', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    errors = watchPageErrors(page);
    await page.goto(app.bridge.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the record counts of the real service in the status bar', async () => {
    const info = (await app.dispatch('app.info', {})) as { ok: true; value: AppInfo };
    const total = Object.values(info.value.counts.nodes).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const records = page.getByTestId('status-records');
    await records.waitFor();
    expect(await records.textContent()).toBe(`${total} records`);
    expect(await page.getByTestId('status-count-actor').textContent()).toBe(`Actors ${info.value.counts.nodes.actor}`);
    expect(await page.getByTestId('status-relations').textContent()).toBe(`${info.value.counts.edges} relations`);
    expect(await page.getByTestId('status-database').textContent()).toContain(info.value.databasePath);
    await screenshot(page, 'shell');
  });

  it('keeps the token out of the address bar once read', async () => {
    expect(page.url()).not.toContain('token=');
  });

  it('loads with no console error and no CSP violation', () => {
    expect(errors).toEqual([]);
  });
});
