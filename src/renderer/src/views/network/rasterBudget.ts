/**
 * How much to draw into a large picture of the graph in one slice of work.
 *
 * Each slice asks the browser to rasterise what it drew at once (frames.ts: rasteriseNow), so that no later frame
 * rasterises it all in one go. Where canvases are drawn on the CPU, that raster takes much longer than the drawing
 * calls, and by how much depends on what was drawn. A relation is one quick call for a line, but the browser fills
 * its every pixel: 0.06–0.2 µs per pixel of its length, more for a wider line, and two or three times that dashed or
 * dotted. A record is a copy of its ready-made picture. Measured on a thousand records at zoom 0.8: 63 ms of drawing
 * calls for the relations rasterised in 616 ms; 33 ms for the records, in 29 ms. A slice sized by its drawing time
 * alone (10 ms) then held the main thread for up to 160 ms.
 *
 * So each element's raster is estimated from its drawn size, in units of about a pixel of solid line, at a rate per
 * unit learned from the slices so far. The first slices assume the dearest rate measured.
 */
import type { SingularElementArgument } from 'cytoscape';

/** What one slice may take: its drawing calls plus the estimated raster of what they drew. */
const SLICE_MS = 20;
/** The most time a slice's drawing calls may take, whatever the estimate. */
const MAX_DRAW_MS = 10;
/** Estimated raster time per unit, at first (the dearest measured: dotted relations zoomed in), and its bounds. */
const FIRST_MS_PER_UNIT = 0.0007;
const MIN_MS_PER_UNIT = 0.00002;
const MAX_MS_PER_UNIT = 0.005;
/** A record: its picture copied in (measured: as much as a line of about 180 pixels). */
const NODE_UNITS = 180;
/** A relation: its length in pixels, and this for the line's ends and arrow. */
const EDGE_BASE_UNITS = 30;
/** A dashed or dotted line: its dashes cost this much more than a solid line. */
const DASHED_FACTOR = 2.5;
/** The raster's own cost, whatever was drawn; too few units to learn from below this many. */
const RASTER_BASE_MS = 0.3;
const MIN_UNITS_TO_LEARN = 500;

export type RasterBudget = {
  /** Starts a slice. */
  startSlice(): void;
  /** Counts an element drawn in this slice. */
  count(element: SingularElementArgument): void;
  /** Whether this slice has drawn as much as it should. */
  full(): boolean;
  /** Learns from how long the raster of this slice's drawing took. */
  rasterised(ms: number): void;
};

type Styled = { pstyle?(name: string): { value?: unknown; pfValue?: unknown } | undefined };

/** Units of raster for `element` drawn at `scale` (a picture's pixels per graph unit). */
export function rasterUnits(element: SingularElementArgument, scale: number): number {
  if (!element.isEdge()) return NODE_UNITS;
  const styled = element as unknown as Styled;
  const box = element.boundingBox();
  const length = Math.hypot(box.w, box.h) * scale;
  // A line wider than a pixel fills as many more (measured: a 2-pixel line costs about twice a 1-pixel one).
  const width = Number(styled.pstyle?.('width')?.pfValue ?? 1) * scale;
  const lineStyle = styled.pstyle?.('line-style')?.value;
  const dashes = lineStyle === 'solid' || lineStyle === undefined ? 1 : DASHED_FACTOR;
  return EDGE_BASE_UNITS + length * Math.max(1, width) * dashes;
}

/** A budget for drawing into a picture at `level` (a scale of 2^level), learning as it goes; `now` for tests. */
export function rasterBudget(level: number, now: () => number = () => performance.now()): RasterBudget {
  const scale = 2 ** level;
  let msPerUnit = FIRST_MS_PER_UNIT;
  let sliceStart = 0;
  let units = 0;
  return {
    startSlice() {
      sliceStart = now();
      units = 0;
    },
    count(element) {
      units += rasterUnits(element, scale);
    },
    full() {
      const drawing = now() - sliceStart;
      return drawing >= MAX_DRAW_MS || drawing + units * msPerUnit >= SLICE_MS;
    },
    rasterised(ms) {
      if (units < MIN_UNITS_TO_LEARN) return;
      const measured = Math.max(0, ms - RASTER_BASE_MS) / units;
      // Quick to learn that raster is dearer than thought (a long slice is what this avoids), slow to trust cheaper.
      const learned = measured > msPerUnit ? measured : 0.7 * msPerUnit + 0.3 * measured;
      msPerUnit = Math.min(MAX_MS_PER_UNIT, Math.max(MIN_MS_PER_UNIT, learned));
    },
  };
}
