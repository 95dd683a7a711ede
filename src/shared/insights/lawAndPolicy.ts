/**
 * Law and policy: what a statute does in the graph (the actors it mandates, the services and remedies it creates,
 * the recommendations citing it), and how far each of the chapter's recommendations has got (the actors it is
 * directed at and which of them implement it).
 */
import type { NeedCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { nodeSummary } from '../graph/nodeSummary';
import type { NodeSummary } from '../api/methods/graphMethods';

/** A recommendation as a short reference: id, number and title. */
export interface RecommendationRef {
  id: string;
  number: number;
  title: string;
}

/** What a statute creates, mandates and is cited by. */
export interface StatuteImpact {
  statute: NodeSummary & { citation: string; jurisdiction: string };
  /** Actors it mandates (`mandates`). */
  mandates: NodeSummary[];
  /** Services and instruments it creates (`creates`): the remedies it makes available. */
  creates: NodeSummary[];
  /** Services and needs whose eligibility rests on it (`eligibility_under`). */
  eligibility: NodeSummary[];
  /** Actors and services it established (`established_by`). */
  established: NodeSummary[];
  /** Instruments it amends, and those amending it. */
  amends: NodeSummary[];
  amendedBy: NodeSummary[];
  /** Recommendations that cite it. */
  citedBy: RecommendationRef[];
}

/** Where one recommendation stands. */
export interface RecommendationProgress extends RecommendationRef {
  /** The actors it is directed at, each with whether it has an `implements` relation to it. */
  directedAt: { actor: NodeSummary; implementing: boolean }[];
  /** Actors implementing it that it is not directed at. */
  otherImplementers: NodeSummary[];
  /** How many of the actors it is directed at implement it. */
  implementing: number;
  /** `none` (no implementer at all), `partial` or `complete` (every actor it is directed at implements it). */
  status: 'none' | 'partial' | 'complete';
  addresses: NeedCode[];
  cites: NodeSummary[];
}

/** Progress over every recommendation. */
export interface PolicyProgress {
  recommendations: RecommendationProgress[];
  summary: {
    total: number;
    complete: number;
    partial: number;
    none: number;
    directedActors: number;
    implementingActors: number;
  };
}

/** The impact of one statute, or null when the id is not a statute. */
export function statuteImpact(graph: GraphIndex, id: string): StatuteImpact | null {
  const statute = graph.node(id);
  if (statute?.kind !== 'statute') return null;
  const summaries = (ids: string[]) =>
    [...new Set(ids)]
      .map((other) => graph.node(other))
      .filter((node) => node !== undefined)
      .map(nodeSummary)
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    statute: { ...nodeSummary(statute), citation: statute.citation, jurisdiction: statute.jurisdiction },
    mandates: summaries(graph.neighbours(id, 'mandates')),
    creates: summaries(graph.neighbours(id, 'creates')),
    eligibility: summaries(graph.neighbours(id, 'eligibility_under', 'in')),
    established: summaries(graph.neighbours(id, 'established_by', 'in')),
    amends: summaries(graph.neighbours(id, 'amends')),
    amendedBy: summaries(graph.neighbours(id, 'amends', 'in')),
    citedBy: graph
      .neighbours(id, 'cites', 'in')
      .map((other) => graph.node(other))
      .filter((node) => node?.kind === 'recommendation')
      .map((node) => recommendationRef(node!))
      .sort((a, b) => a.number - b.number),
  };
}

/** The progress of the chapter's numbered recommendations (number 1 and up; 0 is the chapter's preamble). */
export function policyProgress(graph: GraphIndex): PolicyProgress {
  const recommendations: RecommendationProgress[] = [];
  for (const recommendation of graph.nodesOfKind('recommendation')) {
    if (recommendation.number < 1) continue;
    const implementers = new Set(graph.neighbours(recommendation.id, 'implements', 'in'));
    const directedIds = [...new Set(graph.neighbours(recommendation.id, 'directed_at'))];
    const directedAt = directedIds
      .map((id) => graph.node(id))
      .filter((node) => node !== undefined)
      .map((node) => ({ actor: nodeSummary(node), implementing: implementers.has(node.id) }))
      .sort((a, b) => Number(b.implementing) - Number(a.implementing) || a.actor.name.localeCompare(b.actor.name));
    const otherImplementers = [...implementers]
      .filter((id) => !directedIds.includes(id))
      .map((id) => graph.node(id))
      .filter((node) => node !== undefined)
      .map(nodeSummary);
    const implementing = directedAt.filter((entry) => entry.implementing).length;
    const status =
      implementers.size === 0
        ? 'none'
        : directedAt.length > 0 && implementing === directedAt.length
          ? 'complete'
          : 'partial';
    recommendations.push({
      ...recommendationRef(recommendation),
      directedAt,
      otherImplementers,
      implementing,
      status,
      addresses: graph
        .neighbours(recommendation.id, 'addresses')
        .map((id) => graph.node(id))
        .flatMap((node) => (node?.kind === 'need' ? [node.code] : [])),
      cites: graph
        .neighbours(recommendation.id, 'cites')
        .map((id) => graph.node(id))
        .filter((node) => node !== undefined)
        .map(nodeSummary),
    });
  }
  recommendations.sort((a, b) => a.number - b.number);
  const count = (status: RecommendationProgress['status']) => recommendations.filter((r) => r.status === status).length;
  return {
    recommendations,
    summary: {
      total: recommendations.length,
      complete: count('complete'),
      partial: count('partial'),
      none: count('none'),
      directedActors: recommendations.reduce((sum, r) => sum + r.directedAt.length, 0),
      implementingActors: recommendations.reduce((sum, r) => sum + r.implementing + r.otherImplementers.length, 0),
    },
  };
}

function recommendationRef(node: { id: string; number?: number; title?: string; name: string }): RecommendationRef {
  return { id: node.id, number: node.number ?? 0, title: node.title || node.name };
}
