/**
 * SQL for the graph: nodes, edges, the change log behind undo and redo, saved positions and metadata.
 * Callers own transactions; every statement here is prepared once.
 */
import type { EdgeRecord, NodeRecord } from '../../shared/domain';
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
  state: 'applied' | 'undone' | 'discarded' | 'baseline';
}

/** Prepared statements over the graph tables. */
export class GraphRepository {
  private readonly s;

  constructor(readonly db: SqliteDatabase) {
    this.s = {
      allNodes: db.prepare<[], { record: string }>('SELECT record FROM nodes'),
      allEdges: db.prepare<[], { record: string }>('SELECT record FROM edges'),
      nodeJson: db.prepare<[string], { record: string }>('SELECT record FROM nodes WHERE id = ?'),
      edgeJson: db.prepare<[string], { record: string }>('SELECT record FROM edges WHERE id = ?'),
      upsertNode: db.prepare(
        `INSERT INTO nodes (id, kind, name, status, verified_at, record) VALUES (@id, @kind, @name, @status, @verifiedAt, @record)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, status = excluded.status,
           verified_at = excluded.verified_at, record = excluded.record`,
      ),
      deleteNode: db.prepare('DELETE FROM nodes WHERE id = ?'),
      upsertEdge: db.prepare(
        `INSERT INTO edges (id, type, from_id, to_id, record) VALUES (@id, @type, @from, @to, @record)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record`,
      ),
      deleteEdge: db.prepare('DELETE FROM edges WHERE id = ?'),
      countNodes: db.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM nodes GROUP BY kind'),
      countEdges: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM edges'),
      countSample: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM nodes WHERE id LIKE 'sample:%'"),
      newChangeSet: db.prepare<[string, string, string]>('INSERT INTO change_sets (at, label, state) VALUES (?, ?, ?)'),
      logChange: db.prepare(
        'INSERT INTO changes (change_set, entity, entity_id, before, after) VALUES (@changeSet, @entity, @entityId, @before, @after)',
      ),
      changesOf: db.prepare<[number], ChangeRow>(
        'SELECT entity, entity_id AS entityId, before, after FROM changes WHERE change_set = ? ORDER BY seq',
      ),
      lastApplied: db.prepare<[], ChangeSetRow>(
        "SELECT id, at, label, state FROM change_sets WHERE state = 'applied' ORDER BY id DESC LIMIT 1",
      ),
      firstUndone: db.prepare<[], ChangeSetRow>(
        "SELECT id, at, label, state FROM change_sets WHERE state = 'undone' ORDER BY id ASC LIMIT 1",
      ),
      setState: db.prepare<[string, string, number]>('UPDATE change_sets SET state = ?, state_changed_at = ? WHERE id = ?'),
      discardUndone: db.prepare<[string]>(
        "UPDATE change_sets SET state = 'discarded', state_changed_at = ? WHERE state = 'undone'",
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      positions: db.prepare<[], { nodeId: string; x: number; y: number }>('SELECT node_id AS nodeId, x, y FROM positions'),
      upsertPosition: db.prepare<[string, number, number]>(
        'INSERT INTO positions (node_id, x, y) VALUES (?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET x = excluded.x, y = excluded.y',
      ),
      clearPositions: db.prepare('DELETE FROM positions'),
    };
  }

  /** Every node and edge, parsed from their stored JSON (they were validated before they were written). */
  loadAll(): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
    return {
      nodes: this.s.allNodes.all().map((row) => JSON.parse(row.record) as NodeRecord),
      edges: this.s.allEdges.all().map((row) => JSON.parse(row.record) as EdgeRecord),
    };
  }

  nodeJson(id: string): string | null {
    return this.s.nodeJson.get(id)?.record ?? null;
  }

  edgeJson(id: string): string | null {
    return this.s.edgeJson.get(id)?.record ?? null;
  }

  /** Writes a node whose JSON is already serialised (so the change log can reuse the same string). */
  upsertNode(record: NodeRecord, json: string): void {
    this.s.upsertNode.run({
      id: record.id,
      kind: record.kind,
      name: record.name,
      status: record.status,
      verifiedAt: record.verifiedAt,
      record: json,
    });
  }

  deleteNode(id: string): void {
    this.s.deleteNode.run(id);
  }

  upsertEdge(id: string, edge: EdgeRecord, json: string): void {
    this.s.upsertEdge.run({ id, type: edge.type, from: edge.from, to: edge.to, record: json });
  }

  deleteEdge(id: string): void {
    this.s.deleteEdge.run(id);
  }

  counts(): { nodes: Map<string, number>; edges: number; sample: number } {
    return {
      nodes: new Map(this.s.countNodes.all().map((row) => [row.kind, row.n])),
      edges: this.s.countEdges.get()?.n ?? 0,
      sample: this.s.countSample.get()?.n ?? 0,
    };
  }

  /** Opens a change set; a `baseline` set (the seed load) is logged but never undone. */
  newChangeSet(at: string, label: string, state: 'applied' | 'baseline' = 'applied'): number {
    return Number(this.s.newChangeSet.run(at, label, state).lastInsertRowid);
  }

  logChange(changeSet: number, change: ChangeRow): void {
    this.s.logChange.run({ changeSet, ...change });
  }

  changesOf(changeSet: number): ChangeRow[] {
    return this.s.changesOf.all(changeSet);
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
