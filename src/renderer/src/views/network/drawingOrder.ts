/**
 * Cytoscape's drawing order for a newly added graph, computed in slices.
 *
 * Cytoscape's canvas renderer draws elements in z-order (its z-sort: compound depth, then edges under nodes, then
 * z-index, then the order they were added) and keeps that order until elements are added, removed or restyled. It
 * computes it in one go, in whatever task first needs it, with a comparator that reads three style properties of
 * both elements at every comparison, and then asks every element whether it takes events: at five thousand records
 * (fifteen thousand elements) about 35 to 40 ms, twice per load (once for the prebuilt layer, once after the adding
 * batch ends). Here the same keys are read once per element, in slices; the sort itself is over numbers.
 *
 * It reaches into the renderer (its cached order and the method that splits it for dragging) and reads parsed
 * styles (`pstyle`), through optional types: without them, or with compound nodes (whose depth this does not
 * compute), Cytoscape sorts as it always did.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { nextTask } from './frames';

/** How long one slice of reading keys may keep the main thread. */
const SLICE_BUDGET_MS = 10;

/** Elements in drawing order, as the renderer keeps them; `interactive` are those that take events. */
export type DrawingOrder = SingularElementArgument[] & {
  interactive?: SingularElementArgument[];
  nondrag?: SingularElementArgument[];
  drag?: unknown[];
};

type ZSortRenderer = {
  cachedZSortedEles?: DrawingOrder | null;
  invalidateCachedZSortedEles?(): void;
  updateCachedGrabbedEles?(): void;
  getCachedZSortedEles?(forceRecalc?: boolean): DrawingOrder;
};

/** An element as the z-sort reads it (`pstyle` and `interactive` are not in the typings). */
type SortedElement = SingularElementArgument & {
  pstyle?(name: string): { value: unknown };
  interactive?(): boolean;
};

/** The order computed for each instance's current elements, to give back after the adding batch ends. */
const computed = new WeakMap<Core, DrawingOrder>();

function rendererOf(cy: Core): ZSortRenderer {
  return (cy as unknown as { renderer(): ZSortRenderer }).renderer();
}

/** `z-compound-depth` as Cytoscape's z-sort ranks it, for a graph without compound nodes. */
function compoundDepth(value: unknown): number {
  if (value === 'bottom') return -1;
  if (value === 'top') return Number.MAX_SAFE_INTEGER;
  return 0; // 'auto' (no compounds) and 'orphan'
}

/**
 * Computes the drawing order of `cy`'s elements in slices and gives it to the renderer, which then finds it sorted.
 * Call it with the adding batch open and every element styled. Resolves to false if a newer load superseded this
 * one; when the renderer or the styles lack what this needs, Cytoscape sorts (in one go) instead.
 */
export async function sortForDrawing(cy: Core, superseded: () => boolean): Promise<boolean> {
  const renderer = rendererOf(cy);
  const elements = cy.elements() as unknown as SortedElement[];
  const sample = elements[0];
  const usable =
    renderer.invalidateCachedZSortedEles &&
    renderer.updateCachedGrabbedEles &&
    sample?.pstyle &&
    sample.interactive &&
    (cy as unknown as { hasCompoundNodes?(): boolean }).hasCompoundNodes?.() === false;
  if (!usable) {
    renderer.getCachedZSortedEles?.(true);
    return true;
  }
  const count = elements.length;
  const depth = new Float64Array(count);
  const edgeFirst = new Uint8Array(count);
  const zIndex = new Float64Array(count);
  const interactive = new Uint8Array(count);
  for (let next = 0; next < count;) {
    const sliceStart = performance.now();
    do {
      const element = elements[next]!;
      depth[next] = compoundDepth(element.pstyle!('z-compound-depth').value);
      // 'auto' draws edges under nodes; 'manual' leaves it to z-index.
      edgeFirst[next] = element.pstyle!('z-index-compare').value === 'auto' && element.isNode() ? 1 : 0;
      zIndex[next] = Number(element.pstyle!('z-index').value);
      interactive[next] = element.interactive!() ? 1 : 0;
      next++;
    } while (next < count && performance.now() - sliceStart < SLICE_BUDGET_MS);
    await nextTask();
    if (superseded()) return false;
  }
  // Ties go to the order added (an element's place in the instance's element list), as in Cytoscape's z-sort.
  const ranks = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => depth[a]! - depth[b]! || edgeFirst[a]! - edgeFirst[b]! || zIndex[a]! - zIndex[b]! || a - b,
  );
  const order: DrawingOrder = ranks.map((i) => elements[i]!);
  order.interactive = ranks.filter((i) => interactive[i] === 1).map((i) => elements[i]!);
  computed.set(cy, order);
  give(renderer, order);
  return true;
}

/**
 * Gives the renderer back the order {@link sortForDrawing} computed, after something (the end of the adding batch)
 * made it drop it. Only valid while the elements and their z-order styles are unchanged since; returns false (and
 * leaves the sorting to Cytoscape) when there is none.
 */
export function restoreDrawingOrder(cy: Core): boolean {
  const order = computed.get(cy);
  computed.delete(cy);
  if (!order || order.length !== cy.elements().length) return false;
  give(rendererOf(cy), order);
  return true;
}

function give(renderer: ZSortRenderer, order: DrawingOrder): void {
  renderer.cachedZSortedEles = order;
  renderer.updateCachedGrabbedEles!();
}
