/**
 * JSON as ASCII only: every character past U+007F written as a `\uXXXX` escape, which JSON.parse reads back as the
 * same string. The window decodes a response's text in one task on its main thread, and a single non-ASCII
 * character (a name's apostrophe, an accent) sends the whole text down Chromium's slower two-byte path: the first
 * page of a five-thousand-record graph (685 kB, 221 typographic apostrophes) took 21–29 ms of that task to decode.
 * Only string contents can hold such characters, and an escape is valid in any of them.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escapeCodeUnit);
}

// Code units, not code points: a character outside the BMP becomes its two surrogates' escapes, as JSON spells it.
const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
