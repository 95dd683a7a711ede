/// <reference lib="dom" />
/**
 * A network view left alone asks Chromium for no frames (idleRenderLoop.ts), and draws again whatever changes: a
 * change of the view, an animation started while it slept, a click on a record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openLargeNetwork, type LargeNetworkPage } from '../support/savedMap';

declare global {
  interface Window {
    __atlasCy?: Core;
    __framesAsked?: number;
  }
}

/** Runs before the app: counts the animation frames the page asks for. */
const COUNT_FRAMES = `(() => {
  window.__framesAsked = 0;
  const request = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback) => {
    window.__framesAsked++;
    return request.call(window, callback);
  };
})()`;

/** The animation frames the page asks for over `ms` (the test itself asks for none meanwhile). */
async function framesAskedOver(page: Page, ms: number): Promise<number> {
  const before = await page.evaluate(() => window.__framesAsked ?? 0);
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.__framesAsked ?? 0)) - before;
}

/** Waits until the graph is drawn whole and the layout and other work in the status bar are over. */
async function drawn(page: Page): Promise<void> {
  await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor();
  await page.waitForFunction(() => !document.querySelector('.status-bar__task'), undefined, { polling: 100 });
}

/**
 * Resolves to the seconds until a whole second passes without a frame asked for (Cytoscape fills its texture caches
 * in the frames after drawing), or to Infinity after `limitS`.
 */
async function secondsUntilAsleep(page: Page, limitS: number): Promise<number> {
  for (let seconds = 1; seconds <= limitS; seconds++) if ((await framesAskedOver(page, 1000)) === 0) return seconds;
  return Infinity;
}

/** What the canvas shows, as a PNG. */
function canvasPicture(page: Page): Promise<Buffer> {
  return page.locator('.canvas').screenshot();
}

describe.each([
  { records: 300, style: 'the usual style' },
  { records: 2000, style: 'the large style (Cytoscape’s performance options)' },
])('an idle network view of ~$records records, in $style', ({ records }) => {
  let opened: LargeNetworkPage;
  let page: Page;

  beforeAll(async () => {
    opened = await openLargeNetwork({ records, initScripts: [COUNT_FRAMES] });
    page = opened.page;
    await drawn(page);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('stops asking for frames soon after the graph is drawn, while nothing changes', async () => {
    // Cytoscape's own loop asks for one in every frame, about sixty a second, for as long as the view is open.
    expect(await secondsUntilAsleep(page, 15)).toBeLessThan(15);
    expect(await framesAskedOver(page, 2000)).toBe(0);
  });

  it('draws a change of the view made while it slept, and sleeps again', async () => {
    expect(await secondsUntilAsleep(page, 15)).toBeLessThan(15);
    const before = await canvasPicture(page);
    await page.evaluate(() => void window.__atlasCy!.panBy({ x: 160, y: 40 }));
    await page.waitForTimeout(500);
    const after = await canvasPicture(page);
    expect(after.equals(before)).toBe(false);
    await page.evaluate(() => void window.__atlasCy!.panBy({ x: -160, y: -40 }));
    expect(await secondsUntilAsleep(page, 15)).toBeLessThan(15);
  });

  it('runs an animation started while it slept to its end', async () => {
    expect(await secondsUntilAsleep(page, 15)).toBeLessThan(15);
    const { from, to } = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const zoom = cy.zoom();
      cy.animate({ zoom: zoom * 1.25 }, { duration: 200 });
      return { from: zoom, to: zoom * 1.25 };
    });
    await page.waitForFunction((target) => Math.abs(window.__atlasCy!.zoom() - target) < 1e-9, to, {
      polling: 50,
      timeout: 5000,
    });
    await page.evaluate((zoom) => void window.__atlasCy!.zoom(zoom), from);
  });

  it('shows a record clicked while it slept as selected, in the graph and in the details', async () => {
    expect(await secondsUntilAsleep(page, 15)).toBeLessThan(15);
    const before = await canvasPicture(page);
    const id = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const extent = cy.extent();
      // A record in view, so that its selection shows on the canvas.
      const node = cy
        .nodes()
        .filter((n) => {
          const { x, y } = n.position();
          return x > extent.x1 && x < extent.x2 && y > extent.y1 && y < extent.y2;
        })
        .first();
      node.emit('tap');
      return node.id();
    });
    await page.locator(`.details[data-selected-id="${id}"]`).waitFor();
    await page.waitForTimeout(500);
    expect((await canvasPicture(page)).equals(before)).toBe(false);
    await screenshot(page, `network-idle-${records}-selected-after-sleep`);
  });
});
