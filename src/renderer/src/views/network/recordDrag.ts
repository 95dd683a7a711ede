/**
 * A record dragged (the normal style's records can be) taken out of Cytoscape's pictures of the graph while it moves.
 *
 * Cytoscape draws a dragged record, its relations and its neighbours each frame on a layer of their own (its drag
 * layer), and the rest from its pictures, but only from pictures that do not hold what is dragged. At the first move
 * the picture of the whole graph no longer matched the rest and was dropped, so every frame of the drag drew every
 * element one by one, and the browser rastered each of those drawings: frames of 30–40 ms and as much again to
 * raster, tasks of 53–78 ms at ~400 records (`npm run bench -- network`, "drag a record").
 *
 * Here, at the first move, where the lifted elements were drawn is drawn afresh without them (layerPatch.ts) in the
 * picture of the whole graph at the current zoom; the other levels' pictures are dropped (drawn again on a zoom,
 * prebuiltLayer.ts), and so is the view's (viewTile.ts). That drawing is prepared right after the press, on
 * canvases apart, in two tasks of its own (drawn, then rasterised), and swapped in at the first move: the first
 * move's task also runs the frame that shows it, and drawing it there made that task 29–34 ms at ~400 records
 * (traced), where the swap is a copy. A press let go without a move (a click) wastes the preparation, in tasks of
 * its own; a first move before it is ready draws in place. Frames then copy the picture and draw only the lifted
 * elements; a change to one of them drops no picture meanwhile (drawnLooks.ts). When the record is let go, where they
 * are now is drawn afresh with them; let go past the picture's extent, the picture is dropped and drawn anew. A
 * picture that cannot be patched goes the usual way: dropped, and frames draw element by element until it is drawn
 * again. Zoomed in past any picture of the whole graph nothing is lifted, and frames draw what is in view element by
 * element, as before (patching the view's picture left pieces of names behind in an end-to-end test).
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is.
 */
import type { BoundingBox12, Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { DrawingOrder } from './drawingOrder';
import { liftOutOfPictures, putBackInPictures } from './drawnLooks';
import { drawnRegions, lastMeasuredRegions } from './elementReach';
import { contains, unionOf } from './graphElements';
import { nextTask } from './frames';
import {
  isPatchable,
  meetsRegions,
  redrawInPlace,
  startPatch,
  type LayerPatch,
  type PatchableLayer,
} from './layerPatch';
import { knownExtent, layerFits, rememberBox } from './graphExtent';
import { layerCacheOf, layerSlotsOf, zoomLevel, type CanvasRenderer, type Layer, type LayerCache } from './layerCache';
import { dropViewTile } from './viewTile';

type DragRenderer = CanvasRenderer & {
  flushRenderedStyleQueue?(): void;
  getCachedZSortedEles?(): DrawingOrder;
  getPixelRatio?(): number;
};

/**
 * A record pressed, where it was, the graph's extent then (if known), and whether a picture of the whole graph fits
 * the zoom (the first move forgets the extent, graphExtent.ts).
 */
type Grab = { node: NodeSingular; at: { x: number; y: number }; extent: BoundingBox12 | undefined; fits: boolean };

/** What a drag took out of the pictures, the pictures it took them out of, and the graph's extent at the press. */
type Lift = { elements: SingularElementArgument[]; layers: PatchableLayer[]; extent: BoundingBox12 | undefined };

/**
 * A lift prepared after a press: the picture of the whole graph at the zoom then, and the drawing, apart, of where
 * the record and its neighbourhood are drawn in it, without them.
 */
type PreparedLift = { node: NodeSingular; patch: LayerPatch; elementCount: number };

/** From now on, a record dragged on `cy` is taken out of its pictures while it moves. Call once per instance. */
export function liftDraggedRecords(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): DragRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  if (!cache?.drawEleInLayer || !renderer.getCachedZSortedEles || !renderer.flushRenderedStyleQueue) return;
  const drawing = renderer as Required<DragRenderer>;
  let grab: Grab | null = null;
  let prepared: PreparedLift | null = null;
  let lift: Lift | null = null;
  cy.on('grab', 'node', (event) => {
    // Nothing measured here: measuring an element marks it changed, which would drop the pictures at the next frame
    // (a click grabs too).
    const node = event.target as NodeSingular;
    const pressed: Grab = { node, at: { ...node.position() }, extent: knownExtent(cy), fits: layerFits(cy) === true };
    grab = pressed;
    prepared = null;
    if (!pressed.fits) return;
    void (async () => {
      await nextTask();
      // Still pressed, not moved yet.
      if (grab !== pressed || lift) return;
      const drawn = prepareLift(cy, drawing, cache, node);
      prepared = drawn;
      // Rasterised in a task of its own: drawing and rasterising take about as long as each other.
      await nextTask();
      if (drawn && prepared === drawn) drawn.patch.rasterise();
    })();
  });
  // What is drawn in the pictures changed: a prepared drawing of them would put the old back.
  cy.on('add remove data', () => {
    prepared = null;
  });
  // The first move put the lifted elements on Cytoscape's drag layer and moved the record; its frame comes next.
  cy.on('drag', 'node', () => {
    if (grab && !lift) lift = liftOut(cy, drawing, cache, grab, prepared);
    grab = prepared = null;
  });
  cy.on('free', 'node', () => {
    if (lift) putBack(cy, drawing, cache, lift);
    grab = prepared = lift = null;
  });
}

/**
 * Draws, on canvases apart, where `node` and its neighbourhood are drawn in the picture of the whole graph at the
 * current zoom, without them; null when there is no such picture to patch.
 */
function prepareLift(
  cy: Core,
  renderer: Required<DragRenderer>,
  cache: LayerCache,
  node: NodeSingular,
): PreparedLift | null {
  const level = zoomLevel(cy.zoom(), renderer.getPixelRatio());
  const levelLayers = level === null ? undefined : cache.layersByLevel[level];
  const picture = levelLayers?.length === 1 ? levelLayers[0]! : null;
  const order = renderer.getCachedZSortedEles();
  const lifted = neighbourhoodOf(node);
  // Cytoscape's drag layer holds the record from the press, and its neighbourhood from the first move.
  const dragged = order.drag ?? [];
  if (!picture || !dragged.every((element) => lifted.has(element)) || !holdsWhole(picture, order.length)) return null;
  const elements = order.filter((element) => lifted.has(element));
  // Where the picture drew them: the record has not moved since. Measured as Cytoscape last did, for the record was
  // restyled by the grab (a click's press prepares a lift too).
  const regions = elements.length === lifted.size ? lastMeasuredRegions(elements) : null;
  const patch = regions && startPatch(cache, picture, regions, renderer.getPixelRatio());
  if (!patch) return null;
  const meets = meetsRegions(regions);
  for (const element of order) if (!lifted.has(element) && meets(element)) patch.draw(element);
  return { node, patch, elementCount: order.length };
}

/** Cytoscape's drag layer for a record dragged alone, without compound records: it, its relations and neighbours. */
function neighbourhoodOf(node: NodeSingular): Set<unknown> {
  return new Set<unknown>([node, ...node.neighborhood().toArray()]);
}

function liftOut(
  cy: Core,
  renderer: Required<DragRenderer>,
  cache: LayerCache,
  grab: Grab,
  prepared: PreparedLift | null,
): Lift | null {
  const { node, at } = grab;
  if (!grab.fits) return null;
  const order = renderer.getCachedZSortedEles();
  const rest = order.nondrag;
  const elements = (order.drag ?? []) as SingularElementArgument[];
  // Another drag layer (compound records, several records dragged) goes the usual way.
  const neighbourhood = neighbourhoodOf(node);
  if (!rest || elements.length !== neighbourhood.size || !elements.every((element) => neighbourhood.has(element))) {
    return null;
  }
  // Out of the pictures before they are measured (measuring marks them changed).
  liftOutOfPictures(elements);
  const level = zoomLevel(cy.zoom(), renderer.getPixelRatio());
  const layers: PatchableLayer[] = [];
  for (const [key, levelLayers] of Object.entries(cache.layersByLevel)) {
    const picture = levelLayers?.length === 1 ? levelLayers[0]! : null;
    if (picture && Number(key) === level && holdsWhole(picture, rest.length + elements.length)) layers.push(picture);
    else for (const layer of [...(levelLayers ?? [])]) cache.invalidateLayer(layer);
  }
  // Not used at this zoom, and would show the record where it was when zoomed in.
  dropViewTile(cy);
  const ready =
    prepared?.node === node &&
    prepared.elementCount === rest.length + elements.length &&
    layers.length === 1 &&
    layers[0] === prepared.patch.layer
      ? prepared.patch
      : null;
  if (ready) ready.apply();
  else {
    // Where they are drawn in the pictures: the relations' lines are still those of the last frame; the record has
    // moved since, by the drag's first step.
    const now = node.position();
    const regions = drawnRegions(elements.filter((element) => element !== node));
    const recordRegions = drawnRegions([node]);
    if (!regions || !recordRegions) {
      putBackInPictures(elements);
      return null;
    }
    const [dx, dy] = [now.x - at.x, now.y - at.y];
    for (const box of recordRegions) {
      regions.push({ x1: box.x1 - dx, y1: box.y1 - dy, x2: box.x2 - dx, y2: box.y2 - dy });
    }
    for (const layer of layers) redrawInPlace(cache, layer, regions, renderer.getPixelRatio(), rest);
  }
  for (const layer of layers) {
    // What Cytoscape checks before it shows a layer: the elements it is to draw, in order.
    layer.eles = rest.slice();
    for (const element of elements) delete layerSlotsOf(element)?.[layer.level];
  }
  return { elements, layers, extent: grab.extent };
}

function putBack(cy: Core, renderer: Required<DragRenderer>, cache: LayerCache, lift: Lift): void {
  // The moves brought up to date while no picture holds the lifted elements, so that bringing them up to date drops
  // nothing; once more after measuring them, which marks them changed again.
  renderer.flushRenderedStyleQueue();
  const regions = drawnRegions(lift.elements);
  renderer.flushRenderedStyleQueue();
  const order = renderer.getCachedZSortedEles();
  const every = order.nondrag ?? order;
  const current = (layer: PatchableLayer) => !layer.invalid && cache.layersByLevel[layer.level]?.[0] === layer;
  const layers = lift.layers.filter(current);
  if (regions && regions.length > 0 && (order.drag?.length ?? 0) === 0) {
    // Where they were is drawn without them already.
    const reach = regions.reduce(unionOf);
    // The extent now: nothing else moved, and the record's relations are drawn within their regions.
    if (lift.extent) rememberBox(cy, unionOf(lift.extent, reach));
    for (const layer of layers) {
      // A picture of the whole graph covers the graph's extent when it was drawn: a record let go past it is drawn
      // anew.
      if (!contains(layer.bb, reach)) {
        cache.invalidateLayer(layer);
        continue;
      }
      redrawInPlace(cache, layer, regions, renderer.getPixelRatio(), every);
      layer.eles = every.slice();
      for (const element of lift.elements) {
        const slots = layerSlotsOf(element);
        if (slots) slots[layer.level] = layer;
      }
    }
  } else {
    // Not expected (Cytoscape let go of everything it dragged, placed): the pictures are dropped, as it would.
    for (const layer of layers) cache.invalidateLayer(layer);
  }
  putBackInPictures(lift.elements);
  renderer.redrawHint('eles', true);
  renderer.redraw();
}

/**
 * Whether `layer` is a finished picture of the whole graph (`count` elements) that can be patched, with no sharper
 * one being drawn to replace it (which would bring the lifted elements back).
 */
function holdsWhole(layer: Layer, count: number): layer is PatchableLayer {
  const { reqs, replacement } = layer as { reqs?: number; replacement?: Layer };
  return !layer.invalid && !reqs && !replacement && layer.eles.length === count && isPatchable(layer);
}
