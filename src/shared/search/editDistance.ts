/**
 * Edit distances for typo tolerance: insertions, deletions, substitutions and swaps of two neighbouring letters
 * (optimal string alignment), each counting one. Both give up early once the distance must exceed `max`.
 */

/** The edit distance between `a` and `b`, or `max + 1` when it is more than `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return alignmentDistance(a, b, max, false);
}

/**
 * The fewest edits turning `typed` into some prefix of `word` (a word being typed, with a typo in what is typed so
 * far), or `max + 1` when more than `max` are needed.
 */
export function prefixEditDistance(typed: string, word: string, max: number): number {
  if (word.length < typed.length - max) return max + 1;
  return alignmentDistance(typed, word.slice(0, typed.length + max), max, true);
}

// Three rolling rows of the dynamic programme; reused between calls (search runs on one thread).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function alignmentDistance(a: string, b: string, max: number, prefixOfB: boolean): number {
  const n = a.length;
  const m = b.length;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let beforePrevious = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  let distance = previous[m]!;
  // For a prefix, the typed text may stop anywhere in `b`: the best cell of the last row counts.
  if (prefixOfB) for (let j = 0; j < m; j++) distance = Math.min(distance, previous[j]!);
  return Math.min(distance, max + 1);
}
