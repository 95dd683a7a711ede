import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { es } from './es';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogues', () => {
  it('give every message the same values in Spanish as in English', () => {
    const differing = (Object.keys(en) as MessageKey[])
      .filter((key) => placeholders(en[key]).join() !== placeholders(es[key]).join())
      .map((key) => `${key}: ${en[key]} | ${es[key]}`);
    expect(differing).toEqual([]);
  });

  it('can tell when a translation drops a value', () => {
    expect(placeholders('{file}: el archivo ocupa {size} MB').join()).not.toBe(
      placeholders(en['error.fileTooLarge']).join(),
    );
  });
});
