/** What a search asks for and what it answers. */
import type { ActorType, NeedCode, NodeKind, RecordStatus } from '../domain';
import type { SearchField } from './searchDocument';

/** Narrows a search: every filter given must hold; a list filter holds when any of its values does. */
export interface SearchFilters {
  kinds?: readonly NodeKind[];
  actorTypes?: readonly ActorType[];
  /** Needs met: by a service's `meets` relations, an actor's services, a recommendation's `addresses`. */
  needs?: readonly NeedCode[];
  /** Languages spoken (ISO 639 codes). */
  languages?: readonly string[];
  /** A region: matches records serving somewhere in it, or serving an area that contains it. */
  region?: string;
  /** Only providers open at the time of the search (open around the clock, or within today's hours). */
  openNow?: boolean;
  status?: RecordStatus;
  /** true: only records not verified in the last 12 months; false: only those verified within them. */
  stale?: boolean;
}

/** A search: the text typed and the filters. */
export interface SearchQuery extends SearchFilters {
  text: string;
  /** At most this many results (default 20). */
  limit?: number;
}

/** The characters of one field value that matched: `ranges` are [start, end) offsets into `text`. */
export interface SearchMatch {
  field: SearchField;
  /** The field value, or an excerpt of a long one (starting or ending with "…"). */
  text: string;
  ranges: [number, number][];
}

/** One record found, with its score (0..1, higher is better) and what matched. */
export interface SearchResult {
  id: string;
  kind: NodeKind;
  name: string;
  /** The actor or statute type, where the kind has one. */
  subtype: string | null;
  status: RecordStatus;
  score: number;
  matches: SearchMatch[];
}

/** The answer to a search: the best results and how many records matched in all. */
export interface SearchResponse {
  results: SearchResult[];
  total: number;
}
