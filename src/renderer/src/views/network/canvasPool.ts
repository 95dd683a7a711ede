/**
 * The canvases of pictures Cytoscape dropped, kept a few seconds for its next picture of the same size.
 *
 * A change of style (a focus, its end, a path, its end) drops every picture of the graph (a layer per zoom level),
 * and the next picture of the level in use is the same size whenever the graph's extent is the same. A fresh canvas
 * makes its pixels with its first drawing call: 8 to 28 ms for one 2,000 pixels square here, 34 ms seen in a trace at
 * the end of a path on a thousand records, 45 to 72 ms in traces for a picture of what is in view at five thousand
 * (2,029 pixels square), against 2 to 4 ms to clear one kept. Only the canvases of layers Cytoscape shows for a level (those
 * it drops through `invalidateLayer`) and of complete pictures of what is in view (viewTile.ts, which hands them
 * over) are kept: nothing draws into a picture once it is dropped (Cytoscape's queue skips it, as do this view's
 * slices and patches).
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is: without what it
 * needs, every picture gets a fresh canvas, as before.
 */
import type { Core } from 'cytoscape';
import { layerCacheOf, type CanvasRenderer, type Layer } from './layerCache';

/** How long a dropped picture's canvas is kept after the last one was. */
export const KEEP_MS = 8000;
/** The most pixels kept (64 MB): at a thousand records, the largest level and those below it. */
export const MAX_KEPT_PIXELS = 2 ** 24;

/** A canvas as Cytoscape makes one (an OffscreenCanvas here). */
type PictureCanvas = { width: number; height: number; getContext(kind: '2d'): { reset?(): void } | null };

type CanvasMaker = CanvasRenderer & { makeOffscreenCanvas?(width: number, height: number): PictureCanvas };

/** Each instance's pool, for pictures this view drops itself (see {@link keepForReuse}). */
const pools = new WeakMap<Core, ReturnType<typeof canvasPool>>();

/** Has `cy`'s renderer keep the canvases of the pictures it drops, and make its next pictures from them. */
export function reuseLayerCanvases(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): CanvasMaker }).renderer();
  const cache = layerCacheOf(renderer);
  const make = renderer.makeOffscreenCanvas;
  if (!cache || !make) return;
  const pool = canvasPool();
  pools.set(cy, pool);
  const invalidateLayer = cache.invalidateLayer;
  cache.invalidateLayer = function (this: typeof cache, layer: Layer) {
    const shown = !layer.invalid && !!this.layersByLevel[layer.level]?.includes(layer);
    invalidateLayer.call(this, layer);
    if (shown) pool.keep(layer.canvas as unknown as PictureCanvas);
  };
  renderer.makeOffscreenCanvas = function (this: CanvasMaker, width: number, height: number) {
    return pool.take(width, height) ?? make.call(this, width, height);
  };
}

/**
 * Keeps the canvas of a picture of `cy`'s graph this view dropped (made by Cytoscape's renderer, never shown or drawn
 * into again) for the renderer's next picture of its size. Does nothing where `cy` keeps no canvases.
 */
export function keepForReuse(cy: Core, canvas: CanvasImageSource): void {
  pools.get(cy)?.keep(canvas as unknown as PictureCanvas);
}

/** Canvases kept for reuse, the oldest given up first, all given up KEEP_MS after the last was kept. */
export function canvasPool() {
  let kept: PictureCanvas[] = [];
  let release: ReturnType<typeof setTimeout> | undefined;
  const pixels = (canvas: PictureCanvas) => canvas.width * canvas.height;
  return {
    keep(canvas: PictureCanvas): void {
      if (pixels(canvas) > MAX_KEPT_PIXELS || kept.includes(canvas)) return;
      kept.push(canvas);
      let total = kept.reduce((sum, each) => sum + pixels(each), 0);
      while (total > MAX_KEPT_PIXELS) total -= pixels(kept.shift()!);
      clearTimeout(release);
      release = setTimeout(() => (kept = []), KEEP_MS);
    },
    /** A kept canvas of exactly this size, cleared and with its drawing state as new, or null. */
    take(width: number, height: number): PictureCanvas | null {
      const index = kept.findIndex((canvas) => canvas.width === width && canvas.height === height);
      if (index < 0) return null;
      const canvas = kept.splice(index, 1)[0]!;
      // Without `reset`, its old picture and drawing state would stay: a fresh canvas instead.
      const context = canvas.getContext('2d');
      if (!context?.reset) return null;
      context.reset();
      return canvas;
    },
    get size(): number {
      return kept.length;
    },
  };
}
