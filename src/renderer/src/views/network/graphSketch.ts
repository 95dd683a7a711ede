/**
 * A sketch of a large graph on a plain canvas, shown while Cytoscape builds the real one underneath.
 *
 * Cytoscape adds, styles and first draws a thousand records and their relations in over a second here, most of it
 * per element (its style engine and caches). The saved map needs none of that to be seen: every node at its saved
 * position with the shape, colour and size the stylesheet gives it, and every relation as the straight line a
 * large graph draws. The sketch draws that in short steps (its script a median of 17 ms for a thousand records
 * here, 47 ms for five thousand; the browser's rasterising of it 4 to 30 ms at a thousand, once dots under a pixel
 * are drawn solid, see onScreenDashes), with the same look tables and the same fitted viewport, so when Cytoscape's
 * drawing replaces it nothing moves. It is only a picture: it takes the pointer and does nothing with it (a progress
 * cursor) until Cytoscape is ready. It is used only for graphs drawn in the large style, where Cytoscape shows no
 * labels at the fitted zoom either.
 */
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { whereCanvasesAreDrawnKnown } from './canvasBackend';
import { afterNextFrame, nextTask, rasteriseNow } from './frames';
import { boxOf, fittedViewport, type Point, type Viewport } from './graphElements';
import {
  EDGE_LINE,
  EDGE_LOOKS,
  LABEL_ZOOM,
  LINE_DASHES,
  NODE_BORDER,
  nodeLook,
  PERFORMANCE_THRESHOLD,
  type KIND_SHAPES,
} from './graphStyle';

/** What the sketch uses of a canvas's 2D context (a narrow type, so a test can record the drawing). */
export type SketchContext = Pick<
  CanvasRenderingContext2D,
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'roundRect'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
> & { globalAlpha: number; lineWidth: number; fillStyle: unknown; strokeStyle: unknown };

/** What a sketch shows. */
export interface SketchInput {
  nodes: readonly NetworkNode[];
  edges: readonly NetworkEdge[];
  positions: ReadonlyMap<string, Point>;
  viewport: Viewport;
}

type Shape = (typeof KIND_SHAPES)[keyof typeof KIND_SHAPES];

/** Unit outlines of the polygon shapes (radius 1, centred), as Cytoscape draws them fitted to the node's box. */
const POLYGONS: Partial<Record<Shape, readonly (readonly [number, number])[]>> = {
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  'round-triangle': [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
};

/** Adds one node's outline to the current path. */
function traceNode(context: SketchContext, shape: Shape, x: number, y: number, radius: number): void {
  if (shape === 'ellipse') {
    context.moveTo(x + radius, y);
    context.arc(x, y, radius, 0, 2 * Math.PI);
    return;
  }
  if (shape === 'round-rectangle') {
    context.roundRect(x - radius, y - radius, 2 * radius, 2 * radius, radius / 2);
    return;
  }
  const outline = POLYGONS[shape]!;
  outline.forEach(([px, py], i) =>
    i === 0 ? context.moveTo(x + px * radius, y + py * radius) : context.lineTo(x + px * radius, y + py * radius),
  );
  context.closePath();
}

/**
 * Shapes (relations and records) in a step of drawing, unless the caller sizes the steps. The browser rasterises a
 * canvas's drawing after the script that drew it; for five thousand records and their relations in one go that
 * took about a quarter of a second in one task here.
 */
export const SHAPES_PER_STEP = 600;

/**
 * Draws the graph onto a context the size of the canvas (in CSS pixels: large graphs are drawn at pixel ratio 1),
 * pausing (yielding) once a step holds its shapes: `firstStep` shapes, then as many as the caller passes to
 * `next()` ({@link SHAPES_PER_STEP} if it passes none). Edges first, one path per relation type (and step); then
 * nodes, one path per look (and step), filled and ringed. Returns how many nodes and edges were drawn: records
 * without a saved position, and relations to them, are left out.
 */
export function* sketchSteps(
  context: SketchContext,
  size: { width: number; height: number },
  { nodes, edges, positions, viewport }: SketchInput,
  firstStep = SHAPES_PER_STEP,
): Generator<void, { nodes: number; edges: number }, number | undefined> {
  const { zoom, pan } = viewport;
  context.clearRect(0, 0, size.width, size.height);
  // Shared by relations and records: a step ends (the generator pauses) once it has no room left.
  const step = { room: Math.max(1, firstStep) };

  const edgeCount = yield* paintInSteps(
    edges,
    step,
    (edge): SketchLine | null => {
      const from = positions.get(edge.from);
      const to = positions.get(edge.to);
      if (!from || !to) return null;
      const [x1, y1, x2, y2] = [from.x * zoom + pan.x, from.y * zoom + pan.y, to.x * zoom + pan.x, to.y * zoom + pan.y];
      return { type: edge.type, x1, y1, x2, y2 };
    },
    (line) => line.type,
    (lines) => {
      const look = EDGE_LOOKS[lines[0]!.type];
      const pattern = onScreenDashes(LINE_DASHES[look.line], zoom);
      context.lineWidth = EDGE_LINE.width * zoom;
      context.globalAlpha = EDGE_LINE.opacity * pattern.inkShare;
      context.setLineDash(pattern.dashes);
      context.strokeStyle = look.colour;
      context.beginPath();
      for (const { x1, y1, x2, y2 } of lines) {
        context.moveTo(x1, y1);
        context.lineTo(x2, y2);
      }
      context.stroke();
    },
  );
  context.setLineDash([]);
  context.globalAlpha = 1;

  const nodeCount = yield* paintInSteps(
    nodes,
    step,
    (node): SketchNode | null => {
      const position = positions.get(node.id);
      if (!position) return null;
      const { shape, colour, size: diameter } = nodeLook(node.kind, node.subtype, node.degree);
      const [x, y] = [position.x * zoom + pan.x, position.y * zoom + pan.y];
      return { shape, colour, x, y, radius: (diameter / 2) * zoom };
    },
    (point) => `${point.shape} ${point.colour}`,
    (points) => {
      context.lineWidth = NODE_BORDER.width * zoom;
      context.strokeStyle = NODE_BORDER.colour;
      context.fillStyle = points[0]!.colour;
      context.beginPath();
      for (const { shape, x, y, radius } of points) traceNode(context, shape, x, y, radius);
      context.fill();
      context.stroke();
    },
  );
  return { nodes: nodeCount, edges: edgeCount };
}

/**
 * A line pattern as the sketch draws it at `zoom`: its dashes and gaps in screen pixels, or, where one of them would
 * be under a pixel, a solid line at the pattern's share of ink. A browser rasterises dashes that short one by one,
 * to the same grey a fainter solid line gives: measured here, 456 dotted relations at zoom 0.22 (dots of 0.22
 * pixels) took 112 ms to rasterise, the same lines solid 0.6 ms. At a thousand records that was most of the
 * sketch's raster, and so of the time to the first paint.
 */
export function onScreenDashes(pattern: readonly number[], zoom: number): { dashes: number[]; inkShare: number } {
  if (pattern.length === 0 || Math.min(...pattern) * zoom >= 1) {
    return { dashes: pattern.map((length) => length * zoom), inkShare: 1 };
  }
  // Dashes are the even entries of a pattern, gaps the odd ones.
  const ink = pattern.reduce((sum, length, i) => (i % 2 === 0 ? sum + length : sum), 0);
  const period = pattern.reduce((sum, length) => sum + length, 0);
  return { dashes: [], inkShare: ink / period };
}

/** A relation as the sketch draws it: a straight line, in screen pixels. */
type SketchLine = { type: NetworkEdge['type']; x1: number; y1: number; x2: number; y2: number };
/** A record as the sketch draws it: its shape and colour, centred at (x, y), in screen pixels. */
type SketchNode = { shape: Shape; colour: string; x: number; y: number; radius: number };

/**
 * Paints the items in order, in steps that hold `step.room` shapes (the room carries over from relations to
 * records), pausing whenever a step is full; the next step holds what `next()` passes. Items `shapeOf` leaves out
 * (null) take no room. Within a step, shapes of one look (`lookOf`) are painted as one path. Across steps the items
 * keep their order, as Cytoscape draws elements in the order they were added. Returns how many were painted.
 */
function* paintInSteps<Item, Drawn>(
  items: readonly Item[],
  step: { room: number },
  shapeOf: (item: Item) => Drawn | null,
  lookOf: (shape: Drawn) => string,
  paint: (shapes: readonly Drawn[]) => void,
): Generator<void, number, number | undefined> {
  let painted = 0;
  for (let next = 0; next < items.length;) {
    const byLook = new Map<string, Drawn[]>();
    let taken = 0;
    while (next < items.length && taken < step.room) {
      const shape = shapeOf(items[next++]!);
      if (!shape) continue;
      const look = lookOf(shape);
      const group = byLook.get(look);
      if (group) group.push(shape);
      else byLook.set(look, [shape]);
      taken++;
    }
    for (const shapes of byLook.values()) paint(shapes);
    painted += taken;
    step.room -= taken;
    if (step.room === 0) {
      const shapes = yield;
      step.room = Math.max(1, Math.round(shapes ?? SHAPES_PER_STEP));
    }
  }
  return painted;
}

/** Draws the whole sketch at once (see {@link sketchSteps}). */
export function drawSketch(
  context: SketchContext,
  size: { width: number; height: number },
  input: SketchInput,
): { nodes: number; edges: number } {
  const steps = sketchSteps(context, size, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How long a step of the shown sketch should take (its script and the browser's rasterising of it). The first step
 * is small, as it also groups every relation and record by look; the next ones are sized by what the last took.
 */
const STEP_MS = 15;
const FIRST_STEP_SHAPES = 100;
const MIN_STEP_SHAPES = 50;
const MAX_STEP_SHAPES = 4000;

declare global {
  interface Window {
    /** When the first sketch was on screen (performance.now()), for the benchmark. */
    __atlasSketchPaintedAt?: number;
  }
}

/**
 * Shows the sketch of a graph on its canvas (laid over Cytoscape's) when the graph is drawn in the large style at
 * an unlabelled zoom and enough of its records have a saved position; otherwise hides any earlier sketch. Resolves
 * once the sketch is on screen, to whether one is shown.
 */
export async function showSketch(
  canvas: HTMLCanvasElement,
  size: { width: number; height: number },
  graph: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[]; positions: ReadonlyMap<string, Point> },
  { minPlacedShare }: { minPlacedShare: number },
): Promise<boolean> {
  const placed: Point[] = [];
  for (const node of graph.nodes) {
    const position = graph.positions.get(node.id);
    if (position) placed.push(position);
  }
  const viewport = fittedViewport(boxOf(placed), size.width, size.height);
  const wanted =
    viewport !== null &&
    viewport.zoom < LABEL_ZOOM &&
    graph.nodes.length + graph.edges.length > PERFORMANCE_THRESHOLD &&
    placed.length >= graph.nodes.length * minPlacedShare;
  const context = wanted ? canvas.getContext('2d') : null;
  const run = startRun(canvas);
  if (!viewport || !context) {
    hideSketch(canvas);
    return false;
  }
  // Drawn out of sight, in steps, then shown whole.
  canvas.hidden = true;
  // How each step is rasterised depends on it (see rasteriseNow); the app asked as it started.
  await whereCanvasesAreDrawnKnown();
  if (runs.get(canvas) !== run) return false;
  canvas.width = size.width;
  canvas.height = size.height;
  // The first rasterising of a canvas costs about 30 ms whatever is drawn (its backing store is made then,
  // measured): done now, in a task of its own, not added to the first step's.
  context.clearRect(0, 0, size.width, size.height);
  rasteriseNow(canvas);
  await nextTask();
  if (runs.get(canvas) !== run) return false;
  // Each step sized by what the last one took (its drawing and rasterising), so steps stay short on any machine.
  let shapes = FIRST_STEP_SHAPES;
  const steps = sketchSteps(context, size, { ...graph, viewport }, shapes);
  let drawn: { nodes: number; edges: number };
  for (;;) {
    const stepStart = performance.now();
    const step = steps.next(shapes);
    if (step.done) {
      drawn = step.value;
      break;
    }
    rasteriseNow(canvas);
    const took = Math.max(performance.now() - stepStart, 1);
    shapes = Math.min(MAX_STEP_SHAPES, Math.max(MIN_STEP_SHAPES, Math.round((shapes * STEP_MS) / took)));
    await nextTask();
    if (runs.get(canvas) !== run) return false;
  }
  // What it holds, for tests and the benchmark (which check the sketch is of the whole graph).
  canvas.dataset.nodes = String(drawn.nodes);
  canvas.dataset.edges = String(drawn.edges);
  canvas.hidden = false;
  await afterNextFrame();
  window.__atlasSketchPaintedAt ??= performance.now();
  return true;
}

/** The latest sketch started on each canvas: a newer one (or hiding it) stops an older one still drawing. */
const runs = new WeakMap<HTMLCanvasElement, number>();

function startRun(canvas: HTMLCanvasElement): number {
  const run = (runs.get(canvas) ?? 0) + 1;
  runs.set(canvas, run);
  return run;
}

/** Takes the sketch away (Cytoscape's drawing is there now, or the graph is drawn without one). */
export function hideSketch(canvas: HTMLCanvasElement): void {
  startRun(canvas);
  canvas.hidden = true;
}
