/**
 * Who offers which service and which needs each service meets, gathered in one pass over the edges: coverage and
 * the verification queue read these for every service, and one pass costs far less than tens of thousands of
 * per-record adjacency lookups on a 10k-actor graph.
 */
import type { GraphIndex } from '../graph/graphIndex';

/** The `offers` and `meets` relations of a graph, by record id. */
export interface ProviderLinks {
  /** Service id → the ids of the needs it meets. */
  needsOf: Map<string, string[]>;
  /** Actor id → the ids of the services it offers. */
  servicesOf: Map<string, string[]>;
  /** Service id → the ids of the actors offering it. */
  ownersOf: Map<string, string[]>;
}

// Coverage and the queue both read these for the same revision of the graph: read the edges once per revision.
const cached = new WeakMap<GraphIndex, { revision: number; links: ProviderLinks }>();

/** Reads the `offers` and `meets` relations of a graph (once per revision of it; the result must not be changed). */
export function providerLinks(graph: GraphIndex): ProviderLinks {
  const hit = cached.get(graph);
  if (hit?.revision === graph.revision) return hit.links;
  const links = readProviderLinks(graph);
  cached.set(graph, { revision: graph.revision, links });
  return links;
}

function readProviderLinks(graph: GraphIndex): ProviderLinks {
  const needsOf = new Map<string, string[]>();
  const servicesOf = new Map<string, string[]>();
  const ownersOf = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const edge of graph.allEdges()) {
    if (edge.type === 'meets') add(needsOf, edge.from, edge.to);
    else if (edge.type === 'offers') {
      add(servicesOf, edge.from, edge.to);
      add(ownersOf, edge.to, edge.from);
    }
  }
  return { needsOf, servicesOf, ownersOf };
}
