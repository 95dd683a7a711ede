/// <reference lib="dom" />
/**
 * The network view in headless Chromium through the bridge, on synthetic networks of about 1,000 and 5,000 records:
 * time until the whole graph (nodes and edges) is first drawn with saved positions (baseline: the same open with no saved positions, waiting for
 * the worker's fcose layout), the longest main-thread task while opening, and frames per second while the user
 * drags the canvas (baseline: the same drag with Cytoscape's viewport shortcuts turned off).
 */
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { createDispatcher } from '../../src/shared/api';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { startBridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import { launchChromium } from '../../tests/support/browser';
import { RENDERER_DIR } from '../../tests/support/runningApp';
import { openTempAtlas } from '../../tests/support/tempAtlas';
import { median, quantile, type BenchResult, type BenchSuite } from '../benchmark';

/** Records per synthetic actor in generateNetwork's output (measured: 4,063 records for 1,000 actors). */
const RECORDS_PER_ACTOR = 4.04;
const OPENS = 3;
const PAN_MS = 3000;
/** How long after the paint long tasks are still collected (work the view does right after drawing counts too). */
const SETTLE_MS = 1000;

declare global {
  interface Window {
    __atlasLongTasks?: number[];
    __atlasCy?: Core;
    __atlasGraphPaintedAt?: number;
    __atlasFrames?: number[];
  }
}

async function openGraph(
  page: Page,
  url: string,
  waitForLayout: boolean,
): Promise<{ paintMs: number; longestTaskMs: number }> {
  await page.goto(url);
  await page.waitForFunction(() => window.__atlasGraphPaintedAt !== undefined, undefined, { timeout: 120_000 });
  let paintMs = await page.evaluate(() => window.__atlasGraphPaintedAt!);
  if (waitForLayout) {
    // Without saved positions the first paint is a placeholder grid; what counts is the laid-out graph.
    await page.waitForFunction(
      () => document.querySelector('.status-bar__task') === null && (window.__atlasCy?.nodes().length ?? 0) > 0,
      undefined,
      {
        timeout: 300_000,
        polling: 50,
      },
    );
    paintMs = await page.evaluate(() => performance.now());
  }
  await page.waitForTimeout(SETTLE_MS);
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window.__atlasLongTasks ?? [])));
  return { paintMs, longestTaskMs };
}

/** Frames per second while the mouse drags the canvas for PAN_MS, and the 95th-percentile frame interval. */
async function panFps(page: Page, performanceOptions: boolean): Promise<{ fps: number; p95FrameMs: number }> {
  await page.evaluate((on) => {
    // The bench compares the renderer's viewport shortcuts on and off on the same instance: these are the fields
    // Cytoscape's canvas renderer reads on every frame (set from the constructor options of the same names).
    const renderer = (window.__atlasCy as unknown as { renderer(): Record<string, unknown> }).renderer();
    renderer.hideEdgesOnViewport = on;
    renderer.hideLabelsOnViewport = on;
    renderer.textureOnViewport = on;
    window.__atlasCy!.fit();
  }, performanceOptions);
  const box = (await page.locator('.canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // A string, not a function: the bench runs under tsx, whose helpers would leak into the page's scope.
  await page.evaluate(`(() => {
    window.__atlasFrames = [];
    const tick = (at) => {
      if (!window.__atlasFrames) return;
      window.__atlasFrames.push(at);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  for (let i = 0; Date.now() - started < PAN_MS; i++) {
    const angle = i / 15;
    await page.mouse.move(cx + Math.cos(angle) * 150, cy + Math.sin(angle) * 100);
  }
  const frames = await page.evaluate(() => {
    const stamps = window.__atlasFrames ?? [];
    delete window.__atlasFrames;
    return stamps;
  });
  await page.mouse.up();
  const intervals = frames.slice(1).map((at, i) => at - frames[i]!);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return { fps: (frames.length - 1) / seconds, p95FrameMs: quantile(intervals, 0.95) };
}

async function measure(target: number): Promise<BenchResult[]> {
  const atlas = await openTempAtlas({ includeSample: false });
  const browser = await launchChromium();
  try {
    // The seed knowledge base is already loaded; the synthetic actors and their services make up the rest.
    const network = generateNetwork({
      actors: Math.round((target - atlas.store.index.nodeCount) / RECORDS_PER_ACTOR),
      seed: 7,
      includeNeeds: false,
    });
    atlas.store.write(
      'Benchmark network',
      (writer) => {
        for (const node of network.nodes) writer.putNode(node);
        for (const edge of network.edges) writer.putEdge(edge);
      },
      { trusted: true },
    );
    const records = atlas.store.index.nodeCount;
    const side = Math.sqrt(records) * 90;
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const positions = [...atlas.store.index.allNodes()].map((node) => ({
      nodeId: node.id,
      x: random() * side,
      y: random() * side,
    }));
    const dispatch = createDispatcher(createHandlers(atlas));
    // ATLAS_BENCH_RENDERER points at another build (a copy of out/renderer) to compare before and after a change.
    const bridge = await startBridge({ dispatch, rendererDir: process.env.ATLAS_BENCH_RENDERER ?? RENDERER_DIR });
    const url = new URL(bridge.url);
    url.search = '?atlasTest=1&scope=all';
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript(() => {
      window.__atlasLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__atlasLongTasks!.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    try {
      const label = `${records} records`;
      const results: BenchResult[] = [];

      atlas.db.transaction(() => atlas.store.repository.savePositions(positions, true))();
      const saved: { paintMs: number; longestTaskMs: number }[] = [];
      for (let i = 0; i < OPENS; i++) saved.push(await openGraph(page, url.toString(), false));
      const paint = median(saved.map((s) => s.paintMs));

      let baseline: number | undefined;
      if (target <= 1000) {
        const fresh: number[] = [];
        for (let i = 0; i < OPENS; i++) {
          atlas.db.transaction(() => atlas.store.repository.savePositions([], true))();
          fresh.push((await openGraph(page, url.toString(), true)).paintMs);
        }
        baseline = median(fresh);
        atlas.db.transaction(() => atlas.store.repository.savePositions(positions, true))();
        await openGraph(page, url.toString(), false);
      }
      results.push({
        name: `first graph paint, saved positions, ${label} (median of ${OPENS}; baseline: no saved positions, fcose in the worker)`,
        value: paint,
        unit: 'ms',
        ...(baseline === undefined ? {} : { baseline, ratio: baseline / paint }),
        ...(target <= 1000 ? { goal: '≤ 1000 ms at 1,000 records', met: paint <= 1000 } : {}),
      });
      results.push({
        name: `longest main-thread task while opening, ${label} (p95 of ${OPENS} opens)`,
        value: quantile(
          saved.map((s) => s.longestTaskMs),
          0.95,
        ),
        unit: 'ms',
        goal: '≤ 50 ms (never block the UI thread)',
        met: Math.max(...saved.map((s) => s.longestTaskMs)) <= 50,
      });

      const fast = await panFps(page, true);
      const slow = await panFps(page, false);
      results.push({
        name: `panning by mouse drag, ${label} (baseline: viewport shortcuts off)`,
        value: fast.fps,
        unit: 'fps',
        baseline: slow.fps,
        ratio: fast.fps / slow.fps,
        ...(target >= 5000 ? { goal: '≥ 30 fps at 5,000 records', met: fast.fps >= 30 } : {}),
      });
      results.push({
        name: `panning p95 frame interval, ${label}`,
        value: fast.p95FrameMs,
        unit: 'ms',
        baseline: slow.p95FrameMs,
        ratio: slow.p95FrameMs / fast.p95FrameMs,
      });
      return results;
    } finally {
      await context.close();
      await bridge.close();
    }
  } finally {
    await browser.close();
    atlas.dispose();
  }
}

/** The network view's suite (needs the built renderer: `npm run build`). */
export const networkSuite: BenchSuite = {
  name: 'network',
  async run() {
    return [...(await measure(1000)), ...(await measure(5000))];
  },
};
