/**
 * A small edit to the drawn graph (a rename, a new relation, their undoing) drawn into the pictures Cytoscape keeps
 * of it.
 *
 * Cytoscape's answer to any change of an element is to drop every picture (layer) holding it; the picture of the
 * current zoom was then drawn again in slices before the change showed (slicedChanges.ts): about 0.2 s fitted at a
 * thousand records, 0.8 s at five thousand, and two to five seconds zoomed in close, where the picture of the view
 * (viewTile.ts) is large. Here the pictures are kept and patched instead: the change is made in one batch, then
 * where the changed elements were and where they are now is drawn afresh (layerPatch.ts), in slices, and swapped
 * into every level's picture and the view's tile at once. Frames show the pictures as they were until then.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is; without what it
 * needs, the change is made in slices as before.
 */
import type { BoundingBox12, CollectionReturnValue, Core, SingularElementArgument } from 'cytoscape';
import { drawnRegions, nodeReachBox } from './elementReach';
import { isPatchable, meetsRegions, startPatch } from './layerPatch';
import { contains, unionOf } from './graphElements';
import type { LayerPatch, PatchableLayer } from './layerPatch';
import { orderAfterChange, type DrawingOrder } from './drawingOrder';
import { SLICE_BUDGET_MS, nextTask } from './frames';
import { queueChange } from './slicedChanges';
import { knownExtent, rememberBox } from './graphExtent';
import { layerCacheOf, layerSlotsOf } from './layerCache';
import type { CanvasRenderer, Layer, LayerCache } from './layerCache';
import { dropViewTile, isViewTile, keepingViewTile, viewTileToPatch } from './viewTile';

/** The most elements a change made in place may touch; more, and it is made in slices (slicedChanges.ts). */
export const MAX_IN_PLACE = 40;

type InPlaceRenderer = CanvasRenderer & {
  flushRenderedStyleQueue?(): void;
  /** The drawing order as the renderer keeps it (null once something dropped it). */
  cachedZSortedEles?: DrawingOrder | null;
};

/** Cytoscape's layer cache, with the method every change of an element goes through. */
type InvalidatingCache = LayerCache & { invalidateElements(elements: unknown): void };

/** A layer Cytoscape is drawing anew to replace another (sharper), in the background. */
type ReplaceableLayer = PatchableLayer & { replacement?: Layer };

/**
 * How to make a change in place on `cy`, for `changing` (its elements about to change or go, as they are now), or
 * null when it cannot be: no pictures to keep, a place not known yet, Cytoscape lacking what this needs. The
 * function returned runs the change's steps (graphChanges.ts's `changeSteps`, with nothing in them dropping
 * pictures) in one batch, then patches every picture where they touched it, in slices; it resolves once the
 * pictures show the change, or to false if `superseded` said to stop. Once the change is made only a load of
 * another graph should stop it: a later edit patches only its own regions.
 */
export function inPlaceChange(
  cy: Core,
  changing: CollectionReturnValue,
): ((steps: readonly (() => CollectionReturnValue)[], superseded: () => boolean) => Promise<boolean>) | null {
  const renderer = (cy as unknown as { renderer(): InPlaceRenderer }).renderer();
  const cache = layerCacheOf(renderer) as InvalidatingCache | null;
  if (!cache?.drawEleInLayer || !cache.invalidateElements || !renderer.flushRenderedStyleQueue) return null;
  if (!renderer.getCachedZSortedEles) return null;
  // Whatever else changed since the last frame (a selection's restyle) first goes the usual way: the hold below is
  // for this change's elements only.
  renderer.flushRenderedStyleQueue();
  const regionsBefore = drawnRegions(changing.toArray() as SingularElementArgument[]);
  if (!regionsBefore || !withinPictures(cy, changing)) return null;
  const change = { cy, renderer: renderer as Required<InPlaceRenderer>, cache, changing, regionsBefore };
  return (steps, superseded) => queueChange(cy, () => changeInPlace(change, steps, superseded), superseded);
}

/** What a change in place works on. */
type InPlace = {
  cy: Core;
  renderer: Required<InPlaceRenderer>;
  cache: InvalidatingCache;
  changing: CollectionReturnValue;
  regionsBefore: BoundingBox12[];
};

async function changeInPlace(
  { cy, renderer, cache, changing, regionsBefore }: InPlace,
  steps: readonly (() => CollectionReturnValue)[],
  superseded: () => boolean,
): Promise<boolean> {
  const extent = knownExtent(cy);
  const orderBefore = renderer.cachedZSortedEles;
  const pixelRatio = renderer.getPixelRatio();
  let patch: Patch | null = null;
  let changedBox: BoundingBox12 | null = null;
  const changed = cy.collection();
  holding(cy, cache, () => {
    cy.batch(() => {
      for (const step of steps) changed.merge(step());
    });
    // The changed elements' rendered style and edges' lines, which Cytoscape would bring up to date before the
    // next frame (dropping the pictures then): now, while the pictures are kept.
    renderer.flushRenderedStyleQueue();
    const regionsAfter = drawnRegions(changed.toArray() as SingularElementArgument[]);
    // Not expected (the flush placed every changed element): the pictures are dropped below, as Cytoscape would.
    if (!regionsAfter) return;
    if (changed.nonempty()) changedBox = changed.boundingBox();
    const drawn = drawingOrder(cy, renderer, orderBefore, changing, changed);
    const regions = [...regionsBefore, ...regionsAfter];
    const layers = patchedLevels(cache, { drawn, changing, changed, changedBox });
    const tile = viewTileToPatch(cy);
    if (tile) layers.push(tile);
    patch = {
      regions,
      drawn,
      layers: layers.map((layer) => startPatch(cache, layer, regions, pixelRatio)).filter((started) => !!started),
      tile,
    };
    // Measuring the changed elements marked them changed again: brought up to date while the pictures are kept.
    renderer.flushRenderedStyleQueue();
  });
  if (!patch) {
    cache.invalidateElements(changed.union(changing));
    dropViewTile(cy);
    return true;
  }
  // Adding and moving forgets the graph's known extent: it is the old one, with the changed elements.
  if (extent) rememberBox(cy, changedBox ? unionOf(extent, changedBox) : extent);
  const { regions, drawn, layers, tile } = patch as Patch;
  // The regions drawn afresh in slices, frames showing the pictures as they were until they are swapped in at once.
  const meets = meetsRegions(regions);
  for (let next = 0; next < drawn.length;) {
    const sliceStart = performance.now();
    // Anything else changed meanwhile goes the usual way first: the hold is for what the patch measures.
    renderer.flushRenderedStyleQueue();
    holding(cy, cache, () => {
      do {
        const element = drawn[next++]!;
        if (meets(element)) for (const layer of layers) layer.draw(element);
      } while (next < drawn.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
      // Measuring elements marks them changed: brought up to date while the pictures are kept.
      renderer.flushRenderedStyleQueue();
    });
    if (next < drawn.length) await nextTask();
    if (superseded()) return false;
  }
  // Pictures dropped or replaced meanwhile (a zoom, a resize) are left alone: their successors are drawn anew.
  for (const layer of layers) {
    const current = layer.layer === tile ? isViewTile(cy, tile) : !layer.layer.invalid;
    if (current) layer.apply();
  }
  renderer.redrawHint('eles', true);
  renderer.redraw();
  return true;
}

/** A change's patches of the pictures, and what they are drawn from. */
type Patch = {
  /** Where the changed elements were drawn, and where they are drawn now. */
  regions: BoundingBox12[];
  /** Every element, in drawing order. */
  drawn: readonly SingularElementArgument[];
  layers: LayerPatch[];
  /** The picture of the view among them, if any (viewTile.ts). */
  tile: PatchableLayer | null;
};

/** Runs `work` with `cy`'s pictures kept through changes to its elements (they are patched instead). */
function holding(cy: Core, cache: InvalidatingCache, work: () => void): void {
  keepingViewTile(cy, () => keepingLayers(cache, work));
}

/**
 * The drawing order after the change, without sorting every element anew where it can be helped (see
 * drawingOrder.ts's `orderAfterChange`), less any element being dragged.
 */
function drawingOrder(
  cy: Core,
  renderer: Required<InPlaceRenderer>,
  before: DrawingOrder | null | undefined,
  changing: CollectionReturnValue,
  changed: CollectionReturnValue,
): readonly SingularElementArgument[] {
  const elements = (collection: CollectionReturnValue) => collection.toArray() as SingularElementArgument[];
  const added = elements(changed).filter((element) => !changing.has(element));
  const restyled = elements(changed).filter((element) => changing.has(element));
  if (before) orderAfterChange(cy, before, { restyled, added });
  const order = renderer.getCachedZSortedEles();
  return order.nondrag ?? order;
}

/**
 * Runs `change` with Cytoscape's layer cache keeping its pictures: its answer to any change of an element is to drop
 * every picture holding it (and, for a quarter of a second after, to show no picture still being drawn).
 */
function keepingLayers(cache: InvalidatingCache, change: () => void): void {
  const invalidateElements = cache.invalidateElements;
  const lastInvalidation = cache.lastInvalidationTime;
  cache.invalidateElements = () => {};
  try {
    change();
  } finally {
    cache.invalidateElements = invalidateElements;
    // Dropping a level that could not be patched is no reason to skip the other levels' pictures either.
    if (lastInvalidation !== undefined) cache.lastInvalidationTime = lastInvalidation;
  }
}

/** What a change did, for keeping the pictures of the whole graph. */
type Kept = {
  /** Every element, in drawing order. */
  drawn: readonly SingularElementArgument[];
  changing: CollectionReturnValue;
  changed: CollectionReturnValue;
  /** Where the changed elements are drawn now, all together. */
  changedBox: BoundingBox12 | null;
};

/**
 * The layers of every level's picture of the whole graph that can be patched for the change (each taking the new
 * drawing order); those that cannot are dropped, to be drawn anew.
 */
function patchedLevels(cache: InvalidatingCache, { drawn, changing, changed, changedBox }: Kept): PatchableLayer[] {
  const patched: PatchableLayer[] = [];
  for (const [level, layers] of Object.entries(cache.layersByLevel)) {
    if (!layers?.length) continue;
    // A level of one layer holds the whole graph in drawing order (Cytoscape's own levels and prebuiltLayer.ts's):
    // it takes the new order. A level split into several cannot take in added elements and is drawn anew.
    const whole = layers.length === 1;
    for (const layer of [...layers] as ReplaceableLayer[]) {
      const holdsChange = isPatchable(layer) && (!changedBox || contains(layer.bb, changedBox));
      if (!holdsChange || (!whole && changedMembership(changing, changed))) {
        cache.invalidateLayer(layer);
        continue;
      }
      const replacement = layer.replacement as ReplaceableLayer | undefined;
      for (const target of replacement && isPatchable(replacement) ? [layer, replacement] : [layer]) {
        if (whole) takeNewOrder(target, Number(level), drawn, changed);
        patched.push(target);
      }
    }
  }
  return patched;
}

/**
 * Whether the changed records, however restyled, stay within the extent the pictures of the whole graph cover: a
 * record drawn past it (a longer name at the graph's edge) would need a larger picture, drawn anew, and the change
 * goes in slices instead. Records added (placed by the steps) go in slices too.
 */
function withinPictures(cy: Core, changing: CollectionReturnValue): boolean {
  const extent = knownExtent(cy);
  if (!extent) return false;
  return (changing.nodes().toArray() as SingularElementArgument[]).every((node) => {
    const reach = nodeReachBox(node);
    return reach !== null && contains(extent, reach);
  });
}

/** Whether the change added or removed elements (and not only restyled them). */
function changedMembership(changing: CollectionReturnValue, changed: CollectionReturnValue): boolean {
  const elements = (collection: CollectionReturnValue) => collection.toArray() as SingularElementArgument[];
  return (
    elements(changing).some((element) => element.removed()) ||
    elements(changed).some((element) => !changing.has(element))
  );
}

/**
 * Makes a layer that holds the whole graph hold it in its new drawing order (`drawn`): the count and order Cytoscape
 * checks before it shows a layer. Added elements are marked as in it, so a later change of one drops or patches it;
 * removed ones leave its queue.
 */
function takeNewOrder(
  layer: PatchableLayer,
  level: number,
  drawn: readonly SingularElementArgument[],
  changed: CollectionReturnValue,
): void {
  layer.eles = drawn.slice();
  for (const element of changed.toArray()) {
    const slots = layerSlotsOf(element as SingularElementArgument);
    if (slots) slots[level] = layer;
  }
  if (layer.elesQueue?.length) layer.elesQueue = layer.elesQueue.filter((element) => element.inside());
}
