import type { Migration } from './index';

/** The graph (nodes, edges), the audit log of every change with undo state, saved positions and app metadata. */
export const migration001Graph: Migration = {
  version: 1,
  name: 'graph, audit log, positions, metadata',
  sql: `
    CREATE TABLE nodes (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('actor', 'service', 'statute', 'recommendation', 'need')),
      name TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'historical')),
      verified_at TEXT,
      record TEXT NOT NULL
    ) STRICT;

    -- Clustered on its ends, so the table is its own from-index; the id of an edge is 'from|type|to'.
    CREATE TABLE edges (
      from_id TEXT NOT NULL REFERENCES nodes (id),
      type TEXT NOT NULL,
      to_id TEXT NOT NULL REFERENCES nodes (id),
      record TEXT NOT NULL,
      PRIMARY KEY (from_id, type, to_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX edges_by_to ON edges (to_id, type);

    -- A change set is one user action (an edit, an import); its changes are the rows seq first_seq..last_seq.
    CREATE TABLE change_sets (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      label TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('applied', 'undone', 'discarded', 'baseline')) DEFAULT 'applied',
      state_changed_at TEXT,
      first_seq INTEGER,
      last_seq INTEGER
    ) STRICT;
    CREATE INDEX change_sets_by_state ON change_sets (state, id);

    -- Each change holds the entity's JSON before and after. For an insert, 'after' is filled in when it is undone:
    -- until then the row itself is the after-state, so a bulk load does not write every record twice.
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY,
      change_set INTEGER NOT NULL REFERENCES change_sets (id),
      entity TEXT NOT NULL CHECK (entity IN ('node', 'edge')),
      entity_id TEXT NOT NULL,
      before TEXT,
      after TEXT
    ) STRICT;

    CREATE TABLE positions (
      node_id TEXT PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
      x REAL NOT NULL,
      y REAL NOT NULL
    ) STRICT;

    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
