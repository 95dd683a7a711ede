/**
 * Single points of failure: actors whose loss disconnects part of the partner network (articulation points) or
 * leaves a need with no provider in a region (sole providers), ranked by what would be lost.
 */
import type { ActorType, NeedCode, RegionCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import type { SoleProvider } from './coverage';
import type { NetworkAnalysis } from './networkAnalysis';

/** A provider whose loss would cost the coalition something, and what. */
export interface SinglePointOfFailure {
  id: string;
  name: string;
  /** The actor type, or null for a service no actor offers. */
  actorType: ActorType | null;
  /** Partners that would lose every path to the largest remaining part of their network. */
  actorsCutOff: number;
  /** Sizes of the pieces its part of the network would fall into (empty when it is not an articulation point). */
  pieces: number[];
  /** The needs that would be left with no provider, and where. */
  needsLeftUncovered: { need: NeedCode; region: RegionCode }[];
  /** What would be lost: each actor cut off and each need-region left uncovered counts one. */
  impact: number;
}

/** Ranks the single points of failure, the biggest loss first (ties by name). */
export function singlePointsOfFailure(
  graph: GraphIndex,
  analysis: NetworkAnalysis,
  soleProviders: readonly SoleProvider[],
): SinglePointOfFailure[] {
  const byId = new Map<string, SinglePointOfFailure>();
  const entry = (id: string): SinglePointOfFailure | null => {
    const existing = byId.get(id);
    if (existing) return existing;
    const record = graph.node(id);
    if (!record) return null;
    const created: SinglePointOfFailure = {
      id,
      name: record.name,
      actorType: record.kind === 'actor' ? record.actorType : null,
      actorsCutOff: 0,
      pieces: [],
      needsLeftUncovered: [],
      impact: 0,
    };
    byId.set(id, created);
    return created;
  };
  for (const point of analysis.articulation) {
    const found = entry(analysis.network.ids[point.node]!);
    if (!found) continue;
    found.actorsCutOff = point.cutOff;
    found.pieces = point.pieces;
  }
  for (const sole of soleProviders)
    entry(sole.providerId)?.needsLeftUncovered.push({ need: sole.need, region: sole.region });
  const result = [...byId.values()];
  for (const item of result) item.impact = item.actorsCutOff + item.needsLeftUncovered.length;
  return result.sort((a, b) => b.impact - a.impact || a.name.localeCompare(b.name));
}
