/**
 * The search engine: a token and trigram prefilter ({@link TermIndex}) finds the records that hold each query word or
 * a word it may mean (typo, beginning, British or American spelling), ranks them by how many query words they match
 * and how well, and hands the best few to fuse.js, whose score refines the order. Kept current record by record from
 * the store's change events, so an edit never rebuilds it.
 */
import Fuse from 'fuse.js';
import type { NeedCode, NodeKind, NodeRecord } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { nodeSummary } from '../graph/nodeSummary';
import { STOPWORDS, foldText, tokenize, wordsOf } from './foldText';
import { matchHighlights, type MatchedTerms } from './matchHighlights';
import { FIELD_WEIGHTS, SEARCH_FIELDS, searchDocument, type SearchDocument, type SearchField } from './searchDocument';
import { hasNoFilter, passesFilters } from './searchFilters';
import type { SearchQuery, SearchResponse, SearchResult } from './searchTypes';
import { FIELD_BITS, TermIndex, type TermMatch } from './termIndex';

/** What changed in the graph, as the store reports it (ids of records and ends of relations). */
export interface SearchIndexChange {
  nodes: readonly { id: string; before: { kind: NodeKind } | null; after: { kind: NodeKind } | null }[];
  edges: readonly { before: { from: string; to: string } | null; after: { from: string; to: string } | null }[];
}

/** The default number of results. */
export const DEFAULT_LIMIT = 20;
/** Query words beyond this many are ignored. */
const MAX_QUERY_WORDS = 8;
/** How many of the prefilter's best records fuse.js scores. */
const FUSE_CANDIDATES = 30;
/** Names of more words than this have no acronym (nobody abbreviates a sentence). */
const MAX_ACRONYM = 7;
/** How many records' folded names are remembered between keystrokes. */
const RECENT_LIMIT = 4096;
/** When a change touches more records than this share of the index, rebuilding is cheaper than patching. */
const REBUILD_SHARE = 0.05;
const FIELD_COUNT = 1 << FIELD_BITS;
const NO_TERMS = new Int32Array(0);
const FIELD_NUMBERS = Object.fromEntries(SEARCH_FIELDS.map((field, i) => [field, i])) as Record<SearchField, number>;
const WEIGHT_BY_FIELD = Float32Array.from({ length: FIELD_COUNT }, (_, i) => {
  const field = SEARCH_FIELDS[i];
  return field ? FIELD_WEIGHTS[field] : 0;
});

/** A record's search document and its names folded, as the fuse.js step and the exact-name bonus read them. */
interface FoldedRecord {
  document: SearchDocument;
  names: string[];
  acronyms: string[];
}

interface Candidate {
  slot: number;
  covered: number;
  prefilter: number;
}

/** A search index over one graph. */
export class SearchEngine {
  private terms = new TermIndex();
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  /** Per slot: entries `termId << FIELD_BITS | field`, to take the record out again. */
  private docTerms: Int32Array[] = [];
  private readonly scratch = new Set<number>();
  private docNeeds: NeedCode[][] = [];
  private freeSlots: number[] = [];
  private recent = new Map<number, FoldedRecord>();
  // Scratch space of one search: per slot and query word, the best weighted match; a stamp says which search wrote it.
  private best = new Float32Array(0);
  private stamp = new Uint32Array(0);
  private generation = 0;

  private constructor(private readonly graph: GraphIndex) {}

  /** Indexes every record of `graph`. */
  static build(graph: GraphIndex): SearchEngine {
    const engine = new SearchEngine(graph);
    for (const record of graph.allNodes()) engine.insert(record);
    return engine;
  }

  /** An index of no record yet, over `graph`: fill it with {@link indexRecords}, a slice at a time. */
  static empty(graph: GraphIndex): SearchEngine {
    return new SearchEngine(graph);
  }

  /**
   * (Re)indexes these records as the graph holds them now and skips those it no longer holds. Replacing is
   * idempotent, so a build in slices may interleave with {@link update}: whichever runs last reads the current graph.
   */
  indexRecords(ids: Iterable<string>): void {
    for (const id of ids) {
      const record = this.graph.node(id);
      if (record) this.insert(record);
    }
  }

  /** The number of records indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The number of distinct words indexed. */
  get vocabularySize(): number {
    return this.terms.vocabularySize;
  }

  /**
   * Brings the index in step with a committed change: the records changed, the ends of the relations changed, and
   * the records whose documents quote them (an actor lists its services' names and needs; a service its needs).
   */
  update(change: SearchIndexChange): void {
    const touched = new Set<string>();
    for (const node of change.nodes) touched.add(node.id);
    for (const edge of change.edges) {
      for (const ends of [edge.before, edge.after]) if (ends) touched.add(ends.from).add(ends.to);
    }
    for (const id of [...touched]) {
      const record = this.graph.node(id);
      if (record?.kind === 'need') {
        for (const service of this.graph.neighbours(id, 'meets', 'in')) touched.add(service);
        for (const recommendation of this.graph.neighbours(id, 'addresses', 'in')) touched.add(recommendation);
      }
    }
    for (const id of [...touched]) {
      if (this.graph.node(id)?.kind === 'service') {
        for (const actor of this.graph.neighbours(id, 'offers', 'in')) touched.add(actor);
      }
    }
    if (touched.size > Math.max(500, this.size * REBUILD_SHARE)) {
      this.rebuild();
      return;
    }
    for (const id of touched) {
      this.remove(id);
      const record = this.graph.node(id);
      if (record) this.insert(record);
    }
  }

  /** Searches: the best `limit` records for the query text that pass the filters, with their match highlights. */
  search(query: SearchQuery, now: Date): SearchResponse {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const folded = foldText(query.text);
    const allWords = tokenize(folded);
    if (allWords.length === 0)
      return hasNoFilter(query) ? { results: [], total: 0 } : this.listFiltered(query, limit, now);
    const typing = !/\s$/.test(query.text);
    const meaningful = allWords.filter((word, i) => !STOPWORDS.has(word) || (typing && i === allWords.length - 1));
    const words = (meaningful.length > 0 ? meaningful : allWords).slice(0, MAX_QUERY_WORDS);
    const expansions = words.map((word, i) => this.terms.lookup(word, typing && i === words.length - 1));
    const candidates = this.prefilter(words, expansions, query, now);
    const total = candidates.length;
    const shortlist = topCandidates(candidates, Math.max(FUSE_CANDIDATES, limit * 2));
    const wholeQuery = words.join(' ');
    const fuseScores = this.fuseScores(shortlist, wholeQuery);
    const scored = shortlist.map((candidate) => {
      const fuse = fuseScores.get(candidate.slot) ?? 1;
      let quality = 0.6 * candidate.prefilter + 0.4 * (1 - fuse);
      if (this.namedExactly(candidate.slot, wholeQuery)) quality = Math.min(1, quality + 0.3);
      return { candidate, score: (candidate.covered + quality) / (words.length + 1) };
    });
    scored.sort((a, b) => b.score - a.score || this.ids[a.candidate.slot]!.localeCompare(this.ids[b.candidate.slot]!));
    const matched = matchedTerms(words, expansions);
    const results = scored
      .slice(0, limit)
      .map(({ candidate, score }) =>
        this.result(candidate.slot, score, matchHighlights(this.foldedOf(candidate.slot).document, matched)),
      );
    return { results, total };
  }

  /** Every record passing the filters, by name (a search with filters and no text). */
  private listFiltered(query: SearchQuery, limit: number, now: Date): SearchResponse {
    const found: NodeRecord[] = [];
    for (const [id, slot] of this.slotOf) {
      const record = this.graph.node(id);
      if (record && passesFilters(record, this.docNeeds[slot] ?? [], query, now)) found.push(record);
    }
    found.sort((a, b) => a.name.localeCompare(b.name));
    return {
      results: found.slice(0, limit).map((record) => this.result(this.slotOf.get(record.id)!, 1, [])),
      total: found.length,
    };
  }

  /** Every record matching at least one query word and passing the filters, with its coverage and weighted match. */
  private prefilter(words: string[], expansions: TermMatch[][], filters: SearchQuery, now: Date): Candidate[] {
    const slots = this.ids.length;
    const n = words.length;
    if (this.stamp.length < slots) {
      this.stamp = new Uint32Array(Math.ceil(slots * 1.5) + 16);
      this.best = new Float32Array(this.stamp.length * MAX_QUERY_WORDS);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const { stamp, best } = this;
    const touched: number[] = [];
    for (let w = 0; w < n; w++) {
      // A word of one or two letters being typed only looks at names: anything more would flood the list.
      const namesOnly = words[w]!.length <= 2;
      for (const match of expansions[w]!) {
        const entries = this.terms.entries(match.termId);
        const end = namesOnly ? this.terms.primaryCount(match.termId) : entries.length;
        for (let e = 0; e < end; e++) {
          const entry = entries[e]!;
          const slot = entry >>> FIELD_BITS;
          const weight = match.quality * WEIGHT_BY_FIELD[entry & (FIELD_COUNT - 1)]!;
          const at = slot * MAX_QUERY_WORDS + w;
          if (stamp[slot] !== generation) {
            stamp[slot] = generation;
            best.fill(0, slot * MAX_QUERY_WORDS, slot * MAX_QUERY_WORDS + n);
            touched.push(slot);
          }
          if (weight > best[at]!) best[at] = weight;
        }
      }
    }
    const filtered = !hasNoFilter(filters);
    const candidates: Candidate[] = [];
    for (const slot of touched) {
      if (filtered) {
        const record = this.graph.node(this.ids[slot]!);
        if (!record || !passesFilters(record, this.docNeeds[slot] ?? [], filters, now)) continue;
      }
      let covered = 0;
      let sum = 0;
      for (let w = 0; w < n; w++) {
        const value = best[slot * MAX_QUERY_WORDS + w]!;
        if (value > 0) covered++;
        sum += value;
      }
      candidates.push({ slot, covered, prefilter: sum / n });
    }
    return candidates;
  }

  /**
   * fuse.js scores (0 = perfect, 1 = no match) of the shortlisted records: how close the whole query is, letter by
   * letter, to what each record is called (its folded name, aliases and other names). The prefilter has already
   * weighed every field word by word; this refines the order among records that match similar words.
   */
  private fuseScores(shortlist: Candidate[], pattern: string): Map<number, number> {
    const items = shortlist.map((candidate) => ({ slot: candidate.slot, names: this.foldedOf(candidate.slot).names }));
    const fuse = new Fuse(items, { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    const scores = new Map<number, number>();
    for (const hit of fuse.search(pattern)) scores.set(hit.item.slot, hit.score ?? 1);
    return scores;
  }

  /** Whether the query is, word for word, the record's name, one of its aliases or its acronym. */
  private namedExactly(slot: number, wholeQuery: string): boolean {
    const folded = this.foldedOf(slot);
    return folded.names.includes(wholeQuery) || (!wholeQuery.includes(' ') && folded.acronyms.includes(wholeQuery));
  }

  /** A record's search document and folded names, remembered for the records recent searches looked at. */
  private foldedOf(slot: number): FoldedRecord {
    let folded = this.recent.get(slot);
    if (folded) {
      this.recent.delete(slot);
    } else {
      const document = searchDocument(this.graph.node(this.ids[slot]!)!, this.graph);
      const names = [
        ...(document.fields.name ?? []),
        ...(document.fields.aliases ?? []),
        ...(document.fields.otherNames ?? []),
      ];
      folded = {
        document,
        names: names.map((name) => wordsOf(name).join(' ')),
        acronyms: acronymsOf([...(document.fields.name ?? []), ...(document.fields.aliases ?? [])]),
      };
      if (this.recent.size >= RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(slot, folded);
    return folded;
  }

  private result(slot: number, score: number, matches: SearchResult['matches']): SearchResult {
    const summary = nodeSummary(this.graph.node(this.ids[slot]!)!);
    return { ...summary, score: Math.round(score * 1000) / 1000, matches };
  }

  private insert(record: NodeRecord): void {
    this.remove(record.id);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ids[slot] = record.id;
    this.slotOf.set(record.id, slot);
    const document = searchDocument(record, this.graph);
    const entries = this.scratch;
    entries.clear();
    for (const [field, values] of Object.entries(document.fields) as [SearchField, string[]][]) {
      const number = FIELD_NUMBERS[field];
      for (const value of values) {
        for (const term of wordsOf(value)) entries.add(this.terms.intern(term) * FIELD_COUNT + number);
      }
    }
    const acronym = FIELD_NUMBERS.acronym;
    for (const term of acronymsOf([...(document.fields.name ?? []), ...(document.fields.aliases ?? [])])) {
      entries.add(this.terms.intern(term) * FIELD_COUNT + acronym);
    }
    for (const entry of entries) this.terms.add(Math.floor(entry / FIELD_COUNT), slot, entry % FIELD_COUNT);
    this.docTerms[slot] = Int32Array.from(entries);
    this.docNeeds[slot] = document.needs;
  }

  private remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const entry of this.docTerms[slot] ?? [])
      this.terms.remove(Math.floor(entry / FIELD_COUNT), slot, entry % FIELD_COUNT);
    this.slotOf.delete(id);
    this.recent.delete(slot);
    this.docTerms[slot] = NO_TERMS;
    this.docNeeds[slot] = [];
    this.ids[slot] = '';
    this.freeSlots.push(slot);
  }

  private rebuild(): void {
    this.terms = new TermIndex();
    this.ids = [];
    this.slotOf = new Map();
    this.docTerms = [];
    this.docNeeds = [];
    this.freeSlots = [];
    this.recent = new Map();
    for (const record of this.graph.allNodes()) this.insert(record);
  }
}

/** The initials of names of two to seven words: of every word, and of the words that are not stopwords. */
function acronymsOf(names: readonly string[]): string[] {
  const acronyms = new Set<string>();
  for (const name of names) {
    const words = wordsOf(name).filter((word) => !/^\d/.test(word));
    for (const chosen of [words, words.filter((word) => !STOPWORDS.has(word))]) {
      if (chosen.length >= 2 && chosen.length <= MAX_ACRONYM) acronyms.add(chosen.map((word) => word[0]).join(''));
    }
  }
  return [...acronyms];
}

/** The words the query matched and how much of each to mark: the typed length for a word being completed. */
function matchedTerms(words: string[], expansions: TermMatch[][]): MatchedTerms {
  const terms = new Map<string, number>();
  expansions.forEach((matches, w) => {
    for (const match of matches) {
      const marked = match.kind === 'prefix' || match.kind === 'fuzzyPrefix' ? words[w]!.length : Infinity;
      terms.set(match.term, Math.max(terms.get(match.term) ?? 0, marked));
    }
  });
  return terms;
}

/** The best `count` candidates: most query words matched first, then the best weighted match. */
function topCandidates(candidates: Candidate[], count: number): Candidate[] {
  const better = (a: Candidate, b: Candidate) => b.covered - a.covered || b.prefilter - a.prefilter;
  if (candidates.length <= count) return [...candidates].sort(better);
  // A bounded heap keeps the scan linear on the first keystrokes, when most records match something.
  const heap: Candidate[] = [];
  const worse = (i: number, j: number) => better(heap[i]!, heap[j]!) > 0;
  for (const candidate of candidates) {
    if (heap.length < count) {
      heap.push(candidate);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (better(candidate, heap[0]!) < 0) {
      heap[0] = candidate;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && worse(left, worst)) worst = left;
        if (right < heap.length && worse(right, worst)) worst = right;
        if (worst === i) break;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    }
  }
  return heap.sort(better);
}
