/**
 * What search reads of a record: its text fields, each with a weight (name and aliases first, then the other names,
 * phones, what it offers and meets, where and in which languages, and last its long texts), and the needs it meets
 * (for the "need met" filter). Services offered and needs met come from the record's relations, so a record's search
 * document changes when those relations or the records at their other end change.
 */
import type { NeedCode, NodeRecord } from '../domain';
import { isProvider } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';

/** The fields search matches, most important first. */
export const SEARCH_FIELDS = [
  'name',
  'aliases',
  'acronym',
  'otherNames',
  'phones',
  'services',
  'providers',
  'needs',
  'tags',
  'regions',
  'languages',
  'description',
] as const;
/** One of {@link SEARCH_FIELDS}; `acronym` is derived from the initials of the name and aliases. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much a match in each field counts (1 = a match in the name). */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  name: 1,
  aliases: 0.95,
  acronym: 0.8,
  otherNames: 0.85,
  phones: 0.7,
  services: 0.55,
  providers: 0.5,
  needs: 0.5,
  tags: 0.5,
  regions: 0.45,
  languages: 0.45,
  description: 0.4,
};

/** The text of a record that search reads, by field (no `acronym`: the index derives it), and the needs it meets. */
export interface SearchDocument {
  fields: Partial<Record<Exclude<SearchField, 'acronym'>, string[]>>;
  needs: NeedCode[];
}

const languageNames = new Map<string, string[]>();

/** The English and Spanish names of a language code ("es" → Spanish, español), so "spanish" finds Spanish speakers. */
export function languageNamesOf(code: string): string[] {
  let names = languageNames.get(code);
  if (!names) {
    names = [code];
    for (const locale of ['en', 'es']) {
      try {
        const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
        if (name && !names.includes(name)) names.push(name);
      } catch {
        // An unknown code keeps only itself.
      }
    }
    languageNames.set(code, names);
  }
  return names;
}

/** The search document of a record as the graph holds it now. */
export function searchDocument(record: NodeRecord, graph: GraphIndex): SearchDocument {
  const fields: SearchDocument['fields'] = { name: [record.name] };
  if (record.aliases.length > 0) fields.aliases = record.aliases;
  const otherNames: string[] = [];
  const description: string[] = record.description ? [record.description] : [];
  const needs = new Set<NeedCode>();
  const needNames: string[] = [];
  const addNeed = (needId: string) => {
    const need = graph.node(needId);
    if (need?.kind !== 'need' || needs.has(need.code)) return;
    needs.add(need.code);
    needNames.push(need.name, need.nameEs);
  };
  switch (record.kind) {
    case 'statute':
      if (record.citation) otherNames.push(record.citation);
      break;
    case 'recommendation':
      if (record.title && record.title !== record.name) otherNames.push(record.title);
      description.push(...record.actionItems);
      break;
    case 'need':
      otherNames.push(record.nameEs);
      break;
    case 'service':
      for (const need of graph.neighbours(record.id, 'meets')) addNeed(need);
      fields.providers = graph.neighbours(record.id, 'offers', 'in').flatMap((id) => graph.node(id)?.name ?? []);
      break;
    case 'actor': {
      const services: string[] = [];
      for (const serviceId of graph.neighbours(record.id, 'offers')) {
        const service = graph.node(serviceId);
        if (!service) continue;
        services.push(service.name);
        for (const need of graph.neighbours(serviceId, 'meets')) addNeed(need);
      }
      if (services.length > 0) fields.services = services;
      break;
    }
  }
  if (record.kind === 'recommendation') for (const need of graph.neighbours(record.id, 'addresses')) addNeed(need);
  if (otherNames.length > 0) fields.otherNames = otherNames;
  if (needNames.length > 0) fields.needs = needNames;
  if (record.tags.length > 0) fields.tags = record.tags.map((tag) => tag.replace(/[_-]/g, ' '));
  if (isProvider(record)) {
    const phones = record.phones.flatMap((phone) => {
      const digits = phone.number.replace(/\D/g, '');
      return digits.length > 7 ? [phone.number, digits, digits.slice(-7)] : [phone.number, digits];
    });
    if (phones.length > 0) fields.phones = phones;
    const places = [...record.regions];
    if (record.address?.city) places.push(record.address.city);
    if (places.length > 0) fields.regions = places;
    if (record.languages.length > 0) fields.languages = record.languages.flatMap(languageNamesOf);
  }
  if (description.length > 0) fields.description = description;
  return { fields, needs: [...needs] };
}
