/**
 * Contract methods of the insights capability: centrality and communities of the partner network, coverage and
 * service deserts, single points of failure, the verification queue, law and policy, and the coalition report.
 */
import { z } from 'zod';
import { method } from '../defineMethod';
import { ACTOR_TYPES, recordIdSchema, regionSchema } from '../../domain';
import { UI_LOCALES } from '../../i18n/translate';
import { CENTRALITY_MEASURES, type CentralityMeasure } from '../../insights/centrality';
import type { CoverageMatrix, ServiceDesert } from '../../insights/coverage';
import type { PolicyProgress, StatuteImpact } from '../../insights/lawAndPolicy';
import type { CentralityRow } from '../../insights/networkAnalysis';
import type { SinglePointOfFailure } from '../../insights/singlePointsOfFailure';
import type { VerificationItem } from '../../insights/verificationQueue';
import type { NodeSummary } from './graphMethods';

export type { CentralityMeasure, CentralityRow, CoverageMatrix, ServiceDesert, SinglePointOfFailure, VerificationItem };
export type { PolicyProgress, RecommendationProgress, StatuteImpact } from '../../insights/lawAndPolicy';

/** The size and shape of the partner network an answer was computed on. */
export interface NetworkFacts {
  actors: number;
  links: number;
  components: number;
  /** Whether betweenness and closeness are exact, and how many sources the sweep used. */
  exact: boolean;
  sources: number;
  includeReferrals: boolean;
  region: string | null;
}

/** A community of the partner network, named after its most central member. */
export interface CommunitySummary {
  index: number;
  leadId: string;
  leadName: string;
  size: number;
}

/** The ranked centrality table, the communities and what the network view needs to draw them. */
export interface CentralityResult {
  measure: CentralityMeasure;
  network: NetworkFacts;
  /** The top `limit` actors by the measure (after the actor-type filter). */
  rows: CentralityRow[];
  /** How many actors passed the filters. */
  total: number;
  /** Communities with at least two members, largest first (at most 24). */
  communities: CommunitySummary[];
  modularity: number;
  /** Every actor of the network: the measure relative to the highest (0..1), and its community. */
  overlay: { size: Record<string, number>; community: Record<string, number> };
  /** Regions actors serve, for the region filter. */
  regions: string[];
}

/** The coverage heatmap's data and the service deserts. */
export interface CoverageResult {
  matrix: CoverageMatrix;
  /** Deserts, those with no provider at all first; at most `limit`. */
  deserts: ServiceDesert[];
  desertCounts: { noProvider: number; noLanguage: number };
}

/** The ranked single points of failure. */
export interface SinglePointsResult {
  network: NetworkFacts;
  rows: SinglePointOfFailure[];
  total: number;
  articulationPoints: number;
}

/** The verification queue. */
export interface VerificationQueueResult {
  rows: VerificationItem[];
  total: number;
  today: string;
}

/** The coalition report, as HTML text or a PDF in base64. */
export interface CoalitionReportFile {
  fileName: string;
  mediaType: 'text/html' | 'application/pdf';
  /** The HTML text, or the PDF's bytes in base64. */
  content: string;
  encoding: 'utf8' | 'base64';
}

const networkFilters = {
  region: regionSchema.optional(),
  includeReferrals: z.boolean().default(false),
};

/** The insights methods. */
export const insightsMethods = {
  'insights.centrality': method(
    z
      .object({
        ...networkFilters,
        actorType: z.enum(ACTOR_TYPES).optional(),
        measure: z.enum(CENTRALITY_MEASURES).default('betweenness'),
        limit: z.number().int().min(1).max(1_000).default(50),
      })
      .strict(),
    'Actors of the partner network ranked by degree, betweenness, closeness or PageRank, with the communities.',
  ).returns<CentralityResult>(),
  'insights.coverage': method(
    z.object({ within: regionSchema.optional(), limit: z.number().int().min(1).max(100_000).default(500) }).strict(),
    'The needs × regions matrix of active providers (with languages) and the service deserts.',
  ).returns<CoverageResult>(),
  'insights.singlePoints': method(
    z.object({ ...networkFilters, limit: z.number().int().min(1).max(1_000).default(50) }).strict(),
    'Actors whose loss disconnects partners or leaves a need with no provider in a region, biggest loss first.',
  ).returns<SinglePointsResult>(),
  'insights.verificationQueue': method(
    z.object({ limit: z.number().int().min(1).max(5_000).default(100) }).strict(),
    'Active records not verified in twelve months, most important first.',
  ).returns<VerificationQueueResult>(),
  'insights.markVerified': method(
    z.object({ ids: z.array(recordIdSchema).min(1).max(500) }).strict(),
    'Sets the verified date of records to today (one undoable change).',
  ).returns<{ updated: number; verifiedAt: string }>(),
  'insights.statute': method(
    z.object({ id: recordIdSchema }).strict(),
    'What a statute mandates and creates, and the recommendations citing it.',
  ).returns<StatuteImpact>(),
  'insights.policy': method(
    z.object({}).strict(),
    'Each numbered recommendation: the actors it is directed at, who implements it, and a progress summary.',
  ).returns<PolicyProgress & { statutes: NodeSummary[] }>(),
  'insights.report': method(
    z
      .object({
        ...networkFilters,
        format: z.enum(['html', 'pdf']),
        locale: z.enum(UI_LOCALES).default('en'),
      })
      .strict(),
    'The one-page coalition report, as HTML or PDF.',
  ).returns<CoalitionReportFile>(),
};
