import { describe, expect, it } from 'vitest';
import { asciiJson } from './asciiJson';

describe('asciiJson', () => {
  const value = {
    name: 'Women’s Shelter of Año Nuevo',
    note: 'Línea de ayuda 24/7 — 🛟 “safe”',
    nested: [{ city: 'São Paulo' }, 'plain', 42, null, true],
    [`clé`]: 'key with an accent',
  };

  it('writes only ASCII characters', () => {
    expect(asciiJson(value)).toMatch(/^[\x20-\x7e]*$/);
  });

  it('is read back as the same value', () => {
    expect(JSON.parse(asciiJson(value))).toEqual(value);
  });

  it('escapes a character outside the BMP as its two surrogates', () => {
    expect(asciiJson('🛟')).toBe('"\\ud83d\\udedf"');
  });

  it('leaves ASCII-only JSON as JSON.stringify writes it', () => {
    const plain = { id: 'n1', label: 'Harbour Light Outreach', x: 1.5, tags: ['a', 'b'] };
    expect(asciiJson(plain)).toBe(JSON.stringify(plain));
  });
});
