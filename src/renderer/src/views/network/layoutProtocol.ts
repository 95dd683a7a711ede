/** The messages between the network view and its layout worker. */

/** The length the force-directed layout gives a relation, and the space it keeps between records. */
export const IDEAL_EDGE_LENGTH = 90;

/** A node to lay out: its id, the box it needs (with its label, where labels are drawn), its place if known. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/** A relation to lay out, by its ends' ids. */
export interface LayoutEdge {
  source: string;
  target: string;
}

/** What a request asks besides the graph. */
export interface LayoutRequestOptions {
  /** Start from random positions (a fresh re-layout) instead of the known ones. */
  randomize: boolean;
  /**
   * Instead of the force-directed layout, arrange these few nodes for reading around `root` (readingLayouts.ts):
   * every node's position is known, and each box is the node's own, as drawn.
   */
  reading?: { kind: 'concentric' | 'breadthfirst'; root: string };
}

/**
 * A graph to lay out, as posted to the worker: the nodes' ids, and their numbers and the relations' ends in typed
 * arrays, handed over rather than copied. As an object per node and per relation, five thousand records and fifteen
 * thousand relations took the main thread 33 ms to copy into the message, and building them (a task of 37 ms) made
 * twenty thousand objects: V8's marking steps and then a full collection's final pause fell into that task once,
 * 138 ms of wall time in a trace.
 */
export interface LayoutRequest extends LayoutRequestOptions {
  ids: string[];
  /** Per node, in `ids`' order: width, height, x, y (x and y NaN where the place is not known). */
  boxes: Float64Array;
  /** Per relation: the indices in `ids` of its source and its target. */
  ends: Uint32Array;
}

/** Numbers per node in {@link LayoutRequest.boxes}. */
export const BOX_FIELDS = 4;

/** A request for these nodes and relations (relations with an end not among the nodes are left out). */
export function packRequest(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutRequestOptions,
): LayoutRequest {
  const boxes = new Float64Array(nodes.length * BOX_FIELDS);
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node.id, i);
    boxes.set([node.width, node.height, node.x ?? NaN, node.y ?? NaN], i * BOX_FIELDS);
  });
  const ends: number[] = [];
  for (const edge of edges) {
    const [source, target] = [index.get(edge.source), index.get(edge.target)];
    if (source !== undefined && target !== undefined) ends.push(source, target);
  }
  return { ...options, ids: nodes.map((node) => node.id), boxes, ends: Uint32Array.from(ends) };
}

/** The nodes and relations of a request, as objects (the worker's side). */
export function unpackRequest(request: LayoutRequest): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = request.ids.map((id, i) => {
    const [width, height, x, y] = request.boxes.subarray(i * BOX_FIELDS, (i + 1) * BOX_FIELDS);
    return Number.isNaN(x) || Number.isNaN(y)
      ? { id, width: width!, height: height! }
      : { id, width: width!, height: height!, x, y };
  });
  const edges: LayoutEdge[] = [];
  for (let i = 0; i + 1 < request.ends.length; i += 2) {
    edges.push({ source: request.ids[request.ends[i]!]!, target: request.ids[request.ends[i + 1]!]! });
  }
  return { nodes, edges };
}

/** The typed arrays of a request, to hand over to the worker with it. */
export function requestTransfer(request: LayoutRequest): ArrayBuffer[] {
  return [request.boxes.buffer as ArrayBuffer, request.ends.buffer as ArrayBuffer];
}

/**
 * The worker's answer: each requested node's position, x then y, in the request's order (a typed array handed
 * over, not copied: five thousand positions as an object of objects took the main thread 19 to 54 ms to read), or
 * why it failed.
 */
export type LayoutResponse = { ok: true; places: Float64Array; ms: number } | { ok: false; message: string };

/** The positions in an answer's `places`, by the id of the node each belongs to. */
export function positionsOf(request: LayoutRequest, places: Float64Array): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  request.ids.forEach((id, i) => {
    positions[id] = { x: places[2 * i]!, y: places[2 * i + 1]! };
  });
  return positions;
}
