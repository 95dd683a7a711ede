/**
 * Asking for the drawn graph page by page. The window decodes each answer in one task, so a large graph asked for
 * whole held it for about 50 ms at five thousand records (and longer beyond); pages keep every answer small. The
 * pages are asked for together once the first says how many there are, and must all be cut from the same revision
 * of the graph: an edit between them makes the set start again.
 */
import type { NetworkFilter, NetworkSubgraph } from '../../../../shared/api/methods/networkMethods';
import { ApiCallError, call } from '../../api/client';

/** Sets of pages asked for before giving up on a graph that keeps changing while it loads. */
const ATTEMPTS = 5;

/** The subgraph for `filter`, every page of it, joined. */
export async function fetchSubgraph(filter: NetworkFilter): Promise<NetworkSubgraph> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = await call('network.subgraph', { ...filter, page: 0 });
    const rest = await Promise.all(
      Array.from({ length: first.pages - 1 }, (_, i) => call('network.subgraph', { ...filter, page: i + 1 })),
    );
    if (rest.some((page) => page.revision !== first.revision)) continue;
    const { truncated, totalNodes, totalEdges } = first;
    return {
      nodes: first.nodes.concat(...rest.map((page) => page.nodes)),
      edges: first.edges.concat(...rest.map((page) => page.edges)),
      truncated,
      totalNodes,
      totalEdges,
    };
  }
  throw new ApiCallError({
    code: 'CONFLICT',
    message: 'The graph kept changing while it loaded. Choose the filter again to load it.',
  });
}
