import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../domain';
import { escapeXml, toCytoscapeJson, toGexf, toGraphml } from './graphFormats';

const tricky = serviceSchema.parse({
  id: 'service:x',
  kind: 'service',
  name: 'A & B <"Shelter"> \u0001 it\'s',
  source: 'test',
});
const graph = { nodes: [tricky], edges: [] };

describe('graph formats', () => {
  it('escapes XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml('A & B <"x"> \u0001\'')).toBe('A &amp; B &lt;&quot;x&quot;&gt; &apos;');
  });

  it('writes the escaped label into GraphML and GEXF', () => {
    expect(toGraphml(graph)).toContain('<data key="label">A &amp; B &lt;&quot;Shelter&quot;&gt;  it&apos;s</data>');
    expect(toGexf(graph, '2026-01-01')).toContain('label="A &amp; B &lt;&quot;Shelter&quot;&gt;  it&apos;s"');
  });

  it('writes Cytoscape.js elements', () => {
    expect(toCytoscapeJson(graph).elements.nodes[0]).toMatchObject({ data: { id: 'service:x', kind: 'service' } });
  });
});
