/**
 * Migrations from a fixture database of every past schema version (tests/fixtures/db/atlas-v<N>.sqlite, frozen
 * when that version was current; see generateFixtures.ts there). Each is copied, opened by the current app, which
 * takes a backup and migrates it, and must come out with every record, relation and the undo history intact.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listBackups, verifyBackupFile } from '../../src/main/db/backups';
import { loadGraph } from '../../src/main/db/graphRepository';
import { SCHEMA_VERSION } from '../../src/main/db/migrations';
import { edgeId } from '../../src/shared/domain';
import { openAtlas } from '../../src/main/services/atlas';
import { DATA_DIR, PROJECT_ROOT, tempDir } from '../support/tempAtlas';

const FIXTURE_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'db');
const fixtures = readdirSync(FIXTURE_DIR)
  .map((name) => /^atlas-v(\d+)\.sqlite$/.exec(name))
  .filter((match): match is RegExpExecArray => match !== null)
  .map((match) => ({ file: join(FIXTURE_DIR, match[0]), version: Number(match[1]) }))
  .sort((a, b) => a.version - b.version);

const folder = tempDir();
afterAll(() => folder.cleanup());

/** The graph as the repository reads it straight from a file (records by id, relations by id). */
function graphIn(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const { nodes, edges } = loadGraph(db);
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      nodes: new Map(nodes.map((node) => [node.id, node])),
      edges: new Map(edges.map((edge) => [edgeId(edge), edge])),
    };
  } finally {
    db.close();
  }
}

describe('migrating fixture databases of past schema versions', () => {
  it('has a fixture of every past schema version', () => {
    const versions = fixtures.map((fixture) => fixture.version);
    for (let version = 1; version < SCHEMA_VERSION; version++) expect(versions).toContain(version);
  });

  it.each(fixtures)(
    'v$version: opens, migrates to the current schema and keeps every record, relation and the history',
    async ({ file, version }) => {
      const databasePath = join(folder.dir, `from-v${version}.sqlite`);
      copyFileSync(file, databasePath);
      const before = graphIn(databasePath);
      expect(before.version).toBe(version);
      expect(before.nodes.get('actor:fixture-harbor-house')).toBeDefined();

      const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 'test', includeSample: false });
      try {
        expect(atlas.created).toBe(false);
        expect(atlas.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(atlas.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const index = atlas.store.index;
        expect(index.nodeCount).toBe(before.nodes.size);
        expect(index.edgeCount).toBe(before.edges.size);
        for (const [id, record] of before.nodes) expect(index.node(id), id).toEqual(record);
        for (const [id, edge] of before.edges) expect(index.edge(id), id).toEqual({ ...edge, id });
        // The history made under the old version still works: redo the undone change, then undo it again.
        // Written before change sets kept a message: their English labels stand in.
        expect(atlas.store.history()).toEqual({
          undo: { label: 'Edit a record', message: null },
          redo: { label: 'A change that is then undone', message: null },
        });
        expect(atlas.store.redo()?.label).toBe('A change that is then undone');
        expect(index.hasNode('actor:fixture-undone')).toBe(true);
        expect(atlas.store.undo()?.label).toBe('A change that is then undone');
        expect(index.hasNode('actor:fixture-undone')).toBe(false);
      } finally {
        atlas.close();
      }

      if (version < SCHEMA_VERSION) {
        // The migration was preceded by a checked backup of the old file, still at the old version.
        const backup = listBackups(databasePath).find((entry) => entry.reason === 'before-migration');
        expect(backup).toBeDefined();
        verifyBackupFile(backup!.path);
        expect(graphIn(backup!.path)).toEqual(before);
      }
    },
  );
});
