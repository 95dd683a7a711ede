/**
 * The search capability over an open Atlas. The index is built on the first search, not at open: opening stays as
 * fast as it was (the CLI opens the database for every command, most of which never search; the app opens with the
 * seed in a few milliseconds either way), and a large network's build (seconds at 100k records, see the bench) is
 * paid only by someone who searches. The build runs in slices that yield to the event loop, so the main process keeps
 * answering other calls meanwhile; the command palette asks for it as it opens, before the first keystroke.
 * Every committed change, undo and redo patches the index through `atlas.store.onChange`, record by record.
 */
import type { ContractHandlers } from '../../shared/api';
import type { searchMethods } from '../../shared/api/methods/searchMethods';
import { SearchEngine } from '../../shared/search/searchEngine';
import type { SearchQuery, SearchResponse } from '../../shared/search/searchTypes';
import type { Atlas } from './atlas';

/** Records indexed per slice of a build, between two turns of the event loop. */
const BUILD_SLICE = 2_000;

/** Search over one Atlas, with its index kept current. */
export interface SearchService {
  search(query: SearchQuery): Promise<SearchResponse>;
  /** Whether the index has been built yet. */
  readonly built: boolean;
}

/** Creates the search service of an Atlas; the index is built lazily and updated on every change. */
export function createSearchService(atlas: Atlas): SearchService {
  const graph = atlas.store.index;
  let engine: SearchEngine | null = null;
  let building: SearchEngine | null = null;
  let ready: Promise<SearchEngine> | null = null;
  // Changes during a build go to the half-built index too: indexing a record reads the graph as it is then, so
  // whichever of the build and the change comes last leaves the record current.
  atlas.store.onChange((change) => (engine ?? building)?.update(change));

  const build = async (): Promise<SearchEngine> => {
    const fresh = (building = SearchEngine.empty(graph));
    const ids = Array.from(graph.allNodes(), (record) => record.id);
    for (let start = 0; start < ids.length; start += BUILD_SLICE) {
      fresh.indexRecords(ids.slice(start, start + BUILD_SLICE));
      if (start + BUILD_SLICE < ids.length) await new Promise((resolve) => setImmediate(resolve));
    }
    building = null;
    return (engine = fresh);
  };

  return {
    search: async (query) => {
      const current = engine ?? (await (ready ??= build()));
      return current.search(query, atlas.now());
    },
    get built() {
      return engine !== null;
    },
  };
}

/** The search handlers. */
export function searchHandlers(atlas: Atlas): Pick<ContractHandlers, keyof typeof searchMethods> {
  const service = createSearchService(atlas);
  return {
    'search.query': (input) => service.search(input),
  };
}
