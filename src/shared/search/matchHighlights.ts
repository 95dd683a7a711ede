/**
 * Match highlights: which field values of a found record hold the words the query matched, and which characters of
 * them to mark. Ranges are computed on the folded text and mapped back to the original characters, so "Círculo"
 * found by "circulo", or "Labour" found by "labor", is marked in the record's own spelling.
 */
import { STOPWORDS, foldTextWithOrigins, tokenSpans, wordsOf } from './foldText';
import { FIELD_WEIGHTS, SEARCH_FIELDS, type SearchDocument, type SearchField } from './searchDocument';
import type { SearchMatch } from './searchTypes';

/** The words the query matched: word → how many of its first letters to mark (Infinity: all of it). */
export type MatchedTerms = ReadonlyMap<string, number>;

/** The most field values listed per result. */
const MAX_MATCHES = 3;
/** Values longer than this are shown as an excerpt around the first match. */
const EXCERPT_LENGTH = 140;

/** The matched characters of a record's fields, best fields first, at most three values. */
export function matchHighlights(document: SearchDocument, terms: MatchedTerms): SearchMatch[] {
  const matches: SearchMatch[] = [];
  const ordered = SEARCH_FIELDS.filter((field) => field !== 'acronym').sort(
    (a, b) => FIELD_WEIGHTS[b] - FIELD_WEIGHTS[a],
  );
  for (const field of ordered) {
    for (const value of document.fields[field as Exclude<SearchField, 'acronym'>] ?? []) {
      const ranges = matchedRanges(value, terms);
      if (ranges.length > 0) matches.push(excerpt(field, value, ranges));
      if (matches.length >= MAX_MATCHES) return matches;
    }
  }
  // Found by its initials only ("CAST"): mark the first letter of each word of the name.
  if (matches.length === 0) {
    const name = document.fields.name?.[0] ?? '';
    const initials = initialRanges(name, terms);
    if (initials.length > 0) matches.push({ field: 'name', text: name, ranges: initials });
  }
  return matches;
}

/** The [start, end) ranges of `value` holding a matched word (or its matched beginning). */
export function matchedRanges(value: string, terms: MatchedTerms): [number, number][] {
  // Most values hold no matched word: their remembered words say so without folding them letter by letter.
  if (!wordsOf(value).some((word) => terms.has(word))) return [];
  const { folded, origins } = foldTextWithOrigins(value);
  const ranges: [number, number][] = [];
  for (const span of tokenSpans(folded)) {
    const marked = terms.get(span.term);
    if (marked === undefined) continue;
    const end = Math.min(span.end, span.start + marked);
    ranges.push([origins[span.start]!, origins[end]!]);
  }
  return ranges;
}

function initialRanges(name: string, terms: MatchedTerms): [number, number][] {
  const { folded, origins } = foldTextWithOrigins(name);
  const words = tokenSpans(folded).filter((span) => !/^\d/.test(span.term));
  for (const chosen of [words.filter((span) => !STOPWORDS.has(span.term)), words]) {
    const acronym = chosen.map((span) => span.term[0]).join('');
    if (chosen.length >= 2 && chosen.length <= 7 && terms.has(acronym)) {
      return chosen.map((span) => [origins[span.start]!, origins[span.start + 1]!] as [number, number]);
    }
  }
  return [];
}

function excerpt(field: SearchField, value: string, ranges: [number, number][]): SearchMatch {
  if (value.length <= EXCERPT_LENGTH) return { field, text: value, ranges };
  const first = ranges[0]![0];
  let start = Math.max(0, first - 40);
  const space = value.lastIndexOf(' ', first);
  if (start > 0 && space > start) start = space + 1;
  const end = Math.min(value.length, start + EXCERPT_LENGTH);
  const lead = start > 0 ? '…' : '';
  const text = `${lead}${value.slice(start, end)}${end < value.length ? '…' : ''}`;
  const shift = lead.length - start;
  const inside = ranges
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]) => [from + shift, to + shift] as [number, number]);
  return { field, text, ranges: inside };
}
