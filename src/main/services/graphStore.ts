/**
 * The graph store: every read and write of the knowledge graph goes through here. Writes are validated by the
 * shared schemas, run in one SQLite transaction, logged as a change set (before and after of each row) for undo
 * and redo across restarts, and then applied to the in-memory {@link GraphIndex} that readers use.
 */
import { AtlasError, badInput, errorMessage, fieldIssue, type HistoryInfo, type HistoryStep } from '../../shared/api';
import {
  canonicalEnds,
  endpointMismatch,
  edgeId,
  edgeRecordSchema,
  nodeRecordSchema,
  type EdgeRecord,
  type EdgeRecordInput,
  type NodeRecord,
  type NodeRecordInput,
} from '../../shared/domain';
import { GraphIndex } from '../../shared/graph/graphIndex';
import { endpointMismatchMessage, englishText, type ChangeMessage } from '../../shared/i18n';
import { GraphRepository, type ChangeRow, type ChangeSetRow } from '../db/graphRepository';
import type { SqliteDatabase } from '../db/openDatabase';
import { readChangeMessage } from './storedChangeMessage';

/** What a write changed, as listeners (search index, caches) receive it after the commit. */
export interface GraphChange {
  label: string;
  nodes: { id: string; before: NodeRecord | null; after: NodeRecord | null }[];
  edges: { id: string; before: EdgeRecord | null; after: EdgeRecord | null }[];
}

/** Options of one write. */
export interface WriteOptions {
  /**
   * Records produced by the app's own generator skip schema parsing; everything from a user, a file or a
   * transport is parsed. Edge ends and endpoint rules are checked either way.
   */
  trusted?: boolean;
  /** The seed load: logged like any write, but not offered to undo (undo stops at the knowledge base itself). */
  baseline?: boolean;
}

/** The operations available inside one write transaction. */
export interface GraphWriter {
  node(id: string): NodeRecord | undefined;
  /** Creates or replaces a record; returns it as stored (defaults filled in). */
  putNode(input: NodeRecordInput | NodeRecord): NodeRecord;
  /** Deletes a record and, first, every edge that touches it. */
  removeNode(id: string): void;
  /** Creates or replaces an edge; both ends must exist. */
  putEdge(input: EdgeRecordInput | EdgeRecord): EdgeRecord & { id: string };
  removeEdge(id: string): void;
}

/** The graph store over one open database. */
export class GraphStore {
  readonly index = new GraphIndex();
  private readonly repo: GraphRepository;
  private readonly listeners = new Set<(change: GraphChange) => void>();
  private readonly now: () => Date;

  constructor(
    readonly db: SqliteDatabase,
    options: { now?: () => Date } = {},
  ) {
    this.repo = new GraphRepository(db);
    this.now = options.now ?? (() => new Date());
    const { nodes, edges } = this.repo.loadAll();
    for (const node of nodes) this.index.putNode(node);
    for (const edge of edges) this.index.putEdge(edge);
  }

  get repository(): GraphRepository {
    return this.repo;
  }

  /** Subscribes to committed changes; returns the unsubscribe function. */
  onChange(listener: (change: GraphChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `body` as one change set in one transaction. If it throws, nothing is written and the index is untouched.
   * `description` says what it does: as a message, undo and redo show it in the user's language, and the log keeps
   * it in English too; as plain text, it is shown as written.
   */
  write<T>(description: string | ChangeMessage, body: (writer: GraphWriter) => T, options: WriteOptions = {}): T {
    const at = this.now().toISOString();
    const label = typeof description === 'string' ? description : englishText(description);
    const message = typeof description === 'string' ? null : JSON.stringify(description);
    const pendingNodes = new Map<string, NodeRecord | null>();
    const pendingEdges = new Map<string, (EdgeRecord & { id: string }) | null>();
    const change: GraphChange = { label, nodes: [], edges: [] };
    const repo = this.repo;
    const index = this.index;
    let changeSet = 0;

    const currentNode = (id: string): NodeRecord | undefined => {
      const pending = pendingNodes.get(id);
      if (pending !== undefined) return pending ?? undefined;
      return index.node(id);
    };
    const currentEdge = (id: string): (EdgeRecord & { id: string }) | undefined => {
      const pending = pendingEdges.get(id);
      if (pending !== undefined) return pending ?? undefined;
      return index.edge(id);
    };
    const log = (row: ChangeRow): void => repo.logChange(changeSet, row);

    const writer: GraphWriter = {
      node: currentNode,
      putNode(input) {
        let record: NodeRecord;
        if (options.trusted) record = input as NodeRecord;
        else {
          const parsed = nodeRecordSchema.safeParse(input);
          if (!parsed.success) {
            const id = typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : 'record';
            throw badInput(parsed.error, `${id}`);
          }
          record = parsed.data;
        }
        const before = currentNode(record.id) ?? null;
        if (before && before.kind !== record.kind) {
          throw new AtlasError(
            'CONFLICT',
            errorMessage('error.kindFixed', {
              id: record.id,
              kind: { message: `network.kind.${before.kind}` },
              next: { message: `network.kind.${record.kind}` },
            }),
          );
        }
        const json = JSON.stringify(record);
        repo.upsertNode(record, json);
        // An insert's after-state is the row itself until undo captures it (see the changes table).
        log({
          entity: 'node',
          entityId: record.id,
          before: before ? JSON.stringify(before) : null,
          after: before ? json : null,
        });
        pendingNodes.set(record.id, record);
        change.nodes.push({ id: record.id, before, after: record });
        return record;
      },
      removeNode(id) {
        const before = currentNode(id);
        if (!before) throw new AtlasError('NOT_FOUND', errorMessage('error.noRecord', { id }));
        for (const edge of edgesTouching(id)) writer.removeEdge(edge.id);
        repo.deleteNode(id);
        log({ entity: 'node', entityId: id, before: JSON.stringify(before), after: null });
        pendingNodes.set(id, null);
        change.nodes.push({ id, before, after: null });
      },
      putEdge(input) {
        let edge: EdgeRecord;
        if (options.trusted) edge = input as EdgeRecord;
        else {
          const parsed = edgeRecordSchema.safeParse(input);
          if (!parsed.success) throw badInput(parsed.error, 'relation');
          edge = parsed.data;
        }
        edge = { ...edge, ...canonicalEnds(edge) };
        const from = currentNode(edge.from);
        const to = currentNode(edge.to);
        if (!from || !to) {
          const missing = [!from ? edge.from : null, !to ? edge.to : null].filter(Boolean).join(' and ');
          throw new AtlasError('BAD_INPUT', errorMessage('error.relationEndMissing', { id: missing }), [
            fieldIssue(!from ? 'from' : 'to', errorMessage('error.issue.noRecord', { id: missing })),
          ]);
        }
        const mismatch = endpointMismatch(edge.type, from, to);
        if (mismatch) {
          const refusal = endpointMismatchMessage(edge.type, mismatch, mismatch.id === from.id ? from.name : to.name);
          throw new AtlasError('BAD_INPUT', refusal, [fieldIssue('type', refusal)]);
        }
        const id = edgeId(edge);
        const before = currentEdge(id) ?? null;
        const stored = { type: edge.type, from: edge.from, to: edge.to, source: edge.source, note: edge.note };
        repo.upsertEdge(stored);
        log({
          entity: 'edge',
          entityId: id,
          before: before ? JSON.stringify(stripId(before)) : null,
          after: before ? JSON.stringify(stored) : null,
        });
        const indexed = { ...stored, id };
        pendingEdges.set(id, indexed);
        change.edges.push({ id, before: before ? stripId(before) : null, after: stored });
        return indexed;
      },
      removeEdge(id) {
        const before = currentEdge(id);
        if (!before) throw new AtlasError('NOT_FOUND', errorMessage('error.noRelation', { id }));
        repo.deleteEdge(id);
        log({ entity: 'edge', entityId: id, before: JSON.stringify(stripId(before)), after: null });
        pendingEdges.set(id, null);
        change.edges.push({ id, before: stripId(before), after: null });
      },
    };

    // Edges touching a node as the transaction sees them: the committed index plus this write's pending edges.
    const edgesTouching = (id: string): { id: string }[] => {
      const ids = new Set(index.edgesOf(id).map((edge) => edge.id));
      for (const [edgeKey, edge] of pendingEdges) {
        if (edge && (edge.from === id || edge.to === id)) ids.add(edgeKey);
      }
      return [...ids].filter((edgeKey) => currentEdge(edgeKey)).map((edgeKey) => ({ id: edgeKey }));
    };

    const result = this.db.transaction(() => {
      repo.discardUndone(at);
      changeSet = repo.newChangeSet(at, label, message, options.baseline ? 'baseline' : 'applied');
      const value = body(writer);
      repo.closeChangeSet(changeSet);
      return value;
    })();
    // The pending maps hold each entity's final state in this write already.
    this.applyToIndex(change, pendingNodes, pendingEdges);
    return result;
  }

  /** Undoes the latest applied change set; says which, or null when there is nothing to undo. */
  undo(): HistoryStep | null {
    const set = this.repo.lastApplied();
    if (!set) return null;
    const rows = this.repo.changesOf(set.id).reverse();
    this.replay(set, rows, 'before', 'undone');
    return stepOf(set);
  }

  /** Redoes the earliest undone change set; says which, or null when there is nothing to redo. */
  redo(): HistoryStep | null {
    const set = this.repo.firstUndone();
    if (!set) return null;
    this.replay(set, this.repo.changesOf(set.id), 'after', 'applied');
    return stepOf(set);
  }

  /** Where undo and redo stand, for the status bar. */
  history(): HistoryInfo {
    const last = this.repo.lastApplied();
    const next = this.repo.firstUndone();
    return { undo: last ? stepOf(last) : null, redo: next ? stepOf(next) : null };
  }

  /** Sets every logged entity of a change set to its `before` (undo) or `after` (redo) state, in one transaction. */
  private replay(
    set: ChangeSetRow,
    rows: (ChangeRow & { seq: number })[],
    side: 'before' | 'after',
    state: ChangeSetRow['state'],
  ): void {
    const change: GraphChange = {
      label: `${state === 'undone' ? 'Undo' : 'Redo'}: ${set.label}`,
      nodes: [],
      edges: [],
    };
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const row of rows) {
        const currentJson = row.entity === 'node' ? this.repo.nodeJson(row.entityId) : this.repo.edgeJson(row.entityId);
        // Undoing an insert: keep its after-state for redo before the row goes.
        if (side === 'before' && row.before === null && row.after === null && currentJson !== null) {
          this.repo.fillAfter(row.seq, currentJson);
        }
        // Undo sets the before-state; redo the after-state (for an insert, the one captured when it was undone).
        const targetJson = row[side];
        if (row.entity === 'node') {
          if (targetJson === null) this.repo.deleteNode(row.entityId);
          else this.repo.upsertNode(JSON.parse(targetJson) as NodeRecord, targetJson);
          change.nodes.push({
            id: row.entityId,
            before: currentJson ? (JSON.parse(currentJson) as NodeRecord) : null,
            after: targetJson ? (JSON.parse(targetJson) as NodeRecord) : null,
          });
        } else {
          if (targetJson === null) this.repo.deleteEdge(row.entityId);
          else this.repo.upsertEdge(JSON.parse(targetJson) as EdgeRecord);
          change.edges.push({
            id: row.entityId,
            before: currentJson ? (JSON.parse(currentJson) as EdgeRecord) : null,
            after: targetJson ? (JSON.parse(targetJson) as EdgeRecord) : null,
          });
        }
      }
      this.repo.setChangeSetState(set.id, state, at);
    })();
    this.applyToIndex(change);
  }

  /**
   * Brings the index to each entity's final state in the change (an entity may change several times in one set),
   * then tells the listeners. A write passes the final states it kept; a replay's are worked out from the change.
   */
  private applyToIndex(
    change: GraphChange,
    finalNodes: ReadonlyMap<string, NodeRecord | null> = new Map(change.nodes.map((entry) => [entry.id, entry.after])),
    finalEdges: ReadonlyMap<string, (EdgeRecord & { id: string }) | null> = new Map(
      change.edges.map((entry) => [entry.id, entry.after && { ...entry.after, id: entry.id }]),
    ),
  ): void {
    for (const [id, after] of finalEdges) if (!after) this.index.removeEdge(id);
    for (const [id, after] of finalNodes) {
      if (after) this.index.putNode(after);
      else this.index.removeNode(id);
    }
    for (const after of finalEdges.values()) if (after) this.index.putIndexedEdge(after);
    for (const listener of this.listeners) listener(change);
  }
}

function stripId(edge: EdgeRecord & { id?: string }): EdgeRecord {
  return { type: edge.type, from: edge.from, to: edge.to, source: edge.source, note: edge.note };
}

/** A change set as undo and redo name it. */
function stepOf(set: ChangeSetRow): HistoryStep {
  return { label: set.label, message: readChangeMessage(set.message) };
}
