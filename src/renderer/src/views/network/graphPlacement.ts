/** Where records go on the canvas when they have no saved place: beside their neighbours, or by the layout worker. */
import type { Core } from 'cytoscape';
import { boxOf, type Point } from './graphElements';
import { visitInSlices } from './frames';
import { BOX_FIELDS, IDEAL_EDGE_LENGTH, type LayoutRequest } from './layoutProtocol';

/** Spacing of records placed around one centre: the golden angle, so none lands on another. */
const GOLDEN_ANGLE = 2.399963;
const RING_RADIUS = 70;

/**
 * Places for records without one (a cheap, stable alternative to a full layout): around the centre of their placed
 * neighbours, or, with none, in a column to the right of the placed graph.
 */
export function placesNearNeighbours(cy: Core, ids: readonly string[]): Record<string, Point> {
  const placed: Record<string, Point> = {};
  const pending = new Set(ids);
  // Measured only for a record with no placed neighbour (every node's box: milliseconds at thousands of records).
  let extent: { x1: number; x2: number; y1: number } | undefined;
  const placedExtent = () =>
    (extent ??= cy
      .nodes()
      .filter((node) => !pending.has(node.id()))
      .boundingBox());
  ids.forEach((id, i) => {
    const anchors = cy
      .getElementById(id)
      .neighborhood()
      .nodes()
      .filter((other) => !pending.has(other.id()));
    const angle = (i * GOLDEN_ANGLE) % (2 * Math.PI);
    let centre: Point;
    if (anchors.nonempty()) {
      let sumX = 0;
      let sumY = 0;
      anchors.forEach((other) => {
        sumX += other.position('x');
        sumY += other.position('y');
      });
      centre = { x: sumX / anchors.length, y: sumY / anchors.length };
    } else {
      const { x1, x2, y1 } = placedExtent();
      centre = Number.isFinite(x1) ? { x: x2 + 120, y: y1 + (i % 20) * 60 } : { x: 0, y: 0 };
    }
    placed[id] = { x: centre.x + Math.cos(angle) * RING_RADIUS, y: centre.y + Math.sin(angle) * RING_RADIUS };
  });
  return placed;
}

/** Spacing of the placeholder grid: the layout's ideal edge length. */
const GRID_SPACING = IDEAL_EDGE_LENGTH;

/**
 * Places for records waiting for a full layout in the worker: a square grid, in the order given, to the right of the
 * records already placed, or centred on the origin when none is. The view draws the records there from the start
 * (and sketches them there) until the worker's positions come: a full layout takes seconds at a thousand records and
 * half a minute at five thousand. Laying the grid out after the records were added, with Cytoscape's grid layout, moved
 * every record in one task and had Cytoscape measure every label and draw every record again in the next frame (0.4
 * and 0.8 s at a thousand records, in a trace).
 */
export function placeholderGrid(ids: readonly string[], placed: readonly Point[]): Map<string, Point> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const rows = Math.ceil(ids.length / columns);
  const extent = boxOf(placed);
  const corner = extent
    ? { x: extent.x2 + 2 * GRID_SPACING, y: extent.y1 }
    : { x: (-(columns - 1) * GRID_SPACING) / 2, y: (-(rows - 1) * GRID_SPACING) / 2 };
  return new Map(
    ids.map((id, i) => [
      id,
      { x: corner.x + (i % columns) * GRID_SPACING, y: corner.y + Math.floor(i / columns) * GRID_SPACING },
    ]),
  );
}

/**
 * What the worker needs to lay out the drawn graph. Positions of the `keep` ids are sent as a starting point (so
 * the user's map survives); every other node starts fresh. With nothing kept the layout starts from random. Where
 * labels are drawn, a node's box takes in its label, so the layout keeps names from running into each other.
 *
 * Written straight into the request's typed arrays (layoutProtocol.ts), in slices (`visitInSlices`): at five
 * thousand records and fifteen thousand relations it was one task of 37 ms that made an object per node and per
 * relation. Resolves to null once `superseded()` says the layout is no longer wanted, or the instance is destroyed.
 * Relations whose end went meanwhile are left out; the answer's places for records that went are not used.
 */
export async function layoutRequestInSlices(
  cy: Core,
  keep: ReadonlySet<string>,
  labels: boolean,
  superseded: () => boolean,
): Promise<LayoutRequest | null> {
  const stop = () => superseded() || cy.destroyed();
  const nodes = cy.nodes().toArray();
  const ids: string[] = [];
  const index = new Map<string, number>();
  const boxes = new Float64Array(nodes.length * BOX_FIELDS);
  const nodesDone = await visitInSlices(
    nodes,
    (node) => {
      const id = node.id();
      const box = labels ? node.boundingBox({ includeLabels: true, includeOverlays: false }) : null;
      const place = keep.has(id) ? node.position() : { x: NaN, y: NaN };
      boxes.set([box ? box.w : node.width(), box ? box.h : node.height(), place.x, place.y], ids.length * BOX_FIELDS);
      index.set(id, ids.length);
      ids.push(id);
    },
    stop,
    REQUEST_CHUNK,
  );
  if (nodesDone !== true || stop()) return null;
  const edges = cy.edges().toArray();
  const ends = new Uint32Array(edges.length * 2);
  let written = 0;
  const edgesDone = await visitInSlices(
    edges,
    (edge) => {
      // The ends' ids from the edge's data: source() and target() make a collection each (half of the request's
      // time, in a profile).
      const source = index.get(edge.data('source') as string);
      const target = index.get(edge.data('target') as string);
      if (source === undefined || target === undefined) return;
      ends[written++] = source;
      ends[written++] = target;
    },
    stop,
    REQUEST_CHUNK,
  );
  if (edgesDone !== true || stop()) return null;
  return { randomize: keep.size === 0, ids, boxes, ends: written === ends.length ? ends : ends.slice(0, written) };
}

/** Elements a request's slice handles between two looks at the clock. */
const REQUEST_CHUNK = 100;
