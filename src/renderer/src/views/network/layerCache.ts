/**
 * Cytoscape's layered texture cache, as this view reaches it: its pictures (layers) of the graph, where it keeps
 * them per element, the levels it draws them at, and the limits on their size (Cytoscape's, and this view's own).
 *
 * Everything here is internal to Cytoscape's canvas renderer (3.x), reached through optional types: if a later
 * Cytoscape lacks any of it, `layerCacheOf` answers null and the modules using it leave Cytoscape to itself.
 */
import type { BoundingBox12, Core, SingularElementArgument } from 'cytoscape';
import type { DrawingOrder } from './drawingOrder';

/** Cytoscape's limits for a layer: below this level it reuses the smallest; above, and past this zoom, none. */
export const MIN_LEVEL = -4;
export const MAX_LEVEL = 2;
const MAX_ZOOM = 3.99;
const MAX_LAYER_AREA = 4000 * 4000;
const MAX_LAYER_SIDE = 32767;

/**
 * The most pixels this view lets a picture of the whole graph have (12 MB), where Cytoscape allows 16 million
 * (64 MB). A canvas makes its pixels with its first drawing call, one task that cannot be split: 33 ms for 10 MB here
 * (`npm run bench -- network`), and 129 to 157 ms for the 40 MB picture (3,182 pixels square) a path at five thousand
 * records zoomed to. Past this, frames copy a picture of what is in view instead (viewTile.ts, 7.5 MB for that path),
 * as they do past Cytoscape's own limit.
 */
export const MAX_PICTURE_PIXELS = 3 * 2 ** 20;
/**
 * A picture of the whole graph at the zoom that shows it all is at most four times the view's pixels (the level is
 * the power of two at or above the zoom): always allowed, so a large screen keeps a picture of a fitted graph.
 */
const VIEW_ALLOWANCE = 4;

/** A layer: an offscreen canvas over a bounding box at a level (a scale of 2^level), and the elements in it. */
export type Layer = {
  level: number;
  /** The box it covers, in the graph's units. */
  bb?: BoundingBox12 & { w: number; h: number };
  canvas: CanvasImageSource;
  /** Its canvas's context, transformed to draw in the graph's units. */
  context?: unknown;
  width: number;
  height: number;
  eles: SingularElementArgument[];
  invalid?: boolean;
};

export type LayerCache = {
  /** The renderer that makes the layers' canvases (each picture's canvas: canvasPool.ts may hand a kept one). */
  renderer?: { makeOffscreenCanvas?(width: number, height: number): CanvasImageSource };
  layersByLevel: Record<number, Layer[] | undefined>;
  /** When a layer was last invalidated: for a quarter of a second after, Cytoscape shows no incomplete level. */
  lastInvalidationTime?: number;
  drawEleInLayer?(layer: Layer, element: SingularElementArgument, level: number, pixelRatio: number): void;
  layersQueue: { size(): number };
  makeLayer(box: BoundingBox12 & { w: number; h: number }, level: number): Layer;
  queueLayer(layer: Layer, element: SingularElementArgument): void;
  invalidateLayer(layer: Layer): void;
  dequeue(pixelRatio: number): unknown[];
  levelIsComplete?(level: number, eles: readonly unknown[]): boolean;
  validateLayersElesOrdering?(level: number, eles: readonly unknown[]): void;
};

export type CanvasRenderer = {
  data?: { lyrTxrCache?: Partial<LayerCache> };
  getPixelRatio?(): number;
  getCachedZSortedEles?(): DrawingOrder;
  redrawHint?(what: string, on: boolean): void;
  redraw?(): void;
};

/** The layers made by {@link makeLayerWithoutPixels} still waiting for their pixels. */
const waitingForPixels = new WeakSet<Layer>();

/**
 * A new layer over `box` at `level`, as Cytoscape's `makeLayer` makes one, but on a canvas of one pixel: its own
 * canvas comes with {@link givePixels}, in a task of its own. A canvas makes all its pixels with its first drawing
 * call, which `makeLayer` makes (the layer's transform), and that is one task that cannot be split: 31 to 35 ms for
 * 10 MB in `npm run bench -- network`'s row on its VM, 44 ms for 16 MB in a scratch probe there. A frame at a new zoom
 * level makes that level's layer (prebuiltLayer.ts), and with its pixels that frame's callback took 48 to 60 ms after
 * a wheel zoom at five thousand records. Until its pixels come, the layer shows nothing, as an empty one would.
 */
export function makeLayerWithoutPixels(
  cache: LayerCache,
  box: BoundingBox12 & { w: number; h: number },
  level: number,
): Layer {
  const renderer = cache.renderer;
  const make = renderer?.makeOffscreenCanvas;
  if (!renderer || !make) return cache.makeLayer(box, level);
  const ownMaker = Object.hasOwn(renderer, 'makeOffscreenCanvas');
  renderer.makeOffscreenCanvas = () => make.call(renderer, 1, 1);
  try {
    const layer = cache.makeLayer(box, level);
    waitingForPixels.add(layer);
    return layer;
  } finally {
    if (ownMaker) renderer.makeOffscreenCanvas = make;
    else delete renderer.makeOffscreenCanvas;
  }
}

/** Gives a layer made by {@link makeLayerWithoutPixels} its canvas (a full-size one, and its transform) now. */
export function givePixels(cache: LayerCache, layer: Layer): void {
  if (!waitingForPixels.has(layer) || !layer.bb) return;
  waitingForPixels.delete(layer);
  const made = cache.makeLayer(layer.bb, layer.level);
  layer.canvas = made.canvas;
  layer.context = made.context;
}

/**
 * Drops `layer` if it is still waiting for its pixels: something stopped before giving them, and a layer on a canvas
 * of one pixel must not be drawn into and then shown as complete. Keeps Cytoscape's pause after a drop (see
 * {@link dropQuietly}).
 */
export function dropIfWithoutPixels(cache: LayerCache, layer: Layer): void {
  if (!waitingForPixels.delete(layer)) return;
  dropQuietly(cache, layer);
}

/**
 * Drops `layer` without Cytoscape's quarter of a second after any drop in which it shows no incomplete level, drawing
 * element by element where it would have shown another complete level.
 */
export function dropQuietly(cache: LayerCache, layer: Layer): void {
  const lastInvalidation = cache.lastInvalidationTime;
  if (!layer.invalid) cache.invalidateLayer(layer);
  if (lastInvalidation !== undefined) cache.lastInvalidationTime = lastInvalidation;
}

/** Where Cytoscape keeps, per element, the layer holding it at each level. */
export type LayerSlots = { _private?: { rscratch?: { imgLayerCaches?: Record<number, Layer | null> } } };

/**
 * The layer holding `element` at each level, as Cytoscape keeps it (a change to the element drops those layers), or
 * null for an element it has not placed.
 */
export function layerSlotsOf(element: SingularElementArgument): Record<number, Layer | null> | null {
  const scratch = (element as unknown as LayerSlots)._private?.rscratch;
  return scratch ? (scratch.imgLayerCaches ??= {}) : null;
}

export function layerCacheOf(renderer: CanvasRenderer): LayerCache | null {
  const cache = renderer.data?.lyrTxrCache;
  const complete =
    cache?.layersByLevel &&
    cache.layersQueue &&
    cache.makeLayer &&
    cache.queueLayer &&
    cache.invalidateLayer &&
    cache.dequeue;
  return complete ? (cache as LayerCache) : null;
}

/** The level Cytoscape draws layers at, at this zoom (in device pixels); null past the zoom it keeps layers to. */
export function zoomLevel(zoom: number, pixelRatio: number): number | null {
  // The power of two at or above the zoom (in device pixels).
  const level = Math.max(MIN_LEVEL, Math.ceil(Math.log2(zoom * pixelRatio)));
  return zoom >= MAX_ZOOM || level > MAX_LEVEL ? null : level;
}

/** The pixels of a layer over `box` at `level`, or null where Cytoscape's limits on a layer's size refuse it. */
function layerPixels(box: BoundingBox12, level: number): number | null {
  const scale = 2 ** level;
  const width = Math.ceil((box.x2 - box.x1) * scale);
  const height = Math.ceil((box.y2 - box.y1) * scale);
  if (width <= 0 || height <= 0 || width > MAX_LAYER_SIDE || height > MAX_LAYER_SIDE) return null;
  return width * height <= MAX_LAYER_AREA ? width * height : null;
}

/** Whether a layer over `box` at `level` is within Cytoscape's limits on a layer's size. */
export function layerSizeFits(box: BoundingBox12, level: number): boolean {
  return layerPixels(box, level) !== null;
}

/**
 * Whether this view keeps a picture of the whole graph, over `box`, at `level`, for a view of `viewPixels` (device
 * pixels): within Cytoscape's limits, and at most {@link MAX_PICTURE_PIXELS} or the view's allowance.
 */
export function wholeGraphPictureFits(box: BoundingBox12, level: number, viewPixels: number): boolean {
  const pixels = layerPixels(box, level);
  return pixels !== null && pixels <= Math.max(MAX_PICTURE_PIXELS, VIEW_ALLOWANCE * viewPixels);
}

/**
 * Drops every picture Cytoscape keeps of `cy`'s graph, at every level. Removing an element does not: a picture that
 * holds it would go on showing it, at a level not rebuilt since.
 */
export function dropLayers(cy: Core): void {
  const cache = layerCacheOf((cy as unknown as { renderer(): CanvasRenderer }).renderer());
  if (!cache) return;
  for (const layers of Object.values(cache.layersByLevel)) {
    for (const layer of [...(layers ?? [])]) cache.invalidateLayer(layer);
  }
}
