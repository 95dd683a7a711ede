import type { Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_MS, MAX_KEPT_PIXELS, canvasPool, keepForReuse, reuseLayerCanvases } from './canvasPool';
import type { Layer } from './layerCache';

/** A canvas that counts its resets. */
function canvas(width: number, height: number, withReset = true) {
  const context = { resets: 0, reset: withReset ? () => void context.resets++ : undefined };
  return { width, height, context, getContext: () => context };
}

type FakeCanvas = ReturnType<typeof canvas>;

/** A renderer as Cytoscape's: a layer cache whose levels hold layers, and the maker of its canvases. */
function fakeInstance() {
  const made: FakeCanvas[] = [];
  const layersByLevel: Record<number, Layer[]> = {};
  const cache = {
    layersByLevel,
    layersQueue: { size: () => 0 },
    makeLayer: () => ({}) as Layer,
    queueLayer: () => undefined,
    dequeue: () => [],
    invalidateLayer(layer: Layer) {
      layer.invalid = true;
      const level = layersByLevel[layer.level];
      if (level) level.splice(level.indexOf(layer), 1);
    },
  };
  const renderer = {
    data: { lyrTxrCache: cache },
    makeOffscreenCanvas(width: number, height: number) {
      const fresh = canvas(width, height);
      made.push(fresh);
      return fresh;
    },
  };
  const cy = { renderer: () => renderer } as unknown as Core;
  const layerOf = (level: number, width: number, height: number): Layer => {
    const layer = { level, width, height, eles: [], canvas: renderer.makeOffscreenCanvas(width, height) };
    (layersByLevel[level] ??= []).push(layer as unknown as Layer);
    return layer as unknown as Layer;
  };
  return { cy, cache, renderer, made, layerOf };
}

describe('reuseLayerCanvases', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives a dropped level's canvas, cleared, to the next picture of its size", () => {
    const { cy, cache, renderer, made, layerOf } = fakeInstance();
    reuseLayerCanvases(cy);
    const layer = layerOf(0, 2000, 1500);
    cache.invalidateLayer(layer);
    expect(layer.invalid).toBe(true);
    const next = renderer.makeOffscreenCanvas(2000, 1500);
    expect(next).toBe(layer.canvas);
    expect(next.context.resets).toBe(1);
    // Taken once: the next picture of that size gets a fresh one.
    expect(renderer.makeOffscreenCanvas(2000, 1500)).not.toBe(layer.canvas);
    expect(made).toHaveLength(2);
  });

  it('gives the canvas of a picture the view dropped itself (of what is in view) to the next picture of its size', () => {
    const { cy, renderer, made } = fakeInstance();
    const tileCanvas = renderer.makeOffscreenCanvas(2029, 2029);
    // Before the instance keeps canvases: nothing kept.
    keepForReuse(cy, tileCanvas as unknown as CanvasImageSource);
    expect(renderer.makeOffscreenCanvas(2029, 2029)).not.toBe(tileCanvas);
    reuseLayerCanvases(cy);
    keepForReuse(cy, tileCanvas as unknown as CanvasImageSource);
    const next = renderer.makeOffscreenCanvas(2029, 2029);
    expect(next).toBe(tileCanvas);
    expect(next.context.resets).toBe(1);
    expect(made).toHaveLength(2);
  });

  it('makes a fresh canvas for another size', () => {
    const { cy, cache, renderer, layerOf } = fakeInstance();
    reuseLayerCanvases(cy);
    const layer = layerOf(0, 2000, 1500);
    cache.invalidateLayer(layer);
    expect(renderer.makeOffscreenCanvas(2000, 1501)).not.toBe(layer.canvas);
  });

  it('keeps no canvas of a layer no level shows (a picture of the view, an export band), nor one dropped twice', () => {
    const { cy, cache, renderer, layerOf } = fakeInstance();
    reuseLayerCanvases(cy);
    const outside = { level: 0, width: 100, height: 100, eles: [], canvas: canvas(100, 100) } as unknown as Layer;
    cache.invalidateLayer(outside);
    expect(renderer.makeOffscreenCanvas(100, 100)).not.toBe(outside.canvas);
    const layer = layerOf(1, 300, 200);
    cache.invalidateLayer(layer);
    cache.invalidateLayer(layer);
    expect(renderer.makeOffscreenCanvas(300, 200)).toBe(layer.canvas);
    expect(renderer.makeOffscreenCanvas(300, 200)).not.toBe(layer.canvas);
  });

  it(`gives the canvases up ${KEEP_MS} ms after the last was kept`, () => {
    const { cy, cache, renderer, layerOf } = fakeInstance();
    reuseLayerCanvases(cy);
    const first = layerOf(0, 400, 400);
    const second = layerOf(1, 800, 800);
    cache.invalidateLayer(first);
    vi.advanceTimersByTime(KEEP_MS - 1000);
    cache.invalidateLayer(second);
    vi.advanceTimersByTime(KEEP_MS - 1000);
    expect(renderer.makeOffscreenCanvas(400, 400)).toBe(first.canvas);
    vi.advanceTimersByTime(1000);
    expect(renderer.makeOffscreenCanvas(800, 800)).not.toBe(second.canvas);
  });
});

describe('canvasPool', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it(`keeps at most ${MAX_KEPT_PIXELS} pixels, giving up the oldest first`, () => {
    const pool = canvasPool();
    // Half the most each.
    const [a, b, c] = [canvas(2048, 4096), canvas(2048, 4096), canvas(2048, 4096)];
    expect(2048 * 4096 * 2).toBe(MAX_KEPT_PIXELS);
    pool.keep(a);
    pool.keep(b);
    pool.keep(c);
    expect(pool.size).toBe(2);
    expect(pool.take(2048, 4096)).toBe(b);
    expect(pool.take(2048, 4096)).toBe(c);
    expect(pool.take(2048, 4096)).toBeNull();
    // One larger than the most is not kept; one of the most replaces all others.
    pool.keep(a);
    pool.keep(canvas(4096, 4097));
    expect(pool.size).toBe(1);
    pool.keep(canvas(4096, 4096));
    expect(pool.size).toBe(1);
    expect(pool.take(2048, 4096)).toBeNull();
  });

  it('gives out no canvas it cannot reset (its old picture would stay)', () => {
    const pool = canvasPool();
    pool.keep(canvas(10, 10, false));
    expect(pool.take(10, 10)).toBeNull();
  });
});
