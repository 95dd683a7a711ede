import { describe, expect, it } from 'vitest';
import { compareRegions, computeCoverage } from './coverage';
import { TestGraph } from './testGraphs';

const LA = 'US-CA/Los Angeles County';
const OC = 'US-CA/Orange County';

/** Two counties: LA has two shelters (one Spanish-speaking) and a legal clinic; Orange County has one shelter. */
function twoCounties() {
  const g = new TestGraph();
  const a = g.actor('shelter-a', { regions: [LA], languages: ['en', 'es'] });
  const b = g.actor('shelter-b', { regions: [LA], languages: ['en'] });
  const c = g.actor('clinic', { regions: [LA], languages: ['en', 'vi'] });
  const d = g.actor('orange-shelter', { regions: [OC], languages: ['en'] });
  g.service(a, 'a-beds', ['shelter']);
  g.service(b, 'b-beds', ['shelter', 'safety']);
  g.service(c, 'c-legal', ['legal_aid']);
  g.service(d, 'd-beds', ['shelter']);
  return g;
}

const cell = (coverage: ReturnType<typeof computeCoverage>, need: string, region: string) => {
  const row = coverage.matrix.needs.findIndex((n) => n.code === need);
  const column = coverage.matrix.regions.indexOf(region);
  return { count: coverage.matrix.counts[row]![column]!, languages: coverage.matrix.languages[row]![column]! };
};

describe('computeCoverage', () => {
  it('counts distinct active providers per need and region, with a language breakdown', () => {
    const coverage = computeCoverage(twoCounties().index);
    expect(coverage.matrix.regions).toEqual([LA, OC]);
    expect(cell(coverage, 'shelter', LA)).toEqual({ count: 2, languages: { en: 2, es: 1 } });
    expect(cell(coverage, 'shelter', OC).count).toBe(1);
    expect(cell(coverage, 'legal_aid', LA)).toEqual({ count: 1, languages: { en: 1, vi: 1 } });
    expect(cell(coverage, 'legal_aid', OC).count).toBe(0);
  });

  it('lists a need nobody meets in a region as a desert', () => {
    const coverage = computeCoverage(twoCounties().index);
    expect(coverage.deserts()).toContainEqual({ kind: 'no_provider', need: 'legal_aid', region: OC, language: null });
    expect(coverage.deserts()).not.toContainEqual(expect.objectContaining({ kind: 'no_provider', need: 'shelter' }));
  });

  it('counts the deserts of each kind and lists them in pages, those with no provider first', () => {
    const coverage = computeCoverage(twoCounties().index);
    const all = coverage.deserts();
    const noProvider = all.filter((d) => d.kind === 'no_provider').length;
    expect(coverage.desertCounts).toEqual({ noProvider, noLanguage: all.length - noProvider });
    expect(coverage.desertCounts.noLanguage).toBeGreaterThan(0);
    expect(all.findIndex((d) => d.kind === 'no_language')).toBe(noProvider);
    // Pages straddling the end of the no-provider deserts, and starting past it, match the full list.
    expect(coverage.deserts(noProvider - 1, 2)).toEqual(all.slice(noProvider - 1, noProvider + 1));
    expect(coverage.deserts(noProvider + 1, 3)).toEqual(all.slice(noProvider + 1, noProvider + 4));
    expect(coverage.deserts(all.length, 5)).toEqual([]);
  });

  it('lists a language spoken in a region that no provider of a need there works in', () => {
    const coverage = computeCoverage(twoCounties().index);
    expect(coverage.matrix.spoken[0]).toEqual(['en', 'es', 'vi']);
    // Shelter is offered in Spanish but not in Vietnamese in LA; legal aid in neither Spanish.
    expect(coverage.deserts()).toContainEqual({ kind: 'no_language', need: 'shelter', region: LA, language: 'vi' });
    expect(coverage.deserts()).toContainEqual({ kind: 'no_language', need: 'legal_aid', region: LA, language: 'es' });
    expect(coverage.deserts()).not.toContainEqual({ kind: 'no_language', need: 'shelter', region: LA, language: 'es' });
  });

  it('takes the languages spoken in a region from the providers based there, not from the regions inside it', () => {
    const g = twoCounties();
    const state = g.actor('state-line', { regions: ['US-CA'], languages: ['en'] });
    g.service(state, 'state-hotline', ['hotline']);
    const coverage = computeCoverage(g.index);
    expect(coverage.matrix.spoken[coverage.matrix.regions.indexOf('US-CA')]).toEqual(['en']);
    expect(coverage.deserts()).not.toContainEqual(expect.objectContaining({ region: 'US-CA', kind: 'no_language' }));
  });

  it('finds no language desert where a provider of the need has no languages on record', () => {
    const g = twoCounties();
    const unknown = g.actor('unknown-languages', { regions: [LA], languages: [] });
    g.service(unknown, 'unknown-legal', ['legal_aid']);
    const coverage = computeCoverage(g.index);
    expect(coverage.deserts()).not.toContainEqual(
      expect.objectContaining({ need: 'legal_aid', region: LA, kind: 'no_language' }),
    );
    expect(coverage.deserts()).toContainEqual({ kind: 'no_language', need: 'shelter', region: LA, language: 'vi' });
  });

  it('counts a state-wide provider in every county of the state, once', () => {
    const g = twoCounties();
    const state = g.actor('state-line', { regions: ['US-CA', LA] });
    g.service(state, 'state-legal', ['legal_aid']);
    const coverage = computeCoverage(g.index);
    expect(coverage.matrix.regions).toEqual(['US-CA', LA, OC]);
    expect(cell(coverage, 'legal_aid', OC).count).toBe(1);
    expect(cell(coverage, 'legal_aid', LA).count).toBe(2);
    expect(cell(coverage, 'legal_aid', 'US-CA').count).toBe(1);
  });

  it('leaves out historical providers and restricts columns to a scope', () => {
    const g = twoCounties();
    const closed = g.actor('closed', { regions: [OC], status: 'historical' });
    g.service(closed, 'closed-legal', ['legal_aid']);
    const coverage = computeCoverage(g.index, { within: OC });
    expect(coverage.matrix.regions).toEqual([OC]);
    expect(cell(coverage, 'legal_aid', OC).count).toBe(0);
  });

  it('names the sole provider of a need in a region', () => {
    const coverage = computeCoverage(twoCounties().index);
    expect(coverage.soleProviders).toContainEqual({ need: 'legal_aid', region: LA, providerId: 'actor:clinic' });
    expect(coverage.soleProviders).not.toContainEqual(expect.objectContaining({ need: 'shelter', region: LA }));
  });
});

describe('compareRegions', () => {
  it('orders a region right before the regions inside it', () => {
    expect(['US-CA/B', 'US', 'US-CA/A/x', 'US-CA', 'US-CA/A', 'GB'].sort(compareRegions)).toEqual([
      'GB',
      'US',
      'US-CA',
      'US-CA/A',
      'US-CA/A/x',
      'US-CA/B',
    ]);
  });
});
