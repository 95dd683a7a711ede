import type { BoundingBox12, SingularElementArgument } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { drawnBoxes } from './elementReach';
import { elementsMeeting, patchLayer, type PatchableLayer } from './layerPatch';
import type { LayerCache } from './prebuiltLayer';

/** A node as the patch reads it: its place, and Cytoscape's bounding box around it (here 20 units across). */
function node(id: string, x: number, y: number): SingularElementArgument {
  return {
    id: () => id,
    isNode: () => true,
    _private: { position: { x, y } },
    boundingBox: () => ({ x1: x - 10, y1: y - 10, x2: x + 10, y2: y + 10, w: 20, h: 20 }),
  } as unknown as SingularElementArgument;
}

/** A straight edge as the patch reads it: its drawn line. */
function edge(id: string, points: number[]): SingularElementArgument {
  return {
    id: () => id,
    isNode: () => false,
    _private: { rscratch: { allpts: points, edgeType: 'haystack' } },
  } as unknown as SingularElementArgument;
}

/** A layer over `bb` at `level`, whose context records the calls the patch makes. */
function recordingLayer(bb: BoundingBox12, level: number) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: number[]) =>
      calls.push(`${name}(${args.join(',')})`);
  const scale = 2 ** level;
  const layer = {
    level,
    bb,
    width: Math.ceil((bb.x2 - bb.x1) * scale),
    height: Math.ceil((bb.y2 - bb.y1) * scale),
    eles: [],
    canvas: {} as CanvasImageSource,
    context: {
      save: record('save'),
      restore: record('restore'),
      beginPath: record('beginPath'),
      rect: record('rect'),
      clip: record('clip'),
      clearRect: record('clearRect'),
    } as unknown as CanvasRenderingContext2D,
  } satisfies PatchableLayer;
  const drawn: string[] = [];
  const cache = {
    drawEleInLayer: (_layer: unknown, element: SingularElementArgument) => void drawn.push(element.id()),
  } as unknown as LayerCache;
  return { layer, cache, calls, drawn };
}

describe('patching a picture of the graph in place', () => {
  const order = [
    edge('e-near', [0, 0, 100, 0]),
    edge('e-far', [0, 1000, 100, 1000]),
    node('a', 70, 0),
    node('b', 100, 0),
    node('c', 0, 800),
  ];

  it('clears and clips only the regions, widened to whole pixels of the layer, and draws what meets them in order', () => {
    const { layer, cache, calls, drawn } = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, -1);
    const region = { x1: 93, y1: -7, x2: 107, y2: 7 };
    const candidates = elementsMeeting(order, [region]);
    expect(candidates.map((element) => element.id())).toEqual(['e-near', 'a', 'b']);
    const count = patchLayer(cache, layer, [region], candidates, 1);
    // Half a unit per pixel at level -1, from the layer's corner (-50, -50): 93 → pixel 71.5 → 71 → 92.
    expect(calls).toEqual([
      'save()',
      'beginPath()',
      'rect(92,-8,16,16)',
      'clip()',
      'clearRect(92,-8,16,16)',
      'restore()',
    ]);
    // Node a's box (60..80) is within a pixel of the coarsest level: a candidate, but not drawn at this level.
    expect(drawn).toEqual(['e-near', 'b']);
    expect(count).toBe(2);
  });

  it('leaves a layer alone where the regions fall outside it, and skips elements its queue will draw', () => {
    const outside = recordingLayer({ x1: 500, y1: 500, x2: 900, y2: 900 }, 0);
    const region = { x1: 90, y1: -10, x2: 110, y2: 10 };
    expect(patchLayer(outside.cache, outside.layer, [region], order, 1)).toBe(0);
    expect(outside.calls).toEqual([]);
    const queued = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, 0);
    const layer = { ...queued.layer, elesQueue: [order[3]!] };
    patchLayer(queued.cache, layer, [region], elementsMeeting(order, [region]), 1);
    expect(queued.drawn).toEqual(['e-near']);
  });

  it('covers a long relation with boxes along its line, not one box over everything it spans', () => {
    const boxes = drawnBoxes(edge('long', [0, 0, 1000, 1000]))!;
    expect(boxes.length).toBeGreaterThan(5);
    // Each box stays near the line: a record at (900, 100), far from it, meets none.
    expect(elementsMeeting([node('off', 900, 100)], boxes)).toEqual([]);
    expect(elementsMeeting([node('on', 500, 500)], boxes).map((element) => element.id())).toEqual(['on']);
  });
});
