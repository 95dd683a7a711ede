/**
 * Folding text for search: lower case, accents off (é = e), a few letters spelled out (ß = ss, æ = ae), apostrophes
 * and dots dropped so "U.S." and "Men's" are one word, and every other mark a word break. Words are then put in their
 * American spelling ({@link canonicalSpelling}). Records and queries go through the same folding, so they meet.
 */
import { canonicalSpelling } from './spellingVariants';

/** A word of folded text and where it sits in that text (`start` inclusive, `end` exclusive). */
export interface TokenSpan {
  term: string;
  start: number;
  end: number;
}

const MARKS = /\p{M}/gu;
const JOINERS = /['’ʼ`.]/g;
const BREAKS = /[^\p{L}\p{N}]+/gu;
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const SPECIAL = /[ßæœøłđðþıς]/g;

const NON_ASCII = /[^ -~\t\n\r]/;

/** Text folded for comparison: lower case, no accents, joiners dropped, every other non-letter a space. */
export function foldText(text: string): string {
  // Most text is plain ASCII: it needs no decomposition and has no special letters.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(JOINERS, '').replace(BREAKS, ' ');
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(JOINERS, '')
    .replace(BREAKS, ' ');
}

/**
 * The same folding, one character at a time, with `origins[i]` = the index in `text` of folded character `i`
 * (and `origins[folded.length]` = `text.length`), so a range found in the folded text can be shown in the original.
 */
export function foldTextWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    // ASCII letters and digits fold to themselves in lower case; only other characters need the full folding.
    const piece =
      (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
        ? char
        : code >= 65 && code <= 90
          ? String.fromCharCode(code + 32)
          : foldText(char);
    for (let k = 0; k < piece.length; k++) origins.push(index);
    folded += piece;
    index += char.length;
  }
  origins.push(text.length);
  return { folded, origins };
}

/** The words of folded text, each in its canonical spelling. */
export function tokenize(folded: string): string[] {
  const words: string[] = [];
  for (const word of folded.split(' ')) if (word) words.push(canonicalSpelling(word));
  return words;
}

// Short values recur across records (need names, languages, places, tags): their words are remembered. Long ones
// (names, descriptions) are mostly unique, and hashing them would cost more than folding them again.
const remembered = new Map<string, readonly string[]>();
const REMEMBERED_LIMIT = 50_000;
const REMEMBERED_LENGTH = 48;

/** The folded words of a text, `tokenize(foldText(text))`, remembered for short texts seen before. */
export function wordsOf(text: string): readonly string[] {
  if (text.length > REMEMBERED_LENGTH) return tokenize(foldText(text));
  let words = remembered.get(text);
  if (!words) {
    if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
    words = tokenize(foldText(text));
    remembered.set(text, words);
  }
  return words;
}

/** The words of folded text with their positions in it. */
export function tokenSpans(folded: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const pattern = /[^ ]+/g;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    spans.push({ term: canonicalSpelling(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Words too common to tell records apart; dropped from a query of several words (English and Spanish). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'de',
  'del',
  'el',
  'la',
  'las',
  'los',
  'para',
  'por',
  'un',
  'una',
  'y',
  'en',
]);
