import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/api';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import { createHandlers } from './handlers';
import { OVERVIEW_SIZE, overviewIds, shortestPath } from './networkService';

describe('networkHandlers', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  let dispatch: ReturnType<typeof createDispatcher>;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  beforeAll(async () => {
    atlas = await openTempAtlas();
    dispatch = createDispatcher(createHandlers(atlas));
  });
  afterAll(() => atlas?.dispose());

  it('opens on the sample coalition’s actors and the relations among them', async () => {
    const view = await ok<{
      nodes: { id: string; kind: string }[];
      edges: { from: string; to: string }[];
      totalNodes: number;
    }>('network.subgraph', {});
    expect(view.nodes.length).toBeGreaterThan(20);
    expect(view.nodes.every((node) => node.kind === 'actor' && node.id.startsWith('sample:'))).toBe(true);
    const ids = new Set(view.nodes.map((node) => node.id));
    expect(view.edges.every((edge) => ids.has(edge.from) && ids.has(edge.to))).toBe(true);
    expect(view.totalNodes).toBe(atlas.store.index.nodeCount);
  });

  it('falls back to the best-connected actors when there is no sample network', async () => {
    const seedOnly = await openTempAtlas({ includeSample: false });
    try {
      const index = seedOnly.store.index;
      const ids = [...overviewIds(index)];
      expect(ids.length).toBe(Math.min(OVERVIEW_SIZE, index.nodeCount));
      const weakestShown = Math.min(
        ...ids.filter((id) => id.startsWith('actor:')).map((id) => index.edgesOf(id).length),
      );
      const strongestLeftOut = Math.max(
        0,
        ...[...index.nodesOfKind('actor')]
          .filter((actor) => !ids.includes(actor.id))
          .map((actor) => index.edgesOf(actor.id).length),
      );
      expect(weakestShown).toBeGreaterThanOrEqual(strongestLeftOut);
    } finally {
      seedOnly.dispose();
    }
  });

  it('narrows to a need: the need, services meeting it and the actors offering them, across the whole graph', async () => {
    const view = await ok<{ nodes: { id: string; kind: string }[] }>('network.subgraph', { needs: ['shelter'] });
    const kinds = new Set(view.nodes.map((node) => node.kind));
    expect([...kinds].sort()).toEqual(['actor', 'need', 'service']);
    expect(view.nodes.some((node) => node.id === 'need:shelter')).toBe(true);
    expect(view.nodes.some((node) => node.id === 'sample:marigold-gate-residence')).toBe(true);
  });

  it('combines attributes with AND: shelters serving a region', async () => {
    const view = await ok<{ nodes: { id: string; subtype: string | null }[] }>('network.subgraph', {
      actorTypes: ['shelter'],
      kinds: ['actor'],
      regions: ['US-CA/Los Angeles County'],
    });
    expect(view.nodes.length).toBeGreaterThan(0);
    expect(view.nodes.every((node) => node.subtype === 'shelter')).toBe(true);
  });

  it('refuses a bad region code naming the field', async () => {
    const result = await dispatch('network.subgraph', { regions: ['nowhere at all'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('regions[0]');
  });

  it('finds the shortest chain of relations, in order, either direction', () => {
    const index = atlas.store.index;
    const chain = shortestPath(index, 'sample:marigold-gate-residence', 'need:shelter', 8)!;
    expect(chain.length).toBeGreaterThan(0);
    const ends = chain.flatMap((edge) => [edge.from, edge.to]);
    expect(ends).toContain('sample:marigold-gate-residence');
    expect(ends).toContain('need:shelter');
    expect(shortestPath(index, 'need:shelter', 'need:shelter', 8)).toEqual([]);
  });

  it('keeps saved views in the database and deletes them by name', async () => {
    await ok('network.views.save', { name: 'Shelters', filter: { actorTypes: ['shelter'] } });
    const views = await ok<{ name: string; filter: { actorTypes: string[] } }[]>('network.views.list', {});
    expect(views.map((view) => view.name)).toEqual(['Shelters']);
    expect(views[0]!.filter.actorTypes).toEqual(['shelter']);
    expect(await ok('network.views.delete', { name: 'Shelters' })).toEqual([]);
    expect((await dispatch('network.views.delete', { name: 'Shelters' })).ok).toBe(false);
  });

  it('saves positions only for records that exist', async () => {
    const saved = await ok<{ saved: number }>('network.positions.save', {
      positions: [
        { nodeId: 'sample:marigold-gate-residence', x: 1, y: 2 },
        { nodeId: 'actor:does-not-exist', x: 3, y: 4 },
      ],
    });
    expect(saved.saved).toBe(1);
    const { positions } = await ok<{ positions: { nodeId: string }[] }>('network.positions.get', {});
    expect(positions.map((p) => p.nodeId)).toEqual(['sample:marigold-gate-residence']);
  });
});
