/** Contract methods of the search capability: fuzzy search over every record, with filters and match highlights. */
import { z } from 'zod';
import { method } from '../defineMethod';
import { ACTOR_TYPES, NEED_CODES, NODE_KINDS, RECORD_STATUSES, languageSchema, regionSchema } from '../../domain';
import type { SearchResponse } from '../../search/searchTypes';

/** The most results one search returns. */
export const MAX_SEARCH_LIMIT = 200;

/** What `search.query` accepts: the text typed (may be empty when a filter is set) and the filters. */
export const searchQuerySchema = z
  .object({
    text: z.string().max(500, 'must be at most 500 characters'),
    kinds: z.array(z.enum(NODE_KINDS)).max(NODE_KINDS.length).optional(),
    actorTypes: z.array(z.enum(ACTOR_TYPES)).max(ACTOR_TYPES.length).optional(),
    needs: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).optional(),
    languages: z.array(languageSchema).max(50).optional(),
    region: regionSchema.optional(),
    openNow: z.boolean().optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    stale: z.boolean().optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
  })
  .strict();

/** The search methods. */
export const searchMethods = {
  'search.query': method(
    searchQuerySchema,
    'Fuzzy search over every record (typos, acronyms, aliases, accents, British/American spelling, type-ahead), with filters; results carry match highlights.',
  ).returns<SearchResponse>(),
};
