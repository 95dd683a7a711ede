/// <reference lib="dom" />
/**
 * A large saved map in Chromium: the sketch shows the whole graph at once, in the places and colours Cytoscape then
 * draws it, and gives way to Cytoscape's drawing once that is whole.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { NodeKind } from '../../src/shared/domain';
import { nodeLook } from '../../src/renderer/src/views/network/graphStyle';
import { MAX_PICTURE_PIXELS } from '../../src/renderer/src/views/network/layerCache';
import { MARK_ANIMATION_FRAMES } from '../support/animationFrames';
import { saveResult, screenshot } from '../support/browser';
import { countCytoscapePng, inkByStripAgainstCytoscape, PNG_SIGNATURE, stripsOff } from '../support/imageInk';
import { openLargeNetwork, waitUntilLaidOut, type LargeNetworkPage } from '../support/savedMap';

/** What the page saw of the sketch: when it showed (with what it says it holds and its image) and when it went. */
type SketchLog = {
  shownAt?: number;
  nodes?: number;
  edges?: number;
  image?: string;
  pixels?: Uint8ClampedArray;
  width?: number;
  hiddenAt?: number;
  graphAtHide?: { nodes: number; edges: number; busy: boolean };
  /** While the sketch was drawn: how often its canvas was copied whole, and how often one pixel was read back. */
  copies: number;
  pixelReads: number;
};

declare global {
  interface Window {
    __atlasCy?: Core;
    __atlasGraphPaintedAt?: number;
    __sketchLog?: SketchLog;
    __elementDraws?: number[];
    __holdLayouts?: boolean;
    __releaseLayouts?: () => void;
    __ownSorts?: [at: number, elements: number][];
    __framedLayers?: number[];
    /** The levels of pictures whose pixels were made inside an animation frame. */
    __pixelsInFrames?: number[];
    __nodeDraws?: number[];
    __elementsDrawn?: number;
    __layerWorkInFrames?: { drawn: number; queued: number };
    __largestCanvas?: number;
    __workerLog?: WorkerLogEntry[];
    __holdLayoutAnswers?: boolean;
    __heldLayoutAnswers?: number;
    __releaseLayoutAnswers?: () => void;
    __pathObjectsMade?: number;
  }
}

/** A message the page posted to one of its workers; for an image's last, the first records' places at that moment. */
type WorkerLogEntry = { worker: 'layout' | 'png' | 'other'; kind?: string; places?: number[] };

/**
 * Runs before the app: records how many elements each of Cytoscape's element-by-element drawings of its main layer
 * drew (the renderer's `drawCachedElements`, and `drawCachedNodes` for nodes alone, each element through
 * `drawCachedElement`; a frame that copies a complete layer calls neither), how many elements were drawn anywhere
 * (into a frame or a picture), and when
 * Cytoscape computed its drawing order itself (its z-sort, in `getCachedZSortedEles`, when forced or when it had
 * none).
 */
const WATCH_ELEMENT_DRAWS = `(() => {
  window.__elementDraws = [];
  window.__ownSorts = [];
  window.__framedLayers = [];
  window.__pixelsInFrames = [];
  window.__nodeDraws = [];
  window.__elementsDrawn = 0;
  window.__layerWorkInFrames = { drawn: 0, queued: 0 };
  ${MARK_ANIMATION_FRAMES};
  let cy;
  Object.defineProperty(window, '__atlasCy', {
    configurable: true,
    get: () => cy,
    set: (next) => {
      cy = next;
      const renderer = next && next.renderer();
      if (!renderer) return;
      // Counted as drawn: the elements each drawing hands to drawCachedElement (it skips those out of view itself).
      let drawing = null;
      const drawOne = renderer.drawCachedElement;
      renderer.drawCachedElement = function (...args) {
        window.__elementsDrawn++;
        if (drawing) drawing.count++;
        return drawOne.apply(this, args);
      };
      const counted = (method, log) => {
        const draw = renderer[method];
        renderer[method] = function (...args) {
          const outer = drawing;
          drawing = { count: 0 };
          try {
            return draw.apply(this, args);
          } finally {
            log.push(drawing.count);
            drawing = outer;
          }
        };
      };
      counted('drawCachedElements', window.__elementDraws);
      // Nodes drawn one by one without their edges: Cytoscape's own snapshot at the start of a pan or wheel zoom.
      counted('drawCachedNodes', window.__nodeDraws);
      // Layers Cytoscape made for itself inside a frame (getLayers, from render), by level.
      let inFrame = false;
      const render = renderer.render;
      renderer.render = function (...args) {
        inFrame = true;
        try {
          return render.apply(this, args);
        } finally {
          inFrame = false;
        }
      };
      const layers = renderer.data.lyrTxrCache;
      // Elements drawn into, or queued for, a picture inside a frame (Cytoscape's own filling of its pictures).
      const drawInLayer = layers.drawEleInLayer;
      layers.drawEleInLayer = function (...args) {
        if (window.__inAnimationFrame) window.__layerWorkInFrames.drawn++;
        return drawInLayer.apply(this, args);
      };
      const queueLayer = layers.queueLayer;
      layers.queueLayer = function (...args) {
        if (window.__inAnimationFrame) window.__layerWorkInFrames.queued++;
        return queueLayer.apply(this, args);
      };
      const makeLayer = layers.makeLayer;
      layers.makeLayer = function (box, level) {
        if (inFrame) window.__framedLayers.push(level);
        const layer = makeLayer.call(this, box, level);
        // Its canvas's pixels are made by makeLayer's first drawing call (its transform), unless it is a placeholder.
        if (window.__inAnimationFrame && layer.canvas.width * layer.canvas.height > 1) window.__pixelsInFrames.push(level);
        return layer;
      };
      const sorted = renderer.getCachedZSortedEles;
      renderer.getCachedZSortedEles = function (force) {
        const own = force || !this.cachedZSortedEles;
        const order = sorted.call(this, force);
        if (own) window.__ownSorts.push([performance.now(), order.length]);
        return order;
      };
    },
  });
})()`;

/** Runs before the app: watches the sketch canvas's `hidden` attribute and keeps what it showed. */
const WATCH_SKETCH = `(() => {
  const log = (window.__sketchLog = { copies: 0, pixelReads: 0 });
  const drawing = (source) => source instanceof HTMLCanvasElement && source.matches('.canvas__sketch') && log.shownAt === undefined;
  const copy = OffscreenCanvasRenderingContext2D.prototype.drawImage;
  OffscreenCanvasRenderingContext2D.prototype.drawImage = function (source, ...rest) {
    if (drawing(source)) log.copies++;
    return copy.call(this, source, ...rest);
  };
  const read = CanvasRenderingContext2D.prototype.getImageData;
  CanvasRenderingContext2D.prototype.getImageData = function (...args) {
    if (drawing(this.canvas) && args[2] === 1 && args[3] === 1) log.pixelReads++;
    return read.apply(this, args);
  };
  new MutationObserver(() => {
    const sketch = document.querySelector('.canvas__sketch');
    if (!sketch) return;
    if (!sketch.hidden && log.shownAt === undefined) {
      log.shownAt = performance.now();
      log.nodes = Number(sketch.dataset.nodes);
      log.edges = Number(sketch.dataset.edges);
      log.image = sketch.toDataURL('image/png');
      log.width = sketch.width;
      log.pixels = sketch.getContext('2d').getImageData(0, 0, sketch.width, sketch.height).data;
    } else if (sketch.hidden && log.shownAt !== undefined && log.hiddenAt === undefined) {
      log.hiddenAt = performance.now();
      const cy = window.__atlasCy;
      log.graphAtHide = {
        nodes: cy ? cy.nodes().length : 0,
        edges: cy ? cy.edges().length : 0,
        busy: document.querySelector('[data-testid="graph-canvas"]').getAttribute('aria-busy') === 'true',
      };
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'], childList: true });
})()`;

/**
 * Runs before the app: logs every message the page posts to a worker (see WorkerLogEntry); while `__holdLayouts`,
 * holds what is posted to the layout worker until `__releaseLayouts()` (an arrangement can then be caught before its
 * layout comes back), and while `__holdLayoutAnswers`, holds the layout worker's answers (its places) until
 * `__releaseLayoutAnswers()`. A string, as the others.
 */
const WATCH_WORKERS = `(() => {
  window.__workerLog = [];
  window.__heldLayoutAnswers = 0;
  const heldRequests = [];
  const heldAnswers = [];
  const firstPlaces = () => window.__atlasCy.nodes().slice(0, 50).flatMap((node) => [node.position('x'), node.position('y')]);
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.role = String(url).includes('layoutWorker') ? 'layout' : String(url).includes('pngWorker') ? 'png' : 'other';
      // Registered before the page's own onmessage handler, so it can stop an answer reaching it.
      this.addEventListener('message', (event) => {
        if (this.role !== 'layout' || !window.__holdLayoutAnswers) return;
        event.stopImmediatePropagation();
        window.__heldLayoutAnswers++;
        heldAnswers.push(() => this.dispatchEvent(new MessageEvent('message', { data: event.data })));
      });
    }
    postMessage(message, transfer) {
      const kind = message && message.kind;
      window.__workerLog.push({ worker: this.role, kind, places: kind === 'finish' ? firstPlaces() : undefined });
      if (this.role === 'layout' && window.__holdLayouts) heldRequests.push(() => super.postMessage(message, transfer));
      else super.postMessage(message, transfer);
    }
  };
  window.__releaseLayouts = () => {
    window.__holdLayouts = false;
    heldRequests.splice(0).forEach((send) => send());
  };
  window.__releaseLayoutAnswers = () => {
    window.__holdLayoutAnswers = false;
    heldAnswers.splice(0).forEach((answer) => answer());
  };
})()`;

/** Runs before the app: counts the Path2D objects the page makes. */
const COUNT_PATH_OBJECTS = `(() => {
  window.__pathObjectsMade = 0;
  const NativePath2D = window.Path2D;
  window.Path2D = class extends NativePath2D {
    constructor(...args) {
      super(...args);
      window.__pathObjectsMade++;
    }
  };
})()`;

describe('a large saved map', () => {
  let opened: LargeNetworkPage;
  let app: LargeNetworkPage['app'];
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // About 800 records and their relations: over the large-style threshold, every record at a saved place.
    opened = await openLargeNetwork({
      records: 800,
      initScripts: [WATCH_SKETCH, WATCH_ELEMENT_DRAWS, WATCH_WORKERS, COUNT_PATH_OBJECTS],
    });
    ({ app, page, errors } = opened);
    await page.waitForFunction(() => window.__atlasGraphPaintedAt !== undefined, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => window.__sketchLog?.hiddenAt !== undefined);
  }, 120_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('is sketched whole at once, and the sketch gives way only once Cytoscape has drawn every element', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    expect(nodeCount + edgeCount).toBeGreaterThan(1500);
    const log = await page.evaluate(() => {
      const { image, pixels, ...rest } = window.__sketchLog!;
      return { ...rest, hasImage: Boolean(image && pixels) };
    });
    expect(log).toMatchObject({ nodes: nodeCount, edges: edgeCount, hasImage: true });
    // Canvases are drawn on the CPU here (SwiftShader), which the app found out as it started: each step of the
    // sketch was rasterised by reading back one pixel, never by copying the canvas (14 to 20 ms a step).
    expect(log.copies).toBe(0);
    expect(log.pixelReads).toBeGreaterThan(0);
    const paintedAt = await page.evaluate(() => window.__atlasGraphPaintedAt!);
    expect(log.shownAt).toBeLessThan(paintedAt);
    expect(log.graphAtHide).toEqual({ nodes: nodeCount, edges: edgeCount, busy: false });
    expect(errors).toEqual([]);
    const image = await page.evaluate(() => window.__sketchLog!.image!);
    saveResult('network-sketch.png', Buffer.from(image.split(',')[1]!, 'base64'));
    await screenshot(page, 'network-large-drawn');
  });

  it('traces the relations on the canvas, without a Path2D object each (records share one per shape)', async () => {
    const { edgeCount } = app.atlas.store.index;
    expect(edgeCount).toBeGreaterThan(1000);
    // Every relation has been drawn into the picture of the whole graph by now.
    const made = await page.evaluate(() => window.__pathObjectsMade!);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(100);
  });

  it('measures labels on a canvas it lets go once the script that measured returns (labelMeasuring.ts)', async () => {
    const seen = await page.evaluate(async () => {
      type Measuring = {
        labelCalcCanvas?: unknown;
        calculateLabelDimensions(element: unknown, text: string): { width: number };
      };
      const renderer = (window.__atlasCy as unknown as { renderer(): Measuring }).renderer();
      const keptBefore = renderer.labelCalcCanvas != null;
      const width = renderer.calculateLabelDimensions(window.__atlasCy!.nodes()[0], 'Harbor Legal Aid').width;
      // Cytoscape's own field: the canvas it measured on, while this script runs.
      const measuredOnCanvas = renderer.labelCalcCanvas instanceof HTMLCanvasElement;
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { keptBefore, measured: width > 0, measuredOnCanvas, keptAfter: renderer.labelCalcCanvas != null };
    });
    expect(seen).toEqual({ keptBefore: false, measured: true, measuredOnCanvas: true, keptAfter: false });
  });

  it("draws in the order computed in slices, which is Cytoscape's own z-sort order", async () => {
    // Cytoscape never sorted the graph by itself during the load (every element in one task); before the load, it
    // sorted an empty graph for its first frame.
    const paintedAt = await page.evaluate(() => window.__atlasGraphPaintedAt!);
    const ownSorts = await page.evaluate(() => window.__ownSorts!);
    expect(ownSorts.filter(([at, elements]) => at <= paintedAt && elements > 0)).toEqual([]);
    const orders = await page.evaluate(() => {
      type Order = { id(): string }[] & { interactive: { id(): string }[] };
      const renderer = (
        window.__atlasCy as unknown as { renderer(): { getCachedZSortedEles(force?: boolean): Order } }
      ).renderer();
      const ids = (order: Order) => ({
        all: order.map((element) => element.id()),
        interactive: order.interactive.map((element) => element.id()),
      });
      const kept = ids(renderer.getCachedZSortedEles());
      return { kept, own: ids(renderer.getCachedZSortedEles(true)) };
    });
    const { nodeCount, edgeCount } = app.atlas.store.index;
    expect(orders.kept.all).toHaveLength(nodeCount + edgeCount);
    expect(orders.kept).toEqual(orders.own);
  });

  it('prebuilds the picture of the zoom level the buttons go to, not leaving it to a frame', async () => {
    const level = () =>
      page.evaluate(() => Math.max(-4, Math.ceil(Math.log2(window.__atlasCy!.zoom() * window.devicePixelRatio))));
    const start = await level();
    const framedBefore = await page.evaluate(() => window.__framedLayers!.length);
    const pixelsBefore = await page.evaluate(() => window.__pixelsInFrames!.length);
    const inFramesBefore = await page.evaluate(() => ({ ...window.__layerWorkInFrames! }));
    // Zoom in until the view is at another level, then fit back to the first.
    for (let i = 0; i < 4 && (await level()) === start; i++) {
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    }
    expect(await level()).not.toBe(start);
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(1500);
    expect(await level()).toBe(start);
    expect(await page.evaluate((from) => window.__framedLayers!.slice(from), framedBefore)).toEqual([]);
    // Nor were a picture's pixels made in a frame: a canvas makes them all in one go (28 ms and more for 10 MB).
    expect(await page.evaluate((from) => window.__pixelsInFrames!.slice(from), pixelsBefore)).toEqual([]);
    // Each level's picture was filled in slices of its own: no frame marked elements into it or drew them (Cytoscape
    // would, in the spare time of each frame, leaving the raster of what it drew to the next slice).
    expect(await page.evaluate(() => ({ ...window.__layerWorkInFrames! }))).toEqual(inFramesBefore);
  });

  it('puts each record where Cytoscape draws it, in the colour Cytoscape gives it', async () => {
    // Drawn for the canvas Cytoscape then fits the graph to: nothing around it changed size during the load.
    const sizes = await page.evaluate(() => {
      const { pixels, width } = window.__sketchLog!;
      const cy = window.__atlasCy!;
      return { sketch: [width, pixels!.length / 4 / width!], graph: [cy.width(), cy.height()] };
    });
    expect(sizes.sketch).toEqual(sizes.graph);
    expectRecordColours(await probeIsolatedRecords(page, 'sketch'), 2);
  });

  it("first shows the picture prebuilt in slices, the same as Cytoscape's own drawing of each element", async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    // No frame drew the whole graph element by element: the first frame copied the layer built while it went in.
    const draws = await page.evaluate(() => window.__elementDraws!);
    expect(draws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
    // The layer is drawn at a power-of-two scale (here a quarter) and resampled to the zoom: the centre pixel of a
    // small diamond or circle comes out up to about a tenth lighter.
    expectRecordColours(await probeIsolatedRecords(page, 'graph'), 24);
    // Cytoscape's own drawing of the same view, element by element (its layers turned off for one frame), inks
    // about as many pixels: the same relations drawn, the layer only softer where it was resampled.
    const inked = await page.evaluate(async () => {
      type Renderer = {
        data: { lyrTxrCache: { getLayers(): unknown } };
        redrawHint(what: string, on: boolean): void;
        redraw(): void;
      };
      const canvas = document.querySelector<HTMLCanvasElement>(
        '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
      )!;
      const countInked = () => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
        return count;
      };
      const prebuilt = countInked();
      const renderer = (window.__atlasCy as unknown as { renderer(): Renderer }).renderer();
      const cache = renderer.data.lyrTxrCache;
      const getLayers = cache.getLayers;
      cache.getLayers = () => null;
      renderer.redrawHint('eles', true);
      renderer.redraw();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      cache.getLayers = getLayers;
      return { prebuilt, own: countInked() };
    });
    expect((await page.evaluate(() => window.__elementDraws!)).some((count) => count >= nodeCount + edgeCount)).toBe(
      true,
    );
    expect(inked.prebuilt).toBeGreaterThan(inked.own * 0.85);
    expect(inked.prebuilt).toBeLessThan(inked.own * 1.15);
  });

  it('marks the selected record with a ring that follows it, without Cytoscape drawing the graph again', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    const drawsBefore = await page.evaluate(() => window.__elementDraws!.length);
    const id = await page.evaluate(() => {
      const node = window.__atlasCy!.nodes()[10]!;
      node.emit('tap');
      return node.id();
    });
    const ring = page.getByTestId('selection-ring');
    await ring.waitFor();
    /** The ring's centre and side, and where the record is on screen (both in page pixels). */
    const placement = () =>
      page.evaluate((nodeId) => {
        const cy = window.__atlasCy!;
        const node = cy.getElementById(nodeId);
        const box = cy.container()!.getBoundingClientRect();
        const ringBox = document.querySelector('[data-testid="selection-ring"]')!.getBoundingClientRect();
        return {
          ring: { x: ringBox.x + ringBox.width / 2, y: ringBox.y + ringBox.height / 2, side: ringBox.width },
          node: { x: box.x + node.renderedPosition().x, y: box.y + node.renderedPosition().y },
          nodeSide: node.renderedOuterWidth(),
        };
      }, id);
    const first = await placement();
    expect(first.ring.x).toBeCloseTo(first.node.x, 0);
    expect(first.ring.y).toBeCloseTo(first.node.y, 0);
    expect(first.ring.side).toBeCloseTo(first.nodeSide + 8, 0);
    // The details panel shows the record, and Cytoscape's own selection is untouched.
    await expect.poll(() => page.evaluate(() => window.__atlasCy!.$(':selected').length)).toBe(0);
    // The view moves: the ring goes with the record.
    // (Nothing returned: Playwright would serialise the instance Cytoscape's methods return.)
    await page.evaluate(() => {
      window.__atlasCy!.panBy({ x: 60, y: -25 });
    });
    const moved = await placement();
    expect(moved.ring.x).toBeCloseTo(first.ring.x + 60, 0);
    expect(moved.ring.y).toBeCloseTo(moved.node.y, 0);
    // Panned out of the canvas, the record takes its ring with it (not drawn over what is around the canvas).
    await page.evaluate(() => {
      window.__atlasCy!.panBy({ x: 5000, y: 0 });
    });
    await ring.waitFor({ state: 'hidden' });
    await page.evaluate(() => {
      window.__atlasCy!.panBy({ x: -5000, y: 0 });
    });
    await ring.waitFor();
    // Selecting made no frame draw the graph element by element (it copied the picture it keeps).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const draws = await page.evaluate((from) => window.__elementDraws!.slice(from), drawsBefore);
    expect(draws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
    // A tap on the background selects nothing: the ring goes.
    await page.evaluate(() => {
      window.__atlasCy!.emit('tap');
    });
    await ring.waitFor({ state: 'hidden' });
  });

  it('fades all but a focus, and shows everything again, without Cytoscape drawing the graph element by element', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    const ink = () => nodeLayerInk(page);
    const before = await ink();
    const drawsBefore = await page.evaluate(() => window.__elementDraws!.length);
    // The canvases of the pictures Cytoscape shows now, at every zoom level.
    const layerCanvases = `(() => {
      const cache = window.__atlasCy.renderer().data.lyrTxrCache;
      return Object.values(cache.layersByLevel).flat().map((layer) => layer.canvas);
    })()`;
    await page.evaluate(`window.__canvasesBefore = ${layerCanvases}`);
    await page.evaluate(() => {
      window.__atlasCy!.nodes()[10]!.emit('tap');
    });
    await page.getByRole('button', { name: 'Focus: 2 hops' }).click();
    const faded = () => page.evaluate(() => window.__atlasCy!.elements('.faded').length);
    await expect.poll(faded).toBeGreaterThan((nodeCount + edgeCount) / 2);
    // Every element is either faded or kept in full colour: the focused record's neighbourhood.
    const split = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      return {
        faded: cy.elements('.faded').length,
        kept: cy.elements().filter((element) => !element.hasClass('faded')).length,
        all: cy.elements().length,
      };
    });
    expect(split.faded + split.kept).toBe(split.all);
    expect(split.kept).toBeGreaterThan(0);
    // Once drawn, most of the picture is faded.
    await expect.poll(ink).toBeLessThan(before * 0.5);
    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(faded).toBe(0);
    await expect.poll(ink).toBeGreaterThan(before * 0.9);
    const draws = await page.evaluate((from) => window.__elementDraws!.slice(from), drawsBefore);
    expect(draws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
    // The pictures drawn for the focus and after it are drawn on the canvases of those they replaced, not on fresh
    // ones (canvasPool.ts).
    const reused = await page.evaluate(
      `${layerCanvases}.filter((canvas) => window.__canvasesBefore.includes(canvas)).length`,
    );
    expect(reused).toBeGreaterThan(0);
  });

  it("finds the element under the pointer as Cytoscape's own hit test does, testing only those that could be there", async () => {
    const compared = await page.evaluate(() => {
      type Found = { id(): string; isNode(): boolean }[];
      type HitTester = { findNearestElements(x: number, y: number, interactive: boolean, touch: boolean): Found };
      const cy = window.__atlasCy!;
      const renderer = (cy as unknown as { renderer(): HitTester }).renderer();
      const own = Object.getPrototypeOf(renderer) as HitTester;
      const zoom = cy.zoom();
      const points: [number, number][] = [];
      // On, at the rim of and just outside records; on and beside relations; anywhere in the view.
      cy.nodes()
        .slice(0, 50)
        .forEach((node) => {
          const { x, y } = node.position();
          const rim = node.outerWidth() / 2;
          for (const away of [0, rim, rim + 1.5 / zoom, rim + 3 / zoom]) points.push([x + away, y], [x, y - away]);
        });
      cy.edges()
        .slice(0, 50)
        .forEach((edge) => {
          const from = edge.source().position();
          const to = edge.target().position();
          const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
          const [nx, ny] = [(from.y - to.y) / length, (to.x - from.x) / length];
          const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
          for (const away of [0, 4, 8, 9, 12, 26].map((px) => px / zoom))
            points.push([mid.x + nx * away, mid.y + ny * away]);
        });
      const view = cy.extent();
      for (let i = 0; i < 100; i++) {
        points.push([view.x1 + (((i * 37) % 101) / 100) * view.w, view.y1 + (((i * 61) % 97) / 96) * view.h]);
      }
      const mismatches: string[] = [];
      let nodeHits = 0;
      let edgeHits = 0;
      let misses = 0;
      for (const touch of [false, true]) {
        for (const [x, y] of points) {
          const narrowed = renderer.findNearestElements(x, y, true, touch).map((element) => element.id());
          const found = own.findNearestElements.call(renderer, x, y, true, touch);
          const expected = found.map((element) => element.id());
          if (narrowed.join() !== expected.join()) mismatches.push(`${x},${y},${touch}: ${narrowed} / ${expected}`);
          if (found.some((element) => element.isNode())) nodeHits++;
          if (found.some((element) => !element.isNode())) edgeHits++;
          if (found.length === 0) misses++;
        }
      }
      return { mismatches, nodeHits, edgeHits, misses };
    });
    expect(compared.mismatches).toEqual([]);
    // The points hit records and relations, and miss too: the comparison covers all three answers.
    expect(compared.nodeHits).toBeGreaterThan(150);
    expect(compared.edgeHits).toBeGreaterThan(150);
    expect(compared.misses).toBeGreaterThan(20);
  });

  it('takes a real mouse (a click on a record, a drag, the wheel) without Cytoscape drawing the graph element by element', async () => {
    const { nodeCount } = app.atlas.store.index;
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => ({
      elementDraws: window.__elementDraws!.length,
      nodeDraws: window.__nodeDraws!.length,
      framed: window.__framedLayers!.length,
    }));
    // A record alone on screen: clicked with the mouse, it is selected (the ring and the details panel show it).
    const target = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const box = cy.container()!.getBoundingClientRect();
      const placed = cy.nodes().map((node) => ({ node, at: node.renderedPosition() }));
      const inView = placed.filter(
        ({ at }) => at.x > 300 && at.x < box.width - 60 && at.y > 60 && at.y < box.height - 60,
      );
      const alone = inView.find(({ at }, i) =>
        inView.every((other, j) => i === j || Math.hypot(other.at.x - at.x, other.at.y - at.y) > 16),
      )!;
      return { id: alone.node.id(), x: box.x + alone.at.x, y: box.y + alone.at.y };
    });
    await page.mouse.move(target.x - 40, target.y - 30);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.mouse.click(target.x, target.y);
    await page.getByTestId('selection-ring').waitFor();
    await page.locator(`.details[data-selected-id="${target.id}"]`).waitFor();
    // Dragging from that record moves the view, not the record; mid-drag the canvas shows the view as it was, moved.
    const inkAt = () =>
      page.evaluate(() => {
        const layer = document.querySelector<HTMLCanvasElement>(
          '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
        )!;
        return {
          width: layer.width,
          alpha: Array.from(
            layer
              .getContext('2d')!
              .getImageData(0, 0, layer.width, layer.height)
              .data.filter((_, i) => i % 4 === 3),
          ),
        };
      });
    const still = await inkAt();
    const position = () => page.evaluate((id) => window.__atlasCy!.getElementById(id).position(), target.id);
    const placedAt = await position();
    const pan = () => page.evaluate(() => window.__atlasCy!.pan());
    const panBefore = await pan();
    await page.mouse.down();
    await page.mouse.move(target.x + 40, target.y + 25, { steps: 8 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const moving = await inkAt();
    await page.mouse.up();
    const panAfter = await pan();
    expect(panAfter.x - panBefore.x).toBeCloseTo(40, 0);
    expect(panAfter.y - panBefore.y).toBeCloseTo(25, 0);
    expect(await position()).toEqual(placedAt);
    let compared = 0;
    let alike = 0;
    const { width } = still;
    const height = still.alpha.length / width;
    for (let y = 40; y < height - 40; y += 3) {
      for (let x = 60; x < width - 60; x += 3) {
        const was = still.alpha[y * width + x]!;
        const now = moving.alpha[(y + 25) * width + x + 40]!;
        if (was === 0 && now === 0) continue;
        compared++;
        if (Math.abs(was - now) <= 64) alike++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(alike / compared).toBeGreaterThan(0.9);
    // That snapshot is a copy of the screen, on a canvas the screen's size: Cytoscape's is twice as wide and high at
    // pixel ratio 1, whose pixels the drag's first frame made (23 to 25 ms at five thousand records).
    const sizes = await page.evaluate(() => {
      type Renderer = { TEXTURE_BUFFER: number; data: { bufferCanvases: HTMLCanvasElement[] } };
      const renderer = (window.__atlasCy as unknown as { renderer(): Renderer }).renderer();
      const snapshot = renderer.data.bufferCanvases[renderer.TEXTURE_BUFFER]!;
      const screen = document.querySelector<HTMLCanvasElement>(
        '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
      )!;
      return { snapshot: [snapshot.width, snapshot.height], screen: [screen.width, screen.height] };
    });
    expect(sizes.snapshot).toEqual(sizes.screen);
    // The wheel zooms in around the pointer, to another level of the picture, which is built outside frames.
    const level = () =>
      page.evaluate(() => Math.max(-4, Math.ceil(Math.log2(window.__atlasCy!.zoom() * window.devicePixelRatio))));
    const levelBefore = await level();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -250);
    await page.waitForTimeout(1500);
    expect(await level()).toBeGreaterThan(levelBefore);
    const after = await page.evaluate(
      (from) => ({
        elementDraws: window.__elementDraws!.slice(from.elementDraws),
        nodeDraws: window.__nodeDraws!.slice(from.nodeDraws),
        framed: window.__framedLayers!.slice(from.framed),
      }),
      before,
    );
    expect(after.elementDraws.filter((count) => count >= nodeCount)).toEqual([]);
    expect(after.nodeDraws.filter((count) => count >= nodeCount)).toEqual([]);
    expect(after.framed).toEqual([]);
    await screenshot(page, 'network-large-mouse');
  });

  it('labels every record once zoomed in far enough to read them, and unlabels them zoomed out, in slices', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    const before = await page.evaluate(() => ({
      elementDraws: window.__elementDraws!.length,
      framed: window.__framedLayers!.length,
    }));
    const labelled = () => labelledRecords(page);
    expect(await labelled()).toBe(0);
    const centre = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const zoom = cy.zoom();
      const { x, y } = cy.nodes()[0]!.renderedPosition();
      cy.zoom({ level: 0.9, renderedPosition: { x, y } });
      return { zoom, x, y };
    });
    await expect.poll(labelled, { timeout: 10_000 }).toBe(nodeCount);
    const label = await page.evaluate(() => {
      const node = window.__atlasCy!.nodes()[0]!;
      return { shown: node.style('label') as string, name: node.data('label') as string };
    });
    expect(label.shown).toBe(label.name);
    await page.evaluate(({ zoom, x, y }) => {
      window.__atlasCy!.zoom({ level: zoom, renderedPosition: { x, y } });
    }, centre);
    await expect.poll(labelled, { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(1000);
    const after = await page.evaluate(
      (from) => ({
        elementDraws: window.__elementDraws!.slice(from.elementDraws),
        framed: window.__framedLayers!.slice(from.framed),
      }),
      before,
    );
    expect(after.elementDraws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
    expect(after.framed).toEqual([]);
  });

  it('shows the records as a table a hundred rows at a time, in name order across pages', async () => {
    const { nodeCount } = app.atlas.store.index;
    // Nothing selected: the table opens on its first page (else on the selected record's).
    await page.evaluate(() => {
      window.__atlasCy!.emit('tap');
    });
    await page.locator('.details[data-selected-id=""]').waitFor();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const rows = page.locator('.node-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(100);
    const pages = page.getByRole('navigation', { name: 'Pages of the table' });
    expect(await pages.textContent()).toContain(`Records 1–100 of ${nodeCount}`);
    const names = () => page.locator('.node-table tbody th').allTextContents();
    const first = await names();
    await pages.getByRole('button', { name: 'Next 100' }).click();
    await expect.poll(() => pages.textContent()).toContain(`Records 101–200 of ${nodeCount}`);
    const second = await names();
    expect(second).toHaveLength(100);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    expect(collator.compare(first.at(-1)!, second[0]!)).toBeLessThanOrEqual(0);
    expect(await pages.getByRole('button', { name: 'Previous 100' }).isEnabled()).toBe(true);
    await screenshot(page, 'network-large-table');
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('.node-table').waitFor({ state: 'detached' });
  });

  it('zoomed in past any picture of the whole graph, shows a picture of what is in view, drawn in slices', async () => {
    const { nodeCount } = app.atlas.store.index;
    await page.evaluate(() => {
      const cy = window.__atlasCy!;
      cy.zoom({ level: 2.5, renderedPosition: cy.nodes()[7]!.renderedPosition() });
    });
    await expect.poll(() => labelsChangeOver(page, nodeCount), { timeout: 10_000 }).toBe(true);
    const frame = (own: boolean) => drawFrame(page, own);
    // Once the view has settled and the picture is drawn (in slices), a frame copies it: nothing one by one.
    await expect.poll(async () => (await frame(false)).drawn, { timeout: 15_000 }).toBe(0);
    const tile = await frame(false);
    const ownDrawing = await frame(true);
    expect(ownDrawing.drawn).toBeGreaterThan(100);
    // The same picture, resampled from the level it is drawn at: alike, where either has ink.
    let compared = 0;
    let alike = 0;
    for (let i = 0; i < tile.alpha.length; i += 7) {
      if (tile.alpha[i] === 0 && ownDrawing.alpha[i] === 0) continue;
      compared++;
      if (Math.abs(tile.alpha[i]! - ownDrawing.alpha[i]!) <= 64) alike++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(alike / compared).toBeGreaterThan(0.9);
    await screenshot(page, 'network-large-view-tile');
    // Dragged past it (towards the graph's middle), the picture is replaced by one of the new view, the same size,
    // drawn on its canvas, cleared, not on a new one, whose pixels its first drawing call would make (tens of
    // milliseconds in one task).
    await page.evaluate(() => {
      const Made = OffscreenCanvas;
      const watched = window as unknown as { __madeCanvas: typeof OffscreenCanvas; __bigResets: number };
      const reset = OffscreenCanvasRenderingContext2D.prototype.reset;
      (window as unknown as { __reset: typeof reset }).__reset = reset;
      watched.__madeCanvas = Made;
      watched.__bigResets = 0;
      window.__largestCanvas = 0;
      window.OffscreenCanvas = class extends Made {
        constructor(width: number, height: number) {
          super(width, height);
          window.__largestCanvas = Math.max(window.__largestCanvas!, width * height);
        }
      };
      OffscreenCanvasRenderingContext2D.prototype.reset = function (this: OffscreenCanvasRenderingContext2D) {
        if (this.canvas.width * this.canvas.height >= 2 ** 20) watched.__bigResets++;
        reset.call(this);
      };
      const cy = window.__atlasCy!;
      const graph = cy.elements().boundingBox();
      const view = cy.extent();
      const towardsMiddle = graph.x1 + graph.w / 2 > view.x1 + view.w / 2 ? -1 : 1;
      cy.panBy({ x: (towardsMiddle * cy.width()) / 2, y: 0 });
    });
    const bigResets = () => page.evaluate(() => (window as unknown as { __bigResets: number }).__bigResets);
    await expect.poll(bigResets, { timeout: 15_000 }).toBeGreaterThan(0);
    const largestCanvas = await page.evaluate(() => {
      const watched = window as unknown as { __madeCanvas: typeof OffscreenCanvas; __reset: () => void };
      window.OffscreenCanvas = watched.__madeCanvas;
      OffscreenCanvasRenderingContext2D.prototype.reset = watched.__reset;
      return window.__largestCanvas!;
    });
    expect(largestCanvas).toBeLessThan(2 ** 20);
  });

  it('at a zoom whose picture of the whole graph would pass 12 MB, copies a picture of what is in view instead', async () => {
    // The first level past the view's limit on a picture of the whole graph (and within Cytoscape's own), and a zoom
    // that asks for it.
    const zoom = await page.evaluate((maxPixels) => {
      const cy = window.__atlasCy!;
      const graph = cy.elements().boundingBox();
      const viewPixels = cy.width() * cy.height();
      for (let level = -4; level <= 2; level++) {
        const pixels = Math.ceil(graph.w * 2 ** level) * Math.ceil(graph.h * 2 ** level);
        if (pixels > Math.max(maxPixels, 4 * viewPixels) && pixels <= 4000 * 4000) return 0.9 * 2 ** level;
      }
      return null;
    }, MAX_PICTURE_PIXELS);
    expect(zoom).not.toBeNull();
    // The largest canvas a picture gets from here on: a new one, or one kept from a dropped picture and cleared.
    await page.evaluate((level) => {
      window.__largestCanvas = 0;
      const note = (width: number, height: number) =>
        (window.__largestCanvas = Math.max(window.__largestCanvas!, width * height));
      const Made = OffscreenCanvas;
      const reset = OffscreenCanvasRenderingContext2D.prototype.reset;
      Object.assign(window, { __madeCanvas: Made, __reset: reset });
      window.OffscreenCanvas = class extends Made {
        constructor(width: number, height: number) {
          super(width, height);
          note(width, height);
        }
      };
      OffscreenCanvasRenderingContext2D.prototype.reset = function (this: OffscreenCanvasRenderingContext2D) {
        note(this.canvas.width, this.canvas.height);
        reset.call(this);
      };
      const cy = window.__atlasCy!;
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }, zoom!);
    // Once the view has settled, its picture is made and drawn (in slices); then a frame copies it, nothing one by
    // one (a frame before it copies another complete level, resampled).
    await expect.poll(() => page.evaluate(() => window.__largestCanvas!), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await drawFrame(page, false)).drawn, { timeout: 15_000 }).toBe(0);
    const largestCanvas = await page.evaluate(() => {
      const kept = window as unknown as { __madeCanvas: typeof OffscreenCanvas; __reset: () => void };
      window.OffscreenCanvas = kept.__madeCanvas;
      OffscreenCanvasRenderingContext2D.prototype.reset = kept.__reset;
      return window.__largestCanvas!;
    });
    // A picture of the view and its margin; none of the whole graph, whose first drawing call would have made all
    // its pixels in one task.
    expect(largestCanvas).toBeLessThanOrEqual(MAX_PICTURE_PIXELS);
  });

  it('zoomed in past any picture of the whole graph, draws only what is in view, as Cytoscape would draw it', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    // Past the zoom at which Cytoscape keeps pictures at all (3.99): no picture of the view either.
    await page.evaluate(() => {
      const cy = window.__atlasCy!;
      cy.zoom({ level: 4.5, renderedPosition: cy.nodes()[5]!.renderedPosition() });
    });
    // Zoomed in that far, every record gets its label (in slices, during which Cytoscape draws nothing). The change
    // is over once its batch is: until then the frames below could catch its last slices.
    await expect.poll(() => labelsChangeOver(page, nodeCount), { timeout: 10_000 }).toBe(true);
    // It dropped every picture of the whole graph; one is built again, in slices, at the zoom that shows it (no
    // picture fits at this zoom; see prebuiltLayer.ts): some level of Cytoscape's layers is complete again.
    const completeLevels = () =>
      page.evaluate(() => {
        type Layer = { eles: unknown[]; reqs: number; invalid?: boolean };
        const cy = window.__atlasCy!;
        const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
        const { layersByLevel } = (renderer.data as { lyrTxrCache: { layersByLevel: Record<string, Layer[]> } })
          .lyrTxrCache;
        const all = cy.elements().length;
        return Object.entries(layersByLevel)
          .filter(([, layers]) => {
            const drawn = layers.every((layer) => layer.reqs === 0 && !layer.invalid);
            return drawn && layers.reduce((sum, layer) => sum + layer.eles.length, 0) === all;
          })
          .map(([level]) => Number(level));
      });
    await expect.poll(completeLevels, { timeout: 15_000 }).not.toEqual([]);
    await nodeLayerInk(page);
    // One frame as the view draws it, then the same frame as Cytoscape draws it, every element one by one; both with
    // each element's picture made at this zoom (see drawFrame).
    const narrowed = await drawFrame(page, false);
    const whole = await drawFrame(page, true);
    expect([narrowed.settled, whole.settled]).toEqual([true, true]);
    let differing = 0;
    let inked = 0;
    for (let i = 0; i < whole.alpha.length; i++) {
      if (whole.alpha[i]! > 0) inked++;
      if (Math.abs(whole.alpha[i]! - narrowed.alpha[i]!) > 8) differing++;
    }
    const result = { narrowedCount: narrowed.drawn, wholeCount: whole.drawn, differing, inked };
    // Back out to the whole graph: the picture built while zoomed in shows at once, where none would make
    // Cytoscape draw every element (labelled) in that one frame.
    const drawsBefore = await page.evaluate(() => window.__elementDraws!.length);
    await page.evaluate(() => void window.__atlasCy!.fit());
    await page.waitForTimeout(1000);
    const draws = await page.evaluate((from) => window.__elementDraws!.slice(from), drawsBefore);
    expect(draws.filter((count) => count >= (nodeCount + edgeCount) / 2)).toEqual([]);
    expect(result.wholeCount).toBe(nodeCount + edgeCount);
    expect(result.narrowedCount).toBeGreaterThan(0);
    expect(result.narrowedCount).toBeLessThan((nodeCount + edgeCount) / 4);
    expect(result.inked).toBeGreaterThan(1000);
    expect(result.differing).toBe(0);
  });

  it('zoomed back out before a picture of the whole graph is drawn, shows it being drawn, not every element at once', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    const ink = () => nodeLayerInk(page);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(1000);
    const fitted = await ink();
    await page.evaluate(() => {
      const cy = window.__atlasCy!;
      cy.zoom({ level: 4.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    const drawsBefore = await page.evaluate(() => window.__elementDraws!.length);
    // The moment the labels' change ends (which drops every picture of the whole graph and starts drawing one),
    // back out to the whole graph.
    await page.evaluate(async () => {
      const cy = window.__atlasCy!;
      const batching = () => (cy as unknown as { batching(): boolean }).batching();
      await new Promise<void>((resolve) => {
        const check = () => {
          if (cy.nodes('.labelled').length === cy.nodes().length && !batching()) resolve();
          else setTimeout(check, 0);
        };
        check();
      });
      cy.fit();
    });
    // The picture fills in as it is drawn, in slices.
    await expect.poll(ink, { timeout: 15_000 }).toBeGreaterThan(fitted * 0.8);
    const draws = await page.evaluate((from) => window.__elementDraws!.slice(from), drawsBefore);
    expect(draws.filter((count) => count >= (nodeCount + edgeCount) / 2)).toEqual([]);
  });

  it('exports the whole graph as a PNG drawn in bands and slices, the image put together off the main thread', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    // The view as the user leaves it before exporting: fitted, its labels gone, its picture drawn (the previous test
    // zoomed in far, where no picture of the whole graph fits).
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(() => labelledRecords(page), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(1500);
    const pngCalls = await countCytoscapePng(page);
    const before = await page.evaluate(() => {
      // The largest canvas made on the main thread from now on (Cytoscape makes its layers' canvases this way).
      const Made = OffscreenCanvas;
      window.__largestCanvas = 0;
      window.OffscreenCanvas = class extends Made {
        constructor(width: number, height: number) {
          super(width, height);
          window.__largestCanvas = Math.max(window.__largestCanvas!, width * height);
        }
      };
      return window.__elementDraws!.length;
    });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the graph as a PNG image' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    // A PNG: its signature, then the header chunk with the width and height.
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    const expected = await page.evaluate(() => {
      const box = window.__atlasCy!.elements().boundingBox();
      return { width: box.w, height: box.h };
    });
    // The graph's extent at a power-of-two scale of at most 2, at most about 4,096 pixels across.
    const scale = size.width / expected.width;
    expect(Math.log2(scale) % 1).toBeCloseTo(0, 1);
    expect(size.height / expected.height).toBeCloseTo(scale, 1);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(4096);
    const after = await page.evaluate(
      (from) => ({
        draws: window.__elementDraws!.slice(from),
        largestCanvas: window.__largestCanvas!,
      }),
      before,
    );
    expect(await pngCalls()).toBe(0);
    expect(after.draws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
    // No canvas the size of the image on the main thread: bands of at most 2^20 pixels (the image has at least two).
    expect(size.width * size.height).toBeGreaterThan(2 ** 21);
    expect(after.largestCanvas).toBeLessThanOrEqual(2 ** 20);
    // The bands put together where they belong: the ink in each of 40 strips of rows is the ink of the same strip
    // of the image Cytoscape draws in one go at the same scale (a band missing, shifted or drawn twice is not).
    const strips = await inkByStripAgainstCytoscape(page, bytes, scale);
    expect(strips.reference.reduce((sum, ink) => sum + ink, 0)).toBeGreaterThan(0);
    expect(stripsOff(strips)).toEqual([]);
  });

  it('says why an image export failed, and saves no file', async () => {
    // The worker is asked for an image canvas no browser can make, as when memory runs short on a large export.
    await page.evaluate(() => {
      const Real = Worker;
      window.Worker = class extends Real {
        override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
          const request = message as { kind?: string };
          super.postMessage(
            request.kind === 'start' ? { ...request, width: 1_000_000, height: 1_000_000 } : message,
            transfer as Transferable[],
          );
        }
      };
      (window as unknown as { __RealWorker: typeof Worker }).__RealWorker = Real;
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    try {
      await page.getByRole('button', { name: 'Export the graph as a PNG image' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The export failed, and no file was saved' });
      await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
      // The worker's reason, and the status bar's task gone.
      await expect.poll(() => alert.textContent()).toContain('The PNG image could not be made');
      await expect.poll(() => page.locator('.status-bar__task').count()).toBe(0);
      await screenshot(page, 'network-export-failed');
      expect(downloads).toBe(0);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      expect(await alert.count()).toBe(0);
    } finally {
      await page.evaluate(() => {
        window.Worker = (window as unknown as { __RealWorker: typeof Worker }).__RealWorker;
      });
    }
  });

  it('arranges a path and puts its records back in slices, without Cytoscape drawing the graph element by element', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    const drawsBefore = await page.evaluate(() => window.__elementDraws!.length);
    const ends = await recordsTwoApart(page, 0);
    const saved = await recordPlaces(page);
    await choosePathEnds(page, ends);
    const zoomBefore = await page.evaluate(() => window.__atlasCy!.zoom());
    await page.getByRole('button', { name: 'Show path to here' }).click();
    // The canvas is marked busy from the click (the path asked for, restyled and arranged), and only until then:
    // once it is not, the path's records are in their new places and the view fitted to them (what waits for the
    // graph, a screen reader, the benchmark, waits for all of it).
    expect(await page.getByTestId('graph-canvas').getAttribute('aria-busy')).toBe('true');
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => window.__atlasCy!.zoom())).not.toBe(zoomBefore);
    // The path's records moved (left to right from the first), the others stayed.
    const moved = await recordPlaces(page);
    const movedIds = movedSince(saved, moved);
    expect(movedIds.length).toBeLessThan(10);
    // Arranged in the layout worker, left to right: the first record leftmost, the last rightmost, the one between
    // them between.
    const between = movedIds.filter((id) => id !== ends.from && id !== ends.to);
    expect(between.length).toBeGreaterThan(0);
    for (const id of between) {
      expect(moved[id]!.x).toBeGreaterThan(moved[ends.from]!.x);
      expect(moved[id]!.x).toBeLessThan(moved[ends.to]!.x);
    }
    await page.getByRole('button', { name: 'Show everything' }).click();
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor({ timeout: 15_000 });
    // Back where they were once the canvas is no longer busy, those brought in by an earlier focus (with no saved
    // place) too.
    expect(movedSince(saved, await recordPlaces(page))).toEqual([]);
    await page.waitForTimeout(500);
    const draws = await page.evaluate((from) => window.__elementDraws!.slice(from), drawsBefore);
    expect(draws.filter((count) => count >= nodeCount + edgeCount)).toEqual([]);
  });

  it('ends a path still being arranged: its records stay where they are saved and the view does not move', async () => {
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    const ends = await recordsTwoApart(page, 1);
    const saved = await recordPlaces(page);
    const zoom = await page.evaluate(() => window.__atlasCy!.zoom());
    // The layout held in the worker's queue: the path is shown (its banner is up) but not yet arranged.
    await page.evaluate(() => (window.__holdLayouts = true));
    await choosePathEnds(page, ends);
    await page.getByRole('button', { name: 'Show path to here' }).click();
    await page.getByRole('button', { name: 'Show everything' }).click();
    // The layout comes back once the path has ended: nothing may move, and the view stays put.
    await page.evaluate(() => window.__releaseLayouts!());
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(movedSince(saved, await recordPlaces(page))).toEqual([]);
    expect(await page.evaluate(() => window.__atlasCy!.zoom())).toBe(zoom);
  });

  it('draws an edit in place: a rename and its undoing restyle one record, not drawing the graph anew', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    // The fitted level's picture drawn (in slices), so that what is drawn next is the edit's.
    await drawingSettled(page);
    // Every element drawn now, marked: a graph loaded anew would be new elements.
    const drawn = await page.evaluate(() => {
      const marked = new WeakSet<object>();
      window.__atlasCy!.elements().forEach((element) => void marked.add(element));
      (window as unknown as { __marked: WeakSet<object> }).__marked = marked;
      return window.__atlasCy!.elements().length;
    });
    const stillMarked = () =>
      page.evaluate(() => {
        const { __marked: marked } = window as unknown as { __marked: WeakSet<object> };
        return window.__atlasCy!.elements().filter((element) => marked.has(element)).length;
      });
    const before = await page.evaluate(() => ({
      draws: window.__elementDraws!.length,
      layers: window.__framedLayers!.length,
      elementsDrawn: window.__elementsDrawn!,
    }));
    const id = await page.evaluate(() => {
      const node = window.__atlasCy!.nodes('.kind-actor')[3]!;
      node.emit('tap');
      return node.id();
    });
    const name = app.atlas.store.index.node(id)!.name;
    const label = () => page.evaluate((nodeId) => window.__atlasCy!.getElementById(nodeId).data('label') as string, id);
    await page.locator('.details').getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Harbour Light Outreach');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(label, { timeout: 15_000 }).toBe('Harbour Light Outreach');
    expect(await stillMarked()).toBe(drawn);
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(label, { timeout: 15_000 }).toBe(name);
    expect(await stillMarked()).toBe(drawn);
    // Each change patched the picture in place (the few elements around the record drawn again), before it showed:
    // no frame drew the graph element by element, none made a layer for itself, and the picture was not drawn anew.
    await page.waitForTimeout(500);
    const after = await page.evaluate(
      ({ draws, layers, elementsDrawn }) => ({
        draws: window.__elementDraws!.slice(draws),
        layers: window.__framedLayers!.slice(layers),
        elementsDrawn: window.__elementsDrawn! - elementsDrawn,
      }),
      before,
    );
    expect(after.draws.filter((count) => count >= (nodeCount + edgeCount) / 4)).toEqual([]);
    expect(after.layers).toEqual([]);
    expect(after.elementsDrawn).toBeLessThan((nodeCount + edgeCount) / 4);
    await screenshot(page, 'network-large-renamed');
  });

  it('zoomed in close, patches the picture of the view for an edit: the next frame shows it, the view not drawn anew', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    const id = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const node = cy.nodes('.kind-actor')[5]!;
      cy.zoom({ level: 2.5, renderedPosition: node.renderedPosition() });
      return node.id();
    });
    await expect.poll(() => labelsChangeOver(page, nodeCount), { timeout: 10_000 }).toBe(true);
    // The picture of the view drawn (no picture of the whole graph fits at this zoom): frames copy it.
    await expect.poll(async () => (await drawFrame(page, false)).drawn, { timeout: 15_000 }).toBe(0);
    // The picture of the whole graph, for zooming back out, drawn too: what the edit draws is counted on its own.
    await drawingSettled(page);
    const name = app.atlas.store.index.node(id)!.name;
    // Where the record and its label are drawn, in the canvas's pixels.
    const recordBox = () =>
      page.evaluate((nodeId) => {
        const canvas = document.querySelector<HTMLCanvasElement>(
          '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
        )!;
        const scale = canvas.width / canvas.clientWidth;
        const { x1, y1, x2, y2 } = window.__atlasCy!.getElementById(nodeId).renderedBoundingBox();
        return { x1: x1 * scale, y1: y1 * scale, x2: x2 * scale, y2: y2 * scale };
      }, id);
    const rename = async (act: () => Promise<void>, wanted: string) => {
      const before = await drawFrame(page, false);
      const boxBefore = await recordBox();
      const drawnBefore = await page.evaluate(() => window.__elementsDrawn!);
      await act();
      await editShown(page, { id, label: wanted });
      const drawnForEdit = (await page.evaluate(() => window.__elementsDrawn!)) - drawnBefore;
      // The next frame copies the patched picture; Cytoscape's own frame draws every element, the new name with them.
      const patched = await drawFrame(page, false);
      const own = await drawFrame(page, true);
      const boxAfter = await recordBox();
      // Pixels of the record's old and new places that differ from Cytoscape's own frame (by over a quarter of full
      // opacity; the picture is resampled from its level): in the frame before the edit, and in the patched one.
      const differing = (frame: { alpha: Uint8Array }) => {
        let count = 0;
        const [x1, y1] = [Math.min(boxBefore.x1, boxAfter.x1), Math.min(boxBefore.y1, boxAfter.y1)];
        const [x2, y2] = [Math.max(boxBefore.x2, boxAfter.x2), Math.max(boxBefore.y2, boxAfter.y2)];
        for (let y = Math.max(0, Math.floor(y1)); y < y2 && y < own.alpha.length / own.width; y++) {
          for (let x = Math.max(0, Math.floor(x1)); x < x2 && x < own.width; x++) {
            const i = y * own.width + x;
            if (Math.abs(own.alpha[i]! - frame.alpha[i]!) > 64) count++;
          }
        }
        return count;
      };
      return {
        drawnForEdit,
        framedDrawn: patched.drawn,
        differedBefore: differing(before),
        differs: differing(patched),
      };
    };
    await page.evaluate((nodeId) => void window.__atlasCy!.getElementById(nodeId).emit('tap'), id);
    await page.locator('.details').getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Harbour Light Outreach');
    const renamed = await rename(
      () => page.getByRole('button', { name: 'Save changes' }).click(),
      'Harbour Light Outreach',
    );
    await screenshot(page, 'network-large-renamed-zoomed-in');
    await page.locator('.canvas').focus();
    const undone = await rename(() => page.keyboard.press('Control+z'), name);
    for (const result of [renamed, undone]) {
      expect(result.framedDrawn).toBe(0);
      // The name changed visibly, and the patched frame shows it as Cytoscape draws it (up to resampling).
      expect(result.differedBefore).toBeGreaterThan(300);
      expect(result.differs).toBeLessThan(result.differedBefore / 4);
      // The elements around the record, on each picture: not the picture of the view drawn anew.
      expect(result.drawnForEdit).toBeLessThan((nodeCount + edgeCount) / 10);
    }
  });

  it('draws a new relation in place, in the drawing order Cytoscape would give it, and takes it away on Ctrl+Z', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    // Two actors a short way apart, not related yet, away from the graph's edge (a change there goes in slices),
    // in view at a zoom where a picture of the whole graph fits.
    const pair = await page.evaluate(() => {
      const cy = window.__atlasCy!;
      const extent = cy.elements().boundingBox();
      const inner = (node: { position(): { x: number; y: number } }) => {
        const { x, y } = node.position();
        return x - extent.x1 > 300 && extent.x2 - x > 300 && y - extent.y1 > 300 && extent.y2 - y > 300;
      };
      const actors = cy.nodes('.kind-actor').filter(inner) as ReturnType<Core['nodes']>;
      for (const from of actors.toArray()) {
        const near = actors.filter((other) => {
          if (other === from || from.edgesWith(other).nonempty()) return false;
          const [a, b] = [from.position(), other.position()];
          return Math.hypot(a.x - b.x, a.y - b.y) > 80 && Math.hypot(a.x - b.x, a.y - b.y) < 200;
        });
        if (near.nonempty()) {
          cy.zoom({ level: 1, renderedPosition: from.renderedPosition() });
          cy.center(from);
          return { from: from.id(), to: near[0]!.id() };
        }
      }
      return null;
    });
    expect(pair).not.toBeNull();
    const { from, to } = pair!;
    const id = `${from}|refers_to|${to}`;
    await drawingSettled(page);
    expect((await drawFrame(page, false)).drawn).toBe(0);
    await page.evaluate((nodeId) => void window.__atlasCy!.getElementById(nodeId).emit('tap'), from);
    await page.getByRole('button', { name: 'Add relation' }).click();
    await page.getByLabel('Relation type').selectOption('refers_to');
    await page.getByLabel('Other record').fill(to);
    await page.getByLabel('Source').fill('Coalition meeting notes, November 2026');
    // Where the relation is drawn, in the canvas's pixels (between its two records' centres).
    const lineBox = () =>
      page.evaluate(
        ([a, b]) => {
          const cy = window.__atlasCy!;
          const canvas = document.querySelector<HTMLCanvasElement>(
            '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
          )!;
          const scale = canvas.width / canvas.clientWidth;
          const [p, q] = [cy.getElementById(a!).renderedPosition(), cy.getElementById(b!).renderedPosition()];
          return {
            x1: Math.min(p.x, q.x) * scale,
            y1: Math.min(p.y, q.y) * scale,
            x2: Math.max(p.x, q.x) * scale,
            y2: Math.max(p.y, q.y) * scale,
          };
        },
        [from, to],
      );
    const change = async (act: () => Promise<void>, present: boolean) => {
      const before = await drawFrame(page, false);
      const ownBefore = await drawFrame(page, true);
      const drawnBefore = await page.evaluate(() => window.__elementsDrawn!);
      await act();
      await editShown(page, { id, present });
      const drawnForEdit = (await page.evaluate(() => window.__elementsDrawn!)) - drawnBefore;
      // The order the view keeps, and Cytoscape's own sort of the elements as they are now.
      const orders = await page.evaluate(() => {
        type Order = { id(): string }[];
        const renderer = (
          window.__atlasCy as unknown as { renderer(): { getCachedZSortedEles(force?: boolean): Order } }
        ).renderer();
        const ids = (order: Order) => order.map((element) => element.id());
        const kept = ids(renderer.getCachedZSortedEles());
        return { kept, own: ids(renderer.getCachedZSortedEles(true)) };
      });
      const patched = await drawFrame(page, false);
      const own = await drawFrame(page, true);
      const box = await lineBox();
      // Pixels around the relation where a frame differs from Cytoscape's own (by over a quarter of full opacity).
      const differing = (frame: { alpha: Uint8Array }, from = own) => {
        let count = 0;
        for (let y = Math.max(0, Math.floor(box.y1)); y < box.y2; y++) {
          for (let x = Math.max(0, Math.floor(box.x1)); x < box.x2 && x < own.width; x++) {
            if (Math.abs(from.alpha[y * own.width + x]! - frame.alpha[y * own.width + x]!) > 64) count++;
          }
        }
        return count;
      };
      return {
        drawnForEdit,
        framedDrawn: patched.drawn,
        sameOrder: orders.kept.join() === orders.own.join(),
        // What the picture differs by before any change (it is drawn at a level, not for this frame)...
        floor: differing(before, ownBefore),
        // ...what the frame before the change differs by from Cytoscape's own after it, and the patched frame.
        differedBefore: differing(before),
        differs: differing(patched),
      };
    };
    const created = await change(() => page.getByRole('button', { name: 'Create relation' }).click(), true);
    await screenshot(page, 'network-large-relation-created');
    await page.locator('.canvas').focus();
    const undone = await change(() => page.keyboard.press('Control+z'), false);
    for (const result of [created, undone]) {
      expect(result.framedDrawn).toBe(0);
      expect(result.sameOrder).toBe(true);
      // The relation shows (or goes) visibly, and the patched frame differs no more than the picture always does.
      expect(result.differedBefore).toBeGreaterThan(result.floor + 60);
      expect(result.differs).toBeLessThanOrEqual(result.floor * 1.2 + 10);
      expect(result.drawnForEdit).toBeLessThan((nodeCount + edgeCount) / 4);
    }
  });

  it('keeps a change of style made while the graph is still going in (the load restyles only its own slices)', async () => {
    const { nodeCount, edgeCount } = app.atlas.store.index;
    await page.reload();
    // Give a record already added another look, as an edit merged into the drawn graph does (the view re-applies
    // selection and highlights after a load, not looks): once while the rest is still going in, and once when every
    // element is in but the load has not ended (its picture of the graph being drawn), in the poll that sees it.
    // An actor no more once restyled: the second takes another.
    await page.locator('[data-testid="graph-canvas"][aria-busy="true"]').waitFor();
    const early = await page.waitForFunction(() => {
      const node = window.__atlasCy?.nodes('.kind-actor')[0];
      return node?.classes(['kind-statute', 'size-7']).id();
    });
    const late = await page.waitForFunction(
      (total) => {
        const cy = window.__atlasCy;
        if (cy?.elements().length !== total) return undefined;
        const node = cy.nodes('.kind-actor')[0]!.classes(['kind-need', 'size-7']);
        return { id: node.id(), busy: document.querySelector('[data-testid="graph-canvas"]')!.ariaBusy };
      },
      nodeCount + edgeCount,
      { polling: 1 },
    );
    const { id: lateId, busy } = (await late.jsonValue())!;
    expect(busy).toBe('true');
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor();
    const looks = await page.evaluate(
      (nodeIds) =>
        nodeIds.map((nodeId) => {
          const node = window.__atlasCy!.getElementById(nodeId);
          return { shape: node.style('shape') as string, width: node.style('width') as string };
        }),
      [(await early.jsonValue())!, lateId],
    );
    expect(looks).toEqual([
      { shape: 'diamond', width: '46px' },
      { shape: 'round-triangle', width: '46px' },
    ]);
  });

  it('takes turns between an image export and a re-layout: no record moves while the image is drawn', async () => {
    const relayout = page.getByRole('button', { name: 'Re-layout', exact: true });
    const exportPng = page.getByRole('button', { name: 'Export the graph as a PNG image' });
    const layoutDone = () => waitUntilLaidOut(page, 60_000);
    // The first records' places, as the page's log reads them when an image is finished.
    const firstPlaces = () =>
      page.evaluate(() =>
        window
          .__atlasCy!.nodes()
          .slice(0, 50)
          .toArray()
          .flatMap((node) => [node.position('x'), node.position('y')]),
      );
    await layoutDone();

    // A re-layout asked for while an image is drawn (both clicks in one task): its worker is asked only once the
    // image is finished, not beside it.
    await page.evaluate(() => (window.__workerLog = []));
    const firstImage = page.waitForEvent('download');
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll('button')];
      buttons.find((b) => b.getAttribute('aria-label') === 'Export the graph as a PNG image')!.click();
      buttons.find((b) => b.textContent === 'Re-layout')!.click();
    });
    await firstImage;
    await layoutDone();
    const posted = await page.evaluate(() => window.__workerLog!.map(({ worker, kind }) => `${worker} ${kind}`));
    expect(posted.indexOf('png finish')).toBeGreaterThanOrEqual(0);
    expect(posted.indexOf('layout undefined')).toBeGreaterThan(posted.indexOf('png finish'));

    // An image asked for while a re-layout's places are about to go in (the worker's answer held until the image
    // has started): the places go in once it is finished, and the image shows the records where they were.
    const before = await firstPlaces();
    await page.evaluate(() => {
      window.__workerLog = [];
      window.__holdLayoutAnswers = true;
      window.__heldLayoutAnswers = 0;
    });
    await relayout.click();
    await page.waitForFunction(() => window.__heldLayoutAnswers! > 0, undefined, { timeout: 60_000 });
    const secondImage = page.waitForEvent('download');
    await exportPng.click();
    await page.waitForFunction(() =>
      window.__workerLog!.some((entry) => entry.worker === 'png' && entry.kind === 'start'),
    );
    await page.evaluate(() => window.__releaseLayoutAnswers!());
    await secondImage;
    await layoutDone();
    const atFinish = await page.evaluate(() => window.__workerLog!.find((entry) => entry.kind === 'finish')!.places);
    expect(atFinish).toEqual(before);
    expect(await firstPlaces()).not.toEqual(before);
    expect(errors).toEqual([]);
  });
});

/**
 * Draws one frame now and returns the node layer's opacity after it and how many elements the frame drew one by
 * one (the most of any frame drawn meanwhile); with `cytoscapesOwn`, as Cytoscape draws when it keeps no picture:
 * every element, one by one, with its own pass. Where the frame drew an element from its picture at another zoom,
 * scaled, it waits (up to two seconds) for the frame Cytoscape draws once the right one is made; `settled` says
 * whether the frame returned is such a frame.
 */
async function drawFrame(
  page: Page,
  cytoscapesOwn: boolean,
): Promise<{ drawn: number; alpha: Uint8Array; width: number; settled: boolean }> {
  const frame = await page.evaluate(async (own) => {
    type Queue = { size(): number };
    type Renderer = Record<string, unknown> & {
      drawCachedElement(...args: unknown[]): unknown;
      render(...args: unknown[]): unknown;
      redrawHint(what: string, on: boolean): void;
      redraw(): void;
      data: { lyrTxrCache: { getLayers: unknown } } & Record<string, { eleCacheQueue?: Queue } | undefined>;
    };
    const renderer = (window.__atlasCy as unknown as { renderer(): Renderer }).renderer();
    const cache = renderer.data.lyrTxrCache;
    const kept = { getLayers: cache.getLayers, drawCachedElements: renderer.drawCachedElements };
    if (own) {
      cache.getLayers = () => null;
      renderer.drawCachedElements = Object.getPrototypeOf(renderer).drawCachedElements;
    }
    let drawn = 0;
    const perFrame: number[] = [];
    // Pictures of elements queued to draw when each frame ends. Cytoscape draws an element whose picture at this zoom
    // is not made yet from its picture at another zoom, scaled, and queues the right one for the frames after.
    const queuedAfter: number[] = [];
    const caches = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'];
    const queued = () => caches.reduce((sum, name) => sum + (renderer.data[name]?.eleCacheQueue?.size() ?? 0), 0);
    const drawOne = renderer.drawCachedElement;
    renderer.drawCachedElement = function (...args: unknown[]) {
      drawn++;
      return drawOne.apply(this, args);
    };
    const render = renderer.render;
    renderer.render = function (...args: unknown[]) {
      drawn = 0;
      try {
        return render.apply(this, args);
      } finally {
        perFrame.push(drawn);
        queuedAfter.push(queued());
      }
    };
    renderer.redrawHint('eles', true);
    renderer.redraw();
    // Until Cytoscape has drawn a frame (it skips one now and then, after a pan) with no picture of an element scaled
    // from another zoom's.
    for (let waited = 0; (perFrame.length === 0 || queuedAfter.at(-1)! > 0) && waited < 120; waited++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    renderer.drawCachedElement = drawOne;
    renderer.render = render;
    cache.getLayers = kept.getLayers;
    renderer.drawCachedElements = kept.drawCachedElements;
    const canvas = document.querySelector<HTMLCanvasElement>(
      '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
    )!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    // As a string of bytes: a million numbers as a JSON array take seconds to hand over.
    let alpha = '';
    for (let i = 3; i < data.length; i += 4) alpha += String.fromCharCode(data[i]!);
    return {
      drawn: Math.max(0, ...perFrame),
      alpha,
      width: canvas.width,
      settled: queuedAfter.at(-1) === 0,
    };
  }, cytoscapesOwn);
  return { ...frame, alpha: Buffer.from(frame.alpha, 'latin1') };
}

/**
 * Resolves once an edit shows in the graph: the element `id` carries `label` (or is there, or gone, as `present`
 * says), Cytoscape's batch is over, and the canvas is no longer marked busy (it is until the pictures show the
 * change).
 */
async function editShown(page: Page, wanted: { id: string; label?: string; present?: boolean }): Promise<void> {
  await page.waitForFunction(
    ({ id, label, present }) => {
      const cy = window.__atlasCy!;
      const element = cy.getElementById(id);
      const shown = label !== undefined ? element.data('label') === label : element.nonempty() === present;
      const batching = (cy as unknown as { batching(): boolean }).batching();
      const busy = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-busy') === 'true';
      return shown && !batching && !busy;
    },
    wanted,
    { polling: 10, timeout: 15_000 },
  );
}

type Places = Record<string, { x: number; y: number }>;

/** Where every drawn record is, by id. */
function recordPlaces(page: Page): Promise<Places> {
  return page.evaluate(() => Object.fromEntries(window.__atlasCy!.nodes().map((node) => [node.id(), node.position()])));
}

/** The records whose place in `now` is not their place in `before`. */
function movedSince(before: Places, now: Places): string[] {
  return Object.keys(now).filter((id) => now[id]!.x !== before[id]!.x || now[id]!.y !== before[id]!.y);
}

/**
 * The `nth` record with a relation and one two relations from it: a path between them has a record between them to
 * arrange.
 */
function recordsTwoApart(page: Page, nth: number): Promise<{ from: string; to: string }> {
  return page.evaluate((index) => {
    const cy = window.__atlasCy!;
    const from = cy.nodes().filter((node) => node.degree(false) > 0)[index]!;
    const near = from.neighborhood('node');
    const to = near.neighborhood('node').filter((node) => node.id() !== from.id() && !near.has(node))[0]!;
    return { from: from.id(), to: to.id() };
  }, nth);
}

/** Chooses a path's two ends as a user does (tap, "Path from here…", tap), short of asking for it. */
async function choosePathEnds(page: Page, ends: { from: string; to: string }): Promise<void> {
  const tap = (id: string) =>
    page.evaluate((nodeId) => {
      window.__atlasCy!.getElementById(nodeId).emit('tap');
    }, id);
  await tap(ends.from);
  await page.getByRole('button', { name: 'Path from here…' }).click();
  await tap(ends.to);
}

/** How many records carry their label (the large style labels every record from a zoom on, in slices). */
function labelledRecords(page: Page): Promise<number> {
  return page.evaluate(() => window.__atlasCy!.nodes('.labelled').length);
}

/** Whether all `nodeCount` records carry their labels and the change that gave them is over (its batch ended). */
function labelsChangeOver(page: Page, nodeCount: number): Promise<boolean> {
  return page.evaluate((count) => {
    const cy = window.__atlasCy!;
    // `batching` is Cytoscape's, missing from its typings.
    return cy.nodes('.labelled').length === count && !(cy as unknown as { batching(): boolean }).batching();
  }, nodeCount);
}

/** Resolves once no element has been drawn anywhere (into a frame or a picture) for half a second. */
async function drawingSettled(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const drawn = await page.evaluate(async () => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          return window.__elementsDrawn!;
        });
        const still = drawn === last;
        last = drawn;
        return still;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** The summed opacity of Cytoscape's node layer (where it draws nodes and edges), as it is on screen now. */
function nodeLayerInk(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const canvas = document.querySelector<HTMLCanvasElement>(
      '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
    )!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    for (let i = 3; i < data.length; i += 4) sum += data[i]!;
    return sum;
  });
}

/** What one canvas shows at the centre of a record drawn apart from the others. */
type Probe = { kind: NodeKind; subtype: string | null; degree: number; pixel: number[] };

/**
 * The pixel at the centre of up to 40 records with no other record within 14 screen pixels (nodes are at most 13
 * across at this zoom, so no neighbour covers their centre), on the sketch as it first showed or on Cytoscape's
 * main layer (nodes and edges) as it is now.
 */
function probeIsolatedRecords(page: Page, canvas: 'sketch' | 'graph'): Promise<Probe[]> {
  return page.evaluate((which) => {
    const cy = window.__atlasCy!;
    let pixels: Uint8ClampedArray;
    let width: number;
    if (which === 'sketch') {
      ({ pixels, width } = window.__sketchLog as { pixels: Uint8ClampedArray; width: number });
    } else {
      const layer = document.querySelector<HTMLCanvasElement>(
        '.canvas__instance:not(.canvas__instance--kept) canvas[data-id="layer2-node"]',
      )!;
      ({ data: pixels, width } = layer.getContext('2d')!.getImageData(0, 0, layer.width, layer.height));
    }
    const placed = cy.nodes().map((node) => ({ node, at: node.renderedPosition() }));
    return placed
      .filter(({ at }, i) =>
        placed.every((other, j) => i === j || Math.hypot(other.at.x - at.x, other.at.y - at.y) > 14),
      )
      .slice(0, 40)
      .map(({ node, at }) => {
        const offset = (Math.floor(at.y) * width + Math.floor(at.x)) * 4;
        return {
          kind: node.data('kind') as NodeKind,
          subtype: node.data('subtype') as string | null,
          degree: node.data('degree') as number,
          pixel: Array.from(pixels.slice(offset, offset + 3)),
        };
      });
  }, canvas);
}

/** Each probed record's centre is in the colour the stylesheet gives its kind, type and degree (within `tolerance`). */
function expectRecordColours(probes: Probe[], tolerance: number): void {
  expect(probes.length).toBeGreaterThan(10);
  for (const probe of probes) {
    const { colour, shape } = nodeLook(probe.kind, probe.subtype, probe.degree);
    // A small triangle is a pixel or two wide at the centre of its box: its centre pixel is partly background.
    if (shape === 'round-triangle') continue;
    const expected = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    probe.pixel.forEach((channel, i) => expect(Math.abs(channel - expected[i]!)).toBeLessThanOrEqual(tolerance));
  }
}
