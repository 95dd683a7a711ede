import { describe, expect, it } from 'vitest';
import { boundedEditDistance, prefixEditDistance } from './editDistance';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions and deletions', () => {
    expect(boundedEditDistance('polaris', 'polaris', 2)).toBe(0);
    expect(boundedEditDistance('polaris', 'polarls', 2)).toBe(1);
    expect(boundedEditDistance('polaris', 'polris', 2)).toBe(1);
    expect(boundedEditDistance('polaris', 'pollaris', 2)).toBe(1);
  });

  it('counts two swapped neighbouring letters as one typo', () => {
    expect(boundedEditDistance('trafficking', 'traffikcing', 2)).toBe(1);
  });

  it('gives up past the bound', () => {
    expect(boundedEditDistance('shelter', 'hotline', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('prefixEditDistance', () => {
  it('measures a half-typed word against the beginning of a word', () => {
    expect(prefixEditDistance('counsl', 'counseling', 2)).toBe(1);
    expect(prefixEditDistance('cuonse', 'counseling', 2)).toBe(1);
    expect(prefixEditDistance('counse', 'counseling', 2)).toBe(0);
    expect(prefixEditDistance('shelt', 'counseling', 1)).toBe(2);
  });
});
