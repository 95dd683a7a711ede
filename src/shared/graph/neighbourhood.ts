/** Breadth-first neighbourhoods: the records within N relations of a start record. */
import type { EdgeType } from '../domain';
import type { GraphIndex, IndexedEdge } from './graphIndex';

/** The ids within `depth` relations of `start` (both directions), and the edges among them, up to `limit` nodes. */
export function neighbourhood(
  graph: GraphIndex,
  start: string,
  depth: number,
  options: { edgeTypes?: readonly EdgeType[]; limit?: number } = {},
): { nodeIds: string[]; edges: IndexedEdge[]; truncated: boolean } {
  const limit = options.limit ?? Infinity;
  const allowed = options.edgeTypes ? new Set(options.edgeTypes) : null;
  const seen = new Set<string>([start]);
  let frontier = [start];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of graph.edgesOf(id)) {
        if (allowed && !allowed.has(edge.type)) continue;
        const other = edge.from === id ? edge.to : edge.from;
        if (seen.has(other)) continue;
        if (seen.size >= limit) {
          truncated = true;
          break;
        }
        seen.add(other);
        next.push(other);
      }
      if (truncated) break;
    }
    frontier = next;
  }
  const edges: IndexedEdge[] = [];
  for (const id of seen) {
    for (const edge of graph.outEdges(id)) {
      if (seen.has(edge.to) && (!allowed || allowed.has(edge.type))) edges.push(edge);
    }
  }
  return { nodeIds: [...seen], edges, truncated };
}
