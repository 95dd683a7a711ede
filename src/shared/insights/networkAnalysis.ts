/**
 * One analysis of the partner network: its arrays, every centrality measure, the communities and the articulation
 * points, computed together because communities are named by centrality and failures ranked by both.
 */
import type { ActorType } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { articulationPoints, type ArticulationPoint } from './articulationPoints';
import { computeCentrality, type CentralityMeasure, type CentralityOptions, type CentralityScores } from './centrality';
import { detectCommunities, type CommunityAssignment } from './communities';
import { partnerNetwork, type PartnerNetwork, type PartnerNetworkOptions } from './partnerNetwork';

/** The partner network with its centrality, communities and articulation points. */
export interface NetworkAnalysis {
  network: PartnerNetwork;
  scores: CentralityScores;
  communities: CommunityAssignment;
  articulation: ArticulationPoint[];
  /** How many connected components the network has (isolated actors count as one each). */
  components: number;
}

/** Analyses the partner network of a graph. */
export function analyseNetwork(
  graph: GraphIndex,
  options: PartnerNetworkOptions & { centrality?: CentralityOptions } = {},
): NetworkAnalysis {
  const network = partnerNetwork(graph, options);
  const scores = computeCentrality(network, options.centrality);
  return {
    network,
    scores,
    communities: detectCommunities(network, scores.pagerank),
    articulation: articulationPoints(network),
    components: countComponents(network),
  };
}

/** One actor's line in the ranked centrality table. */
export interface CentralityRow {
  id: string;
  name: string;
  actorType: ActorType;
  regions: string[];
  /** Distinct partners. */
  partners: number;
  degree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  /** Its community's index (0 = the largest). */
  community: number;
}

/** The actors ranked by a measure (ties by name), optionally only those of one actor type. */
export function rankActors(
  graph: GraphIndex,
  analysis: NetworkAnalysis,
  options: { measure: CentralityMeasure; actorType?: ActorType },
): CentralityRow[] {
  const { network, scores, communities } = analysis;
  const rows: CentralityRow[] = [];
  network.ids.forEach((id, v) => {
    const actor = graph.node(id);
    if (actor?.kind !== 'actor') return;
    if (options.actorType && actor.actorType !== options.actorType) return;
    rows.push({
      id,
      name: actor.name,
      actorType: actor.actorType,
      regions: actor.regions,
      partners: network.offsets[v + 1]! - network.offsets[v]!,
      degree: scores.degree[v]!,
      betweenness: scores.betweenness[v]!,
      closeness: scores.closeness[v]!,
      pagerank: scores.pagerank[v]!,
      community: communities.of[v]!,
    });
  });
  const measure = options.measure;
  return rows.sort((a, b) => b[measure] - a[measure] || a.name.localeCompare(b.name));
}

/** Each node's rank percentile under a score: 1 for the highest, 0 for the lowest (ties share the better rank). */
export function percentiles(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const result = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const v = order[i]!;
    const next = order[i + 1];
    result[v] = next !== undefined && values[next] === values[v] ? result[next]! : n > 1 ? i / (n - 1) : 1;
  }
  return result;
}

function countComponents(network: PartnerNetwork): number {
  const n = network.ids.length;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    components++;
    let top = 0;
    stack[top++] = root;
    seen[root] = 1;
    while (top > 0) {
      const v = stack[--top]!;
      for (let e = network.offsets[v]!; e < network.offsets[v + 1]!; e++) {
        const w = network.targets[e]!;
        if (!seen[w]) {
          seen[w] = 1;
          stack[top++] = w;
        }
      }
    }
  }
  return components;
}
