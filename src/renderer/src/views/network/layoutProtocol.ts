/** The messages between the network view and its layout worker. */

/** The length the force-directed layout gives a relation, and the space it keeps between records. */
export const IDEAL_EDGE_LENGTH = 90;

/**
 * A graph to lay out: ids, the box each node needs (with its label, where labels are drawn) and the positions already
 * known (kept as a starting point, not pinned).
 */
export interface LayoutRequest {
  nodes: { id: string; width: number; height: number; x?: number; y?: number }[];
  edges: { source: string; target: string }[];
  /** Start from random positions (a fresh re-layout) instead of the known ones. */
  randomize: boolean;
  /**
   * Instead of the force-directed layout, arrange these few nodes for reading around `root` (readingLayouts.ts):
   * every node's position is known, and each box is the node's own, as drawn.
   */
  reading?: { kind: 'concentric' | 'breadthfirst'; root: string };
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
  request.nodes.forEach((node, i) => {
    positions[node.id] = { x: places[2 * i]!, y: places[2 * i + 1]! };
  });
  return positions;
}
