/** Contract methods of the network view: the subgraph it draws, paths, saved positions and saved views. */
import { z } from 'zod';
import { method } from '../defineMethod';
import {
  ACTOR_TYPES,
  EDGE_TYPES,
  MAX_NAME_LENGTH,
  NEED_CODES,
  NODE_KINDS,
  recordIdSchema,
  regionSchema,
} from '../../domain';
import type { EdgeWithId, NodeSummary } from './graphMethods';

/** A record as the graph draws it: its summary plus what the styling and filters need. */
export interface NetworkNode extends NodeSummary {
  /** Never verified, or verified more than a year ago. */
  stale: boolean;
  /** Relations touching it in the whole graph (not only the drawn part). */
  degree: number;
}

/**
 * A relation as the graph draws it: its id, type and ends. Its source and note are left out (the record's details
 * carry them): they were two thirds of the bytes of a large graph's relations, which the view decodes in one task.
 */
export type NetworkEdge = Pick<EdgeWithId, 'id' | 'type' | 'from' | 'to'>;

/** What the graph may be narrowed to; an absent or empty list means no narrowing on that attribute. */
export const networkFilterSchema = z
  .object({
    /** `overview`: a readable starting subgraph (the sample coalition's actors, or the best-connected records). */
    scope: z.enum(['overview', 'all']).default('overview'),
    kinds: z.array(z.enum(NODE_KINDS)).max(NODE_KINDS.length).default([]),
    actorTypes: z.array(z.enum(ACTOR_TYPES)).max(ACTOR_TYPES.length).default([]),
    /** Keep the needs named, the services that meet them and the actors that offer those services. */
    needs: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).default([]),
    /** Keep providers serving one of these regions (records without regions, such as statutes, are kept). */
    regions: z.array(regionSchema).max(20).default([]),
    edgeTypes: z.array(z.enum(EDGE_TYPES)).max(EDGE_TYPES.length).default([]),
  })
  .strict();
/** A filter of the network view, as stored in a saved view. */
export type NetworkFilter = z.output<typeof networkFilterSchema>;
/** A filter as a caller may send it (lists left out mean no narrowing). */
export type NetworkFilterInput = z.input<typeof networkFilterSchema>;

/** The part of the graph the network view draws. */
export interface NetworkSubgraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Nodes that matched but were left out because of `limit`. */
  truncated: boolean;
  /** The whole graph's size, to say "showing 66 of 354". */
  totalNodes: number;
  totalEdges: number;
}

/**
 * Records and relations in one page of `network.subgraph`. A window decodes an answer in one task, however large:
 * a page this size decodes in a few milliseconds, where five thousand records and their relations in one answer
 * held the window for about 50 ms.
 */
export const SUBGRAPH_PAGE_ITEMS = 4000;

/**
 * One page of a subgraph: its records and relations in order, records first, {@link SUBGRAPH_PAGE_ITEMS} at most
 * together; the whole subgraph is the pages' lists joined in page order.
 */
export interface NetworkSubgraphPage extends NetworkSubgraph {
  page: number;
  pages: number;
  /** The graph's revision the page was cut from: pages of different revisions do not belong together. */
  revision: number;
}

/** A node's saved place on the canvas. */
export interface NodePosition {
  nodeId: string;
  x: number;
  y: number;
}

/** A named filter a user saved to come back to. */
export interface SavedView {
  name: string;
  filter: NetworkFilter;
  savedAt: string;
}

const positionSchema = z.object({ nodeId: recordIdSchema, x: z.number().finite(), y: z.number().finite() }).strict();

/** The network methods. */
export const networkMethods = {
  'network.subgraph': method(
    networkFilterSchema
      .extend({
        limit: z.number().int().min(1).max(50_000).default(20_000),
        page: z.number().int().min(0).default(0),
      })
      .strict(),
    'The records and relations the network view draws, narrowed by kind, actor type, need, region and relation ' +
      'type, one page at a time (the answer says how many pages there are).',
  ).returns<NetworkSubgraphPage>(),
  'network.nodes': method(
    z.object({ ids: z.array(recordIdSchema).max(20_000) }).strict(),
    'The graph form of some records (unknown ids are skipped) and the relations among them.',
  ).returns<{ nodes: NetworkNode[]; edges: NetworkEdge[] }>(),
  'network.path': method(
    z
      .object({
        from: recordIdSchema,
        to: recordIdSchema,
        maxHops: z.number().int().min(1).max(12).default(8),
        edgeTypes: z.array(z.enum(EDGE_TYPES)).max(EDGE_TYPES.length).default([]),
      })
      .strict(),
    'The shortest chain of relations between two records (either direction), or null when none is within maxHops.',
  ).returns<{ path: { nodes: NetworkNode[]; edges: NetworkEdge[] } | null }>(),
  'network.positions.get': method(z.object({}).strict(), 'The saved canvas position of every placed record.').returns<{
    positions: NodePosition[];
  }>(),
  'network.positions.save': method(
    z.object({ positions: z.array(positionSchema).max(100_000), replaceAll: z.boolean().default(false) }).strict(),
    'Saves canvas positions (replaceAll forgets every other saved position).',
  ).returns<{ saved: number }>(),
  'network.views.list': method(z.object({}).strict(), 'The saved views, by name.').returns<SavedView[]>(),
  'network.views.save': method(
    z
      .object({ name: z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH), filter: networkFilterSchema })
      .strict(),
    'Saves (or replaces) a named view.',
  ).returns<SavedView[]>(),
  'network.views.delete': method(
    z.object({ name: z.string().min(1).max(MAX_NAME_LENGTH) }).strict(),
    'Deletes a saved view.',
  ).returns<SavedView[]>(),
};
