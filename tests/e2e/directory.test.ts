/**
 * The Directory tab in Chromium through the bridge: it previews the sample network's directory and exports a
 * public HTML directory that holds no confidential street address; the import wizard previews a coalition
 * spreadsheet with its merge diff and applies it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';
import { PROJECT_ROOT } from '../support/tempAtlas';

describe('the Directory tab', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto(app.bridge.url);
    await page.locator('#tab-directory').click();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('previews the directory of a region and need', async () => {
    await page.getByTestId('directory-region').fill('US-CA/Los Angeles County');
    await page.locator('.directory-controls summary', { hasText: 'Needs' }).click();
    await page.getByTestId('directory-need-shelter').check();
    await page.getByTestId('directory-entry').first().waitFor();
    const names = await page.getByTestId('directory-entry').locator('h3').allTextContents();
    expect(names).toContain('Marigold Gate Residence');
    // Public preview: the shelter's confidential street is not on screen.
    expect(await page.getByTestId('directory-preview').textContent()).not.toContain('1427 Quiet Harbor Way');
    await screenshot(page, 'directory-preview');
  });

  it('exports a public HTML directory with no confidential street address', async () => {
    await page.getByTestId('directory-audience-public').check();
    await page.getByTestId('directory-format').selectOption('html');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('directory-export').click()]);
    const path = await download.path();
    const html = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^referral-directory-public-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html).toContain('Marigold Gate Residence');
    expect(html).not.toContain('1427 Quiet Harbor Way');
    expect(html).not.toContain('CONFIDENTIAL');
    await page.getByTestId('directory-status').filter({ hasText: 'Exported' }).waitFor();
  });

  it('previews a spreadsheet import with its diff, then applies it', async () => {
    // Waiting for the chooser from here, several round trips before Enter opens it: Playwright turns on Chromium's
    // interception of file choosers when the first listener comes, and does not wait for it, so a listener added
    // beside the key press can miss the chooser (it did once in CI: a 30 s timeout).
    const chooserOpened = page.waitForEvent('filechooser');
    await page.getByTestId('directory-import').click();
    await page.getByTestId('import-format').selectOption('elements-csv');
    // The files, chosen by keyboard: Tab from the format reaches the file chooser (its label shows the focus), Enter
    // opens it.
    await page.getByTestId('import-format').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    expect(await page.locator('.file-choice label').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe(
      'solid',
    );
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles([
      join(PROJECT_ROOT, 'tests/fixtures/io/elements.csv'),
      join(PROJECT_ROOT, 'tests/fixtures/io/connections.csv'),
    ]);
    expect(await page.locator('.file-choice').textContent()).toContain('elements.csv, connections.csv');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').textContent()).toContain('Would add (2)');
    await screenshot(page, 'directory-import-preview');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-message').filter({ hasText: 'Imported: 2 added' }).waitFor();
    expect(app.atlas.store.index.node('actor:harbor-light-legal')?.name).toBe('Harbor Light Legal Clinic');
  });

  it('runs with no console error and no CSP violation', () => {
    expect(errors).toEqual([]);
  });
});
