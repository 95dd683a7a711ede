import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/api';
import { SUBGRAPH_PAGE_ITEMS, type NetworkSubgraphPage } from '../../shared/api/methods/networkMethods';
import { writeSavedMap } from '../../../tests/support/savedMap';
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

  it('sends each relation in its graph form: id, type and ends, without its source and note', async () => {
    const view = await ok<{ edges: Record<string, unknown>[] }>('network.subgraph', {});
    expect(view.edges.length).toBeGreaterThan(0);
    for (const edge of view.edges) {
      expect(Object.keys(edge).sort()).toEqual(['from', 'id', 'to', 'type']);
      const stored = atlas.store.index.edge(edge.id as string);
      expect(stored).toMatchObject({ type: edge.type, from: edge.from, to: edge.to });
    }
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

  describe('in pages', () => {
    let large: Awaited<ReturnType<typeof openTempAtlas>>;
    let dispatchLarge: ReturnType<typeof createDispatcher>;
    const page = async (index: number) => {
      const result = await dispatchLarge('network.subgraph', { scope: 'all', page: index });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as NetworkSubgraphPage;
    };
    const allPages = async () => {
      const first = await page(0);
      const rest = await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => page(i + 1)));
      return [first, ...rest];
    };

    beforeAll(async () => {
      large = await openTempAtlas({ includeSample: false });
      writeSavedMap(large, 1500);
      dispatchLarge = createDispatcher(createHandlers(large));
    });
    afterAll(() => large?.dispose());

    it('cuts a large graph into pages of SUBGRAPH_PAGE_ITEMS records and relations, records first', async () => {
      const pages = await allPages();
      const index = large.store.index;
      expect(pages.length).toBe(Math.ceil((index.nodeCount + index.edgeCount) / SUBGRAPH_PAGE_ITEMS));
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, cut] of pages.entries()) {
        expect(cut).toMatchObject({ page: i, pages: pages.length, revision: index.revision });
        if (i < pages.length - 1) expect(cut.nodes.length + cut.edges.length).toBe(SUBGRAPH_PAGE_ITEMS);
      }
      // Joined in page order: every record once, then every relation once.
      const nodes = pages.flatMap((cut) => cut.nodes.map((node) => node.id));
      const edges = pages.flatMap((cut) => cut.edges.map((edge) => edge.id));
      expect(new Set(nodes)).toEqual(new Set([...index.allNodes()].map((node) => node.id)));
      expect(nodes.length).toBe(index.nodeCount);
      expect(edges.length).toBe(index.edgeCount);
      expect(new Set(edges).size).toBe(index.edgeCount);
      const firstWithEdges = pages.findIndex((cut) => cut.edges.length > 0);
      expect(pages.slice(firstWithEdges + 1).every((cut) => cut.nodes.length === 0)).toBe(true);
    });

    it('cuts the pages after an edit from the edited graph, under a new revision', async () => {
      const before = await page(0);
      large.store.write('test', (w) =>
        w.putNode({ kind: 'actor', id: 'actor:paging-test', name: 'Paging Test', actorType: 'ngo', source: 'test' }),
      );
      const after = await allPages();
      expect(after[0]!.revision).toBeGreaterThan(before.revision);
      expect(after.flatMap((cut) => cut.nodes.map((node) => node.id))).toContain('actor:paging-test');
      expect(after.every((cut) => cut.revision === after[0]!.revision)).toBe(true);
    });

    it('refuses a page past the last, naming the field', async () => {
      const { pages } = await page(0);
      const result = await dispatchLarge('network.subgraph', { scope: 'all', page: pages });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.issues).toEqual([
        {
          path: 'page',
          message: `must be less than ${pages}`,
          text: { key: 'error.issue.lessThan', params: { limit: pages } },
        },
      ]);
    });
  });
});
