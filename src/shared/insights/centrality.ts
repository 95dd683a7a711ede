/**
 * Centrality of the partner network: degree, betweenness (Brandes), closeness and PageRank, on the typed arrays of
 * a {@link PartnerNetwork}. Betweenness and closeness come from one breadth-first sweep per source, so the two
 * quadratic measures cost one pass; above a size limit the sweep runs from a sample of sources (Brandes and Pich's
 * pivot estimate) and says so.
 */
import type { PartnerNetwork } from './partnerNetwork';

/** The centrality measures the app ranks by. */
export const CENTRALITY_MEASURES = ['degree', 'betweenness', 'closeness', 'pagerank'] as const;
/** One of {@link CENTRALITY_MEASURES}. */
export type CentralityMeasure = (typeof CENTRALITY_MEASURES)[number];

/** Every measure for every node, indexed like the network's ids; each normalised to [0, 1] the usual way. */
export interface CentralityScores {
  /** Distinct partners / (n - 1). */
  degree: Float64Array;
  /** Share of shortest paths between other pairs that pass through the node: raw / ((n-1)(n-2)/2). */
  betweenness: Float64Array;
  /** Wasserman–Faust closeness: reach-weighted inverse mean distance, so small components do not look central. */
  closeness: Float64Array;
  /** PageRank (damping 0.85) over the directed arcs; sums to 1. */
  pagerank: Float64Array;
  /** How many sources the betweenness/closeness sweep used: n when exact. */
  sources: number;
  /** Whether betweenness and closeness are exact (every source) or estimated from a sample of sources. */
  exact: boolean;
}

/** Options of {@link computeCentrality}. */
export interface CentralityOptions {
  /** Up to this many actors the sweep is exact; above it, it samples `sampleSources` sources. Default 2 500. */
  exactLimit?: number;
  /** Sources sampled above the exact limit. Default 256. */
  sampleSources?: number;
}

/** Computes every measure for every node of a network. */
export function computeCentrality(network: PartnerNetwork, options: CentralityOptions = {}): CentralityScores {
  const n = network.ids.length;
  const exactLimit = options.exactLimit ?? 2_500;
  const sources = n <= exactLimit ? n : Math.min(n, options.sampleSources ?? 256);
  const sweep = shortestPathSweep(network, sources);
  return {
    degree: degreeCentrality(network),
    betweenness: sweep.betweenness,
    closeness: sweep.closeness,
    pagerank: pageRank(network),
    sources,
    exact: sources === n,
  };
}

/** Distinct partners of each node over n - 1. */
export function degreeCentrality(network: PartnerNetwork): Float64Array {
  const n = network.ids.length;
  const result = new Float64Array(n);
  const scale = n > 1 ? 1 / (n - 1) : 0;
  for (let v = 0; v < n; v++) result[v] = (network.offsets[v + 1]! - network.offsets[v]!) * scale;
  return result;
}

/**
 * Brandes' betweenness and Wasserman–Faust closeness in one sweep of breadth-first searches. With `sources` < n the
 * sources are spread evenly over the node numbers and betweenness is scaled by n / sources (an unbiased estimate);
 * closeness is exact for the sampled sources and estimated for the others from their distances to the sources.
 */
export function shortestPathSweep(
  network: PartnerNetwork,
  sources = network.ids.length,
): { betweenness: Float64Array; closeness: Float64Array } {
  const { offsets, targets } = network;
  const n = network.ids.length;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const reachedBy = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  // Each node's predecessors (neighbours one step closer to the source), stored in its own slice of the adjacency
  // layout: the dependency pass then reads only them instead of rescanning every neighbour.
  const predecessors = new Int32Array(targets.length);
  const predecessorCount = new Int32Array(n);
  const sampled = sources < n;
  for (let k = 0; k < sources; k++) {
    const s = sampled ? Math.floor((k * n) / sources) : k;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let sum = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const dv = dist[v]!;
      sum += dv;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        if (dist[w]! < 0) {
          dist[w] = dv + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dv + 1) {
          sigma[w]! += sigma[v]!;
          predecessors[offsets[w]! + predecessorCount[w]!++] = v;
        }
      }
    }
    if (!sampled) closeness[s] = wassermanFaust(sum, tail, n);
    // Dependencies in reverse BFS order.
    for (let i = tail - 1; i > 0; i--) {
      const w = queue[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let e = offsets[w]!, end = e + predecessorCount[w]!; e < end; e++) {
        const v = predecessors[e]!;
        delta[v]! += sigma[v]! * coefficient;
      }
      betweenness[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = queue[i]!;
      if (sampled) {
        distanceSum[v]! += dist[v]!;
        reachedBy[v]!++;
      }
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      predecessorCount[v] = 0;
    }
  }
  // Each undirected path is counted from both ends; normalise by the (n-1)(n-2)/2 pairs of other nodes.
  const pairs = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
  const scale = (sampled ? n / sources : 1) / 2 / pairs;
  for (let v = 0; v < n; v++) betweenness[v]! *= scale;
  if (sampled) {
    for (let v = 0; v < n; v++) {
      const reach = (reachedBy[v]! * n) / sources;
      closeness[v] = reachedBy[v]! > 1 ? wassermanFaust((distanceSum[v]! * n) / sources, reach, n) : 0;
    }
  }
  return { betweenness, closeness };
}

/** Closeness of a node that reaches `reached` nodes (itself included) at total distance `sum`, in a graph of n. */
function wassermanFaust(sum: number, reached: number, n: number): number {
  if (sum <= 0 || n <= 1) return 0;
  const others = reached - 1;
  return (others / sum) * (others / (n - 1));
}

/** PageRank by power iteration over the directed arcs; dangling nodes spread their rank evenly. */
export function pageRank(network: PartnerNetwork, damping = 0.85, tolerance = 1e-6, maxIterations = 100): Float64Array {
  const { arcOffsets, arcTargets } = network;
  const n = network.ids.length;
  let rank = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    next.fill(0);
    for (let v = 0; v < n; v++) {
      const start = arcOffsets[v]!;
      const out = arcOffsets[v + 1]! - start;
      if (out === 0) {
        dangling += rank[v]!;
        continue;
      }
      const share = rank[v]! / out;
      for (let e = start; e < start + out; e++) next[arcTargets[e]!]! += share;
    }
    const base = (1 - damping + damping * dangling) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      const value = base + damping * next[v]!;
      change += Math.abs(value - rank[v]!);
      next[v] = value;
    }
    [rank, next] = [next, rank];
    if (change < n * tolerance) break;
  }
  return rank;
}
