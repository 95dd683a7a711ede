/**
 * SQL for the graph: nodes, edges, the change log behind undo and redo, saved positions and metadata.
 * Callers own transactions; every statement here is prepared once.
 */
import { parseEdgeId, type EdgeRecord, type NodeRecord } from '../../shared/domain';
import type { SqliteDatabase } from './openDatabase';

/** One logged change: an entity's stored JSON before and after (null where it did not exist). */
export interface ChangeRow {
  entity: 'node' | 'edge';
  entityId: string;
  before: string | null;
  after: string | null;
}

/** A change set's summary, as undo/redo and the status bar show it. */
export interface ChangeSetRow {
  id: number;
  at: string;
  label: string;
  /** The label as a message (JSON, shared/i18n/keyedMessage.ts); null for sets written before it was kept. */
  message: string | null;
  state: 'applied' | 'undone' | 'discarded' | 'baseline';
}

/** An edge row: the key columns and the JSON of the rest. */
interface StoredEdgeRow {
  from_id: string;
  type: string;
  to_id: string;
  record: string;
}

/**
 * An edge's row holds its ends and type in the key columns only; the JSON keeps the rest (its source, and its note
 * when it has one), so a bulk load does not write every key twice. Rows written before held the whole edge; the
 * key columns win either way.
 */
function edgeDetailsJson(edge: EdgeRecord): string {
  return JSON.stringify(edge.note ? { source: edge.source, note: edge.note } : { source: edge.source });
}

function edgeOfRow(row: StoredEdgeRow): EdgeRecord {
  const details = JSON.parse(row.record) as { source: string; note?: string };
  return {
    type: row.type as EdgeRecord['type'],
    from: row.from_id,
    to: row.to_id,
    source: details.source,
    note: details.note ?? '',
  };
}

/**
 * Every node and edge of a database, parsed from their stored JSON (they were validated before they were written).
 * It reads only the two tables every schema version has, so it also reads a file of an older version as it is.
 */
export function loadGraph(db: SqliteDatabase): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  return {
    nodes: db
      .prepare<[], { record: string }>('SELECT record FROM nodes')
      .all()
      .map((row) => JSON.parse(row.record) as NodeRecord),
    edges: db.prepare<[], StoredEdgeRow>('SELECT from_id, type, to_id, record FROM edges').all().map(edgeOfRow),
  };
}

/** Prepared statements over the graph tables. */
export class GraphRepository {
  private readonly s;

  constructor(readonly db: SqliteDatabase) {
    this.s = {
      nodeJson: db.prepare<[string], { record: string }>('SELECT record FROM nodes WHERE id = ?'),
      edgeRow: db.prepare<[string, string, string], StoredEdgeRow>(
        'SELECT from_id, type, to_id, record FROM edges WHERE from_id = ? AND type = ? AND to_id = ?',
      ),
      upsertNode: db.prepare<[string, string, string, string, string | null, string]>(
        `INSERT INTO nodes (id, kind, name, status, verified_at, record) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, status = excluded.status,
           verified_at = excluded.verified_at, record = excluded.record`,
      ),
      deleteNode: db.prepare('DELETE FROM nodes WHERE id = ?'),
      upsertEdge: db.prepare<[string, string, string, string]>(
        `INSERT INTO edges (from_id, type, to_id, record) VALUES (?, ?, ?, ?)
         ON CONFLICT (from_id, type, to_id) DO UPDATE SET record = excluded.record`,
      ),
      deleteEdge: db.prepare<[string, string, string]>(
        'DELETE FROM edges WHERE from_id = ? AND type = ? AND to_id = ?',
      ),
      newChangeSet: db.prepare<[string, string, string | null, string]>(
        `INSERT INTO change_sets (at, label, message, state, first_seq)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM changes))`,
      ),
      closeChangeSet: db.prepare<[number]>(
        'UPDATE change_sets SET last_seq = (SELECT coalesce(max(seq), 0) FROM changes) WHERE id = ?',
      ),
      logChange: db.prepare<[number, string, string, string | null, string | null]>(
        'INSERT INTO changes (change_set, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?)',
      ),
      changesOf: db.prepare<[{ set: number }], ChangeRow & { seq: number }>(
        `SELECT seq, entity, entity_id AS entityId, before, after FROM changes
         WHERE seq BETWEEN (SELECT first_seq FROM change_sets WHERE id = @set) AND (SELECT last_seq FROM change_sets WHERE id = @set)
         ORDER BY seq`,
      ),
      fillAfter: db.prepare<[string, number]>('UPDATE changes SET after = ? WHERE seq = ?'),
      lastApplied: db.prepare<[], ChangeSetRow>(
        "SELECT id, at, label, message, state FROM change_sets WHERE state = 'applied' ORDER BY id DESC LIMIT 1",
      ),
      firstUndone: db.prepare<[], ChangeSetRow>(
        "SELECT id, at, label, message, state FROM change_sets WHERE state = 'undone' ORDER BY id ASC LIMIT 1",
      ),
      setState: db.prepare<[string, string, number]>(
        'UPDATE change_sets SET state = ?, state_changed_at = ? WHERE id = ?',
      ),
      discardUndone: db.prepare<[string]>(
        "UPDATE change_sets SET state = 'discarded', state_changed_at = ? WHERE state = 'undone'",
      ),
      countSample: db.prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM nodes WHERE id >= 'sample:' AND id < 'sample;'",
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      positions: db.prepare<[], { nodeId: string; x: number; y: number }>(
        'SELECT node_id AS nodeId, x, y FROM positions',
      ),
      upsertPosition: db.prepare<[string, number, number]>(
        'INSERT INTO positions (node_id, x, y) VALUES (?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET x = excluded.x, y = excluded.y',
      ),
      clearPositions: db.prepare('DELETE FROM positions'),
    };
  }

  /** Every node and edge (see {@link loadGraph}). */
  loadAll(): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
    return loadGraph(this.db);
  }

  nodeJson(id: string): string | null {
    return this.s.nodeJson.get(id)?.record ?? null;
  }

  /** The edge's JSON as the change log holds it (ends, type and details). */
  edgeJson(id: string): string | null {
    const ends = parseEdgeId(id);
    const row = ends ? this.s.edgeRow.get(ends.from, ends.type, ends.to) : undefined;
    return row ? JSON.stringify(edgeOfRow(row)) : null;
  }

  /** Writes a node whose JSON is already serialised (so the change log can reuse the same string). */
  upsertNode(record: NodeRecord, json: string): void {
    // Positional parameters: binding by name looks every parameter up on an object, once per row of a bulk load.
    this.s.upsertNode.run(record.id, record.kind, record.name, record.status, record.verifiedAt, json);
  }

  deleteNode(id: string): void {
    this.s.deleteNode.run(id);
  }

  /** Writes an edge: its ends and type are the key columns, the rest its details' JSON. */
  upsertEdge(edge: EdgeRecord): void {
    this.s.upsertEdge.run(edge.from, edge.type, edge.to, edgeDetailsJson(edge));
  }

  deleteEdge(id: string): void {
    const ends = parseEdgeId(id);
    if (ends) this.s.deleteEdge.run(ends.from, ends.type, ends.to);
  }

  /** Opens a change set; a `baseline` set (the seed load) is logged but never undone. */
  newChangeSet(
    at: string,
    label: string,
    message: string | null = null,
    state: 'applied' | 'baseline' = 'applied',
  ): number {
    return Number(this.s.newChangeSet.run(at, label, message, state).lastInsertRowid);
  }

  logChange(changeSet: number, change: ChangeRow): void {
    this.s.logChange.run(changeSet, change.entity, change.entityId, change.before, change.after);
  }

  /** Records which change rows belong to a set, once its body has run (the range keeps undo reads indexed). */
  closeChangeSet(changeSet: number): void {
    this.s.closeChangeSet.run(changeSet);
  }

  changesOf(changeSet: number): (ChangeRow & { seq: number })[] {
    return this.s.changesOf.all({ set: changeSet });
  }

  /** Stores an insert's after-state at the moment it is undone (see the `changes` table). */
  fillAfter(seq: number, json: string): void {
    this.s.fillAfter.run(json, seq);
  }

  /** How many sample records (ids under `sample:`) the database holds. */
  sampleCount(): number {
    return this.s.countSample.get()?.n ?? 0;
  }

  lastApplied(): ChangeSetRow | undefined {
    return this.s.lastApplied.get();
  }

  firstUndone(): ChangeSetRow | undefined {
    return this.s.firstUndone.get();
  }

  setChangeSetState(id: number, state: ChangeSetRow['state'], at: string): void {
    this.s.setState.run(state, at, id);
  }

  /** A new change after undo makes the undone sets unreachable by redo; they stay in the log as discarded. */
  discardUndone(at: string): void {
    this.s.discardUndone.run(at);
  }

  getMeta(key: string): string | null {
    return this.s.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  positions(): { nodeId: string; x: number; y: number }[] {
    return this.s.positions.all();
  }

  savePositions(positions: readonly { nodeId: string; x: number; y: number }[], replaceAll: boolean): void {
    if (replaceAll) this.s.clearPositions.run();
    for (const p of positions) this.s.upsertPosition.run(p.nodeId, p.x, p.y);
  }
}
