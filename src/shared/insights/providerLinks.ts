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

/** Reads the `offers` and `meets` relations of a graph. */
export function providerLinks(graph: GraphIndex): ProviderLinks {
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
