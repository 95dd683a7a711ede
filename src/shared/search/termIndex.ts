/**
 * The prefilter: an inverted index from words to the records (slots) and fields holding them, and a trigram index
 * over the vocabulary, so a misspelled or half-typed word finds the words it may mean without reading every record.
 * Kept current one record at a time; fuse.js then scores only the few records the prefilter hands it.
 */
import { boundedEditDistance, prefixEditDistance } from './editDistance';

/** How a query word met a word of the index. */
export type TermMatchKind = 'exact' | 'prefix' | 'fuzzy' | 'fuzzyPrefix';

/** A word of the index that a query word may mean, and how well it matches (1 = the same word). */
export interface TermMatch {
  termId: number;
  term: string;
  kind: TermMatchKind;
  quality: number;
}

/** Fields numbered below this are a record's names (name, aliases, acronym, other names): listed first in postings. */
export const PRIMARY_FIELD_COUNT = 4;
/** Bits of a posting entry that hold the field number. */
export const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** The most words one query word may expand to: enough for type-ahead, bounded for the first keystrokes. */
const MAX_PREFIX_TERMS = 300;

/** How many typos a word of this length may hold: none up to 3 letters, one up to 5, two from 6. */
export function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

/** An inverted index of words to `slot * 16 + field` entries, with a trigram index of its vocabulary. */
export class TermIndex {
  private readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Per term: entries `slot << FIELD_BITS | field`, those of primary fields first. */
  private readonly postings: number[][] = [];
  /** Per term: how many of its entries (at the front) are in primary fields. */
  private readonly heads: number[] = [];
  private readonly grams = new Map<string, number[]>();
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private counts = new Int32Array(1024);

  /** The number of distinct words ever indexed. */
  get vocabularySize(): number {
    return this.terms.length;
  }

  /** The entries of a term (do not modify). */
  entries(termId: number): readonly number[] {
    return this.postings[termId] ?? [];
  }

  /** How many entries of a term are in primary fields (they come first). */
  primaryCount(termId: number): number {
    return this.heads[termId] ?? 0;
  }

  /** The id of a word, added to the vocabulary if new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.postings.push([]);
      this.heads.push(0);
      for (const gram of trigrams(term, true)) {
        let list = this.grams.get(gram);
        if (!list) this.grams.set(gram, (list = []));
        list.push(id);
      }
      this.unsorted.push(term);
    }
    return id;
  }

  /** Records that `slot` holds `termId` in `field`. */
  add(termId: number, slot: number, field: number): void {
    const list = this.postings[termId]!;
    const entry = slot * (FIELD_MASK + 1) + field;
    if (field < PRIMARY_FIELD_COUNT) {
      const head = this.heads[termId]!;
      if (head === list.length) list.push(entry);
      else {
        list.push(list[head]!);
        list[head] = entry;
      }
      this.heads[termId] = head + 1;
    } else list.push(entry);
  }

  /** Forgets that `slot` holds `termId` in `field`. */
  remove(termId: number, slot: number, field: number): void {
    const list = this.postings[termId];
    if (!list) return;
    const entry = slot * (FIELD_MASK + 1) + field;
    const at = list.indexOf(entry);
    if (at < 0) return;
    const last = list.length - 1;
    if (field < PRIMARY_FIELD_COUNT) {
      const head = this.heads[termId]! - 1;
      list[at] = list[head]!;
      list[head] = list[last]!;
      this.heads[termId] = head;
    } else list[at] = list[last]!;
    list.pop();
  }

  /**
   * The words of the index a query word may mean: itself, words it begins (when `prefix`), and words within the
   * allowed typos of it (or, when `prefix`, of their beginning). Best matches first.
   */
  lookup(word: string, prefix: boolean): TermMatch[] {
    const found = new Map<number, TermMatch>();
    const offer = (termId: number, kind: TermMatchKind, quality: number) => {
      if ((this.postings[termId]?.length ?? 0) === 0) return;
      const known = found.get(termId);
      if (!known || known.quality < quality) found.set(termId, { termId, term: this.terms[termId]!, kind, quality });
    };
    const exact = this.ids.get(word);
    if (exact !== undefined) offer(exact, 'exact', 1);
    if (prefix || word.length >= 3) this.offerPrefixes(word, prefix, offer);
    const edits = allowedEdits(word.length);
    if (edits > 0) this.offerNeighbours(word, edits, prefix, offer);
    return [...found.values()].sort((a, b) => b.quality - a.quality || a.term.length - b.term.length);
  }

  private offerPrefixes(word: string, lastWord: boolean, offer: (id: number, kind: TermMatchKind, q: number) => void) {
    const sorted = this.sortedTerms();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]! < word) low = mid + 1;
      else high = mid;
    }
    const matches: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(word); i++) {
      if (sorted[i] !== word) matches.push(sorted[i]!);
    }
    // Many words share a short beginning; the shortest are the likeliest completions.
    if (matches.length > MAX_PREFIX_TERMS) matches.sort((a, b) => a.length - b.length).length = MAX_PREFIX_TERMS;
    const base = lastWord ? 0.75 : 0.6;
    for (const term of matches) offer(this.ids.get(term)!, 'prefix', base + (0.2 * word.length) / term.length);
  }

  private offerNeighbours(
    word: string,
    edits: number,
    prefix: boolean,
    offer: (id: number, kind: TermMatchKind, q: number) => void,
  ): void {
    const grams = trigrams(word, !prefix);
    const needed = Math.max(1, grams.length - 3 * edits);
    if (this.counts.length < this.terms.length) this.counts = new Int32Array(this.terms.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const gram of new Set(grams)) {
      const list = this.grams.get(gram);
      if (!list) continue;
      for (const id of list) {
        if (counts[id] === 0) touched.push(id);
        counts[id]!++;
      }
    }
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      if (shared < needed) continue;
      const term = this.terms[id]!;
      const distance = boundedEditDistance(word, term, edits);
      if (distance <= edits) {
        offer(id, 'fuzzy', distance === 1 ? 0.75 : 0.6);
      } else if (prefix && term.length > word.length) {
        // One typo at most in a half-typed word: two would let almost any word of the same length begin like it.
        if (prefixEditDistance(word, term, 1) <= 1) offer(id, 'fuzzyPrefix', 0.6);
      }
    }
  }

  private sortedTerms(): string[] {
    if (this.unsorted.length > 0) {
      const fresh = this.unsorted.sort();
      this.unsorted = [];
      const merged: string[] = new Array(this.sorted.length + fresh.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < this.sorted.length && j < fresh.length)
        merged[k++] = this.sorted[i]! < fresh[j]! ? this.sorted[i++]! : fresh[j++]!;
      while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
      while (j < fresh.length) merged[k++] = fresh[j++]!;
      this.sorted = merged;
    }
    return this.sorted;
  }
}

/** The three-letter pieces of a word, with `^` marking its start and, when `closed`, `$` its end. */
export function trigrams(word: string, closed: boolean): string[] {
  const padded = `^${word}${closed ? '$' : ''}`;
  if (padded.length < 3) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
