/**
 * The hard rules a provider must pass to appear in a plan (who it may serve, no detention, never historical, the
 * caseworker's constraints) and the "eligibility unclear" warnings when the profile does not say enough to know.
 */
import type { Eligibility, OpeningHours, Weekday } from '../domain';
import { WEEKDAYS } from '../domain';
import type { ClientProfile } from './clientProfile';
import type { Provider } from './plannerIndex';
import type { UncoveredReason } from './referralPlan';

/** Something to check about a provider's eligibility, as a message key and its parameters. */
export interface EligibilityDoubt {
  key:
    | 'plan.warning.unclearAge'
    | 'plan.warning.unclearGender'
    | 'plan.warning.unclearTrafficking'
    | 'plan.warning.unclearImmigration'
    | 'plan.warning.documentsUnknown';
  params: Record<string, string>;
}

/** The hard rule a provider breaks for this client, or null when it may serve them; with any doubts. */
export interface RuleVerdict {
  excluded: UncoveredReason | null;
  doubts: EligibilityDoubt[];
  /** The provider names this client's form of trafficking explicitly (a specialist). */
  specialises: boolean;
}

/** Checks every hard rule that does not depend on the referral path. */
export function checkProvider(provider: Provider, profile: ClientProfile): RuleVerdict {
  const doubts: EligibilityDoubt[] = [];
  let specialises = false;
  if (provider.historical) return { excluded: 'no_provider', doubts, specialises };
  for (const rules of provider.eligibility) {
    const reason = checkEligibility(rules, profile, doubts);
    if (reason) return { excluded: reason, doubts, specialises };
    if (rules.traffickingTypes.length > 0 && profile.traffickingType !== 'unknown') specialises = true;
  }
  const { constraints } = profile;
  if (constraints.noDetention && provider.detention) return { excluded: 'detention', doubts, specialises };
  if (constraints.freeOnly && provider.cost !== null && provider.cost !== 'free') {
    return { excluded: 'cost', doubts, specialises };
  }
  if (constraints.only24x7 && !provider.open24x7) return { excluded: 'hours', doubts, specialises };
  return { excluded: null, doubts: dedupeDoubts(doubts), specialises };
}

function checkEligibility(
  rules: Eligibility,
  profile: ClientProfile,
  doubts: EligibilityDoubt[],
): UncoveredReason | null {
  const { minAge, maxAge } = rules;
  if (minAge !== null || maxAge !== null) {
    const range = `${minAge ?? 0}–${maxAge ?? '∞'}`;
    const age = profile.age;
    if (typeof age === 'number') {
      if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) return 'age';
    } else if (age === 'adult') {
      if (maxAge !== null && maxAge < 18) return 'age';
      if ((minAge !== null && minAge > 18) || maxAge !== null)
        doubts.push({ key: 'plan.warning.unclearAge', params: { range } });
    } else {
      if (minAge !== null && minAge >= 18) return 'age';
      if ((minAge !== null && minAge > 0) || (maxAge !== null && maxAge < 17)) {
        doubts.push({ key: 'plan.warning.unclearAge', params: { range } });
      }
    }
  }
  if (rules.genders.length > 0) {
    if (profile.gender === null)
      doubts.push({ key: 'plan.warning.unclearGender', params: { genders: rules.genders.join(', ') } });
    else if (!rules.genders.includes(profile.gender)) return 'gender';
  }
  if (rules.traffickingTypes.length > 0) {
    const type = profile.traffickingType;
    if (type === 'unknown') {
      doubts.push({ key: 'plan.warning.unclearTrafficking', params: { types: rules.traffickingTypes.join(', ') } });
    } else if (type !== 'both' && !rules.traffickingTypes.includes(type)) return 'trafficking_type';
  }
  if (rules.requiresDocuments) {
    if (profile.hasIdentityDocuments === false) return 'documents';
    if (profile.hasIdentityDocuments === null) doubts.push({ key: 'plan.warning.documentsUnknown', params: {} });
  }
  if (rules.immigrationStatuses.length > 0) {
    const status = profile.immigrationStatus;
    if (status === 'unknown') {
      doubts.push({
        key: 'plan.warning.unclearImmigration',
        params: { statuses: rules.immigrationStatuses.join(', ') },
      });
    } else if (!rules.immigrationStatuses.includes(status)) return 'immigration_status';
  }
  return null;
}

function dedupeDoubts(doubts: EligibilityDoubt[]): EligibilityDoubt[] {
  // Most providers raise no doubt at all; the planner checks hundreds per plan, so skip the bookkeeping then.
  if (doubts.length < 2) return doubts;
  const seen = new Set<string>();
  return doubts.filter((doubt) => {
    const key = `${doubt.key}|${JSON.stringify(doubt.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a provider speaks one of the client's languages; null when its languages are not recorded. */
export function speaksClientLanguage(provider: Provider, languages: readonly string[]): boolean | null {
  if (languages.length === 0) return true;
  if (provider.languages.length === 0) return null;
  return provider.languages.some((language) => languages.includes(language));
}

/** A local arrival time split into its weekday and `HH:MM`. */
export interface ArrivalMoment {
  day: Weekday;
  time: string;
}

/** Reads `YYYY-MM-DDTHH:MM` as a weekday and a time of day (the calendar date decides the weekday). */
export function arrivalMoment(arrivalTime: string): ArrivalMoment {
  const [date = '', time = '00:00'] = arrivalTime.split('T');
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { day: WEEKDAYS[(sundayFirst + 6) % 7]!, time };
}

/** Whether opening hours include a moment (`opens` inclusive, `closes` exclusive). */
export function isOpenAt(open24x7: boolean, hours: readonly OpeningHours[], moment: ArrivalMoment): boolean {
  if (open24x7) return true;
  return hours.some((slot) => slot.day === moment.day && slot.opens <= moment.time && moment.time < slot.closes);
}
