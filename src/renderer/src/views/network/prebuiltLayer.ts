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
import { sortForDrawing } from './drawingOrder';
import { SLICE_BUDGET_MS, nextTask } from './frames';
import { drawQueued, slicingQueueOf } from './layerSlices';
import { knownExtent, layerFits, levelFor, measuredExtent, rememberBox, wholeGraphZoom } from './graphExtent';
import {
  MAX_LEVEL,
  MIN_LEVEL,
  dropIfWithoutPixels,
  dropQuietly,
  givePixels,
  layerCacheOf,
  layerSlotsOf,
  makeLayerWithoutPixels,
  zoomLevel,
  type CanvasRenderer,
  type Layer,
  type LayerCache,
  type LayerSlots,
} from './layerCache';

/** Elements marked between two looks at the clock. */
const MARK_CHUNK = 200;

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

/** The elements the layer holds (the drawing order, less any being dragged), or null when something is dragged. */
function layerElements(plan: LayerPlan): SingularElementArgument[] | null {
  const order = plan.renderer.getCachedZSortedEles();
  const elements = order.nondrag;
  if (!elements || (order.drag?.length ?? 0) > 0) return null;
  return (elements[0] as unknown as LayerSlots | undefined)?._private?.rscratch ? elements : null;
}

/**
 * A new layer for the plan's level, in place of any there, without its pixels yet (the caller gives them in a task of
 * its own: see makeLayerWithoutPixels).
 */
function startLayer({ cache, level, bounds }: LayerPlan): Layer {
  // Any drop, even of a layer already dropped, would make Cytoscape skip incomplete levels for a quarter of a second,
  // drawing element by element where it would show another complete level: replacing this level's picture is no
  // reason to.
  for (const stale of [...(cache.layersByLevel[level] ?? [])]) dropQuietly(cache, stale);
  const layer = makeLayerWithoutPixels(cache, bounds, level);
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
      // Each slice in a task of its own, the layer's pixels first: none in the frame that may have asked for the level.
      await nextTask();
      if (superseded()) return false;
      givePixels(plan.cache, layer);
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
      dropIfWithoutPixels(plan.cache, layer);
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
    if (measureExtent && !knownExtent(cy) && !zoomed && !checkAgain) return;
    const box = measureExtent ? measuredExtent(cy) : knownExtent(cy);
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
  const box = knownExtent(cy);
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
