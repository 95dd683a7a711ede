/**
 * How the mouse meets a graph drawn in the large style, so that moving over it, clicking a record and dragging the
 * view never hold the main thread for long.
 *
 * - **Hit testing.** On every mouse move, press and release Cytoscape asks which element is under the pointer, and
 *   answers by testing every element in turn, reading each one's style as it goes: about 55 ms at five thousand
 *   records and their relations, for each event. Here only the elements that could be under the pointer (a node
 *   whose centre, an edge whose line is within the farthest the large style draws anything, LARGE_STYLE_REACH) are
 *   handed to Cytoscape's own test, which then decides as it always did: the same answer from a few elements
 *   instead of fifteen thousand, found in a millisecond or two.
 * - **No pressed state.** Cytoscape marks an element it is pressed on as active, to shade it while pressed, which
 *   restyles it; any restyle makes it drop the picture it keeps of the whole graph and draw every element one by one
 *   (about half a second here; 79 ms for a click in the normal style's 1,300 elements). In either style a press
 *   shades nothing; a click still selects, with the ring.
 *
 * Both reach into Cytoscape's canvas renderer (3.x) through optional types; without what they need, Cytoscape keeps
 * its own behaviour. Records are also made pannable there (see the controller): dragging one pans the view instead
 * of lifting the record into a layer of its own, which would likewise redraw everything.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { boxOfFlat } from './graphElements';
import { LARGE_STYLE_REACH } from './graphStyle';

/** An element with, for an edge, its drawn points (Cytoscape's scratch data). */
type HitElement = SingularElementArgument & { _private: { rscratch: EdgeScratch } };

/** Elements in drawing order, as the renderer keeps them; `interactive` are those that take events. */
type DrawingOrder = HitElement[] & { interactive: HitElement[] };

type FindNearest = (x: number, y: number, interactiveOnly: boolean, isTouch: boolean) => HitElement[];

type HitRenderer = {
  findNearestElements?: FindNearest;
  getCachedZSortedEles?(): DrawingOrder;
};

type EdgeScratch = { edgeType?: string; allpts?: number[] };

/** Extra model units on every bound, against rounding: a candidate too many costs nothing, one too few is wrong. */
const SLACK = 1;

/** The squared distance from (x, y) to the segment from (x1, y1) to (x2, y2). */
function squaredDistanceToSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const along = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  const nearX = x1 + along * dx - x;
  const nearY = y1 + along * dy - y;
  return nearX * nearX + nearY * nearY;
}

/** Whether an edge's drawn points come within `reach` of (x, y); true when its points are unknown. */
function edgeMayHit(scratch: EdgeScratch, x: number, y: number, reach: number): boolean {
  const points = scratch.allpts;
  if (!points || points.length < 4) return true;
  const straight =
    scratch.edgeType === 'straight' || scratch.edgeType === 'haystack' || scratch.edgeType === 'segments';
  if (straight) {
    const reachSquared = reach * reach;
    for (let i = 0; i + 3 < points.length; i += 2) {
      if (squaredDistanceToSegment(x, y, points[i]!, points[i + 1]!, points[i + 2]!, points[i + 3]!) <= reachSquared)
        return true;
    }
    return false;
  }
  // A curve lies within the box of its control points.
  const { x1, y1, x2, y2 } = boxOfFlat(points);
  return x >= x1 - reach && x <= x2 + reach && y >= y1 - reach && y <= y2 + reach;
}

/**
 * Narrows Cytoscape's hit testing on `cy` to the elements that could be under the pointer (see the top of this
 * file). Graphs with compound nodes keep Cytoscape's own, which also looks at an edge's ends.
 */
export function narrowHitTesting(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): HitRenderer }).renderer();
  const findNearest = renderer.findNearestElements;
  if (!findNearest || !renderer.getCachedZSortedEles) return;
  renderer.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    if ((cy as Core & { hasCompoundNodes(): boolean }).hasCompoundNodes()) {
      return findNearest.call(this, x, y, interactiveOnly, isTouch);
    }
    const order = this.getCachedZSortedEles!();
    const pool = interactiveOnly ? order.interactive : order;
    // Cytoscape's own allowances around nodes and edges (wider for touch), in model units at this zoom, on top of
    // the farthest the large style draws anything (labels take no pointer events there: Cytoscape's default).
    const zoom = cy.zoom();
    const nodeReach = LARGE_STYLE_REACH.node + (isTouch ? 8 : 2) / zoom + SLACK;
    const edgeReach = LARGE_STYLE_REACH.edge + (isTouch ? 24 : 8) / zoom + SLACK;
    const candidates = [] as unknown as DrawingOrder;
    for (const element of pool) {
      let mayHit: boolean;
      if (element.isNode()) {
        const { x: nodeX, y: nodeY } = element.position();
        mayHit = Math.abs(x - nodeX) <= nodeReach && Math.abs(y - nodeY) <= nodeReach;
      } else mayHit = edgeMayHit(element._private.rscratch, x, y, edgeReach);
      if (mayHit) candidates.push(element);
    }
    candidates.interactive = candidates;
    // Cytoscape's own test, over the candidates only (in drawing order, which decides between overlapping ones).
    const own = Object.getOwnPropertyDescriptor(this, 'getCachedZSortedEles');
    this.getCachedZSortedEles = () => candidates;
    try {
      return findNearest.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      if (own) Object.defineProperty(this, 'getCachedZSortedEles', own);
      else delete this.getCachedZSortedEles;
    }
  };
}

type ActivatableCollection = { activate(...args: unknown[]): unknown; cy(): Core };

/** The instances whose elements are never marked pressed (see the top of this file). */
const withoutPressedState = new WeakSet<Core>();
let activationPatched = false;

/**
 * Stops Cytoscape from marking the elements of `cy` active while pressed. The method is shared by every instance
 * (it is Cytoscape's collection prototype's), so it is wrapped once and asks per instance.
 */
export function ignorePressedState(cy: Core): void {
  withoutPressedState.add(cy);
  if (activationPatched) return;
  const prototype = Object.getPrototypeOf(cy.collection()) as Partial<ActivatableCollection>;
  const activate = prototype.activate;
  if (!activate) return;
  activationPatched = true;
  prototype.activate = function (this: ActivatableCollection, ...args: unknown[]) {
    return withoutPressedState.has(this.cy()) ? this : activate.apply(this, args);
  };
}
