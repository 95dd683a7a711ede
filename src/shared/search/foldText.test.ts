import { describe, expect, it } from 'vitest';
import { foldText, foldTextWithOrigins, tokenSpans, tokenize } from './foldText';
import { canonicalSpelling } from './spellingVariants';

describe('foldText', () => {
  it('lower-cases, drops accents and spells out special letters', () => {
    expect(foldText('Círculo de Apoyo – Straße, Ærø')).toBe('circulo de apoyo strasse aero');
  });

  it('joins dotted abbreviations and possessives into one word', () => {
    expect(tokenize(foldText("U.S. Department of Men's Affairs (18 U.S.C. § 1589)"))).toEqual([
      'us',
      'department',
      'of',
      'mens',
      'affairs',
      '18',
      'usc',
      '1589',
    ]);
  });

  it('maps each folded character back to the original one', () => {
    const text = 'Atención médica';
    const { folded, origins } = foldTextWithOrigins(text);
    const [first, second] = tokenSpans(folded);
    expect(text.slice(origins[first!.start], origins[first!.end])).toBe('Atención');
    expect(text.slice(origins[second!.start], origins[second!.end])).toBe('médica');
  });

  it('folds character by character into the same words as the whole text', () => {
    const text = "St. Aurelian's Centre — Consejería (Español) & ß";
    expect(tokenSpans(foldTextWithOrigins(text).folded).map((span) => span.term)).toEqual(tokenize(foldText(text)));
  });
});

describe('canonicalSpelling', () => {
  it.each([
    ['labour', 'labor'],
    ['labourers', 'laborers'],
    ['harbour', 'harbor'],
    ['neighbourhood', 'neighborhood'],
    ['programme', 'program'],
    ['programmes', 'programs'],
    ['counselling', 'counseling'],
    ['counsellors', 'counselors'],
    ['centre', 'center'],
    ['centred', 'centered'],
    ['organisation', 'organization'],
    ['criminalised', 'criminalized'],
    ['defence', 'defense'],
    ['paediatric', 'pediatric'],
    ['analyse', 'analyze'],
    ['enrolment', 'enrollment'],
  ])('spells %s as %s', (british, american) => {
    expect(canonicalSpelling(british)).toBe(american);
  });

  it.each([
    'labor',
    'hour',
    'four',
    'enterprise',
    'exercise',
    'premise',
    'wise',
    'are',
    'more',
    'genre',
    'spell',
    'all',
  ])('leaves %s alone', (word) => {
    expect(canonicalSpelling(word)).toBe(word);
  });
});
