/**
 * The verification queue: active records not verified in the last twelve months (`isStale`), most important first.
 * Importance weighs how central a record is in the partner network against how many needs it covers, because a
 * stale hub or a stale sole source of legal aid misleads more caseworkers than a stale peripheral record.
 */
import { daysSinceVerified, isStale, type NodeKind } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { percentiles, type NetworkAnalysis } from './networkAnalysis';
import { providerLinks } from './providerLinks';

/** A record waiting to be verified, with why it is where it is in the queue. */
export interface VerificationItem {
  id: string;
  name: string;
  kind: NodeKind;
  verifiedAt: string | null;
  /** Days since it was verified, or null when it never was. */
  daysSince: number | null;
  /** PageRank percentile in the partner network (a service takes its provider's; 0 outside the network). */
  centrality: number;
  /** Distinct needs it meets (an actor, through the services it offers). */
  needsCovered: number;
  /** (centrality + needsCovered / the most needs any record covers) / 2, in [0, 1]. */
  importance: number;
}

/** The stale active records, ordered by importance (then never-verified first, then oldest, then id). */
export function verificationQueue(graph: GraphIndex, analysis: NetworkAnalysis, today: Date): VerificationItem[] {
  const rank = percentiles(analysis.scores.pagerank);
  const actorCentrality = new Map(analysis.network.ids.map((id, v) => [id, rank[v]!]));
  const links = providerLinks(graph);
  const needsOfService = (id: string) => links.needsOf.get(id) ?? [];
  // Verified dates repeat across thousands of records: read each distinct one once.
  const ages = new Map<string | null, { stale: boolean; days: number | null }>();
  const ageOf = (verifiedAt: string | null) => {
    let age = ages.get(verifiedAt);
    if (!age)
      ages.set(verifiedAt, (age = { stale: isStale(verifiedAt, today), days: daysSinceVerified(verifiedAt, today) }));
    return age;
  };
  const items: VerificationItem[] = [];
  for (const record of graph.allNodes()) {
    if (record.status !== 'active') continue;
    const age = ageOf(record.verifiedAt);
    if (!age.stale) continue;
    let centrality = 0;
    let needsCovered = 0;
    if (record.kind === 'actor') {
      centrality = actorCentrality.get(record.id) ?? 0;
      needsCovered = new Set((links.servicesOf.get(record.id) ?? []).flatMap(needsOfService)).size;
    } else if (record.kind === 'service') {
      for (const owner of links.ownersOf.get(record.id) ?? []) {
        centrality = Math.max(centrality, actorCentrality.get(owner) ?? 0);
      }
      needsCovered = new Set(needsOfService(record.id)).size;
    }
    items.push({
      id: record.id,
      name: record.name,
      kind: record.kind,
      verifiedAt: record.verifiedAt,
      daysSince: age.days,
      centrality,
      needsCovered,
      importance: 0,
    });
  }
  let mostNeeds = 1;
  for (const item of items) mostNeeds = Math.max(mostNeeds, item.needsCovered);
  for (const item of items) item.importance = (item.centrality + item.needsCovered / mostNeeds) / 2;
  return items.sort(
    (a, b) =>
      b.importance - a.importance || (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || (a.id < b.id ? -1 : 1),
  );
}
