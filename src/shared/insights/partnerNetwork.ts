/**
 * The partner network as compact arrays: actors are numbered 0..n-1 and their links held in CSR form (offsets into
 * one targets array), so the centrality sweeps over 10k actors run on typed arrays rather than maps and strings.
 */
import { anyRegionCovers, regionCovers, type RegionCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';

/** Which actors and relations make up the partner network. */
export interface PartnerNetworkOptions {
  /** Keep only actors serving this region: in it, inside it, or above it (a state-wide partner serves a county). */
  region?: RegionCode;
  /** Also count `refers_to` relations: as links for the structural measures and as directed arcs for PageRank. */
  includeReferrals?: boolean;
}

/** Actors and their links: undirected adjacency for structure, directed arcs for PageRank. */
export interface PartnerNetwork {
  /** Actor ids; an actor's position here is its node number. */
  ids: string[];
  /** Undirected adjacency: the neighbours of node v are `targets[offsets[v] .. offsets[v+1])`, each listed once. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Directed arcs (a partnership both ways, a referral from referrer to referred) in the same CSR form. */
  arcOffsets: Int32Array;
  arcTargets: Int32Array;
  /** How many distinct undirected links there are. */
  linkCount: number;
}

/** Whether an actor serving `served` regions belongs to the network of `wanted`: in, inside or above it. */
export function servesRegion(served: readonly RegionCode[], wanted: RegionCode): boolean {
  return anyRegionCovers(served, wanted) || served.some((region) => regionCovers(wanted, region));
}

/** The partner network of the active actors of a graph. */
export function partnerNetwork(graph: GraphIndex, options: PartnerNetworkOptions = {}): PartnerNetwork {
  const ids: string[] = [];
  for (const actor of graph.nodesOfKind('actor')) {
    if (actor.status !== 'active') continue;
    if (options.region && !servesRegion(actor.regions, options.region)) continue;
    ids.push(actor.id);
  }
  ids.sort();
  const position = new Map(ids.map((id, i) => [id, i]));
  const links: [number, number][] = [];
  const arcs: [number, number][] = [];
  for (const edge of graph.allEdges()) {
    const isPartnership = edge.type === 'partners_with';
    if (!isPartnership && !(options.includeReferrals && edge.type === 'refers_to')) continue;
    const a = position.get(edge.from);
    const b = position.get(edge.to);
    if (a === undefined || b === undefined) continue;
    links.push([a, b]);
    arcs.push([a, b]);
    if (isPartnership) arcs.push([b, a]);
  }
  return networkFromLinks(ids, links, arcs);
}

/** A network from numbered links (undirected, duplicates and self-links dropped) and, optionally, directed arcs. */
export function networkFromLinks(
  ids: string[],
  links: readonly (readonly [number, number])[],
  arcs: readonly (readonly [number, number])[] = links.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]),
): PartnerNetwork {
  const n = ids.length;
  const seen = new Set<number>();
  const undirected: number[] = [];
  for (const [a, b] of links) {
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    undirected.push(a, b, b, a);
  }
  const { offsets, targets } = toCsr(n, undirected);
  const arcSeen = new Set<number>();
  const directed: number[] = [];
  for (const [a, b] of arcs) {
    if (a === b || arcSeen.has(a * n + b)) continue;
    arcSeen.add(a * n + b);
    directed.push(a, b);
  }
  const arcCsr = toCsr(n, directed);
  return {
    ids,
    offsets,
    targets,
    arcOffsets: arcCsr.offsets,
    arcTargets: arcCsr.targets,
    linkCount: seen.size,
  };
}

function toCsr(n: number, pairs: number[]): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < pairs.length; i += 2) offsets[pairs[i]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(pairs.length / 2);
  for (let i = 0; i < pairs.length; i += 2) targets[fill[pairs[i]!]!++] = pairs[i + 1]!;
  return { offsets, targets };
}
