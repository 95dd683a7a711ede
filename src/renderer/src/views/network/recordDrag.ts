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
 * prebuiltLayer.ts), and so is the view's (viewTile.ts). Frames then copy the picture and draw only the lifted
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
import { drawnRegions } from './elementReach';
import { contains, unionOf } from './graphElements';
import { isPatchable, redrawInPlace, type PatchableLayer } from './layerPatch';
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

/** From now on, a record dragged on `cy` is taken out of its pictures while it moves. Call once per instance. */
export function liftDraggedRecords(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): DragRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  if (!cache?.drawEleInLayer || !renderer.getCachedZSortedEles || !renderer.flushRenderedStyleQueue) return;
  const drawing = renderer as Required<DragRenderer>;
  let grab: Grab | null = null;
  let lift: Lift | null = null;
  cy.on('grab', 'node', (event) => {
    // Nothing measured here: measuring an element marks it changed, which would drop the pictures at the next frame
    // (a click grabs too).
    const node = event.target as NodeSingular;
    grab = { node, at: { ...node.position() }, extent: knownExtent(cy), fits: layerFits(cy) === true };
  });
  // The first move put the lifted elements on Cytoscape's drag layer and moved the record; its frame comes next.
  cy.on('drag', 'node', () => {
    if (grab && !lift) lift = liftOut(cy, drawing, cache, grab);
    grab = null;
  });
  cy.on('free', 'node', () => {
    if (lift) putBack(cy, drawing, cache, lift);
    grab = lift = null;
  });
}

function liftOut(cy: Core, renderer: Required<DragRenderer>, cache: LayerCache, grab: Grab): Lift | null {
  const { node, at } = grab;
  if (!grab.fits) return null;
  const order = renderer.getCachedZSortedEles();
  const rest = order.nondrag;
  const elements = (order.drag ?? []) as SingularElementArgument[];
  // Cytoscape's drag layer without compound records: the record and its neighbourhood (relations and neighbours).
  // Another (compound records, several records dragged) goes the usual way.
  const neighbourhood = new Set<unknown>([node, ...node.neighborhood().toArray()]);
  if (!rest || elements.length !== neighbourhood.size || !elements.every((element) => neighbourhood.has(element))) {
    return null;
  }
  // Out of the pictures before they are measured (measuring marks them changed).
  liftOutOfPictures(elements);
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
  for (const box of recordRegions) regions.push({ x1: box.x1 - dx, y1: box.y1 - dy, x2: box.x2 - dx, y2: box.y2 - dy });
  const level = zoomLevel(cy.zoom(), renderer.getPixelRatio());
  const layers: PatchableLayer[] = [];
  for (const [key, levelLayers] of Object.entries(cache.layersByLevel)) {
    const picture = levelLayers?.length === 1 ? levelLayers[0]! : null;
    if (picture && Number(key) === level && holdsWhole(picture, rest.length + elements.length)) layers.push(picture);
    else for (const layer of [...(levelLayers ?? [])]) cache.invalidateLayer(layer);
  }
  // Not used at this zoom, and would show the record where it was when zoomed in.
  dropViewTile(cy);
  for (const layer of layers) {
    redrawInPlace(cache, layer, regions, renderer.getPixelRatio(), rest);
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
