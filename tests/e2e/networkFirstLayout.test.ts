/// <reference lib="dom" />
/**
 * A large network with no saved places (a coalition's first open after an import): the records are sketched and drawn
 * at once in a placeholder grid, each at a place of its own, while fcose lays them out in the worker; its places then
 * replace the grid's and are saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { readWhenBusyMarkClears } from '../support/busyMark';
import { openLargeNetwork, type LargeNetworkPage } from '../support/savedMap';

/** Where each record is, by id. */
type Places = Record<string, { x: number; y: number }>;

declare global {
  interface Window {
    __atlasCy?: Core;
    __atlasGraphPaintedAt?: number;
    __atlasSketchPaintedAt?: number;
    /** Where every record was when the view stamped its paint (Cytoscape's graph drawn whole). */
    __placesAtPaint?: Places;
    /** Where every record is now (NOTE_PLACES_AT_PAINT). */
    __placesNow?: () => Places;
  }
}

/**
 * Runs before the app: `__placesNow` reads where every record is, and the paint stamp becomes a setter that notes
 * where every record is at that moment.
 */
const NOTE_PLACES_AT_PAINT = `(() => {
  window.__placesNow = () => {
    const places = {};
    window.__atlasCy.nodes().forEach((node) => { places[node.id()] = { ...node.position() }; });
    return places;
  };
  let value;
  Object.defineProperty(window, '__atlasGraphPaintedAt', {
    configurable: true,
    get: () => value,
    set: (stamp) => {
      value = stamp;
      window.__placesAtPaint = window.__placesNow();
    },
  });
})()`;

/** Where every record is now, by id. */
function placesNow(page: Page): Promise<Places> {
  return page.evaluate(() => window.__placesNow!());
}

describe('a large network opened with no saved places', () => {
  let opened: LargeNetworkPage;
  let app: LargeNetworkPage['app'];
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // About 800 records and their relations (over the large-style threshold), none at a saved place.
    opened = await openLargeNetwork({ records: 800, savedPlaces: false, initScripts: [NOTE_PLACES_AT_PAINT] });
    ({ app, page, errors } = opened);
    await page.waitForFunction(() => window.__placesAtPaint !== undefined, undefined, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('sketches and draws every record at once, each at a place of its own in a grid', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    expect(nodeCount + edgeCount).toBeGreaterThan(1500);
    const sketchedAt = await page.evaluate(() => window.__atlasSketchPaintedAt);
    expect(sketchedAt).toBeLessThan(await page.evaluate(() => window.__atlasGraphPaintedAt!));
    const places = Object.values(await page.evaluate(() => window.__placesAtPaint!));
    expect(places).toHaveLength(nodeCount);
    // No pile at the origin: as many distinct places as records, on a square grid's rows and columns.
    expect(new Set(places.map(({ x, y }) => `${x},${y}`)).size).toBe(nodeCount);
    const columns = Math.ceil(Math.sqrt(nodeCount));
    expect(new Set(places.map(({ x }) => x)).size).toBe(columns);
    expect(new Set(places.map(({ y }) => y)).size).toBe(Math.ceil(nodeCount / columns));
    await screenshot(page, 'network-first-open-grid');
  });

  it("then lays them out in the worker, replaces the grid with fcose's places and saves them", async () => {
    const grid = await page.evaluate(() => window.__placesAtPaint!);
    await page.waitForFunction(
      () => {
        const relayout = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Re-layout');
        return relayout !== undefined && !relayout.disabled && document.querySelector('.status-bar__task') === null;
      },
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    const now = await placesNow(page);
    const moved = Object.keys(now).filter((id) => now[id]!.x !== grid[id]!.x || now[id]!.y !== grid[id]!.y);
    expect(moved.length).toBeGreaterThan(0.9 * Object.keys(now).length);
    // Saved as drawn (the save is a request of its own, made as the layout ends).
    await expect
      .poll(() => app.atlas.store.repository.positions().length, { timeout: 10_000 })
      .toBe(app.atlas.store.index.nodeCount);
    const saved = new Map(app.atlas.store.repository.positions().map((p) => [p.nodeId, p]));
    for (const id of moved.slice(0, 50)) {
      expect(saved.get(id)!.x).toBeCloseTo(now[id]!.x, 0);
      expect(saved.get(id)!.y).toBeCloseTo(now[id]!.y, 0);
    }
    expect(errors).toEqual([]);
    await screenshot(page, 'network-first-open-laid-out');
  }, 150_000);

  it("marks the canvas busy while a re-layout's places go in, and shows them all once it clears the mark", async () => {
    const before = await placesNow(page);
    // Where every record is in the task that clears the canvas's busy mark.
    const placesWhenNotBusy = await readWhenBusyMarkClears<Places>(page, '__placesNow');
    const relayout = page.getByRole('button', { name: 'Re-layout', exact: true });
    await relayout.click();
    const task = page.locator('.status-bar__task');
    await task.filter({ hasText: 'Laying out' }).waitFor();
    await task.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => relayout.isDisabled()).toBe(false);
    // Marked, then cleared: never marked, the observer has nothing.
    const whenNotBusy = await placesWhenNotBusy.taken();
    expect(whenNotBusy).toBeDefined();
    const after = await placesNow(page);
    expect(whenNotBusy).toEqual(after);
    const moved = Object.keys(after).filter((id) => after[id]!.x !== before[id]!.x || after[id]!.y !== before[id]!.y);
    expect(moved.length).toBeGreaterThan(0.5 * Object.keys(after).length);
    expect(await page.getByTestId('graph-canvas').getAttribute('aria-busy')).toBeNull();
    expect(errors).toEqual([]);
  }, 90_000);

  it('cancels a re-layout from the status bar: nothing moves, nothing is saved, and it can run again', async () => {
    const before = await placesNow(page);
    const savedBefore = app.atlas.store.repository.positions();
    const relayout = page.getByRole('button', { name: 'Re-layout', exact: true });
    await relayout.click();
    const task = page.locator('.status-bar__task');
    await task.filter({ hasText: 'Laying out' }).waitFor();
    expect(await relayout.isDisabled()).toBe(true);
    await task.getByRole('button', { name: 'Cancel' }).click();
    await task.waitFor({ state: 'detached' });
    await expect.poll(() => relayout.isDisabled()).toBe(false);
    // Long enough for a layout that was not stopped to have answered (about 5 s at this size).
    await page.waitForTimeout(6000);
    expect(await placesNow(page)).toEqual(before);
    expect(app.atlas.store.repository.positions()).toEqual(savedBefore);
    expect(await page.locator('.banner').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
