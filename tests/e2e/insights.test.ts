/** The Insights tab in Chromium through the bridge, on the sample network: heatmap, ranked tables, mark verified. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import type {
  CentralityResult,
  CoverageResult,
  VerificationQueueResult,
} from '../../src/shared/api/methods/insightsMethods';
import { launchChromium, saveResult, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';

describe('the Insights tab', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  /** Errors the page logged before the Insights tab opened belong to other views. */
  let errorsBefore = 0;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(method as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    errors = watchPageErrors(page);
    // With the test hook: the overlay test counts what the network view's Cytoscape instance draws.
    const url = new URL(app.bridge.url);
    url.search = '?atlasTest=1';
    await page.goto(url.toString());
    await page.getByTestId('status-records').waitFor();
    errorsBefore = errors.length;
    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.getByTestId('coverage-heatmap').locator('svg').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('ranks the sample partners by betweenness, the same order the service computes', async () => {
    const expected = await value<CentralityResult>('insights.centrality', { measure: 'betweenness', limit: 5 });
    const names = await page.getByTestId('centrality-table').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.slice(0, 5)).toEqual(expected.rows.map((row) => row.name));
    await screenshot(page, 'insights');
  });

  it('re-ranks when another measure is chosen', async () => {
    const expected = await value<CentralityResult>('insights.centrality', { measure: 'pagerank', limit: 3 });
    await page.getByTestId('insights-measure').selectOption('pagerank');
    const first = page.getByTestId('centrality-table').locator('tbody tr').first().locator('td').nth(1);
    await expect.poll(() => first.textContent()).toBe(expected.rows[0]!.name);
    await page.getByTestId('insights-measure').selectOption('betweenness');
  });

  it('hands the network view a size overlay and a community colour overlay, and clears both', async () => {
    const centrality = await value<CentralityResult>('insights.centrality', { measure: 'betweenness', limit: 5 });
    /** Drawn nodes carrying each overlay field, and how many of the sized nodes are drawn at all. */
    const drawn = () =>
      page.evaluate((sized) => {
        const cy = (window as unknown as { __atlasCy?: Core }).__atlasCy;
        if (!cy || cy.destroyed()) return null;
        return {
          sized: cy.nodes('[overlaySize]').length,
          coloured: cy.nodes('[overlayColour]').length,
          inOverlay: sized.filter((id) => cy.getElementById(id).nonempty()).length,
        };
      }, Object.keys(centrality.overlay.size));
    const showTab = (name: string) => page.getByRole('tab', { name }).click();
    await page.getByRole('button', { name: 'Size graph nodes by Betweenness' }).click();
    await page.getByText('The network view now shows this overlay.').waitFor();
    await page.getByRole('button', { name: 'Colour graph by community' }).click();
    // The network view, opened again, draws both on the records it shows.
    await showTab('Network');
    await expect
      .poll(async () => {
        const now = await drawn();
        return now !== null && now.inOverlay > 0 && now.sized === now.inOverlay && now.coloured > 0;
      })
      .toBe(true);
    await showTab('Insights');
    await page.getByRole('button', { name: 'Clear graph overlay' }).click();
    await expect.poll(() => page.getByText('The network view now shows this overlay.').count()).toBe(0);
    await showTab('Network');
    await expect.poll(async () => (await drawn())?.inOverlay ?? 0).toBeGreaterThan(0);
    expect(await drawn()).toMatchObject({ sized: 0, coloured: 0 });
    await showTab('Insights');
    await page.getByTestId('coverage-heatmap').locator('svg').waitFor();
  });

  it('draws the coverage heatmap with one labelled cell per need and region, and a table alternative', async () => {
    const coverage = await value<CoverageResult>('insights.coverage', {});
    const cells = page.getByTestId('coverage-heatmap').locator('svg g > rect');
    expect(await cells.count()).toBe(coverage.matrix.needs.length * coverage.matrix.regions.length);
    const row = coverage.matrix.needs.findIndex((need) => need.code === 'shelter');
    const column = coverage.matrix.regions.indexOf('US-CA/Los Angeles County');
    const count = coverage.matrix.counts[row]![column]!;
    const title = page.getByTestId('coverage-heatmap').locator('svg g > title', {
      hasText: `Shelter in US-CA/Los Angeles County: ${count} providers`,
    });
    expect(await title.count()).toBe(1);
    await page.getByTestId('coverage-heatmap').scrollIntoViewIfNeeded();
    await screenshot(page, 'insights-coverage');
    await page.getByRole('button', { name: 'Show as table' }).click();
    const table = page.getByTestId('coverage-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(coverage.matrix.needs.length);
    await page.getByRole('button', { name: 'Show as chart' }).click();
  });

  it('lists the deserts and the single points of failure', async () => {
    expect(await page.getByTestId('desert-list').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('spof-table').locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('marks the most important stale record verified and takes it off the queue', async () => {
    const before = await value<VerificationQueueResult>('insights.verificationQueue', { limit: 1 });
    const first = before.rows[0]!;
    const table = page.getByTestId('verification-table');
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'insights-failures-and-queue');
    const mark = page.getByRole('button', { name: `Mark ${first.name} verified`, exact: true });
    await mark.click();
    await expect.poll(() => page.getByText(/1 marked verified today/).count()).toBe(1);
    await expect.poll(() => mark.count()).toBe(0);
    const after = await value<VerificationQueueResult>('insights.verificationQueue', { limit: 1 });
    expect(after.total).toBe(before.total - 1);
    expect(app.atlas.store.index.node(first.id)?.verifiedAt).not.toBe(first.verifiedAt);
  });

  it('shows what the TVPA mandates and the progress of the 14 recommendations', async () => {
    const policy = page.getByTestId('policy-table');
    await policy.scrollIntoViewIfNeeded();
    expect(await policy.locator('tbody tr').count()).toBe(14);
    expect(await page.getByTestId('statute-impact').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'insights-law-and-policy');
  });

  it('prints the coalition report on one A4 page, and its HTML reads as a page of its own', async () => {
    const pdf = await value<{ content: string; fileName: string }>('insights.report', { format: 'pdf' });
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    saveResult('coalition-report.pdf', bytes);
    const html = await value<{ content: string }>('insights.report', { format: 'html' });
    const reportPage = await browser.newPage({ viewport: { width: 1123, height: 794 } });
    await reportPage.setContent(html.content);
    await screenshot(reportPage, 'insights-report');
    await reportPage.close();
  });

  it('logs no console error and no CSP violation while the tab is used', () => {
    expect(errors.slice(errorsBefore)).toEqual([]);
  });
});
