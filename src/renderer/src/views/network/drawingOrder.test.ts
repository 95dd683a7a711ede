import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { restoreDrawingOrder, sortForDrawing, sortedForDrawing, type DrawingOrder } from './drawingOrder';

/** An element as the z-sort reads it: its z-index, whether it is a node, whether it takes events. */
type FakeElement = { id: string; node: boolean; zIndex: number; events: boolean };

function fakeGraph(specs: FakeElement[]) {
  const elements = specs.map((spec) => ({
    id: () => spec.id,
    isNode: () => spec.node,
    removed: () => false,
    interactive: () => spec.events,
    pstyle: (name: string) => {
      if (name === 'z-index') return { value: spec.zIndex };
      if (name === 'z-index-compare') return { value: 'auto' };
      return { value: 'auto' };
    },
  }));
  const renderer = {
    cachedZSortedEles: null as DrawingOrder | null,
    invalidateCachedZSortedEles() {},
    updateCachedGrabbedEles() {},
  };
  const cy = {
    elements: () => elements,
    hasCompoundNodes: () => false,
    renderer: () => renderer,
  } as unknown as Core;
  const ids = () => renderer.cachedZSortedEles?.map((element) => element.id()) ?? null;
  const interactiveIds = () => renderer.cachedZSortedEles?.interactive?.map((element) => element.id()) ?? null;
  return { cy, renderer, elements, ids, interactiveIds };
}

describe('restoreDrawingOrder', () => {
  const specs = (): FakeElement[] => [
    { id: 'a', node: true, zIndex: 0, events: true },
    { id: 'ab', node: false, zIndex: 0, events: true },
    { id: 'b', node: true, zIndex: 0, events: true },
    { id: 'c', node: true, zIndex: 5, events: true },
  ];

  it('gives back the order computed in slices, edges under nodes, then by z-index', async () => {
    const graph = fakeGraph(specs());
    expect(await sortForDrawing(graph.cy, () => false)).toBe(true);
    graph.renderer.cachedZSortedEles = null;
    expect(restoreDrawingOrder(graph.cy)).toBe(true);
    expect(graph.ids()).toEqual(['ab', 'a', 'b', 'c']);
  });

  it('keeps it for elements restyled meanwhile that keep their place, and their taking events', async () => {
    const kept = specs();
    const graph = fakeGraph(kept);
    await sortForDrawing(graph.cy, () => false);
    graph.renderer.cachedZSortedEles = null;
    // A restyle that leaves the z-order keys as they were (a selection's colour).
    expect(restoreDrawingOrder(graph.cy, [graph.elements[2]!] as never)).toBe(true);
    expect(graph.ids()).toEqual(['ab', 'a', 'b', 'c']);
    expect(graph.interactiveIds()).toEqual(['ab', 'a', 'b', 'c']);
  });

  it('leaves the sorting to Cytoscape when a restyled element no longer fits its place, or no longer takes events', async () => {
    const moved = specs();
    const graph = fakeGraph(moved);
    await sortForDrawing(graph.cy, () => false);
    graph.renderer.cachedZSortedEles = null;
    moved[0]!.zIndex = 9;
    expect(restoreDrawingOrder(graph.cy, [graph.elements[0]!] as never)).toBe(false);
    expect(graph.renderer.cachedZSortedEles).toBeNull();

    const hidden = specs();
    const other = fakeGraph(hidden);
    await sortForDrawing(other.cy, () => false);
    other.renderer.cachedZSortedEles = null;
    hidden[1]!.events = false;
    expect(restoreDrawingOrder(other.cy, [other.elements[1]!] as never)).toBe(false);
    expect(other.renderer.cachedZSortedEles).toBeNull();
  });

  it('is given only once: a second end of a batch leaves the sorting to Cytoscape', async () => {
    const graph = fakeGraph(specs());
    expect(sortedForDrawing(graph.cy)).toBe(false);
    await sortForDrawing(graph.cy, () => false);
    expect(sortedForDrawing(graph.cy)).toBe(true);
    expect(restoreDrawingOrder(graph.cy)).toBe(true);
    expect(sortedForDrawing(graph.cy)).toBe(false);
    expect(restoreDrawingOrder(graph.cy)).toBe(false);
  });
});
