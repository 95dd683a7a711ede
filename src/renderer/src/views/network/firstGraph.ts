/**
 * The graph the Network tab opens on, and asking for it early. The app opens on that tab, but the view only asks
 * for its graph once React has rendered the shell and the view has mounted, a few hundred milliseconds after the
 * script started on a slow machine. Asked for when the script starts instead, the answer is there by the time the
 * view wants it, and the graph (or its sketch) is on screen that much sooner. This module is part of the renderer's
 * first, smallest script (main.tsx): it imports types only, besides the API client and the paging of the answer.
 */
import type { MethodResult } from '../../../../shared/api';
import type { NetworkFilter, NetworkSubgraph } from '../../../../shared/api/methods/networkMethods';
import { call } from '../../api/client';
import { fetchSubgraph } from './subgraphPages';

/** The filter that shows the readable overview. */
export const OVERVIEW_FILTER: NetworkFilter = {
  scope: 'overview',
  kinds: [],
  actorTypes: [],
  needs: [],
  regions: [],
  edgeTypes: [],
};

/** Where the view keeps its filter for the session (a reload keeps what the user was looking at). */
export const FILTER_KEY = 'atlas.network.filter';

/** What the view opens on: the URL's `scope=all`, else the filter remembered for this session, else the overview. */
export function initialFilter(): NetworkFilter {
  const params = new URLSearchParams(window.location.search);
  if (params.get('scope') === 'all') return { ...OVERVIEW_FILTER, scope: 'all' };
  try {
    const saved = sessionStorage.getItem(FILTER_KEY);
    if (saved) return { ...OVERVIEW_FILTER, ...(JSON.parse(saved) as Partial<NetworkFilter>) };
  } catch {
    // An unreadable remembered filter just means the overview.
  }
  return OVERVIEW_FILTER;
}

/** The two answers the first load needs, asked for and not yet taken. */
type EarlyAnswers = {
  filterKey: string;
  positions: Promise<MethodResult<'network.positions.get'>>;
  subgraph: Promise<NetworkSubgraph>;
};

let early: EarlyAnswers | null = null;

/** Asks for the saved positions and the opening graph now (called once, before the app renders). */
export function requestFirstGraph(): void {
  const filter = initialFilter();
  const positions = call('network.positions.get');
  const subgraph = fetchSubgraph(filter);
  // The load that takes them sees their failures; until it does, a failure must not count as unhandled.
  positions.catch(() => undefined);
  subgraph.catch(() => undefined);
  early = { filterKey: JSON.stringify(filter), positions, subgraph };
}

/**
 * The early answers, if they were asked for this filter; given once (every later load asks afresh, as the data may
 * have changed since).
 */
export function takeFirstGraph(filterKey: string): Omit<EarlyAnswers, 'filterKey'> | null {
  const taken = early;
  early = null;
  return taken?.filterKey === filterKey ? taken : null;
}
