/**
 * The search capability over an open Atlas. The index is built on the first search, not at open: opening stays as
 * fast as it was (the CLI opens the database for every command, most of which never search), and the one build is
 * paid by the first keystroke instead (see the bench: "index build"). From then on every committed change, undo and
 * redo patches the index through `atlas.store.onChange`, record by record, so it never goes stale and is never
 * rebuilt for an edit.
 */
import type { ContractHandlers } from '../../shared/api';
import type { searchMethods } from '../../shared/api/methods/searchMethods';
import { SearchEngine } from '../../shared/search/searchEngine';
import type { SearchQuery, SearchResponse } from '../../shared/search/searchTypes';
import type { Atlas } from './atlas';

/** Search over one Atlas, with its index kept current. */
export interface SearchService {
  search(query: SearchQuery): SearchResponse;
  /** Whether the index has been built yet. */
  readonly built: boolean;
}

/** Creates the search service of an Atlas; the index is built lazily and updated on every change. */
export function createSearchService(atlas: Atlas): SearchService {
  let engine: SearchEngine | null = null;
  atlas.store.onChange((change) => engine?.update(change));
  return {
    search: (query) => (engine ??= SearchEngine.build(atlas.store.index)).search(query, atlas.now()),
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
