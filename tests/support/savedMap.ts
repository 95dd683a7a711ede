/**
 * Test support: a large synthetic network written into an Atlas with every record at a saved position, as after a
 * coalition has laid out its map once (the network view's benchmark and its large-graph tests open it), and the app
 * served on it in Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import type { Atlas } from '../../src/main/services/atlas';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { launchChromium, watchPageErrors } from './browser';
import { startServedApp } from './runningApp';

/** Records per synthetic actor in generateNetwork's output without needs (measured: 4,063 for 1,000 actors). */
const RECORDS_PER_ACTOR = 4.04;

/**
 * Adds synthetic actors and their services until the Atlas holds about `records` records, then saves a position for
 * every record, spread evenly (a fixed pseudo-random sequence, so every run draws the same map). Returns the
 * positions, so a caller can take them away and put them back.
 */
export function writeSavedMap(atlas: Atlas, records: number): { nodeId: string; x: number; y: number }[] {
  const network = generateNetwork({
    actors: Math.round((records - atlas.store.index.nodeCount) / RECORDS_PER_ACTOR),
    seed: 7,
    includeNeeds: false,
  });
  atlas.store.write(
    'Synthetic network',
    (writer) => {
      for (const node of network.nodes) writer.putNode(node);
      for (const edge of network.edges) writer.putEdge(edge);
    },
    { trusted: true },
  );
  const side = Math.sqrt(atlas.store.index.nodeCount) * 90;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const positions = [...atlas.store.index.allNodes()].map((node) => ({
    nodeId: node.id,
    x: random() * side,
    y: random() * side,
  }));
  atlas.db.transaction(() => atlas.store.repository.savePositions(positions, true))();
  return positions;
}

/** The app served on a large synthetic network, open in Chromium on the whole network. */
export type LargeNetworkPage = {
  app: Awaited<ReturnType<typeof startServedApp>>;
  browser: Browser;
  page: Page;
  /** The page's errors so far (see watchPageErrors). */
  errors: string[];
  close(): Promise<void>;
};

/**
 * Serves the app on about `records` records (writeSavedMap), every one at a saved place unless `savedPlaces` is
 * false, and opens it in Chromium on the whole network, `initScripts` running in the page before the app.
 */
export async function openLargeNetwork({
  records,
  savedPlaces = true,
  initScripts = [],
}: {
  records: number;
  savedPlaces?: boolean;
  initScripts?: string[];
}): Promise<LargeNetworkPage> {
  const app = await startServedApp({ includeSample: false });
  let browser: Browser | undefined;
  try {
    writeSavedMap(app.atlas, records);
    if (!savedPlaces) app.atlas.db.transaction(() => app.atlas.store.repository.savePositions([], true))();
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const errors = watchPageErrors(page);
    for (const script of initScripts) await page.addInitScript(script);
    const url = new URL(app.bridge.url);
    url.search = '?atlasTest=1&scope=all';
    await page.goto(url.toString());
    const opened = browser;
    return {
      app,
      browser: opened,
      page,
      errors,
      async close() {
        await opened.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.stop();
    throw error;
  }
}

/**
 * Waits until a layout asked for (Re-layout) is over: its button enabled again and the canvas no longer marked busy,
 * which the view clears once the new places are drawn (and saved).
 */
export function waitUntilLaidOut(page: Page, timeout: number, polling: number | 'raf' = 'raf'): Promise<unknown> {
  return page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Re-layout');
      const busy = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-busy') === 'true';
      return button !== undefined && !button.disabled && !busy;
    },
    undefined,
    { timeout, polling },
  );
}
