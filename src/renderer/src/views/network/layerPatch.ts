/**
 * Part of a picture of the graph (a layer: prebuiltLayer.ts, viewTile.ts) drawn again in place: each region an edit
 * touched is drawn afresh, with every element that could show in it, in drawing order, onto a canvas of its own, and
 * then swapped into the picture. A rename then costs the few elements around the record, where drawing the picture
 * anew cost every element in it (seconds, zoomed in close). The drawing can go in slices, the picture showing what it
 * showed until the swap: a new relation across a large graph has hundreds of elements along its line.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is.
 */
import type { BoundingBox12, SingularElementArgument } from 'cytoscape';
import { mayMeet, mayShow } from './elementReach';
import { rasteriseNow } from './frames';
import { unionOf, widen } from './graphElements';
import type { Layer, LayerCache } from './layerCache';

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
  return Boolean(candidate.bb && candidate.context && typeof candidate.context.drawImage === 'function');
}

/**
 * Whether an element of `order` (the drawing order) could be drawn in `regions`, or in a whole pixel around them at
 * the coarsest level: the only elements a patch of any layer over them draws.
 */
export function meetsRegions(regions: readonly BoundingBox12[]): (element: SingularElementArgument) => boolean {
  if (regions.length === 0) return () => false;
  const widened = regions.map((region) => widen(region, COARSEST_PIXEL));
  const around = widened.reduce(unionOf);
  return (element) => mayShow(element, around) && widened.some((box) => mayMeet(element, box));
}

/**
 * `regions` of `layer` drawn afresh at once, straight onto it: cleared, then every element of `drawn` (in drawing
 * order) that could show in them drawn again, clipped to them. Nothing is drawn where the regions fall outside the
 * layer. For a change drawn within one task, which no frame can show half done (a record let go, recordDrag.ts): no
 * canvas is made for the regions and none copied into the picture. The browser rasterises the drawing when the next
 * frame copies the picture, a task of its own after a release: traced at ~400 records, a release took 15–18 ms and
 * its frame 8–12 ms, against 23–25 ms (its frame under 5) when a patch's canvas was copied in.
 */
export function redrawInPlace(
  cache: LayerCache,
  layer: PatchableLayer,
  regions: readonly BoundingBox12[],
  pixelRatio: number,
  drawn: Iterable<SingularElementArgument>,
): void {
  const drawEleInLayer = cache.drawEleInLayer;
  const boxes = boxesOnLayer(layer, regions);
  if (!drawEleInLayer || boxes.length === 0) return;
  const around = boxes.reduce(unionOf);
  // Elements the layer's queue has yet to draw are left to it (it draws them over the whole layer).
  const queued = new Set(layer.elesQueue ?? []);
  const { context } = layer;
  context.save();
  context.beginPath();
  for (const box of boxes) context.rect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
  context.clip();
  for (const box of boxes) context.clearRect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
  for (const element of drawn) {
    if (queued.has(element) || !mayShow(element, around) || !boxes.some((box) => mayMeet(element, box))) continue;
    drawEleInLayer.call(cache, layer, element, layer.level, pixelRatio);
  }
  context.restore();
}

/**
 * One region of a patch: where it lies in the layer (whole pixels of it), and the canvas it is drawn on, which lies
 * over `from` (the region, or all the regions together).
 */
type Piece = { box: BoundingBox12; context: OffscreenCanvasRenderingContext2D; from: BoundingBox12 };

/** The most pixels of one canvas the regions of a patch share (4 MB). */
const SHARED_CANVAS_PIXELS = 1 << 20;

/** A patch of one layer: its regions drawn apart from it, element by element, then swapped in. */
export type LayerPatch = {
  layer: PatchableLayer;
  /** Draws one element (in drawing order) into each region it could show in, unless the layer's queue will. */
  draw(element: SingularElementArgument): void;
  /** Has the browser rasterise what was drawn so far, now, so that {@link apply} copies pixels (frames.ts). */
  rasterise(): void;
  /** Puts the regions drawn into the layer. */
  apply(): void;
};

/**
 * A patch of `layer` over `regions` (in the graph's units), or null when none of them falls inside it. Regions that
 * mostly overlap (a record's place before and after a rename) are drawn as one.
 */
export function startPatch(
  cache: LayerCache,
  layer: PatchableLayer,
  regions: readonly BoundingBox12[],
  pixelRatio: number,
): LayerPatch | null {
  const drawEleInLayer = cache.drawEleInLayer;
  if (!drawEleInLayer) return null;
  const boxes = boxesOnLayer(layer, regions);
  if (boxes.length === 0) return null;
  const scale = 2 ** layer.level;
  const pieces = sharedCanvas(boxes, scale) ?? canvasEach(boxes, scale);
  if (!pieces) return null;
  // Elements the layer's queue has yet to draw are left to it (it draws them over the whole layer).
  const queued = new Set(layer.elesQueue ?? []);
  const contexts = [...new Set(pieces.map((piece) => piece.context))];
  return {
    layer,
    draw(element) {
      if (queued.has(element)) return;
      for (const context of contexts) {
        if (!pieces.some((piece) => piece.context === context && mayMeet(element, piece.box))) continue;
        // Cytoscape's drawing into a layer uses only its context.
        const target = { ...layer, context } as unknown as PatchableLayer;
        drawEleInLayer.call(cache, target, element, layer.level, pixelRatio);
      }
    },
    rasterise() {
      for (const context of contexts) rasteriseNow(context.canvas);
    },
    apply() {
      const { context } = layer;
      for (const { box } of pieces) context.clearRect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
      // Each canvas copied once, whole: it is blank outside its regions, which leaves the picture as it is there.
      for (const { context: piece, from } of new Map(pieces.map((piece) => [piece.context, piece])).values()) {
        context.drawImage(piece.canvas, from.x1, from.y1, from.x2 - from.x1, from.y2 - from.y1);
      }
    },
  };
}

/**
 * One canvas over all the regions, drawn only within them, when it is no larger than SHARED_CANVAS_PIXELS: each
 * element is then drawn once however many regions it crosses (a hub's relations cross many: dragging one drew 2,048
 * elements into 19 regions at ~400 records where 1,200 were in view). Null when too large (a new canvas's first
 * drawing call makes all its pixels), or for one region.
 */
function sharedCanvas(boxes: readonly BoundingBox12[], scale: number): Piece[] | null {
  if (boxes.length < 2) return null;
  const from = boxes.reduce(unionOf);
  const [width, height] = [Math.round((from.x2 - from.x1) * scale), Math.round((from.y2 - from.y1) * scale)];
  if (width * height > SHARED_CANVAS_PIXELS) return null;
  const context = drawingContext(width, height, from, scale);
  if (!context) return null;
  context.beginPath();
  for (const box of boxes) context.rect(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1);
  context.clip();
  return boxes.map((box) => ({ box, context, from }));
}

/** A canvas for each region. */
function canvasEach(boxes: readonly BoundingBox12[], scale: number): Piece[] | null {
  const pieces: Piece[] = [];
  for (const box of boxes) {
    const width = Math.round((box.x2 - box.x1) * scale);
    const height = Math.round((box.y2 - box.y1) * scale);
    const context = drawingContext(width, height, box, scale);
    if (!context) return null;
    pieces.push({ box, context, from: box });
  }
  return pieces;
}

/** A new canvas whose context draws in the graph's units from `from`'s corner, as the layer's own context does. */
function drawingContext(width: number, height: number, from: BoundingBox12, scale: number): Piece['context'] | null {
  const context = new OffscreenCanvas(width, height).getContext('2d');
  if (!context) return null;
  context.scale(scale, scale);
  context.translate(-from.x1, -from.y1);
  return context;
}

/** The regions within the layer on whole pixels of it, those that mostly overlap merged. */
function boxesOnLayer(layer: PatchableLayer, regions: readonly BoundingBox12[]): BoundingBox12[] {
  return mergeOverlapping(regions.map((region) => onLayerPixels(layer, region)).filter((box) => box !== null));
}

/**
 * `region` within the layer, widened to whole pixels of it (a piece cut along a pixel's middle would leave a seam
 * where the old picture meets the new), or null when they do not meet.
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

/** Boxes whose union is no larger than the two apart, merged into it, until none are left to merge. */
function mergeOverlapping(boxes: BoundingBox12[]): BoundingBox12[] {
  const area = (box: BoundingBox12) => (box.x2 - box.x1) * (box.y2 - box.y1);
  const merged = [...boxes];
  for (let i = 0; i < merged.length; i++) {
    for (let j = i + 1; j < merged.length; j++) {
      const both = unionOf(merged[i]!, merged[j]!);
      if (area(both) > area(merged[i]!) + area(merged[j]!)) continue;
      merged[i] = both;
      merged.splice(j, 1);
      j = i;
    }
  }
  return merged;
}
