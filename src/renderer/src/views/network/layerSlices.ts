/**
 * Drawing into a picture of the graph (a layer of Cytoscape's layered texture cache; see layerCache.ts) slice by
 * slice, each slice in a task of its own, sized by what its raster will cost (rasterBudget.ts), and rasterised at
 * once: the frame that shows the picture then neither draws nor rasterises it. A fresh picture's pixels are allocated
 * in a task of their own first.
 */
import type { SingularElementArgument } from 'cytoscape';
import { allocateNow, nextTask, rasteriseNow } from './frames';
import type { Layer, LayerCache } from './layerCache';
import { rasterBudget, type RasterBudget } from './rasterBudget';

/** How many of this module's slice runs are drawing each cache's queue (see {@link watchQueue}). */
const slicingQueue = new WeakMap<LayerCache, number>();
/** While one of this module's slices draws from a queue: what it drew is counted here. */
let sliceBudget: RasterBudget | null = null;

/**
 * Keeps Cytoscape's frames from drawing from `cache`'s queue while this module draws it in slices, and counts what
 * this module's slices draw from it. Before each frame, Cytoscape draws queued elements for most of the frame's spare
 * time (up to 13 ms), rasterised by no one: the next slice's raster then took it all, 20–40 ms here however little
 * the slice drew itself.
 */
function watchQueue(cache: LayerCache): void {
  if (slicingQueue.has(cache)) return;
  slicingQueue.set(cache, 0);
  const dequeue = cache.dequeue;
  cache.dequeue = function (this: LayerCache, pixelRatio: number) {
    return (slicingQueue.get(this) ?? 0) > 0 && !sliceBudget ? [] : dequeue.call(this, pixelRatio);
  };
  const drawEleInLayer = cache.drawEleInLayer;
  if (!drawEleInLayer) return;
  cache.drawEleInLayer = function (this: LayerCache, layer, element, level, pixelRatio) {
    drawEleInLayer.call(this, layer, element, level, pixelRatio);
    sliceBudget?.count(element);
  };
}

/** Runs `work`, which queues elements into `cache`'s layers and draws them in slices, with frames kept from the queue. */
export async function slicingQueueOf<T>(cache: LayerCache, work: () => Promise<T>): Promise<T> {
  watchQueue(cache);
  slicingQueue.set(cache, (slicingQueue.get(cache) ?? 0) + 1);
  try {
    return await work();
  } finally {
    slicingQueue.set(cache, (slicingQueue.get(cache) ?? 1) - 1);
  }
}

/** Rasterises `canvas` now, telling `budget` how long that took. */
function rasteriseSlice(canvas: CanvasImageSource, budget: RasterBudget): void {
  const start = performance.now();
  rasteriseNow(canvas);
  budget.rasterised(performance.now() - start);
}

/**
 * Draws what is queued into `layer` with Cytoscape's own code, slice by slice, each rasterised at once: the frame
 * that shows the layer neither draws nor rasterises it. `afterSlice` runs after each. Call it within
 * {@link slicingQueueOf}; resolves to false if `superseded()` stopped it.
 */
export async function drawQueued(
  cache: LayerCache,
  layer: Layer,
  pixelRatio: number,
  superseded: () => boolean,
  afterSlice: () => void,
): Promise<boolean> {
  await allocateNow(layer.canvas);
  if (superseded()) return false;
  const budget = rasterBudget(layer.level);
  while (cache.layersQueue.size() > 0) {
    budget.startSlice();
    sliceBudget = budget;
    try {
      do cache.dequeue(pixelRatio);
      while (cache.layersQueue.size() > 0 && !budget.full());
    } finally {
      sliceBudget = null;
    }
    rasteriseSlice(layer.canvas, budget);
    afterSlice();
    await nextTask();
    if (superseded()) return false;
  }
  return true;
}

/**
 * Draws `elements` into `layer` with Cytoscape's own code (a layer no frame uses unless the caller shows it), in
 * slices (see rasterBudget.ts), each rasterised at once. `afterSlice` hears the share drawn and says whether
 * to stop; resolves to false if it did. `aroundSlice` runs each slice's drawing (for a change to Cytoscape's drawing
 * that must not reach the frames drawn between slices).
 */
export async function drawInSlices(
  cache: LayerCache,
  layer: Layer,
  elements: readonly SingularElementArgument[],
  pixelRatio: number,
  afterSlice: (share: number) => boolean,
  aroundSlice: (draw: () => void) => void = (draw) => draw(),
): Promise<boolean> {
  const drawEleInLayer = cache.drawEleInLayer;
  if (!drawEleInLayer) return false;
  await allocateNow(layer.canvas);
  if (afterSlice(0)) return false;
  const budget = rasterBudget(layer.level);
  for (let next = 0; next < elements.length;) {
    budget.startSlice();
    aroundSlice(() => {
      do {
        const element = elements[next++]!;
        drawEleInLayer.call(cache, layer, element, layer.level, pixelRatio);
        budget.count(element);
      } while (next < elements.length && !budget.full());
    });
    rasteriseSlice(layer.canvas, budget);
    await nextTask();
    if (afterSlice(next / elements.length)) return false;
  }
  return true;
}
