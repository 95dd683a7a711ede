/**
 * Search in Chromium through the bridge: the command palette (Ctrl+K) finds a misspelled name with its matched
 * characters marked, Enter opens the record in the network view, the arrow keys choose another result, a query
 * that matches nothing says so, and the sidebar's search box opens a record too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';

describe('search in the app', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  const openPalette = async () => {
    await page.keyboard.press('Control+K');
    await page.getByTestId('command-palette').waitFor();
  };
  const results = () => page.getByTestId('command-palette').getByTestId('search-result');

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    errors = watchPageErrors(page);
    await page.goto(app.bridge.url);
    await page.getByTestId('status-records').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('finds a misspelled name while typing, with the matched characters marked', async () => {
    await page.getByRole('tab', { name: 'Plan' }).click();
    await openPalette();
    await page.getByTestId('palette-input').pressSequentially('Polaris Projet', { delay: 40 });
    const first = results().first();
    await expect.poll(() => first.getAttribute('data-id')).toBe('actor:polaris-project');
    expect(await first.locator('mark').allTextContents()).toEqual(['Polaris', 'Project']);
    expect(await first.getAttribute('aria-selected')).toBe('true');
    const input = page.getByTestId('palette-input');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await screenshot(page, 'search-palette');
  });

  it('opens the chosen record with Enter: the network view shows it and the palette closes', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    expect(await page.getByRole('tab', { name: 'Network' }).getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-selected-id="actor:polaris-project"]').waitFor();
    await screenshot(page, 'search-opened');
  });

  it('moves through the results with the arrow keys and opens the one chosen', async () => {
    await openPalette();
    await page.getByTestId('palette-input').pressSequentially('tvpa', { delay: 30 });
    await expect.poll(() => results().first().getAttribute('data-id')).toBe('statute:tvpa-2000');
    await page.keyboard.press('ArrowDown');
    const second = results().nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const chosen = await second.getAttribute('data-id');
    expect(chosen).not.toBe('statute:tvpa-2000');
    await page.keyboard.press('Enter');
    await page.locator(`[data-selected-id="${chosen}"]`).waitFor();
  });

  it('says so when nothing matches, and Esc closes the palette', async () => {
    await openPalette();
    await page.getByTestId('palette-input').fill('xyzzy qwrtpl');
    const status = page.getByTestId('command-palette').getByTestId('search-status');
    await expect.poll(() => status.textContent()).toContain('No record matches “xyzzy qwrtpl”');
    expect(await results().count()).toBe(0);
    await screenshot(page, 'search-nothing');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  it('opens a record from the search box of the network view’s sidebar', async () => {
    const box = page.getByTestId('search-box').getByRole('combobox');
    await box.fill('casa tres lunas');
    const option = page.getByTestId('search-box').getByTestId('search-result').first();
    await expect.poll(() => option.getAttribute('data-id')).toBe('sample:casa-tres-lunas');
    await option.click();
    await page.locator('[data-selected-id="sample:casa-tres-lunas"]').waitFor();
  });

  it('runs with no console error and no CSP violation', () => {
    expect(errors).toEqual([]);
  });
});
