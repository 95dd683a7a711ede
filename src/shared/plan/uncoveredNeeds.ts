/**
 * Why a need has no provider in the plan, and what would cover it: the nearest wider region that has an eligible
 * provider, an interpretation service when only the language is missing, or the constraint to relax.
 */
import { regionAncestry, type NeedCode } from '../domain';
import { assess, languageName, listOf, regionLabel, type PlanContext } from './providerScore';
import { compareProviders, providersServing, type PlannerIndex, type Provider } from './plannerIndex';
import { checkProvider, speaksClientLanguage } from './providerRules';
import { UNCOVERED_REASONS, type UncoveredCover, type UncoveredNeed, type UncoveredReason } from './referralPlan';

/** Explains one uncovered need. */
export function explainUncovered(context: PlanContext, need: NeedCode): UncoveredNeed {
  const { t, profile, index } = context;
  const region = profile.region;
  const everywhere = (index.providersByNeed.get(need) ?? []).filter((provider) => !provider.historical);
  const local = providersServing(index, need, context.ancestry).filter((provider) => !provider.historical);

  let reason: UncoveredReason;
  if (everywhere.length === 0) reason = 'no_provider';
  else if (local.length === 0) reason = 'no_provider_in_region';
  else reason = commonestReason(context, local);

  const explanation = t(`plan.uncovered.${reason}`, {
    region: regionLabel(region),
    languages: listOf(
      context,
      profile.languages.map((code) => languageName(context, code)),
    ),
    age: ageWords(context),
    gender: profile.gender ?? '',
    hops: profile.constraints.maxHops ?? t('plan.hops.none'),
    start: context.start?.name ?? '',
  });

  let cover: UncoveredCover | null = null;
  let suggestion = t('plan.suggest.hotline');
  if (reason === 'language') {
    const interpreter = best(
      context,
      usable(context, providersServing(index, 'interpretation', context.ancestry), true),
    );
    const helper = best(context, usable(context, local, false));
    if (interpreter) {
      cover = {
        kind: 'interpretation',
        region: null,
        provider: refs(interpreter),
        withInterpreter: helper ? refs(helper) : null,
      };
      suggestion = helper
        ? t('plan.suggest.interpretation', {
            interpreter: interpreter.actor.name,
            service: helper.service.name,
            actor: helper.actor.name,
          })
        : t('plan.suggest.interpreterOnly', { interpreter: interpreter.actor.name });
    }
  } else if (reason === 'cost' || reason === 'hours' || reason === 'hops') {
    // The caseworker's own constraint is in the way: say who lifting it would bring back.
    const relaxed = local.find((provider) => blockedOnlyBy(context, provider, reason));
    if (relaxed) suggestion = t('plan.suggest.relax', { service: relaxed.service.name, actor: relaxed.actor.name });
  } else if (reason !== 'no_provider') {
    const nearest = nearestElsewhere(context, everywhere, new Set(local));
    if (nearest) {
      cover = {
        kind: 'nearest_region',
        region: nearest.region,
        provider: refs(nearest.provider),
        withInterpreter: null,
      };
      suggestion = t('plan.suggest.nearestRegion', {
        service: nearest.provider.service.name,
        actor: nearest.provider.actor.name,
        region: regionLabel(nearest.region),
      });
    }
  }
  return { need, reason, explanation, cover, suggestion };
}

/** The hard rule (or missing language, or hop limit) that rules out most of the local providers. */
function commonestReason(context: PlanContext, local: readonly Provider[]): UncoveredReason {
  const counts = new Map<UncoveredReason, number>();
  for (const provider of local) {
    const reason = reasonAgainst(context, provider);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  // A provider held back only by language or by the hop limit is the actionable news: an interpreter or a longer
  // referral chain would reach it, so say that rather than the rule most of the others break.
  if (counts.has('language')) return 'language';
  if (counts.has('hops')) return 'hops';
  let found: UncoveredReason = 'no_provider_in_region';
  let most = 0;
  for (const reason of UNCOVERED_REASONS) {
    const count = counts.get(reason) ?? 0;
    if (count > most) {
      found = reason;
      most = count;
    }
  }
  return found;
}

function reasonAgainst(context: PlanContext, provider: Provider): UncoveredReason | null {
  const verdict = checkProvider(provider, context.profile);
  if (verdict.excluded) return verdict.excluded;
  if (speaksClientLanguage(provider, context.profile.languages) === false) return 'language';
  if (
    context.profile.constraints.maxHops !== null &&
    context.paths &&
    context.paths.costOf(provider.actorIndex) === undefined
  ) {
    return 'hops';
  }
  return null;
}

/** Whether a provider would be usable if only this one constraint were lifted. */
function blockedOnlyBy(context: PlanContext, provider: Provider, reason: 'cost' | 'hours' | 'hops'): boolean {
  const constraints = { ...context.profile.constraints };
  if (reason === 'cost') constraints.freeOnly = false;
  if (reason === 'hours') constraints.only24x7 = false;
  if (reason === 'hops') return reasonAgainst(context, provider) === 'hops';
  const verdict = checkProvider(provider, { ...context.profile, constraints });
  return verdict.excluded === null && speaksClientLanguage(provider, context.profile.languages) !== false;
}

/** Providers that pass the hard rules (and, when asked, speak the client's language). */
function usable(context: PlanContext, providers: readonly Provider[], needLanguage: boolean): Provider[] {
  return providers.filter(
    (provider) =>
      checkProvider(provider, context.profile).excluded === null &&
      (!needLanguage || speaksClientLanguage(provider, context.profile.languages) !== false),
  );
}

function best(context: PlanContext, providers: readonly Provider[]): Provider | null {
  let top: { provider: Provider; score: number } | null = null;
  for (const provider of providers) {
    const score = assess(context, provider, null);
    if (!top || score > top.score || (score === top.score && compareProviders(provider, top.provider) < 0)) {
      top = { provider, score };
    }
  }
  return top?.provider ?? null;
}

/**
 * The eligible provider outside the client's region whose region is nearest: fewest steps up from the client's
 * region to a region they share, then down to the provider's; ties go to the better score, then the id.
 */
function nearestElsewhere(
  context: PlanContext,
  everywhere: readonly Provider[],
  local: ReadonlySet<Provider>,
): { provider: Provider; region: string } | null {
  const home = context.ancestry.map((region) => region.toLowerCase());
  const chains = regionChainsOf(context.index);
  /** Steps up from the client's region to one both share, then down to `region`; null when they share none. */
  const distanceTo = (region: string): number | null => {
    let chain = chains.get(region);
    if (!chain) chains.set(region, (chain = regionAncestry(region).map((level) => level.toLowerCase())));
    let shared = 0;
    while (shared < chain.length && shared < home.length && chain[shared] === home[shared]) shared++;
    return shared === 0 ? null : home.length - shared + (chain.length - shared);
  };
  let found: { provider: Provider; region: string; distance: number; score: number } | null = null;
  for (const provider of everywhere) {
    if (local.has(provider)) continue;
    // Most providers are farther than the nearest found so far: skip those before checking their rules.
    let nearest: number | null = null;
    for (const region of provider.regions) {
      const distance = distanceTo(region);
      if (distance !== null && (nearest === null || distance < nearest)) nearest = distance;
    }
    if (nearest === null || (found && nearest > found.distance)) continue;
    if (checkProvider(provider, context.profile).excluded !== null) continue;
    if (speaksClientLanguage(provider, context.profile.languages) === false) continue;
    for (const region of provider.regions) {
      const distance = distanceTo(region);
      if (distance === null) continue;
      if (found && distance > found.distance) continue;
      // Scores only break ties between equally near providers, so they are computed only then.
      const score = assess(context, provider, null);
      if (
        !found ||
        distance < found.distance ||
        score > found.score ||
        (score === found.score && compareProviders(provider, found.provider) < 0)
      ) {
        found = { provider, region, distance, score };
      }
    }
  }
  return found ? { provider: found.provider, region: found.region } : null;
}

/** Each served region's ancestry in lower case, kept per planner index (regions recur across providers and plans). */
const regionChains = new WeakMap<PlannerIndex, Map<string, string[]>>();

function regionChainsOf(index: PlannerIndex): Map<string, string[]> {
  let chains = regionChains.get(index);
  if (!chains) regionChains.set(index, (chains = new Map()));
  return chains;
}

function refs(provider: Provider): UncoveredCover['provider'] {
  return {
    actor: { id: provider.actor.id, name: provider.actor.name },
    service: { id: provider.service.id, name: provider.service.name },
  };
}

function ageWords(context: PlanContext): string {
  const age = context.profile.age;
  if (typeof age === 'number') return context.t('plan.age.years', { age });
  return context.t(age === 'minor' ? 'plan.age.minor' : 'plan.age.adult');
}
