/**
 * Communities of the partner network by Louvain modularity (graphology-communities-louvain), made deterministic
 * with a seeded random source, numbered largest first and named after their most central member.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../synthetic/random';
import type { PartnerNetwork } from './partnerNetwork';

/** A cluster of partners that work more with each other than with the rest. */
export interface Community {
  /** 0 is the largest community. */
  index: number;
  /** The id and name of its most central member, after whom it is named. */
  leadId: string;
  size: number;
}

/** Each node's community (by node number) and the communities, largest first. */
export interface CommunityAssignment {
  of: Int32Array;
  communities: Community[];
  /** Newman's modularity of the partition (0 for a graph with no links). */
  modularity: number;
}

/** Detects communities; `importance` (e.g. PageRank) picks each community's lead, ties broken by id. */
export function detectCommunities(network: PartnerNetwork, importance: Float64Array, seed = 1): CommunityAssignment {
  const n = network.ids.length;
  const graph = new UndirectedGraph();
  const keys = Array.from({ length: n }, (_, v) => String(v));
  for (let v = 0; v < n; v++) graph.addNode(keys[v]!);
  // Numbered edge keys spare graphology generating one per edge; node keys are made once, not once per link end.
  let edge = 0;
  for (let v = 0; v < n; v++) {
    for (let e = network.offsets[v]!; e < network.offsets[v + 1]!; e++) {
      const w = network.targets[e]!;
      if (v < w) graph.addUndirectedEdgeWithKey(edge++, keys[v]!, keys[w]!);
    }
  }
  const detailed = network.linkCount > 0 ? louvain.detailed(graph, { rng: seededRandom(seed).next }) : null;
  const raw = new Int32Array(n);
  for (let v = 0; v < n; v++) raw[v] = detailed ? detailed.communities[keys[v]!]! : v;
  // Renumber by size (largest first), ties by the smallest member, so colours and names are stable.
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const list = members.get(raw[v]!);
    if (list) list.push(v);
    else members.set(raw[v]!, [v]);
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const of = new Int32Array(n);
  const communities: Community[] = groups.map((group, index) => {
    let lead = group[0]!;
    for (const v of group) {
      if (
        importance[v]! > importance[lead]! ||
        (importance[v] === importance[lead] && network.ids[v]! < network.ids[lead]!)
      ) {
        lead = v;
      }
      of[v] = index;
    }
    return { index, leadId: network.ids[lead]!, size: group.length };
  });
  return { of, communities, modularity: detailed?.modularity ?? 0 };
}
