import { describe, expect, it } from 'vitest';
import { coalitionReportHtml, type CoalitionReportData } from './coalitionReport';

const data: CoalitionReportData = {
  centrality: {
    measure: 'betweenness',
    network: { actors: 3, links: 2, components: 1, exact: true, sources: 3, includeReferrals: false, region: null },
    rows: [
      {
        id: 'actor:hub',
        name: 'Hub <Network>',
        actorType: 'ngo',
        regions: ['US-CA'],
        partners: 2,
        degree: 1,
        betweenness: 1,
        closeness: 1,
        pagerank: 0.5,
        community: 0,
      },
    ],
    total: 3,
    communities: [{ index: 0, leadId: 'actor:hub', leadName: 'Hub <Network>', size: 3 }],
    modularity: 0,
    overlay: { size: {}, community: {} },
    regions: ['US-CA'],
  },
  coverage: {
    matrix: {
      needs: [{ code: 'shelter', name: 'Shelter', nameEs: 'Albergue' }],
      regions: ['US-CA'],
      counts: [[0]],
      languages: [[{}]],
      spoken: [[]],
    },
    deserts: [{ kind: 'no_provider', need: 'shelter', region: 'US-CA', language: null }],
    desertCounts: { noProvider: 1, noLanguage: 0 },
  },
  failures: {
    network: { actors: 3, links: 2, components: 1, exact: true, sources: 3, includeReferrals: false, region: null },
    rows: [],
    total: 0,
    articulationPoints: 0,
  },
  queue: { rows: [], total: 7, today: '2026-11-28' },
  policy: {
    recommendations: [],
    summary: { total: 0, complete: 0, partial: 0, none: 0, directedActors: 0, implementingActors: 0 },
  },
  region: null,
  today: '2026-11-28',
};

describe('coalitionReportHtml', () => {
  it('writes a self-contained page: its own CSP, no script, the heatmap inline, names escaped', () => {
    const html = coalitionReportHtml(data, 'en');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toContain('<script');
    expect(html).toContain('<svg');
    expect(html).toContain('Hub &lt;Network&gt;');
    expect(html).toContain('No provider of Shelter in US-CA');
    expect(html).toContain('7 active records not verified in 12 months');
  });

  it('speaks the reader’s language, need names included', () => {
    const html = coalitionReportHtml(data, 'es');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Ningún proveedor de Albergue en US-CA');
  });
});
