import type { BoundingBox12, SingularElementArgument } from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnBoxes, drawnRegions, lastMeasuredRegions } from './elementReach';
import { meetsRegions, redrawInPlace, startPatch, type PatchableLayer } from './layerPatch';
import type { LayerCache } from './layerCache';

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

/** A 2D context that records the calls made on it, by name and arguments (canvases by their name). */
function recordingContext(name: string, calls: string[]) {
  const record =
    (method: string) =>
    (...args: unknown[]) =>
      void calls.push(
        `${name}.${method}(${args.map((arg) => (typeof arg === 'object' ? (arg as { name: string }).name : arg)).join(',')})`,
      );
  return new Proxy({} as Record<string, unknown>, {
    get: (target, method: string) => (method in target ? target[method] : record(method)),
    set: (target, key: string, value) => ((target[key] = value), true),
  });
}

/** Region canvases (the patch draws each region on one) that record their size and drawing. */
const calls: string[] = [];
let made = 0;
class RecordingCanvas {
  readonly name = `piece${++made}`;
  constructor(width: number, height: number) {
    calls.push(`new ${this.name}(${width},${height})`);
  }
  getContext() {
    const context = recordingContext(this.name, calls);
    context.canvas = this;
    return context;
  }
}

/** A layer over `bb` at `level`, and the elements Cytoscape's drawing was asked to draw, with the canvas used. */
function recordingLayer(bb: BoundingBox12, level: number, elesQueue: SingularElementArgument[] = []) {
  const scale = 2 ** level;
  const layer = {
    level,
    bb,
    width: Math.ceil((bb.x2 - bb.x1) * scale),
    height: Math.ceil((bb.y2 - bb.y1) * scale),
    eles: [],
    elesQueue,
    canvas: {} as CanvasImageSource,
    context: recordingContext('layer', calls) as unknown as CanvasRenderingContext2D,
  } satisfies PatchableLayer;
  const cache = {
    drawEleInLayer: (target: PatchableLayer, element: SingularElementArgument) =>
      void calls.push(`draw ${element.id()} on ${(target.context.canvas as unknown as { name: string }).name}`),
  } as unknown as LayerCache;
  return { layer, cache };
}

describe('patching a picture of the graph in place', () => {
  const order = [
    edge('e-near', [0, 0, 100, 0]),
    edge('e-far', [0, 1000, 100, 1000]),
    node('a', 70, 0),
    node('b', 100, 0),
    node('c', 0, 800),
  ];
  const kept = globalThis.OffscreenCanvas;
  beforeAll(() => {
    globalThis.OffscreenCanvas = RecordingCanvas as unknown as typeof OffscreenCanvas;
  });
  afterAll(() => {
    globalThis.OffscreenCanvas = kept;
  });

  it('draws what meets a region on a canvas of its own, in order, and swaps it in on whole pixels of the layer', () => {
    calls.length = 0;
    const { layer, cache } = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, -1);
    // The place of a record before and after an edit: drawn as one region.
    const regions = [
      { x1: 93, y1: -7, x2: 107, y2: 7 },
      { x1: 94, y1: -6, x2: 106, y2: 6 },
    ];
    const meets = meetsRegions(regions);
    const candidates = order.filter(meets);
    // Node a (60..80) lies within a pixel of the coarsest level: a candidate, but not drawn at this level.
    expect(candidates.map((element) => element.id())).toEqual(['e-near', 'a', 'b']);
    const patch = startPatch(cache, layer, regions, 1)!;
    for (const element of candidates) patch.draw(element);
    expect(calls.filter((call) => !call.startsWith('layer.'))).toEqual([
      // Half a unit per pixel at level -1, from the layer's corner: 93 is pixel 71.5, widened to 71 (92).
      'new piece1(8,8)',
      'piece1.scale(0.5,0.5)',
      'piece1.translate(-92,8)',
      'draw e-near on piece1',
      'draw b on piece1',
    ]);
    // Nothing on the picture itself until the swap, which is one clear and one copy.
    expect(calls.filter((call) => call.startsWith('layer.'))).toEqual([]);
    patch.apply();
    expect(calls.filter((call) => call.startsWith('layer.'))).toEqual([
      'layer.clearRect(92,-8,16,16)',
      'layer.drawImage(piece1,92,-8,16,16)',
    ]);
  });

  it('draws regions apart on one canvas over them all, only within them, each element once', () => {
    calls.length = 0;
    const { layer, cache } = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, -1);
    // A relation's two ends: two regions, apart, that the relation crosses both of.
    const regions = [
      { x1: -10, y1: -10, x2: 10, y2: 10 },
      { x1: 90, y1: -10, x2: 110, y2: 10 },
    ];
    const patch = startPatch(cache, layer, regions, 1)!;
    for (const element of order.filter(meetsRegions(regions))) patch.draw(element);
    const piece = `piece${made}`;
    expect(calls.filter((call) => !call.startsWith('layer.'))).toEqual([
      // Half a unit per pixel, over both: from -10 to 110 across, -10 to 10 down.
      `new ${piece}(60,10)`,
      `${piece}.scale(0.5,0.5)`,
      `${piece}.translate(10,10)`,
      `${piece}.beginPath()`,
      `${piece}.rect(-10,-10,20,20)`,
      `${piece}.rect(90,-10,20,20)`,
      `${piece}.clip()`,
      `draw e-near on ${piece}`,
      `draw b on ${piece}`,
    ]);
    patch.apply();
    expect(calls.filter((call) => call.startsWith('layer.'))).toEqual([
      'layer.clearRect(-10,-10,20,20)',
      'layer.clearRect(90,-10,20,20)',
      // Once, whole: blank outside the regions.
      `layer.drawImage(${piece},-10,-10,120,20)`,
    ]);
  });

  it('leaves a layer alone where the regions fall outside it, and leaves elements its queue will draw to it', () => {
    calls.length = 0;
    const region = { x1: 90, y1: -10, x2: 110, y2: 10 };
    const outside = recordingLayer({ x1: 500, y1: 500, x2: 900, y2: 900 }, 0);
    expect(startPatch(outside.cache, outside.layer, [region], 1)).toBeNull();
    const queued = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, 0, [order[3]!]);
    const patch = startPatch(queued.cache, queued.layer, [region], 1)!;
    for (const element of order.filter(meetsRegions([region]))) patch.draw(element);
    expect(calls.filter((call) => call.startsWith('draw'))).toEqual([`draw e-near on piece${made}`]);
  });

  it('draws regions at once straight onto the layer, cleared and clipped to them, with no canvas of their own', () => {
    calls.length = 0;
    const { layer, cache } = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, -1);
    (layer.context as unknown as { canvas: { name: string } }).canvas = { name: 'layer' };
    const before = made;
    // A relation's two ends, and a region past the layer's edge, which is left out.
    const regions = [
      { x1: -10, y1: -10, x2: 10, y2: 10 },
      { x1: 90, y1: -10, x2: 110, y2: 10 },
      { x1: 2000, y1: 0, x2: 2010, y2: 10 },
    ];
    redrawInPlace(cache, layer, regions, 1, order);
    expect(made).toBe(before);
    expect(calls).toEqual([
      'layer.save()',
      'layer.beginPath()',
      'layer.rect(-10,-10,20,20)',
      'layer.rect(90,-10,20,20)',
      'layer.clip()',
      'layer.clearRect(-10,-10,20,20)',
      'layer.clearRect(90,-10,20,20)',
      // In drawing order, only what meets them: not the far relation, nor records a (60..80) and c.
      'draw e-near on layer',
      'draw b on layer',
      'layer.restore()',
    ]);
  });

  it('draws nothing in place where the regions fall outside the layer, and leaves queued elements to it', () => {
    calls.length = 0;
    const region = { x1: 90, y1: -10, x2: 110, y2: 10 };
    const outside = recordingLayer({ x1: 500, y1: 500, x2: 900, y2: 900 }, 0);
    redrawInPlace(outside.cache, outside.layer, [region], 1, order);
    expect(calls).toEqual([]);
    const queued = recordingLayer({ x1: -50, y1: -50, x2: 950, y2: 1050 }, 0, [order[3]!]);
    (queued.layer.context as unknown as { canvas: { name: string } }).canvas = { name: 'layer' };
    redrawInPlace(queued.cache, queued.layer, [region], 1, order);
    expect(calls.filter((call) => call.startsWith('draw'))).toEqual(['draw e-near on layer']);
  });

  it('reads where records were last measured without measuring them again (which would drop the pictures)', () => {
    const measured = { x1: 0, y1: 0, x2: 20, y2: 20, w: 20, h: 20 };
    const notMeasuredAgain = (bbCache?: typeof measured) =>
      ({
        isNode: () => true,
        removed: () => false,
        _private: { position: { x: 10, y: 10 }, bbCache },
        boundingBox: () => {
          throw new Error('measured again');
        },
      }) as unknown as SingularElementArgument;
    const line = edge('e', [0, 0, 100, 0]);
    (line as unknown as { removed(): boolean }).removed = () => false;
    // The record's last measure with a pixel's room for smoothing, and the relation's line as drawnRegions has it.
    expect(lastMeasuredRegions([notMeasuredAgain(measured), line])).toEqual([
      { x1: -2, y1: -2, x2: 22, y2: 22 },
      ...drawnRegions([line])!,
    ]);
    expect(lastMeasuredRegions([notMeasuredAgain(undefined)])).toBeNull();
    expect(() => drawnRegions([notMeasuredAgain(measured)])).toThrow('measured again');
  });

  it('covers a long relation with boxes along its line, not one box over everything it spans', () => {
    const boxes = drawnBoxes(edge('long', [0, 0, 1000, 1000]))!;
    expect(boxes.length).toBeGreaterThan(5);
    // Each box stays near the line: a record at (900, 100), far from it, meets none.
    expect(meetsRegions(boxes)(node('off', 900, 100))).toBe(false);
    expect(meetsRegions(boxes)(node('on', 500, 500))).toBe(true);
  });
});
