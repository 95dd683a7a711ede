import { describe, expect, it } from 'vitest';
import { nodeRecordSchema, type NodeRecord, type NodeRecordInput } from '../domain';
import { GraphIndex } from '../graph/graphIndex';
import { SearchEngine } from './searchEngine';

const NOW = new Date(2026, 10, 18, 10, 30);

function graphOf(inputs: NodeRecordInput[]): GraphIndex {
  const graph = new GraphIndex();
  for (const input of inputs) graph.putNode(nodeRecordSchema.parse(input));
  return graph;
}

const actor = (id: string, name: string, extra: Partial<NodeRecordInput> = {}): NodeRecordInput =>
  ({ id, kind: 'actor', actorType: 'ngo', name, source: 'test', ...extra }) as NodeRecordInput;

describe('SearchEngine', () => {
  it('ranks a record matching every word above one matching a single word perfectly', () => {
    const graph = graphOf([
      actor('actor:lantern', 'Lantern'),
      actor('actor:bright-house', 'Bright House', { description: 'A lantern in the night: emergency shelter.' }),
    ]);
    const ids = SearchEngine.build(graph)
      .search({ text: 'lantern shelter' }, NOW)
      .results.map((result) => result.id);
    expect(ids).toEqual(['actor:bright-house', 'actor:lantern']);
  });

  it('gives scores between 0 and 1, best first', () => {
    const graph = graphOf([actor('actor:a', 'Harbor Legal Aid'), actor('actor:b', 'Harbor Clinic')]);
    const { results } = SearchEngine.build(graph).search({ text: 'harbor legal' }, NOW);
    expect(results.map((result) => result.id)).toEqual(['actor:a', 'actor:b']);
    expect(results[0]!.score).toBeLessThanOrEqual(1);
    expect(results[1]!.score).toBeGreaterThan(0);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });

  it('prefers the whole word to longer words it begins, and completes a short beginning only while typing', () => {
    const graph = graphOf([actor('actor:b', 'Havenwood Partners'), actor('actor:a', 'Haven')]);
    const engine = SearchEngine.build(graph);
    expect(engine.search({ text: 'haven' }, NOW).results.map((r) => r.id)).toEqual(['actor:a', 'actor:b']);
    expect(engine.search({ text: 'ha' }, NOW).results.map((r) => r.id)).toEqual(['actor:a', 'actor:b']);
    expect(engine.search({ text: 'ha ' }, NOW).results).toEqual([]);
  });

  it('shows a long description as an excerpt around the match, with ranges into the excerpt', () => {
    const description = `${'Intake and referrals across the county. '.repeat(6)}We also run a weekly Quokka circle for families.`;
    const graph = graphOf([actor('actor:a', 'Riverbend', { description })]);
    const [result] = SearchEngine.build(graph).search({ text: 'quokka' }, NOW).results;
    const match = result!.matches[0]!;
    expect(match.field).toBe('description');
    expect(match.text.startsWith('…')).toBe(true);
    expect(match.ranges.map(([from, to]) => match.text.slice(from, to))).toEqual(['Quokka']);
  });

  it('lists filtered records by name when there is no text, and nothing with neither', () => {
    const graph = graphOf([
      actor('actor:b', 'Beta Shelter', { actorType: 'shelter' }),
      actor('actor:a', 'Alpha Shelter', { actorType: 'shelter' }),
      actor('actor:c', 'Gamma Clinic', { actorType: 'health_provider' }),
    ]);
    const engine = SearchEngine.build(graph);
    expect(engine.search({ text: ' ', actorTypes: ['shelter'] }, NOW).results.map((r) => r.id)).toEqual([
      'actor:a',
      'actor:b',
    ]);
    expect(engine.search({ text: '' }, NOW)).toEqual({ results: [], total: 0 });
  });

  it('takes a removed record out and puts an edited one back under its new words', () => {
    const graph = graphOf([actor('actor:a', 'Wombat Services'), actor('actor:b', 'Koala Services')]);
    const engine = SearchEngine.build(graph);
    const before = graph.node('actor:a')!;
    const after = { ...before, name: 'Echidna Services' } as NodeRecord;
    graph.putNode(after);
    engine.update({ nodes: [{ id: 'actor:a', before, after }], edges: [] });
    expect(engine.search({ text: 'wombat' }, NOW).results).toEqual([]);
    expect(engine.search({ text: 'echidna' }, NOW).results.map((r) => r.id)).toEqual(['actor:a']);
    graph.removeNode('actor:b');
    engine.update({ nodes: [{ id: 'actor:b', before: graph.node('actor:a')!, after: null }], edges: [] });
    expect(engine.search({ text: 'koala' }, NOW).results).toEqual([]);
    expect(engine.size).toBe(1);
  });

  it('rebuilds instead of patching when one change touches most records', () => {
    const inputs = Array.from({ length: 600 }, (_, i) => actor(`actor:n${i}`, `Numbat ${i}`));
    const graph = graphOf(inputs);
    const engine = SearchEngine.build(graph);
    const nodes = [...graph.allNodes()].map((record) => {
      const after = { ...record, name: record.name.replace('Numbat', 'Bilby') } as NodeRecord;
      graph.putNode(after);
      return { id: record.id, before: record, after };
    });
    engine.update({ nodes, edges: [] });
    expect(engine.search({ text: 'numbat' }, NOW).total).toBe(0);
    expect(engine.search({ text: 'bilby 42' }, NOW).results[0]!.id).toBe('actor:n42');
  });
});
