/**
 * Part of a picture of the graph (a layer: prebuiltLayer.ts, viewTile.ts) drawn again in place: the regions an edit
 * touched are cleared and every element that could show in them is drawn again, in drawing order, clipped to them.
 * A rename then costs the few elements around the record, where drawing the picture anew cost every element in it
 * (seconds, zoomed in close).
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as prebuiltLayer.ts is.
 */
import type { BoundingBox12, SingularElementArgument } from 'cytoscape';
import { mayMeet, mayShow } from './elementReach';
import type { Layer, LayerCache } from './prebuiltLayer';

/** A pixel of the coarsest layer (level -4), in the graph's units: the most a region grows to whole pixels. */
const COARSEST_PIXEL = 16;

/** A layer as Cytoscape makes it: its canvas's context draws in the graph's units, over `bb`. */
export type PatchableLayer = Layer & {
  bb: BoundingBox12;
  context: CanvasRenderingContext2D;
  /** Elements still to be drawn into the layer (Cytoscape's queue), when it is being drawn. */
  elesQueue?: SingularElementArgument[];
};

/** Whether Cytoscape's layer has what a patch needs. */
export function isPatchable(layer: Layer): layer is PatchableLayer {
  const candidate = layer as Partial<PatchableLayer>;
  return Boolean(candidate.bb && candidate.context && typeof candidate.context.clip === 'function');
}

/**
 * The elements of `order` (the drawing order) that could be drawn in `regions`, or in a whole pixel around them at
 * the coarsest level: the only ones a patch of any layer over them draws. One pass over every element, for every
 * layer patched.
 */
export function elementsMeeting(
  order: readonly SingularElementArgument[],
  regions: readonly BoundingBox12[],
): SingularElementArgument[] {
  if (regions.length === 0) return [];
  const widened = regions.map((region) => widen(region, COARSEST_PIXEL));
  const around = widened.reduce(union);
  return order.filter((element) => mayShow(element, around) && widened.some((box) => mayMeet(element, box)));
}

/**
 * Clears `regions` (in the graph's units) of `layer` and draws into them, clipped, each of `candidates` (in drawing
 * order: see {@link elementsMeeting}) that could show there, except those the layer's queue will draw anyway.
 * Returns how many elements it drew.
 */
export function patchLayer(
  cache: LayerCache,
  layer: PatchableLayer,
  regions: readonly BoundingBox12[],
  candidates: readonly SingularElementArgument[],
  pixelRatio: number,
): number {
  const drawEleInLayer = cache.drawEleInLayer;
  if (!drawEleInLayer) return 0;
  const boxes = regions.map((region) => onLayerPixels(layer, region)).filter((box) => box !== null);
  if (boxes.length === 0) return 0;
  const queued = new Set(layer.elesQueue ?? []);
  const context = layer.context;
  context.save();
  context.beginPath();
  for (const box of boxes) context.rect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
  context.clip();
  for (const box of boxes) context.clearRect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
  let drawn = 0;
  for (const element of candidates) {
    if (queued.has(element) || !boxes.some((box) => mayMeet(element, box))) continue;
    drawEleInLayer.call(cache, layer, element, layer.level, pixelRatio);
    drawn++;
  }
  context.restore();
  return drawn;
}

/**
 * `region` within the layer, widened to whole pixels of it (a clip along a pixel's middle would leave a seam where
 * the old picture meets the new), or null when they do not meet.
 */
function onLayerPixels(layer: PatchableLayer, region: BoundingBox12): BoundingBox12 | null {
  const scale = 2 ** layer.level;
  const { bb } = layer;
  const toPixel = (value: number, origin: number) => (value - origin) * scale;
  const x1 = Math.max(0, Math.floor(toPixel(region.x1, bb.x1)));
  const y1 = Math.max(0, Math.floor(toPixel(region.y1, bb.y1)));
  const x2 = Math.min(layer.width, Math.ceil(toPixel(region.x2, bb.x1)));
  const y2 = Math.min(layer.height, Math.ceil(toPixel(region.y2, bb.y1)));
  if (x2 <= x1 || y2 <= y1) return null;
  return { x1: bb.x1 + x1 / scale, y1: bb.y1 + y1 / scale, x2: bb.x1 + x2 / scale, y2: bb.y1 + y2 / scale };
}

function widen(box: BoundingBox12, by: number): BoundingBox12 {
  return { x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by };
}

export function union(a: BoundingBox12, b: BoundingBox12): BoundingBox12 {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: BoundingBox12, inner: BoundingBox12): boolean {
  return inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
}
