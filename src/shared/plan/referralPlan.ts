/** The shape of a referral plan as the CLI prints it and the UI shows it: plain JSON, no class instances. */
import type { NeedCode } from '../domain';
import type { ClientProfile } from './clientProfile';

/** A record named in a plan: its id and display name. */
export interface PlanRef {
  id: string;
  name: string;
}

/** A statute or instrument that gives the survivor a right to a service (e.g. the T visa under the TVPA 2000). */
export interface LegalBasis {
  id: string;
  name: string;
  citation: string;
}

/** One provider (an actor and one of its services) as the planner proposes it, with why and what to watch. */
export interface ProposedProvider {
  actor: PlanRef;
  service: PlanRef;
  /** Every need of the profile this service meets. */
  needs: NeedCode[];
  /** Actor ids from the starting organisation to this actor (just this actor when there is no start). */
  path: string[];
  /** The names of the actors on `path`, in the same order. */
  pathNames: string[];
  /** How far the path is: partnerships count 1, referral links 1.5; null when no path is known. */
  pathCost: number | null;
  /** The soft score (higher is better); ties are broken by id. */
  score: number;
  /** Plain sentences: needs met, language, eligibility, hours, region, capacity, freshness. */
  reasons: string[];
  /** What to check before referring: stale record, capacity unknown, eligibility unclear, documents, ... */
  warnings: string[];
  legalBasis: LegalBasis[];
}

/** A backup provider for a step. */
export type PlanAlternative = ProposedProvider;

/** One step of a plan: the provider chosen for a need (and any other needs it meets), with backups. */
export interface PlanStep extends ProposedProvider {
  /** The need this step was chosen for (the most urgent of `needs`). */
  need: NeedCode;
  /** Up to three backups, best first, each from a different organisation. */
  alternatives: PlanAlternative[];
}

/** Why nobody in the plan meets a need. */
export const UNCOVERED_REASONS = [
  'no_provider',
  'no_provider_in_region',
  'language',
  'age',
  'gender',
  'trafficking_type',
  'documents',
  'immigration_status',
  'detention',
  'cost',
  'hours',
  'hops',
] as const;
/** One of {@link UNCOVERED_REASONS}. */
export type UncoveredReason = (typeof UNCOVERED_REASONS)[number];

/** What would cover an uncovered need: a provider in the nearest wider region, or an interpretation service. */
export interface UncoveredCover {
  kind: 'nearest_region' | 'interpretation';
  /** The region where the provider works (for `nearest_region`). */
  region: string | null;
  provider: { actor: PlanRef; service: PlanRef };
  /** For `interpretation`: the provider that could then help, with an interpreter. */
  withInterpreter: { actor: PlanRef; service: PlanRef } | null;
}

/** A need nobody can meet, why, and what would cover it. */
export interface UncoveredNeed {
  need: NeedCode;
  reason: UncoveredReason;
  /** The reason as a plain sentence. */
  explanation: string;
  cover: UncoveredCover | null;
  /** What would cover it, as a plain sentence (or what to try instead). */
  suggestion: string;
}

/** A referral plan. */
export interface ReferralPlan {
  profile: ClientProfile;
  /** The language of the sentences in the plan. */
  language: 'en' | 'es';
  /** The date freshness was judged against (YYYY-MM-DD). */
  asOf: string;
  steps: PlanStep[];
  uncovered: UncoveredNeed[];
  /** Warnings about the plan as a whole (e.g. no starting organisation, so no referral paths). */
  warnings: string[];
}

/** A caseworker's pick: use this service for this need when it is eligible (a swapped-in alternative). */
export interface PlanChoice {
  need: NeedCode;
  serviceId: string;
}
