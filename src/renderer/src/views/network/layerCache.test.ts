import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_PIXELS, layerSizeFits, wholeGraphPictureFits, zoomLevel } from './layerCache';

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
