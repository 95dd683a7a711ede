import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkSubgraphPage } from '../../../../shared/api/methods/networkMethods';
import type * as client from '../../api/client';
import { OVERVIEW_FILTER } from './firstGraph';
import { fetchSubgraph } from './subgraphPages';

const calls: { page: number }[] = [];
/** The revision each asked page is cut from, in the order asked (the last one repeats). */
let revisions: number[] = [];

vi.mock('../../api/client', async (original) => ({
  ...(await original<typeof client>()),
  call: vi.fn((_method: string, input: { page: number }) => {
    calls.push(input);
    return Promise.resolve(pageOf(input.page, revisions.length > 1 ? revisions.shift()! : revisions[0]!));
  }),
}));

/** Page `page` of a four-page graph: 3 records, then 4 relations, two items a page (the last page one). */
function pageOf(page: number, revision: number): NetworkSubgraphPage {
  const items = ['n1', 'n2', 'n3', 'e1', 'e2', 'e3', 'e4'].slice(page * 2, page * 2 + 2);
  return {
    nodes: items
      .filter((id) => id.startsWith('n'))
      .map((id) => ({ id, kind: 'actor', name: id, status: 'active', subtype: 'ngo', stale: false, degree: 1 })),
    edges: items.filter((id) => id.startsWith('e')).map((id) => ({ id, type: 'partners_with', from: 'n1', to: 'n2' })),
    truncated: false,
    totalNodes: 3,
    totalEdges: 4,
    page,
    pages: 4,
    revision,
  };
}

describe('fetchSubgraph', () => {
  beforeEach(() => {
    calls.length = 0;
    revisions = [7];
  });

  it('asks for every page and joins them in page order', async () => {
    const subgraph = await fetchSubgraph(OVERVIEW_FILTER);
    expect(calls.map((input) => input.page).sort()).toEqual([0, 1, 2, 3]);
    expect(calls[0]).toEqual({ ...OVERVIEW_FILTER, page: 0 });
    expect(subgraph.nodes.map((node) => node.id)).toEqual(['n1', 'n2', 'n3']);
    expect(subgraph.edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(subgraph).toMatchObject({ truncated: false, totalNodes: 3, totalEdges: 4 });
  });

  it('asks for the whole set again when a page comes from another revision (an edit between pages)', async () => {
    revisions = [7, 7, 8, 7, 8];
    const subgraph = await fetchSubgraph(OVERVIEW_FILTER);
    expect(calls).toHaveLength(8);
    expect(subgraph.nodes).toHaveLength(3);
  });

  it('gives up with a conflict when the graph keeps changing', async () => {
    let revision = 0;
    revisions = Array.from({ length: 100 }, () => revision++);
    await expect(fetchSubgraph(OVERVIEW_FILTER)).rejects.toMatchObject({ error: { code: 'CONFLICT' } });
    expect(calls).toHaveLength(5 * 4);
  });
});
