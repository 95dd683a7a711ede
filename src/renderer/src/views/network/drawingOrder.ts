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
import { SLICE_BUDGET_MS, nextTask } from './frames';

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
      [depth[next], edgeFirst[next], zIndex[next]] = zKey(element);
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

/** What Cytoscape's z-sort ranks an element by, in order; ties go to the order elements were added. */
function zKey(element: SortedElement): [depth: number, nodeAfterEdges: number, zIndex: number] {
  return [
    compoundDepth(element.pstyle!('z-compound-depth').value),
    // 'auto' draws edges under nodes; 'manual' leaves it to z-index.
    element.pstyle!('z-index-compare').value === 'auto' && element.isNode() ? 1 : 0,
    Number(element.pstyle!('z-index').value),
  ];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
}

/**
 * The renderer's drawing order after a small change, made from `before` (the order before it) rather than sorted
 * anew (35 to 40 ms at five thousand records): `removed` left out, `added` (in the order added) put where Cytoscape's
 * z-sort puts them, found by binary search. Returns false, leaving the sorting to Cytoscape, when this cannot be
 * done: a `restyled` element whose z-order keys no longer fit its place, or the renderer or styles lacking what this
 * needs.
 */
export function orderAfterChange(
  cy: Core,
  before: DrawingOrder,
  change: { restyled: readonly SingularElementArgument[]; added: readonly SingularElementArgument[] },
): boolean {
  const renderer = rendererOf(cy);
  const sample = before[0] as SortedElement | undefined;
  if (!renderer.updateCachedGrabbedEles || !sample?.pstyle || !sample.interactive || !before.interactive) return false;
  const inside = (element: SingularElementArgument) => !element.removed();
  const order: DrawingOrder = before.filter(inside);
  const interactive = before.interactive.filter(inside);
  const keyOf = (element: SingularElementArgument) => zKey(element as SortedElement);
  // A restyled element stays sorted where it is when its keys still fall between its neighbours', and among those
  // that take events only if it still does.
  const takingEvents = change.restyled.length > 0 ? new Set(interactive) : null;
  for (const element of change.restyled) {
    const at = order.indexOf(element);
    if (at < 0) return false;
    const key = keyOf(element);
    if (at > 0 && compareKeys(keyOf(order[at - 1]!), key) > 0) return false;
    if (at + 1 < order.length && compareKeys(key, keyOf(order[at + 1]!)) > 0) return false;
    if (takingEvents?.has(element) !== (element as SortedElement).interactive!()) return false;
  }
  for (const element of change.added) {
    const key = keyOf(element);
    // After every element ranked the same: those were added before it.
    const after = (list: SingularElementArgument[]) => {
      let [low, high] = [0, list.length];
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareKeys(keyOf(list[middle]!), key) <= 0) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    order.splice(after(order), 0, element);
    if ((element as SortedElement).interactive!()) interactive.splice(after(interactive), 0, element);
  }
  order.interactive = interactive;
  give(renderer, order);
  return true;
}

/** Whether {@link sortForDrawing} has computed an order for `cy`'s current elements, not yet given back. */
export function sortedForDrawing(cy: Core): boolean {
  return computed.get(cy)?.length === cy.elements().length;
}

/**
 * Gives the renderer back the order {@link sortForDrawing} computed, after something (the end of the adding batch)
 * made it drop it. Only valid while the elements are the same since, and the z-order of all but `restyled` (restyled
 * meanwhile by something else) unchanged; returns false (and leaves the sorting to Cytoscape, 35 to 90 ms at five
 * thousand records) when there is none, or when a restyled element no longer fits its place.
 */
export function restoreDrawingOrder(cy: Core, restyled: readonly SingularElementArgument[] = []): boolean {
  const order = computed.get(cy);
  computed.delete(cy);
  if (!order || order.length !== cy.elements().length) return false;
  if (restyled.length === 0) {
    give(rendererOf(cy), order);
    return true;
  }
  return orderAfterChange(cy, order, { restyled, added: [] });
}

function give(renderer: ZSortRenderer, order: DrawingOrder): void {
  renderer.cachedZSortedEles = order;
  renderer.updateCachedGrabbedEles!();
}
