/**
 * Coverage: which needs the active providers meet in which regions, and in which languages. A provider is an
 * active actor (through the active services it offers) or a service no active actor offers; a provider covers a
 * region when one of its services serves that region or a region above it (region hierarchy of `regionCovers`).
 */
import {
  NEED_CODES,
  parentRegion,
  regionAncestry,
  regionCovers,
  type Actor,
  type NeedCode,
  type RegionCode,
} from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { providerLinks } from './providerLinks';

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

/** How many deserts of each kind coverage found. */
export interface DesertCounts {
  noProvider: number;
  noLanguage: number;
}

/** Coverage of a graph: the matrix, the deserts (counted, listed on demand) and the cells with a single provider. */
export interface CoverageAnalysis {
  matrix: CoverageMatrix;
  desertCounts: DesertCounts;
  /**
   * The deserts from `offset`, at most `limit` of them, those with no provider first, then by column. Built on
   * demand: a 10k-actor network has ~150k deserts and a screen shows a few hundred.
   */
  deserts: (offset?: number, limit?: number) => ServiceDesert[];
  soleProviders: SoleProvider[];
}

/** Who meets which need in one served region: `provider * needs + need` → the languages it works in. */
type ProviderLanguages = Map<number, Set<string>>;

/** One column of the matrix while it is built: counts, languages and the sole provider (-1 if not one) per need. */
interface ColumnRow {
  counts: number[];
  languages: Record<string, number>[];
  sole: number[];
  /** Providers of the need there with no languages on record: while there are any, no language is a desert. */
  unknown: number[];
}

/**
 * Computes coverage; `within` restricts the columns to that region and the regions inside it. A column is its
 * parent region's column plus the providers serving that region itself, so a state-wide provider is counted once
 * per state rather than once per county (the 10k-actor network has thousands of counties).
 */
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
  const spokenAt = new Map<string, Set<string>>();
  const regionNames = new Map<string, RegionCode>();
  const ownAt = new Map<string, ProviderLanguages>();
  const NEEDS = NEED_CODES.length;
  const noOwners: string[] = [];

  const links = providerLinks(graph);
  const owners: Actor[] = [];
  for (const service of graph.nodesOfKind('service')) {
    if (service.status !== 'active') continue;
    const needs: number[] = [];
    for (const id of links.needsOf.get(service.id) ?? noOwners) {
      const need = needIndex.get(id);
      if (need !== undefined) needs.push(need);
    }
    if (needs.length === 0) continue;
    const ownerIds = links.ownersOf.get(service.id) ?? noOwners;
    owners.length = 0;
    for (const id of ownerIds) {
      const owner = graph.node(id);
      if (owner?.kind === 'actor' && owner.status === 'active') owners.push(owner);
    }
    if (ownerIds.length > 0 && owners.length === 0) continue;
    // A service without regions or languages of its own takes its owners' (one owner is the common case).
    const inherit = (field: 'regions' | 'languages'): readonly string[] =>
      service[field].length > 0 || owners.length === 0
        ? service[field]
        : owners.length === 1
          ? owners[0]![field]
          : [...new Set(owners.flatMap((owner) => owner[field]))];
    const providers =
      owners.length > 0 ? owners.map((owner) => providerNumber(owner.id)) : [providerNumber(service.id)];
    const languages = inherit('languages');
    for (const region of inherit('regions')) {
      const key = region.toLowerCase();
      let own = ownAt.get(key);
      if (!own) {
        ownAt.set(key, (own = new Map()));
        spokenAt.set(key, new Set());
        regionNames.set(key, region);
      }
      const spoken = spokenAt.get(key)!;
      for (const language of languages) spoken.add(language);
      for (const need of needs) {
        for (const provider of providers) {
          const cellKey = provider * NEEDS + need;
          let spokenBy = own.get(cellKey);
          if (!spokenBy) own.set(cellKey, (spokenBy = new Set()));
          for (const language of languages) spokenBy.add(language);
        }
      }
    }
  }

  const parents = new Map<string, string | null>();
  const parentOf = (key: string): string | null => {
    let parent = parents.get(key);
    if (parent === undefined) parents.set(key, (parent = parentRegion(key)));
    return parent;
  };
  // Everything meeting a need in a region: memoised per region, built only for regions that have regions below them.
  const EMPTY: ProviderLanguages = new Map();
  const mergedMemo = new Map<string, ProviderLanguages>();
  const merged = (key: string | null): ProviderLanguages => {
    if (key === null) return EMPTY;
    const memo = mergedMemo.get(key);
    if (memo) return memo;
    const base = merged(parentOf(key));
    const own = ownAt.get(key);
    let result = base;
    if (own) {
      result = new Map(base);
      for (const [cellKey, languages] of own) {
        const before = result.get(cellKey);
        result.set(cellKey, before ? new Set([...before, ...languages]) : languages);
      }
    }
    mergedMemo.set(key, result);
    return result;
  };
  const EMPTY_ROW: ColumnRow = {
    counts: NEED_CODES.map(() => 0),
    languages: NEED_CODES.map(() => ({})),
    sole: NEED_CODES.map(() => -1),
    unknown: NEED_CODES.map(() => 0),
  };
  const rowMemo = new Map<string, ColumnRow>();
  const rowOf = (key: string | null): ColumnRow => {
    if (key === null) return EMPTY_ROW;
    const memo = rowMemo.get(key);
    if (memo) return memo;
    const parentKey = parentOf(key);
    const base = rowOf(parentKey);
    const own = ownAt.get(key);
    let row = base;
    if (own) {
      const above = merged(parentKey);
      row = {
        counts: [...base.counts],
        languages: [...base.languages],
        sole: [...base.sole],
        unknown: [...base.unknown],
      };
      // A need's language breakdown is copied only when this region changes it; the others stay shared.
      const copied = new Set<number>();
      for (const [cellKey, languages] of own) {
        const need = cellKey % NEEDS;
        const known = above.get(cellKey);
        if (!known) {
          row.sole[need] = row.counts[need] === 0 ? Math.floor(cellKey / NEEDS) : -1;
          row.counts[need]!++;
          if (languages.size === 0) row.unknown[need]!++;
        } else if (known.size === 0 && languages.size > 0) {
          row.unknown[need]!--;
        }
        for (const language of languages) {
          if (known?.has(language)) continue;
          if (!copied.has(need)) {
            copied.add(need);
            row.languages[need] = { ...row.languages[need] };
          }
          const breakdown = row.languages[need]!;
          breakdown[language] = (breakdown[language] ?? 0) + 1;
        }
      }
    }
    rowMemo.set(key, row);
    return row;
  };

  const within = options.within;
  if (within && !regionNames.has(within.toLowerCase())) regionNames.set(within.toLowerCase(), within);
  const ancestry = new Map<string, string[]>();
  for (const region of regionNames.values()) ancestry.set(region, regionAncestry(region));
  const regions = [...regionNames.values()]
    .filter((region) => !within || regionCovers(within, region))
    .sort((a, b) => compareAncestries(ancestry.get(a)!, ancestry.get(b)!));

  const needs: CoverageNeed[] = NEED_CODES.map((code) => {
    const record = graph.node(`need:${code}`);
    const fallback = code.replace(/_/g, ' ');
    return record?.kind === 'need'
      ? { code, name: record.name, nameEs: record.nameEs }
      : { code, name: fallback, nameEs: fallback };
  });
  const counts: number[][] = NEED_CODES.map(() => new Array<number>(regions.length));
  const languages: Record<string, number>[][] = NEED_CODES.map(() => new Array<Record<string, number>>(regions.length));
  const spoken = regions.map((region) => [...(spokenAt.get(region.toLowerCase()) ?? [])].sort());
  const soleProviders: SoleProvider[] = [];
  const rows: ColumnRow[] = new Array<ColumnRow>(regions.length);
  const desertCounts: DesertCounts = { noProvider: 0, noLanguage: 0 };
  // Whether a cell lists its missing languages: met by someone, and by no one whose languages are unknown.
  const checksLanguages = (row: ColumnRow, n: number) => row.counts[n]! > 0 && row.unknown[n] === 0;

  for (let column = 0; column < regions.length; column++) {
    const region = regions[column]!;
    const row = (rows[column] = rowOf(region.toLowerCase()));
    for (let n = 0; n < NEED_CODES.length; n++) {
      const count = row.counts[n]!;
      const breakdown = row.languages[n]!;
      counts[n]![column] = count;
      // Shared between regions whose breakdown is the same; nothing changes it once built.
      languages[n]![column] = breakdown;
      if (count === 0) {
        desertCounts.noProvider++;
        continue;
      }
      if (count === 1) soleProviders.push({ need: NEED_CODES[n]!, region, providerId: providerIds[row.sole[n]!]! });
      if (!checksLanguages(row, n)) continue;
      for (const language of spoken[column]!) if (!breakdown[language]) desertCounts.noLanguage++;
    }
  }

  const deserts = (offset = 0, limit = Infinity): ServiceDesert[] => {
    const page: ServiceDesert[] = [];
    let skip = offset;
    const take = (desert: () => ServiceDesert): boolean => {
      if (skip > 0) skip--;
      else page.push(desert());
      return page.length < limit;
    };
    if (limit <= 0) return page;
    // A page past the deserts with no provider skips them by their count rather than walking them.
    if (skip >= desertCounts.noProvider) skip -= desertCounts.noProvider;
    else {
      for (let column = 0; column < regions.length; column++) {
        const region = regions[column]!;
        for (let n = 0; n < NEED_CODES.length; n++) {
          if (rows[column]!.counts[n] !== 0) continue;
          if (!take(() => ({ kind: 'no_provider', need: NEED_CODES[n]!, region, language: null }))) return page;
        }
      }
    }
    for (let column = 0; column < regions.length; column++) {
      const region = regions[column]!;
      const row = rows[column]!;
      for (let n = 0; n < NEED_CODES.length; n++) {
        if (!checksLanguages(row, n)) continue;
        const breakdown = row.languages[n]!;
        for (const language of spoken[column]!) {
          if (breakdown[language]) continue;
          if (!take(() => ({ kind: 'no_language', need: NEED_CODES[n]!, region, language }))) return page;
        }
      }
    }
    return page;
  };

  return { matrix: { needs, regions, counts, languages, spoken }, desertCounts, deserts, soleProviders };
}

/** Orders regions as a tree read top-down: a region comes right before the regions inside it. */
export function compareRegions(a: RegionCode, b: RegionCode): number {
  return compareAncestries(regionAncestry(a), regionAncestry(b));
}

function compareAncestries(left: readonly string[], right: readonly string[]): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    // Code-unit order: region codes are ASCII codes and place names, and this sorts thousands of them.
    if (left[i]! !== right[i]!) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}
