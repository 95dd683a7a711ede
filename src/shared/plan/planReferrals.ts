/**
 * The referral planner: from a client profile to an ordered, explained plan through the partner network.
 *
 * For each need, most urgent first: the providers serving the client's region (precomputed buckets), minus those a
 * hard rule excludes (eligibility, detention, historical, free only, 24/7 only, referral hops, language), ranked by a
 * soft score whose every term is said as a sentence. The best one becomes a step, and covers every other need it
 * meets; up to three providers from other organisations are its alternatives. Paths come from one bounded Dijkstra
 * from the caseworker's organisation. Same graph, profile, choices and date: same plan.
 */
import { isoDate, regionAncestry, type NeedCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { translate, type MessageKey, type UiLocale } from '../i18n';
import { MAX_REFERRAL_HOPS, type ClientProfile } from './clientProfile';
import { legalBasisOf } from './legalBasis';
import { byUrgency } from './needUrgency';
import {
  compareProviders,
  partnerPaths,
  pathTo,
  plannerIndexOf,
  providersServing,
  type Provider,
} from './plannerIndex';
import { arrivalMoment, checkProvider, speaksClientLanguage } from './providerRules';
import { assess, needName, requestedNeeds, type PlanContext } from './providerScore';
import type { PlanChoice, PlanStep, ProposedProvider, ReferralPlan } from './referralPlan';
import { explainUncovered } from './uncoveredNeeds';

/** Options of {@link planReferrals}. */
export interface PlanOptions {
  /** The date freshness is judged against. */
  today: Date;
  /** The language of the plan's sentences (default English). */
  language?: UiLocale;
  /** Providers the caseworker picked for some needs (swapped-in alternatives); used while they stay eligible. */
  choices?: readonly PlanChoice[];
}

/** How many backups a step lists. */
export const MAX_ALTERNATIVES = 3;

/** A provider that passed every hard rule, with its score. */
interface Eligible {
  provider: Provider;
  score: number;
}

/** Builds the referral plan for a profile. */
export function planReferrals(graph: GraphIndex, profile: ClientProfile, options: PlanOptions): ReferralPlan {
  const language = options.language ?? 'en';
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const index = plannerIndexOf(graph);
  const warnings: string[] = [];

  let start: PlanContext['start'] = null;
  if (profile.startActorId !== null) {
    const actor = graph.node(profile.startActorId);
    const position = index.actorIndexById.get(profile.startActorId);
    if (actor?.kind === 'actor' && actor.status === 'active' && position !== undefined) {
      start = { index: position, name: actor.name };
    } else warnings.push(t('plan.warning.startUnknown', { id: profile.startActorId }));
  } else warnings.push(t('plan.warning.noStart'));
  const maxHops = profile.constraints.maxHops;
  if (maxHops !== null && start === null) warnings.push(t('plan.warning.hopsWithoutStart', { hops: maxHops }));

  const context: PlanContext = {
    graph,
    index,
    profile,
    today: options.today,
    language,
    ancestry: regionAncestry(profile.region),
    arrival: profile.arrivalTime ? arrivalMoment(profile.arrivalTime) : null,
    start,
    paths: null,
    t,
  };

  // Hard rules that do not depend on the path, need by need.
  const needs = byUrgency(profile.needs);
  const passing = new Map<NeedCode, Provider[]>();
  for (const need of needs) {
    const list: Provider[] = [];
    for (const provider of providersServing(index, need, context.ancestry)) {
      if (checkProvider(provider, profile).excluded !== null) continue;
      if (speaksClientLanguage(provider, profile.languages) === false) continue;
      list.push(provider);
    }
    passing.set(need, list);
  }

  // One bounded search from the caseworker's organisation serves every candidate (and every replanning).
  if (start !== null) {
    context.paths = partnerPaths(index, start.index, maxHops ?? MAX_REFERRAL_HOPS);
  }
  const scores = new Map<Provider, number>();
  const eligibleByNeed = new Map<NeedCode, Eligible[]>();
  for (const need of needs) {
    const eligible: Eligible[] = [];
    for (const provider of passing.get(need) ?? []) {
      if (maxHops !== null && context.paths !== null && context.paths.costOf(provider.actorIndex) === undefined)
        continue;
      let score = scores.get(provider);
      if (score === undefined) scores.set(provider, (score = assess(context, provider, null)));
      eligible.push({ provider, score });
    }
    eligibleByNeed.set(need, eligible);
  }

  const choices = new Map((options.choices ?? []).map((choice) => [choice.need, choice.serviceId]));
  const covered = new Set<NeedCode>();
  const chosenActors = new Map<string, number>();
  const steps: PlanStep[] = [];
  const uncoveredNeeds: NeedCode[] = [];
  for (const need of needs) {
    if (covered.has(need)) continue;
    const eligible = eligibleByNeed.get(need) ?? [];
    if (eligible.length === 0) {
      uncoveredNeeds.push(need);
      continue;
    }
    const ranked = eligible
      .map((entry) => ({
        ...entry,
        score: entry.score + (chosenActors.has(entry.provider.actor.id) ? SAME_ORGANISATION : 0),
      }))
      .sort((a, b) => b.score - a.score || compareProviders(a.provider, b.provider));
    let chosen = ranked[0]!;
    const pinned = choices.get(need);
    if (pinned !== undefined && pinned !== chosen.provider.service.id) {
      const found = ranked.find((entry) => entry.provider.service.id === pinned);
      if (found) chosen = found;
      else {
        const service = graph.node(pinned);
        warnings.push(
          t('plan.warning.choiceUnavailable', { service: service?.name ?? pinned, need: needName(context, need) }),
        );
      }
    }
    // The chosen provider also covers later needs it meets, unless the caseworker picked someone else for them.
    const stepNeeds = needs.filter(
      (other) =>
        !covered.has(other) &&
        chosen.provider.needs.includes(other) &&
        (other === need || (choices.get(other) ?? chosen.provider.service.id) === chosen.provider.service.id) &&
        (eligibleByNeed.get(other) ?? []).some((entry) => entry.provider === chosen.provider),
    );
    for (const other of stepNeeds) covered.add(other);
    const sameAs = chosenActors.get(chosen.provider.actor.id);
    const proposal = propose(context, chosen.provider, sameAs);
    const alternatives: ProposedProvider[] = [];
    const seenActors = new Set([chosen.provider.actor.id]);
    for (const entry of ranked) {
      if (alternatives.length >= MAX_ALTERNATIVES) break;
      if (seenActors.has(entry.provider.actor.id)) continue;
      seenActors.add(entry.provider.actor.id);
      alternatives.push(propose(context, entry.provider, chosenActors.get(entry.provider.actor.id)));
    }
    steps.push({ need, ...proposal, needs: stepNeeds, alternatives });
    if (sameAs === undefined) chosenActors.set(chosen.provider.actor.id, steps.length);
  }

  return {
    profile,
    language,
    asOf: isoDate(options.today),
    steps,
    uncovered: uncoveredNeeds.map((need) => explainUncovered(context, need)),
    warnings,
  };
}

/** The bonus for a provider whose organisation already has a step: one relationship, fewer places to go. */
const SAME_ORGANISATION = 8;

function propose(context: PlanContext, provider: Provider, sameAsStep: number | undefined): ProposedProvider {
  const reasons: string[] = [];
  const warnings: string[] = [];
  let score = assess(context, provider, { reasons, warnings });
  if (sameAsStep !== undefined) {
    score += SAME_ORGANISATION;
    reasons.push(context.t('plan.reason.sameOrganisation', { step: sameAsStep }));
  }
  const path = context.paths ? pathTo(context.index, context.paths, provider.actorIndex) : null;
  const actorPath = path ?? [provider.actor.id];
  return {
    actor: { id: provider.actor.id, name: provider.actor.name },
    service: { id: provider.service.id, name: provider.service.name },
    needs: requestedNeeds(context, provider),
    path: actorPath,
    pathNames: actorPath.map((id) => context.graph.node(id)?.name ?? id),
    pathCost: context.paths ? (context.paths.costOf(provider.actorIndex) ?? null) : null,
    score: Math.round(score * 100) / 100,
    reasons,
    warnings,
    legalBasis: legalBasisOf(context.graph, provider.service.id, requestedNeeds(context, provider)),
  };
}
