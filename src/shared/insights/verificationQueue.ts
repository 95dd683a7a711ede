/**
 * The verification queue: active records not verified in the last twelve months (`isStale`), most important first.
 * Importance weighs how central a record is in the partner network against how many needs it covers, because a
 * stale hub or a stale sole source of legal aid misleads more caseworkers than a stale peripheral record.
 */
import { daysSinceVerified, isStale, type NodeKind } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { percentiles, type NetworkAnalysis } from './networkAnalysis';

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
  const servicesOf = (id: string) => graph.neighbours(id, 'offers');
  const needsOfService = (id: string) => graph.neighbours(id, 'meets');
  const items: Omit<VerificationItem, 'importance'>[] = [];
  for (const record of graph.allNodes()) {
    if (record.status !== 'active' || !isStale(record.verifiedAt, today)) continue;
    let centrality = 0;
    let needs: string[] = [];
    if (record.kind === 'actor') {
      centrality = actorCentrality.get(record.id) ?? 0;
      needs = servicesOf(record.id).flatMap(needsOfService);
    } else if (record.kind === 'service') {
      const owners = graph.neighbours(record.id, 'offers', 'in');
      centrality = Math.max(0, ...owners.map((owner) => actorCentrality.get(owner) ?? 0));
      needs = needsOfService(record.id);
    }
    items.push({
      id: record.id,
      name: record.name,
      kind: record.kind,
      verifiedAt: record.verifiedAt,
      daysSince: daysSinceVerified(record.verifiedAt, today),
      centrality,
      needsCovered: new Set(needs).size,
    });
  }
  const mostNeeds = Math.max(1, ...items.map((item) => item.needsCovered));
  return items
    .map((item) => ({ ...item, importance: (item.centrality + item.needsCovered / mostNeeds) / 2 }))
    .sort(
      (a, b) =>
        b.importance - a.importance || (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || (a.id < b.id ? -1 : 1),
    );
}
