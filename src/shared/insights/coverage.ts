/**
 * Coverage: which needs the active providers meet in which regions, and in which languages. A provider is an
 * active actor (through the active services it offers) or a service no active actor offers; a provider covers a
 * region when one of its services serves that region or a region above it (region hierarchy of `regionCovers`).
 */
import { NEED_CODES, regionAncestry, regionCovers, type NeedCode, type RegionCode } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';

/** A row of the matrix: a need, with its names in both UI languages. */
export interface CoverageNeed {
  code: NeedCode;
  name: string;
  nameEs: string;
}

/** The needs × regions matrix: active providers meeting each need in each region, with a language breakdown. */
export interface CoverageMatrix {
  needs: CoverageNeed[];
  /** The columns: every region some active service serves (within the scope, if one was asked for), widest first. */
  regions: RegionCode[];
  /** `counts[need][region]`: distinct providers meeting the need there. */
  counts: number[][];
  /** `languages[need][region]`: providers meeting the need there, per language they work in. */
  languages: Record<string, number>[][];
  /**
   * `spoken[region]`: the languages of the providers based in that very region, taken as spoken there. Providers of
   * the regions inside it are left out, so a Khmer-speaking clinic in Long Beach does not make every state-wide
   * need without Khmer a desert of the whole state.
   */
  spoken: string[][];
}

/** A gap: a need nobody meets in a region, or nobody meets in a language spoken there. */
export interface ServiceDesert {
  kind: 'no_provider' | 'no_language';
  need: NeedCode;
  region: RegionCode;
  /** The language nobody meets the need in, for `no_language`. */
  language: string | null;
}

/** A need in a region met by exactly one provider. */
export interface SoleProvider {
  need: NeedCode;
  region: RegionCode;
  providerId: string;
}

/** Coverage of a graph: the matrix, the deserts and the cells with a single provider. */
export interface CoverageAnalysis {
  matrix: CoverageMatrix;
  deserts: ServiceDesert[];
  soleProviders: SoleProvider[];
}

interface Offering {
  providers: number[];
  needs: number[];
  languages: string[];
}

/** Computes coverage; `within` restricts the columns to that region and the regions inside it. */
export function computeCoverage(graph: GraphIndex, options: { within?: RegionCode } = {}): CoverageAnalysis {
  const needIndex = new Map<string, number>(NEED_CODES.map((code, i) => [`need:${code}`, i]));
  const providerIds: string[] = [];
  const providerIndex = new Map<string, number>();
  const providerNumber = (id: string): number => {
    let number = providerIndex.get(id);
    if (number === undefined) {
      providerIndex.set(id, (number = providerIds.length));
      providerIds.push(id);
    }
    return number;
  };
  const offeringsAt = new Map<string, Offering[]>();
  const spokenAt = new Map<string, Set<string>>();
  const regionNames = new Map<string, RegionCode>();

  for (const service of graph.nodesOfKind('service')) {
    if (service.status !== 'active') continue;
    const needs = graph
      .neighbours(service.id, 'meets')
      .map((id) => needIndex.get(id))
      .filter((i): i is number => i !== undefined);
    if (needs.length === 0) continue;
    const owners = graph
      .neighbours(service.id, 'offers', 'in')
      .map((id) => graph.node(id))
      .filter((node) => node?.kind === 'actor');
    const activeOwners = owners.filter((owner) => owner!.status === 'active');
    if (owners.length > 0 && activeOwners.length === 0) continue;
    const inherit = (field: 'regions' | 'languages'): string[] =>
      service[field].length > 0
        ? service[field]
        : [...new Set(activeOwners.flatMap((owner) => (owner?.kind === 'actor' ? owner[field] : [])))];
    const offering: Offering = {
      providers:
        activeOwners.length > 0 ? activeOwners.map((owner) => providerNumber(owner!.id)) : [providerNumber(service.id)],
      needs,
      languages: inherit('languages'),
    };
    for (const region of inherit('regions')) {
      const key = region.toLowerCase();
      if (!regionNames.has(key)) regionNames.set(key, region);
      const list = offeringsAt.get(key);
      if (list) list.push(offering);
      else offeringsAt.set(key, [offering]);
      let spoken = spokenAt.get(key);
      if (!spoken) spokenAt.set(key, (spoken = new Set()));
      for (const language of offering.languages) spoken.add(language);
    }
  }

  const within = options.within;
  if (within && !regionNames.has(within.toLowerCase())) regionNames.set(within.toLowerCase(), within);
  const regions = [...regionNames.values()]
    .filter((region) => !within || regionCovers(within, region))
    .sort(compareRegions);

  const needs: CoverageNeed[] = NEED_CODES.map((code) => {
    const record = graph.node(`need:${code}`);
    const fallback = code.replace(/_/g, ' ');
    return record?.kind === 'need'
      ? { code, name: record.name, nameEs: record.nameEs }
      : { code, name: fallback, nameEs: fallback };
  });
  const counts = NEED_CODES.map(() => regions.map(() => 0));
  const languages = NEED_CODES.map(() => regions.map((): Record<string, number> => ({})));
  const spoken = regions.map((region) => [...(spokenAt.get(region.toLowerCase()) ?? [])].sort());
  const deserts: ServiceDesert[] = [];
  const languageDeserts: ServiceDesert[] = [];
  const soleProviders: SoleProvider[] = [];
  const providerCount = providerIds.length;

  regions.forEach((region, column) => {
    // (need, provider) pairs present in this column, with the languages each works in for that need.
    const cell = new Map<number, Set<string>>();
    for (const ancestor of regionAncestry(region.toLowerCase())) {
      for (const offering of offeringsAt.get(ancestor) ?? []) {
        for (const need of offering.needs) {
          for (const provider of offering.providers) {
            const key = need * providerCount + provider;
            let spokenBy = cell.get(key);
            if (!spokenBy) cell.set(key, (spokenBy = new Set()));
            for (const language of offering.languages) spokenBy.add(language);
          }
        }
      }
    }
    const lastProvider = new Map<number, number>();
    for (const [key, spokenBy] of cell) {
      const need = Math.floor(key / providerCount);
      counts[need]![column]!++;
      lastProvider.set(need, key % providerCount);
      const breakdown = languages[need]![column]!;
      for (const language of spokenBy) breakdown[language] = (breakdown[language] ?? 0) + 1;
    }
    NEED_CODES.forEach((need, row) => {
      const count = counts[row]![column]!;
      if (count === 0) {
        deserts.push({ kind: 'no_provider', need, region, language: null });
        return;
      }
      if (count === 1) soleProviders.push({ need, region, providerId: providerIds[lastProvider.get(row)!]! });
      for (const language of spoken[column]!) {
        if (!languages[row]![column]![language]) languageDeserts.push({ kind: 'no_language', need, region, language });
      }
    });
  });

  return {
    matrix: { needs, regions, counts, languages, spoken },
    deserts: [...deserts, ...languageDeserts],
    soleProviders,
  };
}

/** Orders regions as a tree read top-down: a region comes right before the regions inside it. */
export function compareRegions(a: RegionCode, b: RegionCode): number {
  const left = regionAncestry(a);
  const right = regionAncestry(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = left[i]!.localeCompare(right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
