/** Contract methods that read and edit the knowledge graph, undo and redo, and take backups. */
import { z } from 'zod';
import type { ChangeMessage } from '../../i18n';
import { method } from '../defineMethod';
import {
  EDGE_TYPES,
  edgeRecordSchema,
  nodeRecordSchema,
  recordIdSchema,
  type EdgeRecord,
  type EdgeType,
  type NodeKind,
  type NodeRecord,
} from '../../domain';

/** The smallest description of a record: enough to label it in a list or a graph. */
export interface NodeSummary {
  id: string;
  kind: NodeKind;
  name: string;
  status: NodeRecord['status'];
  /** The actor or statute type, where the kind has one. */
  subtype: string | null;
}

/** An edge with its id. */
export type EdgeWithId = EdgeRecord & { id: string };

/** One relation of a record, seen from that record. */
export interface Relation {
  edge: EdgeWithId;
  direction: 'out' | 'in';
  other: NodeSummary;
}

/** A record with all its relations. */
export interface RecordDetails {
  record: NodeRecord;
  relations: Relation[];
}

/** Counts by kind, by actor type, by statute type and by edge type. */
export interface GraphStats {
  nodes: Record<NodeKind, number>;
  actorTypes: Record<string, number>;
  statuteTypes: Record<string, number>;
  edges: Partial<Record<EdgeType, number>>;
  totalNodes: number;
  totalEdges: number;
}

/** A part of the graph: its records (summaries) and the edges among them. */
export interface Subgraph {
  nodes: NodeSummary[];
  edges: EdgeWithId[];
}

/** A change set undo or redo would take back or make again: its English label and, when kept, its message. */
export interface HistoryStep {
  label: string;
  message: ChangeMessage | null;
}

/** Where undo and redo stand: what each would do, or null when there is nothing to undo or redo. */
export interface HistoryInfo {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

/** A backup file. */
export interface BackupSummary {
  path: string;
  at: string;
  reason: string;
  bytes: number;
}

const byId = z.object({ id: recordIdSchema }).strict();

/** Methods over the graph store. */
export const graphMethods = {
  'graph.get': method(byId, 'One record with every relation, grouped by the other end.').returns<RecordDetails>(),
  'graph.neighbors': method(
    z
      .object({
        id: recordIdSchema,
        depth: z.number().int().min(1).max(4).default(1),
        edgeTypes: z.array(z.enum(EDGE_TYPES)).optional(),
        limit: z.number().int().min(1).max(20_000).default(2_000),
      })
      .strict(),
    'The records within N relations of a record, and the relations among them.',
  ).returns<Subgraph & { truncated: boolean }>(),
  'graph.stats': method(z.object({}).strict(), 'Counts by kind, type and relation type.').returns<GraphStats>(),
  'graph.createNode': method(
    z.object({ record: nodeRecordSchema }).strict(),
    'Creates a record; refuses an id that is taken.',
  ).returns<NodeRecord>(),
  'graph.updateNode': method(
    z.object({ id: recordIdSchema, record: nodeRecordSchema }).strict(),
    'Replaces a record with a new version of it (same id and kind).',
  ).returns<NodeRecord>(),
  'graph.deleteNode': method(byId, 'Deletes a record and every relation that touches it.').returns<{
    removedRelations: number;
  }>(),
  'graph.createEdge': method(
    z.object({ edge: edgeRecordSchema }).strict(),
    'Creates a relation between two existing records.',
  ).returns<EdgeWithId>(),
  'graph.deleteEdge': method(z.object({ id: z.string().min(1).max(500) }).strict(), 'Deletes one relation.').returns<{
    removed: true;
  }>(),
  'history.state': method(
    z.object({}).strict(),
    'Whether undo and redo are possible, and what they would do.',
  ).returns<HistoryInfo>(),
  'history.undo': method(z.object({}).strict(), 'Undoes the latest change (across restarts).').returns<
    HistoryInfo & { undone: HistoryStep | null }
  >(),
  'history.redo': method(z.object({}).strict(), 'Redoes the latest undone change.').returns<
    HistoryInfo & { redone: HistoryStep | null }
  >(),
  'backup.create': method(
    z.object({}).strict(),
    'Takes a backup now, into the database’s backup folder.',
  ).returns<BackupSummary>(),
  'backup.list': method(z.object({}).strict(), 'The backups of the open database, newest first.').returns<
    BackupSummary[]
  >(),
};
