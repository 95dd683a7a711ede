/** The messages between the network view and its layout worker. */

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

/** The worker's answer: a position per node id, or why it failed. */
export type LayoutResponse =
  { ok: true; positions: Record<string, { x: number; y: number }>; ms: number } | { ok: false; message: string };
