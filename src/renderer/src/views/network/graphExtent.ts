/**
 * The extent of each instance's graph, as the pictures of the whole graph are drawn over it, and whether such a
 * picture fits the zoom in use.
 */
import type { BoundingBox12, Core } from 'cytoscape';
import { type CanvasRenderer, wholeGraphPictureFits, zoomLevel } from './layerCache';

/** The level a picture of `cy`'s whole graph (over `box`) is kept at, at this zoom; null where none is (too large). */
export function levelFor(cy: Core, zoom: number, pixelRatio: number, box: BoundingBox12): number | null {
  const level = zoomLevel(zoom, pixelRatio);
  const viewPixels = cy.width() * cy.height() * pixelRatio ** 2;
  return level !== null && wholeGraphPictureFits(box, level, viewPixels) ? level : null;
}

/** The zoom at which `cy`'s canvas shows the whole of `box`. */
export function wholeGraphZoom(cy: Core, box: BoundingBox12): number {
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

/**
 * The extent each instance's graph was last prebuilt over, for later levels (prebuiltLayer.ts); forgotten as soon as
 * an element moves, comes or goes, as it may then lie outside.
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

/** Remembers `box` as `cy`'s graph's extent, until an element moves, comes or goes. */
export function rememberBox(cy: Core, box: BoundingBox12): void {
  graphBoxes.set(cy, box);
  if (watched.has(cy)) return;
  watched.add(cy);
  cy.on('position add remove', () => graphBoxes.delete(cy));
}
