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
import { SLICE_BUDGET_MS, nextTask } from './frames';
import { drawQueued, slicingQueueOf } from './layerSlices';

/** Elements marked between two looks at the clock. */
const MARK_CHUNK = 200;

/** Cytoscape's limits for a layer: below this level it reuses the smallest; above, and past this zoom, none. */
export const MIN_LEVEL = -4;
const MAX_LEVEL = 2;
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
  canvas: CanvasImageSource;
  width: number;
  height: number;
  eles: SingularElementArgument[];
  invalid?: boolean;
};

export type LayerCache = {
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

/** Where Cytoscape keeps, per element, the layer holding it at each level. */
type LayerSlots = { _private?: { rscratch?: { imgLayerCaches?: Record<number, Layer | null> } } };

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

/** Where a layer would go: the cache, the level the renderer will ask for at the current zoom, and its extent. */
type LayerPlan = {
  cache: LayerCache;
  renderer: CanvasRenderer & Required<Pick<CanvasRenderer, 'getCachedZSortedEles'>>;
  pixelRatio: number;
  level: number;
  bounds: BoundingBox12 & { w: number; h: number };
};

/**
 * The plan for a layer of `cy` over `box` at its current zoom (or at `zoom`), or null where Cytoscape would use no
 * layer.
 */
function planLayer(cy: Core, box: BoundingBox12, zoom = cy.zoom()): LayerPlan | null {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  if (!cache || !renderer.getPixelRatio || !renderer.getCachedZSortedEles) return null;
  const pixelRatio = renderer.getPixelRatio();
  const level = levelFor(cy, zoom, pixelRatio, box);
  if (level === null) return null;
  const bounds = { ...box, w: box.x2 - box.x1, h: box.y2 - box.y1 };
  return { cache, renderer: renderer as LayerPlan['renderer'], pixelRatio, level, bounds };
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

/** The level a picture of `cy`'s whole graph (over `box`) is kept at, at this zoom; null where none is (too large). */
function levelFor(cy: Core, zoom: number, pixelRatio: number, box: BoundingBox12): number | null {
  const level = zoomLevel(zoom, pixelRatio);
  const viewPixels = cy.width() * cy.height() * pixelRatio ** 2;
  return level !== null && wholeGraphPictureFits(box, level, viewPixels) ? level : null;
}

/** The zoom at which `cy`'s canvas shows the whole of `box`. */
function wholeGraphZoom(cy: Core, box: BoundingBox12): number {
  const zoom = Math.min(cy.width() / Math.max(box.x2 - box.x1, 1), cy.height() / Math.max(box.y2 - box.y1, 1));
  return Math.max(cy.minZoom(), zoom);
}

/**
 * Whether a picture of `cy`'s whole graph can be kept at its current zoom (see {@link wholeGraphPictureFits}),
 * or undefined while the graph's extent is not known (see {@link knownExtent}).
 */
export function layerFits(cy: Core): boolean | undefined {
  const box = graphBoxes.get(cy);
  if (!box) return undefined;
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  return levelFor(cy, cy.zoom(), renderer.getPixelRatio?.() ?? 1, box) !== null;
}

/** The elements the layer holds (the drawing order, less any being dragged), or null when something is dragged. */
function layerElements(plan: LayerPlan): SingularElementArgument[] | null {
  const order = plan.renderer.getCachedZSortedEles();
  const elements = order.nondrag;
  if (!elements || (order.drag?.length ?? 0) > 0) return null;
  return (elements[0] as unknown as LayerSlots | undefined)?._private?.rscratch ? elements : null;
}

/** A new layer for the plan's level, in place of any there. */
function startLayer({ cache, level, bounds }: LayerPlan): Layer {
  // Any invalidation, even of a layer already invalid, makes Cytoscape skip incomplete levels for a quarter of a
  // second, drawing element by element where it would show another complete level: replacing this level's picture
  // is no reason to.
  const lastInvalidation = cache.lastInvalidationTime;
  for (const stale of cache.layersByLevel[level] ?? []) if (!stale.invalid) cache.invalidateLayer(stale);
  if (lastInvalidation !== undefined) cache.lastInvalidationTime = lastInvalidation;
  const layer = cache.makeLayer(bounds, level);
  cache.layersByLevel[level] = [layer];
  ownLayers.add(layer);
  return layer;
}

/**
 * The layers this module made (holding every element, drawn in slices), those it is still marking or drawing, and
 * those a frame showed half drawn.
 */
const ownLayers = new WeakSet<Layer>();
const beingBuilt = new WeakSet<Layer>();
const shownHalfDrawn = new WeakSet<Layer>();

/** Whether this module is building the picture of `level` (marking or drawing it in slices). */
function buildingLevel(cache: LayerCache, level: number): boolean {
  const layers = cache.layersByLevel[level];
  return !!layers?.length && layers.every((layer) => beingBuilt.has(layer) && !layer.invalid);
}

/**
 * What a frame at `cy`'s current zoom shows while this module builds that level's picture: a complete picture at
 * another level, chosen as Cytoscape would (the nearest above, else the nearest below), or else what is drawn so far.
 * Left to Cytoscape, that frame would first mark every element not yet marked into the picture, and check every
 * element again (about 10 ms a frame at five thousand records). Null when this module is not building the level.
 */
export function layersWhileBuilding(cy: Core, elements: SingularElementArgument[], pixelRatio: number): Layer[] | null {
  const cache = layerCacheOf((cy as unknown as { renderer(): CanvasRenderer }).renderer());
  const level = zoomLevel(cy.zoom(), pixelRatio);
  if (!cache || level === null || !buildingLevel(cache, level)) return null;
  const layers = cache.layersByLevel[level]!;
  for (const direction of [1, -1]) {
    for (let other = level + direction; other >= MIN_LEVEL && other <= MAX_LEVEL; other += direction) {
      // As Cytoscape does: a level whose elements are out of drawing order is dropped, not shown.
      cache.validateLayersElesOrdering?.(other, elements);
      if (cache.levelIsComplete?.(other, elements)) return cache.layersByLevel[other] ?? null;
    }
  }
  for (const layer of layers) shownHalfDrawn.add(layer);
  return layers;
}

/**
 * The layers of `cy`'s current zoom level while this module is still drawing them, for a frame that has no complete
 * level to show (zoomed back out before the level it wants was drawn): what is drawn so far, filled in as the slices
 * draw the rest, instead of Cytoscape drawing every element in that frame (half a second at five thousand records).
 * Null when the level's layers are not this module's, or there are none.
 */
export function layersBeingDrawn(cy: Core, pixelRatio: number): Layer[] | null {
  const cache = layerCacheOf((cy as unknown as { renderer(): CanvasRenderer }).renderer());
  const level = zoomLevel(cy.zoom(), pixelRatio);
  const layers = cache && level !== null ? cache.layersByLevel[level] : undefined;
  if (!layers?.length || !layers.every((layer) => ownLayers.has(layer) && !layer.invalid)) return null;
  for (const layer of layers) shownHalfDrawn.add(layer);
  return layers;
}

/** Marks elements `from` to `until` as in the layer and queues them to be drawn into it. */
function markInLayer(plan: LayerPlan, layer: Layer, elements: SingularElementArgument[], from: number, until: number) {
  for (let next = from; next < until; next++) {
    const element = elements[next]!;
    const slots = layerSlotsOf(element);
    if (slots) slots[plan.level] = layer;
    layer.eles.push(element);
    plan.cache.queueLayer(layer, element);
  }
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

/**
 * The extent each instance's graph was last prebuilt over, for later levels (see {@link prebuildLevelsOnZoom}); forgotten
 * as soon as an element moves, comes or goes, as it may then lie outside.
 */
const graphBoxes = new WeakMap<Core, BoundingBox12>();
const watched = new WeakSet<Core>();

/** The extent `cy`'s graph was last prebuilt over, while nothing has moved, come or gone since. */
export function knownExtent(cy: Core): BoundingBox12 | undefined {
  return graphBoxes.get(cy);
}

/**
 * The extent of `cy`'s graph: the known one, or else measured from Cytoscape's cached bounding boxes and remembered
 * (after a record dragged in the normal style, which is not moved in slices); undefined with no elements.
 */
export function measuredExtent(cy: Core): BoundingBox12 | undefined {
  const known = graphBoxes.get(cy);
  if (known || cy.elements().empty()) return known;
  const box = cy.elements().boundingBox();
  rememberBox(cy, box);
  return box;
}

export function rememberBox(cy: Core, box: BoundingBox12): void {
  graphBoxes.set(cy, box);
  if (watched.has(cy)) return;
  watched.add(cy);
  cy.on('position add remove', () => graphBoxes.delete(cy));
}

/**
 * Builds the layer Cytoscape's next frame will want for `cy`'s elements at its current zoom, within `box` (the
 * union of the elements' bounding boxes, labels included). Call it with the adding batch still open, so no frame
 * draws the graph half-built. Resolves to false if a newer load superseded this one (the slices stop then).
 */
export async function prebuildLayer(cy: Core, box: BoundingBox12, superseded: () => boolean): Promise<boolean> {
  // Known even where no layer fits at this zoom (zoomed in for a path): the other levels, an update and an export
  // need it.
  rememberBox(cy, box);
  const plan = planLayer(cy, box);
  if (!plan) return true;
  // The drawing order, as the frame will use it (computed in slices: drawingOrder.ts).
  if (!(await sortForDrawing(cy, superseded))) return false;
  const elements = layerElements(plan);
  if (!elements) return true;
  await nextTask();
  if (superseded()) return false;
  return buildInSlices(plan, elements, superseded);
}

/**
 * Makes a new layer for the plan's level, in place of any there, and builds it in slices: each element is marked as
 * in the layer and queued to be drawn into it (at five thousand records that is sixteen thousand elements), then
 * drawn. Meanwhile frames at that level show another complete level, or what is drawn so far (see
 * {@link layersWhileBuilding}). Resolves to false if `superseded()` stopped it.
 */
function buildInSlices(plan: LayerPlan, elements: SingularElementArgument[], superseded: () => boolean) {
  return slicingQueueOf(plan.cache, async () => {
    const layer = startLayer(plan);
    beingBuilt.add(layer);
    try {
      // Each slice in a task of its own: the first not in the frame that may have asked for the level.
      for (let next = 0; next < elements.length;) {
        await nextTask();
        if (superseded()) return false;
        const sliceStart = performance.now();
        do {
          const until = Math.min(elements.length, next + MARK_CHUNK);
          markInLayer(plan, layer, elements, next, until);
          next = until;
        } while (next < elements.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
      }
      await nextTask();
      // A layer on screen half drawn (see layersWhileBuilding) is shown again with each slice.
      const showSlice = () => {
        if (!shownHalfDrawn.has(layer)) return;
        plan.renderer.redrawHint?.('eles', true);
        plan.renderer.redraw?.();
      };
      return !superseded() && (await drawQueued(plan.cache, layer, plan.pixelRatio, superseded, showSlice));
    } finally {
      beingBuilt.delete(layer);
    }
  });
}

/** The renderer's hook for work before each frame (Cytoscape's own texture caches use it), and what it reads. */
type FrameHooks = {
  beforeRender?(work: (willDraw: boolean) => void, priority: number): void;
  beforeRenderPriorities?: { eleCalcs: number };
  textureOnViewport?: boolean;
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData?: { dragging?: boolean };
  data?: { wheelZooming?: boolean };
};

/** Whether the frame about to be drawn shows the viewport's snapshot instead of the graph (a pan or zoom going on). */
export function showsSnapshot(renderer: FrameHooks): boolean {
  return Boolean(
    renderer.textureOnViewport &&
    (renderer.pinching || renderer.hoverData?.dragging || renderer.swipePanning || renderer.data?.wheelZooming),
  );
}

/**
 * From now on, whenever a frame is about to show `cy` at another zoom level than the frame before (the zoom buttons,
 * fit, the mouse wheel once it stops, an animation), builds that level's layer in slices, while the graph's extent
 * is known (see {@link rememberBox}) and the level is not complete yet. Meanwhile that frame and the next ones
 * show a complete level's picture, resampled, as Cytoscape does (see {@link layersWhileBuilding}); left to
 * Cytoscape, that frame measured every element to make the layer, later ones drew much of it in their spare time,
 * and the frame that first showed it rasterised it whole (about a tenth of a second each at five thousand records).
 * With `measureExtent` (a graph in the normal style, under 1,500 elements, whose records the user may drag: a drag
 * is not made in slices and so leaves the extent unknown), a frame at a new zoom that finds no extent measures it,
 * from Cytoscape's cached bounding boxes.
 */
export function prebuildLevelsOnZoom(cy: Core, { measureExtent = false }: { measureExtent?: boolean } = {}): void {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer & FrameHooks }).renderer();
  if (!renderer.beforeRender || !renderer.beforeRenderPriorities) return;
  let shownLevel: number | null = null;
  let builds = 0;
  let checkAgain = false;
  let lastZoom: number | null = null;
  const beforeFrame = (willDraw: boolean) => {
    if (!willDraw || showsSnapshot(renderer)) return;
    const zoomed = cy.zoom() !== lastZoom;
    lastZoom = cy.zoom();
    // The extent is measured only when the level may change (a zoom, or a check asked for): dragging a record moves
    // it, and forgets the extent, in every frame of the drag.
    if (measureExtent && !graphBoxes.has(cy) && !zoomed && !checkAgain) return;
    const box = measureExtent ? measuredExtent(cy) : graphBoxes.get(cy);
    const plan = box ? planLayer(cy, box) : null;
    const again = checkAgain && !!plan && !buildingLevel(plan.cache, plan.level);
    checkAgain = false;
    if (plan?.level === shownLevel && !again) return;
    shownLevel = plan?.level ?? null;
    const build = ++builds;
    if (plan) void buildLevel(plan, () => build !== builds || cy.destroyed());
  };
  levelChecks.set(cy, () => {
    checkAgain = true;
  });
  // After Cytoscape brings elements' positions and styles up to date, before its layers are drawn into.
  renderer.beforeRender(beforeFrame, renderer.beforeRenderPriorities.eleCalcs - 50);
}

/** Per instance: asks the next frame to build its level's picture if incomplete (see {@link prebuildLevelsOnZoom}). */
const levelChecks = new WeakMap<Core, () => void>();

/**
 * Has the next frame of `cy` build the picture of its zoom level in slices when it is not complete and not being
 * built, as a frame at a new level does: for when something dropped that picture (a change stopped part way).
 */
export function buildLevelOnNextFrame(cy: Core): void {
  levelChecks.get(cy)?.();
}

/** Counts the builds {@link buildWholeGraphLevelLater} started per instance: a newer one stops an older one. */
const wholeGraphBuilds = new WeakMap<Core, number>();

/**
 * Zoomed in past any picture of the whole graph (for a path, to read labels), a change leaves Cytoscape no picture
 * of it at all: this builds one at the zoom that shows the whole graph, in slices (frames go on meanwhile, showing
 * what is in view; see viewTile.ts). Zooming back out then finds a picture to show (Cytoscape shows a complete level
 * until the right one is), where with none it drew every element in one frame (over half a second at five thousand
 * records). Call it once the change's batch has ended: its elements are then in their drawing order for good.
 */
export function buildWholeGraphLevel(cy: Core): void {
  const box = graphBoxes.get(cy);
  const plan = box && layerFits(cy) === false ? planLayer(cy, box, wholeGraphZoom(cy, box)) : null;
  if (!plan) return;
  const build = (wholeGraphBuilds.get(cy) ?? 0) + 1;
  wholeGraphBuilds.set(cy, build);
  void buildLevel(plan, () => cy.destroyed() || wholeGraphBuilds.get(cy) !== build);
}

/** Builds the plan's level in slices when it is not complete. */
async function buildLevel(plan: LayerPlan, superseded: () => boolean): Promise<void> {
  const elements = layerElements(plan);
  if (!elements || plan.cache.levelIsComplete?.(plan.level, elements) !== false) return;
  await buildInSlices(plan, elements, superseded);
}
