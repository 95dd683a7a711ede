import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { drawSketch, onScreenDashes, SHAPES_PER_STEP, sketchSteps, type SketchContext } from './graphSketch';
import { EDGE_LINE, EDGE_LOOKS, LINE_DASHES, NODE_BORDER, nodeLook } from './graphStyle';

/** One fill or stroke: the path it painted and the state it painted with. */
type Paint = {
  op: 'fill' | 'stroke';
  style: unknown;
  lineWidth: number;
  alpha: number;
  dash: number[];
  moves: [number, number][];
  arcs: [number, number, number][];
  lines: [number, number][];
};

/** A 2D context that records what is painted instead of painting it. */
function recordingContext() {
  const paints: Paint[] = [];
  let path = {
    moves: [] as [number, number][],
    arcs: [] as [number, number, number][],
    lines: [] as [number, number][],
  };
  let dash: number[] = [];
  const context = {
    globalAlpha: 1,
    lineWidth: 1,
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    clearRect: () => undefined,
    beginPath: () => {
      path = { moves: [], arcs: [], lines: [] };
    },
    moveTo: (x: number, y: number) => void path.moves.push([x, y]),
    lineTo: (x: number, y: number) => void path.lines.push([x, y]),
    closePath: () => undefined,
    arc: (x: number, y: number, radius: number) => void path.arcs.push([x, y, radius]),
    roundRect: (x: number, y: number, w: number) => void path.arcs.push([x + w / 2, y + w / 2, w / 2]),
    setLineDash: (segments: number[]) => {
      dash = [...segments];
    },
    fill() {
      paints.push({
        op: 'fill',
        style: this.fillStyle,
        lineWidth: this.lineWidth,
        alpha: this.globalAlpha,
        dash,
        ...path,
      });
    },
    stroke() {
      paints.push({
        op: 'stroke',
        style: this.strokeStyle,
        lineWidth: this.lineWidth,
        alpha: this.globalAlpha,
        dash,
        ...path,
      });
    },
  };
  return { context: context as unknown as SketchContext, paints };
}

const node = (id: string, kind: NetworkNode['kind'], subtype: string | null, degree: number): NetworkNode => ({
  id,
  kind,
  name: id,
  status: 'active',
  subtype,
  stale: false,
  degree,
});

const edge = (from: string, type: NetworkEdge['type'], to: string): NetworkEdge => ({
  id: `${from} ${type} ${to}`,
  from,
  type,
  to,
});

const nodes = [
  node('actor:shelter', 'actor', 'shelter', 40),
  node('actor:ngo', 'actor', 'ngo', 2),
  node('service:bed', 'service', null, 1),
  node('actor:unplaced', 'actor', 'ngo', 1),
];
const edges = [
  edge('actor:shelter', 'offers', 'service:bed'),
  edge('actor:shelter', 'partners_with', 'actor:ngo'),
  edge('actor:ngo', 'funds', 'actor:shelter'),
  edge('actor:ngo', 'partners_with', 'actor:unplaced'),
];
const positions = new Map([
  ['actor:shelter', { x: 10, y: 20 }],
  ['actor:ngo', { x: 110, y: 20 }],
  ['service:bed', { x: 10, y: 220 }],
]);
const viewport = { zoom: 0.5, pan: { x: 100, y: 50 } };

describe('drawSketch', () => {
  it('draws the placed records and the relations between them, and says how many', () => {
    const { context } = recordingContext();
    const drawn = drawSketch(context, { width: 800, height: 600 }, { nodes, edges, positions, viewport });
    // The record without a saved position is left out, and so is its relation.
    expect(drawn).toEqual({ nodes: 3, edges: 3 });
  });

  it('puts each record where the viewport shows it, with the shape, colour and size of its look', () => {
    const { context, paints } = recordingContext();
    drawSketch(context, { width: 800, height: 600 }, { nodes, edges, positions, viewport });
    const fills = paints.filter((paint) => paint.op === 'fill');
    const shelter = nodeLook('actor', 'shelter', 40);
    expect(fills).toContainEqual(
      expect.objectContaining({
        style: shelter.colour,
        arcs: [[10 * 0.5 + 100, 20 * 0.5 + 50, (shelter.size / 2) * 0.5]],
      }),
    );
    const service = nodeLook('service', null, 1);
    expect(fills).toContainEqual(
      expect.objectContaining({ style: service.colour, arcs: [[105, 160, (service.size / 2) * 0.5]] }),
    );
    // Every fill is ringed like Cytoscape's nodes, scaled by the zoom.
    const rings = paints.filter((paint) => paint.op === 'stroke' && paint.style === NODE_BORDER.colour);
    expect(rings).toHaveLength(fills.length);
    for (const ring of rings) expect(ring.lineWidth).toBe(NODE_BORDER.width * 0.5);
  });

  it('strokes each relation type once, in its colour and line pattern, under the nodes', () => {
    const { context, paints } = recordingContext();
    drawSketch(context, { width: 800, height: 600 }, { nodes, edges, positions, viewport });
    const lines = paints.filter((paint) => paint.op === 'stroke' && paint.style !== NODE_BORDER.colour);
    expect(lines.map((paint) => paint.style).sort()).toEqual(
      [EDGE_LOOKS.offers.colour, EDGE_LOOKS.partners_with.colour, EDGE_LOOKS.funds.colour].sort(),
    );
    const partners = lines.find((paint) => paint.style === EDGE_LOOKS.partners_with.colour)!;
    // Only the relation between two placed records: from the shelter to the NGO, centre to centre.
    expect(partners.moves).toEqual([[105, 60]]);
    expect(partners.lines).toEqual([[155, 60]]);
    expect(partners).toMatchObject({ lineWidth: EDGE_LINE.width * 0.5, alpha: EDGE_LINE.opacity, dash: [] });
    // Funding is dotted; its dots would be half a pixel, so it is a solid line with half the ink.
    expect(lines.find((paint) => paint.style === EDGE_LOOKS.funds.colour)).toMatchObject({
      dash: [],
      alpha: EDGE_LINE.opacity * 0.5,
    });
    // Lines come before any node, so nodes are drawn over them.
    const firstFill = paints.findIndex((paint) => paint.op === 'fill');
    for (const line of lines) expect(paints.indexOf(line)).toBeLessThan(firstFill);
  });

  it('draws a line pattern in screen pixels, or solid at its share of ink where a dash or gap is under a pixel', () => {
    // Dashed is [6, 3]: at zoom 0.5 the gaps are 1.5 pixels, at 0.25 three quarters of one.
    expect(onScreenDashes(LINE_DASHES.dashed, 0.5)).toEqual({ dashes: [3, 1.5], inkShare: 1 });
    expect(onScreenDashes(LINE_DASHES.dashed, 0.25)).toEqual({ dashes: [], inkShare: 6 / 9 });
    expect(onScreenDashes(LINE_DASHES.dotted, 2)).toEqual({ dashes: [2, 2], inkShare: 1 });
    expect(onScreenDashes(LINE_DASHES.dotted, 0.7)).toEqual({ dashes: [], inkShare: 0.5 });
    expect(onScreenDashes(LINE_DASHES.solid, 0.1)).toEqual({ dashes: [], inkShare: 1 });
  });

  it('draws a large graph in steps of SHAPES_PER_STEP shapes, relations and records alike', () => {
    const { context, paints } = recordingContext();
    // One more relation than a step holds, all of one type, between records placed on a line.
    const many = Array.from({ length: SHAPES_PER_STEP + 2 }, (_, i) => node(`actor:n${i}`, 'actor', 'ngo', 1));
    const placedMany = new Map(many.map((record, i) => [record.id, { x: i, y: 0 }]));
    const lines = many.slice(1).map((record, i) => edge(many[i]!.id, 'partners_with', record.id));
    const steps = sketchSteps(
      context,
      { width: 800, height: 600 },
      {
        nodes: many,
        edges: lines,
        positions: placedMany,
        viewport: { zoom: 1, pan: { x: 0, y: 0 } },
      },
    );
    // How many paints were made at each pause.
    const paintedAtPauses: number[] = [];
    let step = steps.next();
    while (!step.done) {
      paintedAtPauses.push(paints.length);
      step = steps.next();
    }
    expect(step.value).toEqual({ nodes: SHAPES_PER_STEP + 2, edges: SHAPES_PER_STEP + 1 });
    const strokes = paints.filter((paint) => paint.op === 'stroke' && paint.style === EDGE_LOOKS.partners_with.colour);
    expect(strokes.map((paint) => paint.moves.length)).toEqual([SHAPES_PER_STEP, 1]);
    // Both steps keep the relation type's look.
    for (const stroke of strokes)
      expect(stroke).toMatchObject({ lineWidth: EDGE_LINE.width, alpha: EDGE_LINE.opacity });
    const fills = paints.filter((paint) => paint.op === 'fill');
    // The first fill fills what the step of the last relation left room for.
    expect(fills.map((paint) => paint.arcs.length)).toEqual([SHAPES_PER_STEP - 1, 3]);
    // A pause once a step is full: after the first stroke, then after the next stroke and the first fill and ring.
    expect(paintedAtPauses).toEqual([1, 4]);
  });

  it('sizes each step as the caller says: the first by argument, the next ones through next()', () => {
    const { context, paints } = recordingContext();
    const many = Array.from({ length: 30 }, (_, i) => node(`actor:n${i}`, 'actor', 'ngo', 1));
    const placedMany = new Map(many.map((record, i) => [record.id, { x: i, y: 0 }]));
    const lines = many.slice(1).map((record, i) => edge(many[i]!.id, 'partners_with', record.id));
    const input = { nodes: many, edges: lines, positions: placedMany, viewport: { zoom: 1, pan: { x: 0, y: 0 } } };
    const steps = sketchSteps(context, { width: 800, height: 600 }, input, 4);
    // Steps of 4 shapes, then 10, then 25 for the rest (29 relations, then 30 records).
    const sizes = [10, 25, 25, 25];
    let step = steps.next();
    while (!step.done) step = steps.next(sizes.shift());
    expect(step.value).toEqual({ nodes: 30, edges: 29 });
    const strokes = paints.filter((paint) => paint.op === 'stroke' && paint.style === EDGE_LOOKS.partners_with.colour);
    expect(strokes.map((paint) => paint.moves.length)).toEqual([4, 10, 15]);
    const fills = paints.filter((paint) => paint.op === 'fill');
    expect(fills.map((paint) => paint.arcs.length)).toEqual([10, 20]);
  });
});
