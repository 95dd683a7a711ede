/**
 * A referral directory: the providers of a scope (region, needs, kinds of provider) with their services, redacted
 * for the audience. The HTML, PDF and CSV directories and the Directory tab's preview are all drawn from this.
 */
import {
  anyRegionCovers,
  isStale,
  isoDate,
  type Actor,
  type ActorType,
  type NeedCode,
  type OpeningHours,
  type Phone,
  type Service,
  type Address,
  type CostKind,
} from '../domain';
import type { UiLocale } from '../i18n';
import type { GraphIndex } from '../graph/graphIndex';
import { redactForAudience, type Audience } from '../hsds/audience';

/** What a directory covers. Empty lists mean "all". */
export interface DirectoryScope {
  region?: string | null;
  needs?: NeedCode[];
  actorTypes?: ActorType[];
}

/** Contact and practical details as a directory prints them (already redacted). */
export interface DirectoryDetails {
  address: Address | null;
  phones: Phone[];
  email: string | null;
  url: string | null;
  hours: OpeningHours[];
  open24x7: boolean;
  languages: string[];
  eligibility: { minAge: number | null; maxAge: number | null; notes: string };
  cost: CostKind | null;
  /** A place where people are held (immigration detention): shown as such, never as a shelter. */
  detention: boolean;
  verifiedAt: string | null;
  stale: boolean;
}

/** A service in a provider's entry. */
export interface DirectoryService extends DirectoryDetails {
  id: string;
  name: string;
  description: string;
  needs: NeedCode[];
  regions: string[];
}

/** One provider's entry. */
export interface DirectoryEntry extends DirectoryDetails {
  /** The record id (the anchor of the entry). */
  id: string;
  name: string;
  actorType: ActorType | null;
  description: string;
  services: DirectoryService[];
}

/** A directory, ready to draw. */
export interface DirectoryModel {
  audience: Audience;
  generatedOn: string;
  scope: DirectoryScope;
  entries: DirectoryEntry[];
  /** Contents by need: for each need with providers, the entries (ids) that meet it (in order: {@link sectionsIn}). */
  sections: { need: NeedCode; entryIds: string[] }[];
  /** Index by name: providers and their services, alphabetically, each pointing at its entry. */
  index: { name: string; entryId: string }[];
  /** The name of every need a listed service meets, by code, as its record gives it in each language. */
  needNames: Record<string, { en: string; es: string }>;
}

/** A need's name in a language, as the directory's need records give it (its code if none does). */
export function needNameIn(model: DirectoryModel, need: string, locale: UiLocale): string {
  return model.needNames[need]?.[locale] ?? need.replace(/_/g, ' ');
}

/** The contents by need, each with its name in a language, in that language's alphabetical order. */
export function sectionsIn(
  model: DirectoryModel,
  locale: UiLocale,
): { need: NeedCode; name: string; entryIds: string[] }[] {
  return model.sections
    .map((section) => ({ ...section, name: needNameIn(model, section.need, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

function details(record: Actor | Service, today: Date): DirectoryDetails {
  return {
    address: record.address,
    phones: record.phones,
    email: record.email,
    url: record.url,
    hours: record.hours,
    open24x7: record.open24x7,
    languages: record.languages,
    eligibility: {
      minAge: record.eligibility.minAge,
      maxAge: record.eligibility.maxAge,
      notes: record.eligibility.notes,
    },
    cost: record.cost,
    detention: record.detention,
    verifiedAt: record.verifiedAt,
    stale: isStale(record.verifiedAt, today),
  };
}

/** The services a directory with this scope lists (active, in the region, meeting a wanted need). */
export function servicesInScope(index: GraphIndex, scope: DirectoryScope): Service[] {
  const wantedNeeds = scope.needs && scope.needs.length > 0 ? new Set<string>(scope.needs) : null;
  const wantedTypes = scope.actorTypes && scope.actorTypes.length > 0 ? new Set<string>(scope.actorTypes) : null;
  const services: Service[] = [];
  for (const service of index.nodesOfKind('service')) {
    if (service.status !== 'active') continue;
    const offerers = index
      .inEdges(service.id, 'offers')
      .map((edge) => index.node(edge.from))
      .filter((n): n is Actor => n?.kind === 'actor');
    if (scope.region) {
      const regions = service.regions.length > 0 ? service.regions : offerers.flatMap((actor) => actor.regions);
      if (!anyRegionCovers(regions, scope.region)) continue;
    }
    if (wantedNeeds) {
      const needs = index.outEdges(service.id, 'meets').map((edge) => index.node(edge.to));
      if (!needs.some((need) => need?.kind === 'need' && wantedNeeds.has(need.code))) continue;
    }
    if (wantedTypes && !offerers.some((actor) => wantedTypes.has(actor.actorType))) continue;
    services.push(service);
  }
  return services;
}

/** Builds the directory of a scope for an audience. */
export function buildDirectory(
  index: GraphIndex,
  scope: DirectoryScope,
  audience: Audience,
  today: Date,
): DirectoryModel {
  const entries = new Map<string, DirectoryEntry>();
  const byNeed = new Map<NeedCode, Set<string>>();
  const needNames = new Map<NeedCode, { en: string; es: string }>();
  for (const input of servicesInScope(index, scope)) {
    const offerer = index
      .inEdges(input.id, 'offers')
      .map((edge) => index.node(edge.from))
      .filter((n): n is Actor => n?.kind === 'actor')
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    const service = redactForAudience(input, audience, offerer?.confidential ?? []);
    const needs: NeedCode[] = [];
    for (const edge of index.outEdges(input.id, 'meets')) {
      const need = index.node(edge.to);
      if (need?.kind !== 'need') continue;
      needs.push(need.code);
      needNames.set(need.code, { en: need.name, es: need.nameEs });
    }
    needs.sort();
    const entryId = offerer?.id ?? input.id;
    let entry = entries.get(entryId);
    if (!entry) {
      const provider = offerer ? redactForAudience(offerer, audience) : service;
      entry = {
        id: entryId,
        name: provider.name,
        actorType: offerer?.actorType ?? null,
        description: provider.description,
        ...details(provider, today),
        services: [],
      };
      entries.set(entryId, entry);
    }
    entry.services.push({
      id: service.id,
      name: service.name,
      description: service.description,
      needs,
      regions: service.regions,
      ...details(service, today),
    });
    for (const need of needs) {
      if (scope.needs && scope.needs.length > 0 && !scope.needs.includes(need)) continue;
      const set = byNeed.get(need) ?? new Set<string>();
      set.add(entryId);
      byNeed.set(need, set);
    }
  }
  const sorted = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of sorted) entry.services.sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = new Map(sorted.map((entry) => [entry.id, entry.name]));
  const sections = [...byNeed.entries()]
    .map(([need, ids]) => ({
      need,
      entryIds: [...ids].sort((a, b) => (nameOf.get(a) ?? '').localeCompare(nameOf.get(b) ?? '')),
    }))
    .sort((a, b) => a.need.localeCompare(b.need));
  const indexEntries = sorted
    .flatMap((entry) => [
      { name: entry.name, entryId: entry.id },
      ...entry.services.filter((s) => s.name !== entry.name).map((s) => ({ name: s.name, entryId: entry.id })),
    ])
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    audience,
    generatedOn: isoDate(today),
    scope,
    entries: sorted,
    sections,
    index: indexEntries,
    needNames: Object.fromEntries(needNames),
  };
}
