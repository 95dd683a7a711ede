import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NEED_CODES } from '../../shared/domain';
import { DATA_DIR, openTempAtlas } from '../../../tests/support/tempAtlas';
import { readDataSet } from './seedData';

describe('a fresh database', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  beforeAll(async () => {
    atlas = await openTempAtlas();
  });
  afterAll(() => atlas.dispose());

  const seedNodes = () => [...atlas.store.index.allNodes()].filter((node) => !node.id.startsWith('sample:'));

  it('holds the seed knowledge base: at least 25 actors and 10 statutes, all 21 needs', () => {
    expect(seedNodes().filter((n) => n.kind === 'actor').length).toBeGreaterThanOrEqual(25);
    expect(seedNodes().filter((n) => n.kind === 'statute').length).toBeGreaterThanOrEqual(10);
    const needs = seedNodes().filter((n) => n.kind === 'need');
    expect(needs.map((n) => n.kind === 'need' && n.code).sort()).toEqual([...NEED_CODES].sort());
    for (const need of needs) if (need.kind === 'need') expect(need.nameEs.length).toBeGreaterThan(0);
  });

  it('holds the 14 numbered recommendations, each with its action items', () => {
    const numbered = seedNodes().filter((n) => n.kind === 'recommendation' && n.number >= 1);
    expect(numbered.map((n) => n.kind === 'recommendation' && n.number).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    for (const recommendation of numbered) {
      if (recommendation.kind === 'recommendation') expect(recommendation.actionItems.length).toBeGreaterThan(0);
    }
  });

  it('holds at least 150 relations among seed records', () => {
    const seedEdges = [...atlas.store.index.allEdges()].filter(
      (e) => !e.from.startsWith('sample:') && !e.to.startsWith('sample:'),
    );
    expect(seedEdges.length).toBeGreaterThanOrEqual(150);
  });

  it('cites a source for every seed record and relation', () => {
    for (const node of seedNodes()) expect(node.source.trim(), node.id).not.toBe('');
    for (const edge of atlas.store.index.allEdges()) expect(edge.source.trim(), edge.id).not.toBe('');
  });

  it('keeps a historical body linked to its successor', () => {
    const ins = atlas.store.index.node('actor:ins');
    expect(ins?.status).toBe('historical');
    const successors = atlas.store.index.inEdges('actor:ins', 'successor_of').map((e) => e.from);
    expect(successors.length).toBeGreaterThan(0);
  });

  it('includes the fictional sample network, tagged and kept apart under sample: ids', () => {
    const sample = [...atlas.store.index.allNodes()].filter((n) => n.id.startsWith('sample:'));
    const providers = sample.filter((n) => n.kind === 'actor');
    expect(providers.length).toBeGreaterThanOrEqual(60);
    for (const node of sample) expect(node.tags, node.id).toContain('sample');
    const shelters = providers.filter((n) => n.kind === 'actor' && n.actorType === 'shelter');
    for (const shelter of shelters)
      if (shelter.kind === 'actor') expect(shelter.confidential, shelter.id).toContain('address.street');
  });

  it('is not reloaded when opened again', async () => {
    const { openAtlas } = await import('./atlas');
    const again = await openAtlas({ databasePath: atlas.config.databasePath, dataDir: DATA_DIR, version: 't' });
    expect(again.created).toBe(false);
    expect(again.store.index.nodeCount).toBe(atlas.store.index.nodeCount);
    again.close();
  });
});

describe('--no-sample', () => {
  it('leaves the sample network out of a new database', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    try {
      expect([...atlas.store.index.allNodes()].some((n) => n.id.startsWith('sample:'))).toBe(false);
      expect(atlas.store.index.countOfKind('actor')).toBe(
        readDataSet(join(DATA_DIR, 'seed')).nodes.filter((n) => n.kind === 'actor').length,
      );
    } finally {
      atlas.dispose();
    }
  });
});
