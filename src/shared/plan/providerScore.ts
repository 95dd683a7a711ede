/** The soft score of a provider and its explanation in plain sentences, and the context one plan computation shares. */
import { isStale, regionCovers, type NeedCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import type { MessageKey, UiLocale } from '../i18n';
import { isMinor, type ClientProfile } from './clientProfile';
import { byUrgency, NEED_URGENCY } from './needUrgency';
import { EDGE_WEIGHT, type PartnerPaths, type PlannerIndex, type Provider } from './plannerIndex';
import { checkProvider, isOpenAt, speaksClientLanguage, type ArrivalMoment } from './providerRules';

/** Everything one plan computation shares. */
export interface PlanContext {
  graph: GraphIndex;
  index: PlannerIndex;
  profile: ClientProfile;
  today: Date;
  language: UiLocale;
  ancestry: string[];
  arrival: ArrivalMoment | null;
  start: { index: number; name: string } | null;
  paths: PartnerPaths | null;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

/** The needs of the profile a provider meets, most urgent first. */
export function requestedNeeds(context: PlanContext, provider: Provider): NeedCode[] {
  return byUrgency(provider.needs.filter((need) => context.profile.needs.includes(need)));
}

/**
 * The soft score of a provider that passed the hard rules. With `explain`, each term is also said as a reason (what
 * speaks for it) or a warning (what to check). One function for both, so the score and its explanation never drift.
 *
 * Sentences are added as `explain?.reasons.push(t(key, params))`: ranking scores every candidate of a plan (hundreds
 * at 100k actors) without `explain`, and the optional chain then skips building the sentence and its parameters.
 */
export function assess(
  context: PlanContext,
  provider: Provider,
  explain: { reasons: string[]; warnings: string[] } | null,
): number {
  const { t, profile } = context;
  let score = 0;

  const met = requestedNeeds(context, provider);
  score += 30 * (met.length - 1);
  explain?.reasons.push(
    t('plan.reason.needs', {
      needs: listOf(
        context,
        met.map((need) => needName(context, need)),
      ),
    }),
  );

  const speaks = speaksClientLanguage(provider, profile.languages);
  if (speaks === null) {
    score -= 15;
    explain?.warnings.push(t('plan.warning.languageUnknown'));
  } else if (profile.languages.length > 0) {
    const spoken = profile.languages.filter((language) => provider.languages.includes(language));
    score += 20 + (spoken[0] === profile.languages[0] ? 5 : 0);
    explain?.reasons.push(
      t('plan.reason.language', {
        languages: listOf(
          context,
          spoken.map((code) => languageName(context, code)),
        ),
      }),
    );
  }

  const verdict = checkProvider(provider, profile);
  if (verdict.doubts.length === 0) {
    score += 5;
    explain?.reasons.push(t('plan.reason.eligible'));
  }
  for (const doubt of verdict.doubts) {
    score -= 8;
    explain?.warnings.push(t(doubt.key, doubt.params));
  }
  if (verdict.specialises && profile.traffickingType !== 'unknown') {
    score += 6;
    explain?.reasons.push(t('plan.reason.specialises', { type: traffickingTypesOf(context, provider) }));
  }

  if (isMinor(profile.age) && provider.eligibility.some((rules) => rules.maxAge !== null && rules.maxAge < 25)) {
    score += 10;
    explain?.reasons.push(t('plan.reason.youth', { range: ageRangeOf(provider) }));
  }

  const urgent = met.some((need) => NEED_URGENCY[need] === 0);
  if (provider.open24x7) {
    score += urgent ? 12 : 6;
    explain?.reasons.push(t('plan.reason.open24x7'));
  } else if (context.arrival && provider.hours.length > 0) {
    if (isOpenAt(false, provider.hours, context.arrival)) {
      score += 8;
      explain?.reasons.push(t('plan.reason.openAtArrival', arrivalWords(context, context.arrival)));
    } else {
      score -= urgent ? 15 : 6;
      explain?.warnings.push(t('plan.warning.closedAtArrival', arrivalWords(context, context.arrival)));
    }
  } else if (provider.hours.length === 0) {
    score -= 3;
    explain?.warnings.push(t('plan.warning.hoursUnknown'));
  }

  let nearestRegion: string | null = null;
  let nearestDistance = 0;
  for (const region of provider.regions) {
    if (!regionCovers(region, profile.region)) continue;
    // Levels between the served region and the client's: a region's depth is its count of codes and places.
    const distance = context.ancestry.length - regionDepth(region);
    if (nearestRegion === null || distance < nearestDistance) {
      nearestRegion = region;
      nearestDistance = distance;
    }
  }
  if (nearestRegion !== null) {
    score += Math.max(0, 10 - 4 * nearestDistance);
    explain?.reasons.push(
      t(nearestDistance === 0 ? 'plan.reason.regionLocal' : 'plan.reason.regionWider', {
        region: regionLabel(nearestRegion),
      }),
    );
  }

  if (provider.needs.includes('shelter') || provider.needs.includes('long_term_housing')) {
    const capacity = provider.capacity;
    if (capacity === null) {
      score -= 4;
      explain?.warnings.push(t('plan.warning.capacityUnknown'));
    } else if (capacity.available > 0) {
      score += 12;
      explain?.reasons.push(t('plan.reason.capacity', { count: capacity.available, date: capacity.updatedAt }));
    } else {
      score -= 30;
      explain?.warnings.push(t('plan.warning.noCapacity', { date: capacity.updatedAt }));
    }
  }

  if (isStale(provider.verifiedAt, context.today)) {
    score -= 10;
    explain?.warnings.push(
      provider.verifiedAt ? t('plan.warning.stale', { date: provider.verifiedAt }) : t('plan.warning.neverVerified'),
    );
  } else {
    score += 4;
    explain?.reasons.push(t('plan.reason.fresh', { date: provider.verifiedAt ?? '' }));
  }

  if (provider.cost === 'free') {
    score += 4;
    explain?.reasons.push(t('plan.reason.free'));
  } else if (provider.cost === 'sliding_scale') explain?.reasons.push(t('plan.reason.slidingScale'));
  else if (provider.cost === 'fee') {
    score -= 6;
    explain?.warnings.push(t('plan.warning.fee'));
  } else {
    score -= 2;
    explain?.warnings.push(t('plan.warning.costUnknown'));
  }

  if (context.start && context.paths) {
    const start = context.start.name;
    const cost = context.paths.costOf(provider.actorIndex);
    const hops = context.paths.hopsOf(provider.actorIndex);
    if (provider.actorIndex === context.start.index) {
      score += 10;
      explain?.reasons.push(t('plan.reason.isStart'));
    } else if (cost === undefined || hops === undefined) {
      score -= 15;
      explain?.warnings.push(t('plan.warning.noPath', { start }));
    } else if (hops === 1) {
      score += 10;
      explain?.reasons.push(
        t(cost === EDGE_WEIGHT.partners_with ? 'plan.reason.directPartner' : 'plan.reason.directReferral', { start }),
      );
    } else {
      score += Math.max(-5, 10 - 3 * cost);
      explain?.reasons.push(t('plan.reason.path', { start, hops }));
    }
  }
  return score;
}

/** The forms of trafficking a provider names, in the plan's language ("labor/sex"). */
function traffickingTypesOf(context: Pick<PlanContext, 't'>, provider: Provider): string {
  const types = provider.eligibility.flatMap((rules) => rules.traffickingTypes);
  return [...new Set(types)].map((type) => context.t(`plan.trafficking.${type}`)).join('/');
}

/** The age range of the first of a provider's rules that sets a maximum age ("12–24"). */
function ageRangeOf(provider: Provider): string {
  const rules = provider.eligibility.find((each) => each.maxAge !== null)!;
  return `${rules.minAge ?? 0}–${rules.maxAge}`;
}

/** The arrival's weekday and time, as the opening-hours sentences say them. */
function arrivalWords(context: Pick<PlanContext, 't'>, arrival: ArrivalMoment): { day: string; time: string } {
  return { day: context.t(`plan.day.${arrival.day}`), time: arrival.time };
}

/** A need's name in the plan's language, from the graph's need record. */
export function needName(context: Pick<PlanContext, 'graph' | 'language'>, need: NeedCode): string {
  const record = context.graph.node(`need:${need}`);
  if (record?.kind !== 'need') return need.replace(/_/g, ' ');
  return context.language === 'es' ? record.nameEs : record.name;
}

/** A language's name in the plan's language ("Spanish", "español"); the code when the runtime does not know it. */
export function languageName(context: Pick<PlanContext, 'language'>, code: string): string {
  const key = `${context.language}|${code}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([context.language], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    languageNames.set(key, name);
  }
  return name;
}

// Intl.DisplayNames is slow to build and to ask, and a handful of languages come up again and again.
const languageNames = new Map<string, string>();

/** "a, b and c" in the plan's language. */
export function listOf(context: Pick<PlanContext, 't'>, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${context.t('plan.and')} ${items[items.length - 1]}`;
}

/** How a region reads in a sentence: its smallest place ("Los Angeles County"), or its code ("US-CA"). */
export function regionLabel(region: string): string {
  const places = region.split('/');
  return places[places.length - 1] ?? region;
}

/** How many levels a region has: `US` 1, `US-CA` 2, `US-CA/Los Angeles County` 3 (what regionAncestry would count). */
function regionDepth(region: string): number {
  const slash = region.indexOf('/');
  const code = slash < 0 ? region : region.slice(0, slash);
  let depth = code.includes('-') ? 2 : 1;
  for (let at = slash; at >= 0; at = region.indexOf('/', at + 1)) depth++;
  return depth;
}
