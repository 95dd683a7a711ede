/** Handlers of the network view's contract methods: the drawn subgraph, paths, canvas positions and saved views. */
import { AtlasError, errorMessage, fieldIssue, type ContractHandlers, type EdgeWithId } from '../../shared/api';
import {
  networkFilterSchema,
  type NetworkEdge,
  type NetworkFilter,
  type NetworkNode,
  type NetworkSubgraph,
  type NetworkSubgraphPage,
  SUBGRAPH_PAGE_ITEMS,
  type SavedView,
  type networkMethods,
} from '../../shared/api/methods/networkMethods';
import { anyRegionCovers, isProvider, isStale, type EdgeType, type NodeRecord } from '../../shared/domain';
import type { GraphIndex } from '../../shared/graph/graphIndex';
import { nodeSummary } from '../../shared/graph/nodeSummary';
import type { Atlas } from './atlas';

/** How many records the overview shows when there is no sample coalition to open on. */
export const OVERVIEW_SIZE = 80;
const SAVED_VIEWS_KEY = 'network.savedViews';

/** A relation in the form the graph draws (see {@link NetworkEdge}). */
function networkEdge({ id, type, from, to }: NetworkEdge): NetworkEdge {
  return { id, type, from, to };
}

/** A record in the form the graph draws. */
export function networkNode(index: GraphIndex, record: NodeRecord, today: Date): NetworkNode {
  return { ...nodeSummary(record), stale: isStale(record.verifiedAt, today), degree: index.edgesOf(record.id).length };
}

/**
 * The ids of the readable starting view: the sample coalition's actors when the sample is loaded, otherwise the
 * best-connected actors (then any records) up to {@link OVERVIEW_SIZE}. A whole knowledge base drawn at once is a
 * hairball nobody can read; a coalition's own partners is what a coordinator looks at first.
 */
export function overviewIds(index: GraphIndex): Set<string> {
  const sampleActors = [...index.nodesOfKind('actor')].filter((actor) => actor.id.startsWith('sample:'));
  if (sampleActors.length > 0) return new Set(sampleActors.map((actor) => actor.id));
  const byDegree = [...index.allNodes()].sort(
    (a, b) =>
      Number(b.kind === 'actor') - Number(a.kind === 'actor') ||
      index.edgesOf(b.id).length - index.edgesOf(a.id).length ||
      a.id.localeCompare(b.id),
  );
  return new Set(byDegree.slice(0, OVERVIEW_SIZE).map((record) => record.id));
}

/** The ids of the needs named, the services meeting them and the actors offering those services. */
function needNeighbourhood(index: GraphIndex, needs: readonly string[]): Set<string> {
  const keep = new Set<string>();
  for (const code of needs) {
    const needId = `need:${code}`;
    if (!index.hasNode(needId)) continue;
    keep.add(needId);
    for (const service of index.neighbours(needId, 'meets', 'in')) {
      keep.add(service);
      for (const actor of index.neighbours(service, 'offers', 'in')) keep.add(actor);
    }
  }
  return keep;
}

/** Whether a node filter (anything but scope and edge types) narrows the records. */
function narrowsNodes(filter: NetworkFilter): boolean {
  return filter.kinds.length + filter.actorTypes.length + filter.needs.length + filter.regions.length > 0;
}

/**
 * The records and relations the filter keeps. Attributes combine with AND, values of one attribute with OR. A node
 * filter searches the whole graph: the overview only applies while nothing narrows the records.
 */
export function filterSubgraph(index: GraphIndex, filter: NetworkFilter, limit: number, today: Date): NetworkSubgraph {
  const base = filter.scope === 'overview' && !narrowsNodes(filter) ? overviewIds(index) : null;
  const needSet = filter.needs.length > 0 ? needNeighbourhood(index, filter.needs) : null;
  const kinds = new Set<string>(filter.kinds);
  const actorTypes = new Set<string>(filter.actorTypes);
  const kept: NodeRecord[] = [];
  for (const record of index.allNodes()) {
    if (base && !base.has(record.id)) continue;
    if (kinds.size > 0 && !kinds.has(record.kind)) continue;
    if (actorTypes.size > 0 && record.kind === 'actor' && !actorTypes.has(record.actorType)) continue;
    if (needSet && !needSet.has(record.id)) continue;
    if (filter.regions.length > 0 && isProvider(record)) {
      if (!filter.regions.some((region) => anyRegionCovers(record.regions, region))) continue;
    }
    kept.push(record);
  }
  let truncated = false;
  if (kept.length > limit) {
    kept.sort((a, b) => index.edgesOf(b.id).length - index.edgesOf(a.id).length || a.id.localeCompare(b.id));
    kept.length = limit;
    truncated = true;
  }
  const ids = new Set(kept.map((record) => record.id));
  const edgeTypes = new Set<string>(filter.edgeTypes);
  return {
    nodes: kept.map((record) => networkNode(index, record, today)),
    edges: edgesAmong(index, ids, edgeTypes),
    truncated,
    totalNodes: index.nodeCount,
    totalEdges: index.edgeCount,
  };
}

/** The relations whose two ends are both in `ids`, of the given types (all when empty). */
function edgesAmong(
  index: GraphIndex,
  ids: ReadonlySet<string>,
  types: ReadonlySet<string> = new Set(),
): NetworkEdge[] {
  const edges: NetworkEdge[] = [];
  for (const id of ids) {
    for (const edge of index.outEdges(id)) {
      if (ids.has(edge.to) && (types.size === 0 || types.has(edge.type))) edges.push(networkEdge(edge));
    }
  }
  return edges;
}

/** The shortest chain of relations between two records, ignoring direction, as edges in order; null when none. */
export function shortestPath(
  index: GraphIndex,
  from: string,
  to: string,
  maxHops: number,
  edgeTypes: readonly EdgeType[] = [],
): EdgeWithId[] | null {
  if (from === to) return [];
  const allowed = new Set<string>(edgeTypes);
  const via = new Map<string, EdgeWithId | null>([[from, null]]);
  let frontier = [from];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of index.edgesOf(id)) {
        if (allowed.size > 0 && !allowed.has(edge.type)) continue;
        const other = edge.from === id ? edge.to : edge.from;
        if (via.has(other)) continue;
        via.set(other, edge);
        if (other === to) {
          const chain: EdgeWithId[] = [];
          let at = to;
          for (let step = via.get(at); step; step = via.get(at)) {
            chain.unshift(step);
            at = step.from === at ? step.to : step.from;
          }
          return chain;
        }
        next.push(other);
      }
    }
    frontier = next;
  }
  return null;
}

function readSavedViews(atlas: Atlas): SavedView[] {
  const raw = atlas.store.repository.getMeta(SAVED_VIEWS_KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    // A view saved by an older version is re-read through today's schema; one that no longer parses is dropped.
    return parsed.flatMap((view: { name?: unknown; filter?: unknown; savedAt?: unknown }) => {
      const filter = networkFilterSchema.safeParse(view.filter);
      return typeof view.name === 'string' && filter.success
        ? [{ name: view.name, filter: filter.data, savedAt: String(view.savedAt ?? '') }]
        : [];
    });
  } catch {
    return [];
  }
}

function writeSavedViews(atlas: Atlas, views: SavedView[]): SavedView[] {
  const sorted = [...views].sort((a, b) => a.name.localeCompare(b.name));
  atlas.store.repository.setMeta(SAVED_VIEWS_KEY, JSON.stringify(sorted));
  return sorted;
}

/**
 * A page of a subgraph (see {@link NetworkSubgraphPage}); a page past the last is refused. Every page but the last
 * holds SUBGRAPH_PAGE_ITEMS records and relations.
 */
export function subgraphPage(whole: NetworkSubgraph, page: number, revision: number): NetworkSubgraphPage {
  const nodeCount = whole.nodes.length;
  const pages = Math.max(1, Math.ceil((nodeCount + whole.edges.length) / SUBGRAPH_PAGE_ITEMS));
  if (page >= pages) {
    throw new AtlasError('BAD_INPUT', errorMessage('error.noPage', { pages, page: page + 1 }), [
      fieldIssue('page', errorMessage('error.issue.lessThan', { limit: pages })),
    ]);
  }
  const start = page * SUBGRAPH_PAGE_ITEMS;
  const end = start + SUBGRAPH_PAGE_ITEMS;
  return {
    ...whole,
    nodes: whole.nodes.slice(start, end),
    edges: whole.edges.slice(Math.max(0, start - nodeCount), Math.max(0, end - nodeCount)),
    page,
    pages,
    revision,
  };
}

/** The network handlers. */
export function networkHandlers(atlas: Atlas): Pick<ContractHandlers, keyof typeof networkMethods> {
  const index = atlas.store.index;
  const nodesFor = (ids: Iterable<string>): NetworkNode[] => {
    const today = atlas.now();
    const nodes: NetworkNode[] = [];
    for (const id of ids) {
      const record = index.node(id);
      if (record) nodes.push(networkNode(index, record, today));
    }
    return nodes;
  };
  // The subgraph last asked for: its later pages are cut from it, not computed again.
  let lastSubgraph: { key: string; subgraph: NetworkSubgraph } | null = null;
  return {
    'network.subgraph': ({ limit, page, ...filter }) => {
      const today = atlas.now();
      const key = JSON.stringify([filter, limit, index.revision, today.toISOString().slice(0, 10)]);
      if (lastSubgraph?.key !== key) lastSubgraph = { key, subgraph: filterSubgraph(index, filter, limit, today) };
      return subgraphPage(lastSubgraph.subgraph, page, index.revision);
    },
    'network.nodes': ({ ids }) => {
      const known = new Set(ids.filter((id) => index.hasNode(id)));
      return { nodes: nodesFor(known), edges: edgesAmong(index, known) };
    },
    'network.path': ({ from, to, maxHops, edgeTypes }) => {
      for (const id of [from, to]) {
        if (!index.hasNode(id)) throw new AtlasError('NOT_FOUND', errorMessage('error.noRecord', { id }));
      }
      const chain = shortestPath(index, from, to, maxHops, edgeTypes);
      if (!chain) return { path: null };
      const ids = [from, ...chain.flatMap((edge) => [edge.from, edge.to])];
      return { path: { nodes: nodesFor(new Set(ids)), edges: chain.map(networkEdge) } };
    },
    'network.positions.get': () => ({ positions: atlas.store.repository.positions() }),
    'network.positions.save': ({ positions, replaceAll }) => {
      const known = positions.filter((position) => index.hasNode(position.nodeId));
      atlas.db.transaction(() => atlas.store.repository.savePositions(known, replaceAll))();
      return { saved: known.length };
    },
    'network.views.list': () => readSavedViews(atlas),
    'network.views.save': ({ name, filter }) => {
      const views = readSavedViews(atlas).filter((view) => view.name !== name);
      views.push({ name, filter, savedAt: atlas.now().toISOString() });
      return writeSavedViews(atlas, views);
    },
    'network.views.delete': ({ name }) => {
      const views = readSavedViews(atlas);
      if (!views.some((view) => view.name === name))
        throw new AtlasError('NOT_FOUND', errorMessage('error.noSavedView', { name }));
      return writeSavedViews(
        atlas,
        views.filter((view) => view.name !== name),
      );
    },
  };
}
