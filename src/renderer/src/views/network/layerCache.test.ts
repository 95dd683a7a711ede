import { describe, expect, it } from 'vitest';
import {
  MAX_PICTURE_PIXELS,
  dropIfWithoutPixels,
  givePixels,
  layerSizeFits,
  makeLayerWithoutPixels,
  wholeGraphPictureFits,
  zoomLevel,
  type Layer,
  type LayerCache,
} from './layerCache';

/** A box of `width` by `height` model units. */
const box = (width: number, height: number) => ({ x1: -width / 2, y1: -height / 2, x2: width / 2, y2: height / 2 });

/** The bench's view of the graph: about 780 by 780 pixels at a pixel ratio of 1. */
const BENCH_VIEW_PIXELS = 780 * 780;

describe('the size of a picture of the whole graph', () => {
  // The extent of the bench's synthetic graph at about five thousand records: its picture at a zoom of 1/4 is
  // 1,591 pixels square (10 MB), at 1/2 3,182 pixels square (40 MB).
  const fiveThousand = box(6_364, 6_348);

  it('keeps a picture of ten megabytes, not one of forty (a path at five thousand records)', () => {
    expect(wholeGraphPictureFits(fiveThousand, -2, BENCH_VIEW_PIXELS)).toBe(true);
    // Within Cytoscape's own limit, but past the view's: a picture of what is in view is drawn instead.
    expect(layerSizeFits(fiveThousand, -1)).toBe(true);
    expect(wholeGraphPictureFits(fiveThousand, -1, BENCH_VIEW_PIXELS)).toBe(false);
  });

  it('allows a large screen four times its own pixels, within Cytoscape limits', () => {
    const graph = box(2_900, 2_900); // 8.4 million pixels at a zoom of 1
    expect(wholeGraphPictureFits(graph, 0, BENCH_VIEW_PIXELS)).toBe(false);
    expect(wholeGraphPictureFits(graph, 0, 2880 * 1800)).toBe(true);
    // Past Cytoscape's 16 million pixels, no screen is large enough.
    expect(wholeGraphPictureFits(box(4_100, 4_100), 0, 5120 * 2880)).toBe(false);
  });

  it('always keeps the picture at the zoom that shows the whole graph, whatever its shape and the screen', () => {
    const views = [
      [780, 780, 1],
      [1600, 900, 1],
      [1440, 900, 2],
      [400, 1000, 3],
    ] as const;
    let checked = 0;
    for (const [viewWidth, viewHeight, pixelRatio] of views) {
      for (const [width, height] of [
        [6_364, 6_348],
        [90_000, 4_000],
        [1_200, 30_000],
        [3_000, 2_000],
      ] as const) {
        const zoom = Math.min(viewWidth / width, viewHeight / height);
        const level = zoomLevel(zoom, pixelRatio);
        if (level === null || !layerSizeFits(box(width, height), level)) continue;
        const viewPixels = viewWidth * viewHeight * pixelRatio ** 2;
        expect(wholeGraphPictureFits(box(width, height), level, viewPixels), `${width}×${height}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(12);
  });

  it('holds a picture to twelve megabytes on a small screen', () => {
    const side = Math.floor(Math.sqrt(MAX_PICTURE_PIXELS));
    expect(wholeGraphPictureFits(box(side, side), 0, 100 * 100)).toBe(true);
    expect(wholeGraphPictureFits(box(side + 2, side + 2), 0, 100 * 100)).toBe(false);
  });
});

/**
 * A layer cache that makes layers as Cytoscape's does (its renderer's canvas of the layer's size, then the transform),
 * with canvases that note the calls made on them.
 */
function fakeLayerCache() {
  type FakeCanvas = { width: number; height: number; calls: string[]; getContext(): unknown };
  const canvases: FakeCanvas[] = [];
  const renderer = {
    makeOffscreenCanvas(width: number, height: number): FakeCanvas {
      const canvas: FakeCanvas = {
        width,
        height,
        calls: [],
        getContext: () => ({
          scale: (x: number) => canvas.calls.push(`scale ${x}`),
          translate: (x: number, y: number) => canvas.calls.push(`translate ${x} ${y}`),
        }),
      };
      canvases.push(canvas);
      return canvas;
    },
  };
  const cache = {
    renderer,
    layersByLevel: {},
    lastInvalidationTime: 1000,
    layersQueue: { size: () => 0 },
    makeLayer(box, level) {
      const scale = 2 ** level;
      const canvas = this.renderer!.makeOffscreenCanvas!(Math.ceil(box.w * scale), Math.ceil(box.h * scale));
      const context = (canvas as unknown as FakeCanvas).getContext() as {
        scale(s: number, t: number): void;
        translate(x: number, y: number): void;
      };
      context.scale(scale, scale);
      context.translate(-box.x1, -box.y1);
      return { level, bb: box, canvas, context, width: 0, height: 0, eles: [] };
    },
    queueLayer: () => {},
    invalidateLayer(layer: Layer) {
      this.lastInvalidationTime = 2000;
      layer.invalid = true;
    },
    dequeue: () => [],
  } satisfies LayerCache;
  return { cache, canvases, renderer };
}

describe('a picture made in a frame', () => {
  const bounds = { x1: -100, y1: -50, x2: 300, y2: 150, w: 400, h: 200 };

  it('gets a canvas of one pixel there, and its own canvas, transformed, when given its pixels', () => {
    const { cache, canvases, renderer } = fakeLayerCache();
    const maker = renderer.makeOffscreenCanvas;
    const layer = makeLayerWithoutPixels(cache, bounds, 1);
    expect([canvases.length, canvases[0]!.width, canvases[0]!.height]).toEqual([1, 1, 1]);
    // The renderer makes full-size canvases again at once (for Cytoscape's own layers).
    expect(renderer.makeOffscreenCanvas).toBe(maker);
    expect(Object.hasOwn(renderer, 'makeOffscreenCanvas')).toBe(true);
    givePixels(cache, layer);
    expect(layer.canvas).toBe(canvases[1]);
    expect([canvases[1]!.width, canvases[1]!.height, canvases[1]!.calls]).toEqual([
      800,
      400,
      ['scale 2', 'translate 100 50'],
    ]);
    // Given once: a second call makes nothing.
    givePixels(cache, layer);
    expect(canvases).toHaveLength(2);
    dropIfWithoutPixels(cache, layer);
    expect(layer.invalid).toBeUndefined();
  });

  it("is dropped if its pixels never came, keeping Cytoscape's time of the last drop", () => {
    const { cache } = fakeLayerCache();
    const layer = makeLayerWithoutPixels(cache, bounds, 0);
    dropIfWithoutPixels(cache, layer);
    expect(layer.invalid).toBe(true);
    expect(cache.lastInvalidationTime).toBe(1000);
  });
});
