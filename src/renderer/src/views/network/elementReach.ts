/**
 * Where an element of a graph drawn in the large style could show: a node within a reach of its centre, an edge
 * within a reach of its drawn line. Used to hand Cytoscape's drawing only the elements that could show in a view
 * (visibleDrawing.ts) or in a picture of part of the graph (viewTile.ts).
 */
import type { BoundingBox12, SingularElementArgument } from 'cytoscape';
import { boxOfFlat, widen } from './graphElements';
import { LARGE_STYLE_REACH } from './graphStyle';

/**
 * Model units around a node's centre, and an edge's drawn line, that anything drawn for it stays within: the large
 * style's farthest, with room to spare (the shade Cytoscape draws behind a selected element, rounding).
 */
const NODE_REACH = LARGE_STYLE_REACH.node + LARGE_STYLE_REACH.label + 20;
const EDGE_REACH = LARGE_STYLE_REACH.edge + 20;
type Placed = SingularElementArgument & {
  _private: {
    position?: { x: number; y: number };
    rscratch: { allpts?: number[]; edgeType?: string };
    /** Cytoscape's last measure of the element's bounding box (labels included), kept until it measures again. */
    bbCache?: BoundingBox12;
  };
};

/** The longest stretch of an edge's line one of its boxes covers (see {@link drawnBoxes}). */
const EDGE_CHUNK = 200;
/** Room around a node's bounding box for the edge of its smoothing, in the graph's units. */
const SMOOTHING = 2;

/**
 * The boxes (see {@link drawnBoxes}) of every element of `elements` still in the graph, where it is now: the regions
 * a change to them touches in a picture of the graph. Null when a place is not known yet.
 */
export function drawnRegions(elements: readonly SingularElementArgument[]): BoundingBox12[] | null {
  return regionsOf(elements, drawnBoxes);
}

/**
 * {@link drawnRegions} as Cytoscape last measured the records, without measuring them again: a record whose style is
 * out of date (a record just grabbed is restyled) would have its style, and its relations' lines, brought up to date,
 * which drops every picture holding them. Null when a record was never measured or a place is not known.
 */
export function lastMeasuredRegions(elements: readonly SingularElementArgument[]): BoundingBox12[] | null {
  return regionsOf(elements, (element) => {
    if (!element.isNode()) return drawnBoxes(element);
    const measured = (element as Placed)._private.bbCache;
    return measured ? [widen(measured, SMOOTHING)] : null;
  });
}

/** The boxes `boxesOf` gives each element still in the graph, or null as soon as one has none. */
function regionsOf(
  elements: readonly SingularElementArgument[],
  boxesOf: (element: SingularElementArgument) => BoundingBox12[] | null,
): BoundingBox12[] | null {
  const regions: BoundingBox12[] = [];
  for (const element of elements) {
    if (element.removed()) continue;
    const boxes = boxesOf(element);
    if (!boxes) return null;
    regions.push(...boxes);
  }
  return regions;
}

/**
 * Boxes that together hold everything drawn for an element where it is now: a node's bounding box (Cytoscape's, its
 * label included), with a pixel's room for smoothing; for an edge, one around each stretch of its line (a long
 * relation's single box would take in half the graph). Null when its place is not known yet.
 */
export function drawnBoxes(element: SingularElementArgument): BoundingBox12[] | null {
  const placed = element as Placed;
  if (element.isNode()) {
    if (!placed._private.position) return null;
    return [widen(element.boundingBox(), SMOOTHING)];
  }
  const { allpts: points, edgeType } = placed._private.rscratch;
  if (!points || points.length < 4) return null;
  if (edgeType !== 'straight' && edgeType !== 'haystack' && edgeType !== 'segments') {
    const { x1, y1, x2, y2 } = boxOfFlat(points);
    return [{ x1: x1 - EDGE_REACH, y1: y1 - EDGE_REACH, x2: x2 + EDGE_REACH, y2: y2 + EDGE_REACH }];
  }
  const boxes: BoundingBox12[] = [];
  for (let i = 0; i + 3 < points.length; i += 2) {
    const [ax, ay, bx, by] = [points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!];
    const stretches = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / EDGE_CHUNK));
    for (let k = 0; k < stretches; k++) {
      const [fx, fy] = [ax + ((bx - ax) * k) / stretches, ay + ((by - ay) * k) / stretches];
      const [tx, ty] = [ax + ((bx - ax) * (k + 1)) / stretches, ay + ((by - ay) * (k + 1)) / stretches];
      boxes.push({
        x1: Math.min(fx, tx) - EDGE_REACH,
        y1: Math.min(fy, ty) - EDGE_REACH,
        x2: Math.max(fx, tx) + EDGE_REACH,
        y2: Math.max(fy, ty) + EDGE_REACH,
      });
    }
  }
  return boxes;
}

/**
 * Whether anything drawn for an element could meet `box`: {@link mayShow}, then, for a node, its bounding box (which
 * Cytoscape keeps; {@link mayShow} allows for the largest node and label).
 */
export function mayMeet(element: SingularElementArgument, box: BoundingBox12): boolean {
  if (!mayShow(element, box)) return false;
  if (!element.isNode()) return true;
  const drawn = element.boundingBox();
  return (
    drawn.x2 + SMOOTHING >= box.x1 &&
    drawn.x1 - SMOOTHING <= box.x2 &&
    drawn.y2 + SMOOTHING >= box.y1 &&
    drawn.y1 - SMOOTHING <= box.y2
  );
}

/**
 * The box a node's drawing stays within however it is restyled in the large style (its size, its label), where it is
 * now; null when its place is not known.
 */
export function nodeReachBox(element: SingularElementArgument): BoundingBox12 | null {
  const at = (element as Placed)._private.position;
  if (!at) return null;
  return { x1: at.x - NODE_REACH, y1: at.y - NODE_REACH, x2: at.x + NODE_REACH, y2: at.y + NODE_REACH };
}

/** Whether an element's place could put any of it inside `view` (true when its place is unknown). */
export function mayShow(element: SingularElementArgument, view: BoundingBox12): boolean {
  const placed = element as Placed;
  if (element.isNode()) {
    const at = placed._private.position;
    if (!at) return true;
    return (
      at.x >= view.x1 - NODE_REACH &&
      at.x <= view.x2 + NODE_REACH &&
      at.y >= view.y1 - NODE_REACH &&
      at.y <= view.y2 + NODE_REACH
    );
  }
  const { allpts: points, edgeType } = placed._private.rscratch;
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
