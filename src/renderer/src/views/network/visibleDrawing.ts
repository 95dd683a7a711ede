/**
 * Frames of a large graph zoomed in too far for one picture of it: only what is in view is drawn.
 *
 * Cytoscape keeps a picture of the whole graph per zoom level (its layers; see prebuiltLayer.ts), up to a size: zoomed
 * in on five thousand records, the picture would exceed it. Cytoscape then, on every frame, first measures every
 * element to find that out again (about 50 ms), and then goes through every element to draw it on its own, measuring
 * each to skip those out of view (another 50 to 100 ms). Here the first is answered at once from the graph's known
 * extent, and the second is handed only the elements whose place could put them in view (a node's position, an
 * edge's drawn points, with room for the largest node and its label): a few hundred at that zoom, not fifteen
 * thousand. Cytoscape still measures and draws each of those as it always does.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x); without what it needs, Cytoscape draws as it
 * always did.
 */
import type { BoundingBox12, Core, SingularElementArgument } from 'cytoscape';
import { boxOfFlat } from './graphElements';
import { LARGE_STYLE_REACH } from './graphStyle';
import { layerFits } from './prebuiltLayer';

/**
 * Model units around a node's centre, and an edge's drawn line, that anything drawn for it stays within: the large
 * style's farthest, with room to spare (the shade Cytoscape draws behind a selected element, rounding).
 */
const NODE_REACH = LARGE_STYLE_REACH.node + LARGE_STYLE_REACH.label + 20;
const EDGE_REACH = LARGE_STYLE_REACH.edge + 20;
/** Below this many elements Cytoscape's own pass is quick enough. */
const FILTER_FROM = 400;

type DrawElements = (
  context: CanvasRenderingContext2D,
  eles: SingularElementArgument[],
  pixelRatio: number,
  extent?: BoundingBox12,
) => void;

type DrawingRenderer = {
  drawCachedElements?: DrawElements;
  drawCachedNodes?: DrawElements;
  data?: { lyrTxrCache?: { getLayers?(eles: unknown[], pixelRatio: number, level?: number): unknown } };
};

type Placed = SingularElementArgument & {
  _private: { position?: { x: number; y: number }; rscratch: { allpts?: number[]; edgeType?: string } };
};

/** Whether an element's place could put any of it inside `view` (true when its place is unknown). */
function mayShow(element: Placed, view: BoundingBox12): boolean {
  if (element.isNode()) {
    const at = element._private.position;
    if (!at) return true;
    return (
      at.x >= view.x1 - NODE_REACH &&
      at.x <= view.x2 + NODE_REACH &&
      at.y >= view.y1 - NODE_REACH &&
      at.y <= view.y2 + NODE_REACH
    );
  }
  const { allpts: points, edgeType } = element._private.rscratch;
  if (!points || points.length < 4) return true;
  const near = {
    x1: view.x1 - EDGE_REACH,
    y1: view.y1 - EDGE_REACH,
    x2: view.x2 + EDGE_REACH,
    y2: view.y2 + EDGE_REACH,
  };
  if (edgeType === 'straight' || edgeType === 'haystack' || edgeType === 'segments') {
    for (let i = 0; i + 3 < points.length; i += 2) {
      if (segmentMeetsBox(points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!, near)) return true;
    }
    return false;
  }
  // A curve lies within the box of its control points.
  const { x1, y1, x2, y2 } = boxOfFlat(points);
  return x2 >= near.x1 && x1 <= near.x2 && y2 >= near.y1 && y1 <= near.y2;
}

/** Whether the segment from (ax, ay) to (bx, by) has any point inside `box` (Liang–Barsky clipping). */
function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, box: BoundingBox12): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let enter = 0;
  let leave = 1;
  for (const [p, q] of [
    [-dx, ax - box.x1],
    [dx, box.x2 - ax],
    [-dy, ay - box.y1],
    [dy, box.y2 - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

/** Draws only what could show (see the top of this file) whenever `cy`'s graph is drawn element by element. */
export function drawOnlyWhatShows(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): DrawingRenderer }).renderer();
  const layers = renderer.data?.lyrTxrCache;
  const getLayers = layers?.getLayers;
  const drawElements = renderer.drawCachedElements;
  const drawNodes = renderer.drawCachedNodes;
  if (!layers || !getLayers || !drawElements || !drawNodes) return;
  // No picture of the whole graph fits at this zoom: say so before Cytoscape measures every element to find out.
  layers.getLayers = function (eles, pixelRatio, level) {
    return layerFits(cy) === false ? null : getLayers.call(this, eles, pixelRatio, level);
  };
  const inView = (draw: DrawElements): DrawElements =>
    function (this: DrawingRenderer, context, eles, pixelRatio, extent) {
      const candidates =
        extent && eles.length >= FILTER_FROM ? eles.filter((element) => mayShow(element as Placed, extent)) : eles;
      draw.call(this, context, candidates, pixelRatio, extent);
    };
  renderer.drawCachedElements = inView(drawElements);
  renderer.drawCachedNodes = inView(drawNodes);
}
