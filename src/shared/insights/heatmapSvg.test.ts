import { describe, expect, it } from 'vitest';
import { coverageHeatmapSvg, heatmapFill } from './heatmapSvg';
import type { CoverageMatrix } from './coverage';

const matrix: CoverageMatrix = {
  needs: [
    { code: 'shelter', name: 'Shelter', nameEs: 'Albergue' },
    { code: 'legal_aid', name: 'Legal <aid> & more', nameEs: 'Ayuda legal' },
  ],
  regions: ['US-CA/Los Angeles County', 'US-CA/Orange County'],
  counts: [
    [4, 1],
    [0, 2],
  ],
  languages: [
    [{ en: 4 }, { en: 1 }],
    [{}, { en: 2 }],
  ],
  spoken: [['en'], ['en']],
};

const labels = {
  title: 'Coverage',
  need: (row: number) => matrix.needs[row]!.name,
  cell: (row: number, column: number) => `${matrix.needs[row]!.name} in ${matrix.regions[column]}`,
  legend: { none: 'none', one: 'one', several: 'several' },
};

describe('coverageHeatmapSvg', () => {
  it('draws one labelled cell per need and region, a dash for a desert', () => {
    const svg = coverageHeatmapSvg(matrix, labels);
    expect(svg.match(/<g><title>/g)).toHaveLength(4);
    expect(svg).toContain('>–</text>');
    expect(svg).toContain('>Los Angeles County</text>');
  });

  it('escapes every text it writes', () => {
    const svg = coverageHeatmapSvg(matrix, labels);
    expect(svg).toContain('Legal &lt;aid&gt; &amp; more');
    expect(svg).not.toContain('<aid>');
  });

  it('tells a desert, a single provider and several providers apart by colour', () => {
    expect(new Set([heatmapFill(0, 9), heatmapFill(1, 9), heatmapFill(2, 9), heatmapFill(9, 9)]).size).toBe(4);
  });
});
