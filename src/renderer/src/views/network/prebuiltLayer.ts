/**
 * The picture of a newly added graph, drawn in slices before Cytoscape's first frame shows it.
 *
 * Cytoscape's canvas renderer keeps a "layered texture cache": the graph drawn once into an offscreen canvas, which
 * each later frame copies to the screen in one call. Left to itself, it builds that layer only after the graph has
 * been drawn element by element, and that first frame is one long task (about a fifth of a second for a thousand
 * nodes and their edges here; two thirds of a second for five thousand). Here the layer is made and filled while the
 * adding batch is still open, a few milliseconds at a time, with Cytoscape's own drawing code, so its first frame
 * finds the layer complete and only copies it.
 *
 * Everything used here is internal to Cytoscape's canvas renderer (3.x), reached through optional types: if a later
 * Cytoscape lacks any of it, nothing is prebuilt and Cytoscape draws the first frame itself, as it always did. The
 * frame also falls back to drawing element by element should anything make the layer stale in between (an element
 * restyled, another zoom level): slower, never wrong.
 */
import type { BoundingBox12, Core, SingularElementArgument } from 'cytoscape';
import type { DrawingOrder } from './drawingOrder';
import { sortForDrawing } from './drawingOrder';
import { nextTask, rasteriseNow } from './frames';

/** How long one slice of drawing into the layer may keep the main thread. */
const SLICE_BUDGET_MS = 10;

/** Cytoscape's limits for a layer: below this level it reuses the smallest; above, and past this zoom, none. */
const MIN_LEVEL = -4;
const MAX_LEVEL = 2;
const MAX_ZOOM = 3.99;
const MAX_LAYER_AREA = 4000 * 4000;
const MAX_LAYER_SIDE = 32767;

/** A layer: an offscreen canvas over a bounding box at a level (a scale of 2^level), and the elements in it. */
type Layer = { canvas: CanvasImageSource; width: number; height: number; eles: SingularElementArgument[] };

type LayerCache = {
  layersByLevel: Record<number, Layer[] | undefined>;
  layersQueue: { size(): number };
  makeLayer(box: BoundingBox12 & { w: number; h: number }, level: number): Layer;
  queueLayer(layer: Layer, element: SingularElementArgument): void;
  invalidateLayer(layer: Layer): void;
  dequeue(pixelRatio: number): unknown[];
};

type CanvasRenderer = {
  data?: { lyrTxrCache?: Partial<LayerCache> };
  getPixelRatio?(): number;
  getCachedZSortedEles?(): DrawingOrder;
};

/** Where Cytoscape keeps, per element, the layer holding it at each level. */
type LayerSlots = { _private?: { rscratch?: { imgLayerCaches?: Record<number, Layer | null> } } };

function layerCacheOf(renderer: CanvasRenderer): LayerCache | null {
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

/**
 * Builds the layer Cytoscape's next frame will want for `cy`'s elements at its current zoom, within `box` (the
 * union of the elements' bounding boxes, labels included). Call it with the adding batch still open, so no frame
 * draws the graph half-built. Resolves to false if a newer load superseded this one (the slices stop then).
 */
export async function prebuildLayer(cy: Core, box: BoundingBox12, superseded: () => boolean): Promise<boolean> {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  if (!cache || !renderer.getPixelRatio || !renderer.getCachedZSortedEles) return true;
  const pixelRatio = renderer.getPixelRatio();
  const zoom = cy.zoom();
  // The level the renderer will ask for: the power of two at or above the zoom (in device pixels).
  const level = Math.max(MIN_LEVEL, Math.ceil(Math.log2(zoom * pixelRatio)));
  if (zoom >= MAX_ZOOM || level > MAX_LEVEL) return true;
  const scale = 2 ** level;
  const bounds = { ...box, w: box.x2 - box.x1, h: box.y2 - box.y1 };
  const width = Math.ceil(bounds.w * scale);
  const height = Math.ceil(bounds.h * scale);
  if (width <= 0 || height <= 0 || width > MAX_LAYER_SIDE || height > MAX_LAYER_SIDE) return true;
  if (width * height > MAX_LAYER_AREA) return true;

  // The drawing order, as the frame will use it (computed in slices: drawingOrder.ts).
  if (!(await sortForDrawing(cy, superseded))) return false;
  const order = renderer.getCachedZSortedEles();
  const elements = order.nondrag;
  if (!elements || (order.drag?.length ?? 0) > 0) return true;
  await nextTask();
  if (superseded()) return false;

  if (!(elements[0] as unknown as LayerSlots | undefined)?._private?.rscratch) return true;
  for (const stale of cache.layersByLevel[level] ?? []) cache.invalidateLayer(stale);
  const layer = cache.makeLayer(bounds, level);
  cache.layersByLevel[level] = [layer];
  // Each element is marked as in the layer and queued to be drawn into it, in slices too (at five thousand records
  // that is fifteen thousand elements). An element left unmarked only makes the frame draw element by element.
  for (let next = 0; next < elements.length;) {
    const sliceStart = performance.now();
    do {
      const element = elements[next++]!;
      const scratch = (element as unknown as LayerSlots)._private?.rscratch;
      if (scratch) (scratch.imgLayerCaches ??= {})[level] = layer;
      layer.eles.push(element);
      cache.queueLayer(layer, element);
    } while (next < elements.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
    await nextTask();
    if (superseded()) return false;
  }

  // Then drawn into the layer by Cytoscape's own code, slice by slice, each slice rasterised at once: the frame that
  // shows the layer neither draws nor rasterises it.
  while (cache.layersQueue.size() > 0) {
    const sliceStart = performance.now();
    while (cache.layersQueue.size() > 0 && performance.now() - sliceStart < SLICE_BUDGET_MS) {
      cache.dequeue(pixelRatio);
    }
    rasteriseNow(layer.canvas);
    await nextTask();
    if (superseded()) return false;
  }
  return true;
}
