/**
 * A sketch of a large graph on a plain canvas, shown while Cytoscape builds the real one underneath.
 *
 * Cytoscape adds, styles and first draws a thousand records and their relations in over a second here, most of it
 * per element (its style engine and caches). The saved map needs none of that to be seen: every node at its saved
 * position with the shape, colour and size the stylesheet gives it, and every relation as the straight line a
 * large graph draws. The sketch draws that in short steps (its script a median of 17 ms for a thousand records
 * here, 47 ms for five thousand; the browser's rasterising of it about four times that), with the same look tables
 * and the same fitted viewport, so when Cytoscape's drawing replaces it nothing moves. It is only a picture: it takes the pointer and does nothing with it (a progress cursor) until
 * Cytoscape is ready. It is used only for graphs drawn in the large style, where Cytoscape shows no labels at the
 * fitted zoom either.
 */
import type { EdgeWithId } from '../../../../shared/api';
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
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
  edges: readonly EdgeWithId[];
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
 * Shapes (relations and records) per step of drawing. The browser rasterises a canvas's drawing after the script
 * that drew it; for five thousand records and their relations in one go that took about a quarter of a second in
 * one task here. In steps of this many, a step (its script and its rasterising) took 4 to 45 ms here (3 opens at
 * about a thousand and five thousand records); the first step, which also sorts every relation by type, up to 75 ms
 * at five thousand.
 */
export const SHAPES_PER_STEP = 600;

/**
 * Draws the graph onto a context the size of the canvas (in CSS pixels: large graphs are drawn at pixel ratio 1),
 * pausing (yielding) after every {@link SHAPES_PER_STEP} shapes. Edges first, one path per relation type (and
 * step); then nodes, one path per look (and step), filled and ringed. Returns how many nodes and
 * edges were drawn: records without a saved position, and relations to them, are left out.
 */
export function* sketchSteps(
  context: SketchContext,
  size: { width: number; height: number },
  { nodes, edges, positions, viewport }: SketchInput,
): Generator<void, { nodes: number; edges: number }> {
  const { zoom, pan } = viewport;
  const toScreen = (point: Point): Point => ({ x: point.x * zoom + pan.x, y: point.y * zoom + pan.y });
  context.clearRect(0, 0, size.width, size.height);

  const linesByType = new Map<EdgeWithId['type'], [Point, Point][]>();
  let edgeCount = 0;
  for (const edge of edges) {
    const from = positions.get(edge.from);
    const to = positions.get(edge.to);
    if (!from || !to) continue;
    const list = linesByType.get(edge.type);
    const line: [Point, Point] = [toScreen(from), toScreen(to)];
    if (list) list.push(line);
    else linesByType.set(edge.type, [line]);
    edgeCount++;
  }
  // Shared by relations and records: a step ends (the generator pauses) once it holds SHAPES_PER_STEP shapes.
  const step = { room: SHAPES_PER_STEP };
  yield* paintInSteps(linesByType, step, (type, lines) => {
    const look = EDGE_LOOKS[type];
    context.lineWidth = EDGE_LINE.width * zoom;
    context.globalAlpha = EDGE_LINE.opacity;
    context.setLineDash(LINE_DASHES[look.line].map((length) => length * zoom));
    context.strokeStyle = look.colour;
    context.beginPath();
    for (const [a, b] of lines) {
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
    }
    context.stroke();
  });
  context.setLineDash([]);
  context.globalAlpha = 1;

  const nodesByLook = new Map<string, { shape: Shape; colour: string; points: { at: Point; radius: number }[] }>();
  let nodeCount = 0;
  for (const node of nodes) {
    const position = positions.get(node.id);
    if (!position) continue;
    const look = nodeLook(node.kind, node.subtype, node.degree);
    const key = `${look.shape} ${look.colour}`;
    let group = nodesByLook.get(key);
    if (!group) nodesByLook.set(key, (group = { shape: look.shape, colour: look.colour, points: [] }));
    group.points.push({ at: toScreen(position), radius: (look.size / 2) * zoom });
    nodeCount++;
  }
  const looks = [...nodesByLook.values()].map((group) => [group, group.points] as const);
  yield* paintInSteps(looks, step, ({ shape, colour }, points) => {
    context.lineWidth = NODE_BORDER.width * zoom;
    context.strokeStyle = NODE_BORDER.colour;
    context.fillStyle = colour;
    context.beginPath();
    for (const { at, radius } of points) traceNode(context, shape, at.x, at.y, radius);
    context.fill();
    context.stroke();
  });
  return { nodes: nodeCount, edges: edgeCount };
}

/**
 * Paints each group's items in chunks that fill the current step (`step.room` shapes left), pausing whenever a step
 * is full; the room carries over from group to group.
 */
function* paintInSteps<Group, Item>(
  groups: Iterable<readonly [Group, readonly Item[]]>,
  step: { room: number },
  paint: (group: Group, items: readonly Item[]) => void,
): Generator<void> {
  for (const [group, items] of groups) {
    for (let next = 0; next < items.length;) {
      const chunk = items.slice(next, next + step.room);
      paint(group, chunk);
      next += chunk.length;
      step.room -= chunk.length;
      if (step.room === 0) {
        yield;
        step.room = SHAPES_PER_STEP;
      }
    }
  }
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
  graph: { nodes: readonly NetworkNode[]; edges: readonly EdgeWithId[]; positions: ReadonlyMap<string, Point> },
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
  canvas.width = size.width;
  canvas.height = size.height;
  const steps = sketchSteps(context, size, { ...graph, viewport });
  let drawn: { nodes: number; edges: number };
  for (;;) {
    const step = steps.next();
    if (step.done) {
      drawn = step.value;
      break;
    }
    rasteriseNow(canvas);
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
