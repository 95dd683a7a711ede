/**
 * Faults a caseworker's laptop will meet: a full disk, a database it may not write, a damaged database file, and the
 * app killed (SIGKILL: a crash, a power cut, a force-quit) in the middle of an import, an export or a migration.
 * Each must end with a clear message and nothing lost. Where this machine cannot produce the real fault, the test
 * name says how it is simulated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDispatcher, type ContractHandlers, type Dispatch } from '../../src/shared/api';
import { englishText } from '../../src/shared/i18n';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import {
  backupToFolder,
  listBackups,
  offerAfterOpenFailure,
  restoreDatabaseFile,
  verifyBackupFile,
} from '../../src/main/db/backups';
import { openDatabase } from '../../src/main/db/openDatabase';
import { SCHEMA_VERSION } from '../../src/main/db/migrations';
import { openAtlas, type Atlas } from '../../src/main/services/atlas';
import { GraphStore } from '../../src/main/services/graphStore';
import { createHandlers } from '../../src/main/services/handlers';
import { graphHandlers } from '../../src/main/services/graphService';
import { DATA_DIR, PROJECT_ROOT, openTempAtlas, tempDir } from '../support/tempAtlas';

const folder = tempDir('atlas-faults-');
afterAll(() => folder.cleanup());
let counter = 0;
const freshPath = (name: string) => join(folder.dir, `${++counter}-${name}`);

/** The database file's bytes once the WAL is folded in (what "unchanged" means for a file on disk). */
function bytesOf(db: Database.Database, path: string): Buffer {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(path);
}

/** Node and edge ids of a closed database file, read straight from it after an integrity check. */
function contentOf(path: string): { version: number; nodes: string[]; edges: number } {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      nodes: db.prepare('SELECT id FROM nodes ORDER BY id').pluck().all() as string[],
      edges: db.prepare('SELECT count(*) FROM edges').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** Runs tests/support/faultChild.ts; SIGKILLs it the moment it prints `killOn` (or lets it finish when null). */
function runChild(args: string[], killOn: string | null): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tests/support/faultChild.ts'), ...args],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn && output.split('\n').includes(killOn)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ output, signal }));
  });
}

let importFileMade: Promise<string> | undefined;
/** An HSDS JSON file of a generated network of 300 organisations, exported by the app itself (made once). */
function hsdsImportFile(): Promise<string> {
  importFileMade ??= hsdsFileOf(300);
  return importFileMade;
}

async function hsdsFileOf(actors: number): Promise<string> {
  const source = await openTempAtlas({ includeSample: false });
  try {
    const network = generateNetwork({ actors, seed: 11, includeNeeds: false });
    source.store.write(
      'generated',
      (writer) => {
        for (const node of network.nodes) writer.putNode(node);
        for (const edge of network.edges) writer.putEdge(edge);
      },
      { trusted: true },
    );
    const file = freshPath('import.hsds.json');
    const result = await createDispatcher(createHandlers(source))('io.export', { format: 'hsds-json', out: file });
    expect(result, 'the import file could not be made').toMatchObject({ ok: true });
    return file;
  } finally {
    source.dispose();
  }
}

describe(
  'a full disk (simulated: PRAGMA max_page_count caps the database at its current size)',
  { timeout: 120_000 },
  () => {
    let atlas: Atlas & { dispose(): void };
    let dispatch: Dispatch;
    let importFile: string;

    beforeAll(async () => {
      importFile = await hsdsImportFile();
      atlas = await openTempAtlas({ includeSample: false });
      dispatch = createDispatcher(createHandlers(atlas));
    }, 120_000);
    afterAll(() => atlas.dispose());

    it('refuses an import with "the disk is full", changes nothing, and the same import succeeds once there is room', async () => {
      const path = atlas.config.databasePath;
      const pages = atlas.db.pragma('page_count', { simple: true }) as number;
      atlas.db.pragma(`max_page_count = ${pages}`);
      const before = bytesOf(atlas.db, path);
      const nodesBefore = atlas.store.index.nodeCount;
      const history = atlas.store.history();

      const refused = await dispatch('io.importApply', { format: 'hsds-json', path: importFile });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringMatching(/disk is full.*nothing was lost/i) },
      });
      expect(bytesOf(atlas.db, path).equals(before)).toBe(true);
      expect(atlas.store.index.nodeCount).toBe(nodesBefore);
      expect(atlas.store.history()).toEqual(history);
      expect(atlas.db.pragma('integrity_check', { simple: true })).toBe('ok');

      atlas.db.pragma('max_page_count = 1073741823');
      const applied = await dispatch('io.importApply', { format: 'hsds-json', path: importFile });
      expect(applied).toMatchObject({ ok: true });
      expect(atlas.store.index.nodeCount).toBeGreaterThan(nodesBefore);
    });

    it('refuses a single edit with the same clear message and keeps the in-memory graph in step with the file', async () => {
      atlas.db.pragma('wal_checkpoint(TRUNCATE)');
      atlas.db.pragma(`max_page_count = ${atlas.db.pragma('page_count', { simple: true }) as number}`);
      const record = {
        kind: 'actor',
        id: 'actor:full-disk-check',
        name: 'Full Disk Check',
        actorType: 'ngo',
        source: 'test',
        description: 'x'.repeat(1_900),
      };
      let answer = await dispatch('graph.createNode', { record });
      // One small row may still fit in the last page; fill until the disk is "full".
      for (let i = 0; answer.ok && i < 200; i++) {
        answer = await dispatch('graph.createNode', { record: { ...record, id: `actor:full-disk-check-${i}` } });
      }
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringMatching(/disk is full/) },
      });
      const inFile = atlas.db.prepare('SELECT count(*) FROM nodes').pluck().get() as number;
      expect(atlas.store.index.nodeCount).toBe(inFile);
      atlas.db.pragma('max_page_count = 1073741823');
    });
  },
);

describe('a database the app may not write', () => {
  it('(simulated with PRAGMA query_only, because chmod does not stop root) refuses edits as read-only, loses nothing, and works again when writable', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    try {
      const dispatch = createDispatcher(createHandlers(atlas));
      const path = atlas.config.databasePath;
      atlas.db.pragma('query_only = ON');
      const before = bytesOf(atlas.db, path);
      const record = {
        kind: 'actor',
        id: 'actor:read-only-check',
        name: 'Read-only Check',
        actorType: 'ngo',
        source: 'test',
      };
      const refused = await dispatch('graph.createNode', { record });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringMatching(/read-only.*nothing was lost/i) },
      });
      expect(atlas.store.index.hasNode('actor:read-only-check')).toBe(false);
      expect(await dispatch('graph.get', { id: 'need:shelter' })).toMatchObject({ ok: true });
      expect(bytesOf(atlas.db, path).equals(before)).toBe(true);
      atlas.db.pragma('query_only = OFF');
      expect(await dispatch('graph.createNode', { record })).toMatchObject({ ok: true });
    } finally {
      atlas.dispose();
    }
  });

  it('opened read-only by SQLite itself (the real SQLITE_READONLY error) refuses an edit with the read-only message', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    const path = atlas.config.databasePath;
    atlas.close();
    const db = await openDatabase(path, { readonly: true });
    try {
      const readOnly: Atlas = { ...atlas, db, store: new GraphStore(db) };
      // Only the graph handlers: building every handler would run start-up housekeeping writes of other services.
      const dispatch = createDispatcher(graphHandlers(readOnly) as ContractHandlers);
      const record = {
        kind: 'actor',
        id: 'actor:read-only-check',
        name: 'Read-only Check',
        actorType: 'ngo',
        source: 'test',
      };
      expect(await dispatch('graph.createNode', { record })).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringMatching(/read-only/) },
      });
    } finally {
      db.close();
    }
    expect(contentOf(path).nodes).not.toContain('actor:read-only-check');
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'a file and folder made read-only with chmod (not run as root: chmod does not stop root) is refused clearly and left unchanged',
    async () => {
      const atlas = await openTempAtlas({ includeSample: false });
      const path = atlas.config.databasePath;
      atlas.close();
      const before = readFileSync(path);
      chmodSync(path, 0o444);
      chmodSync(atlas.dir, 0o555);
      try {
        const opened = await openAtlas({ databasePath: path, dataDir: DATA_DIR, version: 't' }).catch(
          (error: Error) => error,
        );
        if (opened instanceof Error) {
          expect(opened.message).toContain(path);
        } else {
          const dispatch = createDispatcher(createHandlers(opened));
          const record = {
            kind: 'actor',
            id: 'actor:chmod-check',
            name: 'Chmod Check',
            actorType: 'ngo',
            source: 'test',
          };
          expect(await dispatch('graph.createNode', { record })).toMatchObject({
            ok: false,
            error: { code: 'UNAVAILABLE' },
          });
          opened.close();
        }
        expect(readFileSync(path).equals(before)).toBe(true);
      } finally {
        chmodSync(atlas.dir, 0o755);
        chmodSync(path, 0o644);
        atlas.dispose();
      }
    },
  );
});

describe('a damaged database file on open', () => {
  async function damagedWithBackup(damage: (bytes: Buffer) => Buffer) {
    const databasePath = freshPath('atlas.sqlite');
    const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't', includeSample: false });
    atlas.store.write('an edit before the backup', (writer) =>
      writer.putNode({ kind: 'actor', id: 'actor:backed-up', name: 'Backed Up', actorType: 'ngo', source: 'test' }),
    );
    const backup = await backupToFolder(atlas.db, databasePath, 'daily', new Date('2026-11-27T09:00:00Z'));
    atlas.db.pragma('wal_checkpoint(TRUNCATE)');
    atlas.close();
    writeFileSync(databasePath, damage(readFileSync(databasePath)));
    return { databasePath, backup, damaged: readFileSync(databasePath) };
  }

  it.each([
    ['pages overwritten', (bytes: Buffer) => Buffer.from(bytes).fill(0x5a, 4096, bytes.length - 4096)],
    ['the file cut in half', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['the header overwritten', (bytes: Buffer) => Buffer.from(bytes).fill(0, 0, 100)],
  ])(
    '(%s) is refused with a message naming the file and the way out, left byte-for-byte as it was, and the offer is the last good backup, which restores the data',
    async (_name, damage) => {
      const { databasePath, backup, damaged } = await damagedWithBackup(damage);
      const failure = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't' }).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toContain(databasePath);
      expect((failure as Error).message).toMatch(/damaged|not a database|malformed/i);
      expect(readFileSync(databasePath).equals(damaged)).toBe(true);

      const offer = offerAfterOpenFailure(databasePath);
      expect(offer).toMatchObject({ action: 'restore', backup: { path: backup.path, at: backup.at } });
      await restoreDatabaseFile(databasePath, backup.path);
      const restored = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't' });
      try {
        expect(restored.store.index.hasNode('actor:backed-up')).toBe(true);
      } finally {
        restored.close();
      }
      // The damaged file was kept beside the database, not thrown away.
      const kept = readdirSync(folder.dir).filter(
        (name) => name.startsWith(`${counter}-atlas.sqlite.replaced-`) && !name.endsWith('-wal'),
      );
      expect(kept.length).toBe(1);
      expect(readFileSync(join(folder.dir, kept[0]!)).equals(damaged)).toBe(true);
    },
  );

  it('offers no restore when there is no good backup, and changes nothing', async () => {
    const { databasePath, backup, damaged } = await damagedWithBackup((bytes) => Buffer.from(bytes).fill(0x5a, 4096));
    writeFileSync(backup.path, 'the backup is damaged too');
    const offer = offerAfterOpenFailure(databasePath);
    expect(offer.action).toBe('quit');
    expect(englishText(offer.detail)).toMatch(/no good backup/);
    expect(readFileSync(databasePath).equals(damaged)).toBe(true);
  });
});

// Each child process compiles the app with tsx and opens a database: slow on a busy two-core machine.
describe('SIGKILL in the middle of long work', { timeout: 180_000 }, () => {
  let importFile: string;
  beforeAll(async () => {
    importFile = await hsdsImportFile();
  }, 120_000);

  async function seededDatabase(): Promise<string> {
    const databasePath = freshPath('atlas.sqlite');
    (await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't', includeSample: false })).close();
    return databasePath;
  }

  it('during an import (inside its write transaction, after the before-import backup): the database is whole and holds none of it', async () => {
    const databasePath = await seededDatabase();
    const before = contentOf(databasePath);
    const run = await runChild(['import', databasePath, importFile, 'midway'], 'midway');
    expect(run.signal).toBe('SIGKILL');
    expect(run.output).not.toContain('imported');
    expect(contentOf(databasePath)).toEqual(before);
    const backup = listBackups(databasePath).find((entry) => entry.reason === 'before-import');
    expect(backup).toBeDefined();
    verifyBackupFile(backup!.path);
    const reopened = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't' });
    expect(reopened.store.index.nodeCount).toBe(before.nodes.length);
    reopened.close();
  });

  it('an import that is not killed holds all of it (all or nothing)', async () => {
    const databasePath = await seededDatabase();
    const before = contentOf(databasePath);
    const run = await runChild(['import', databasePath, importFile], null);
    expect(run.output).toContain('imported');
    expect(contentOf(databasePath).nodes.length).toBeGreaterThan(before.nodes.length + 250);
  });

  it.each(['half-written', 'before-rename'])(
    'during an export (killed %s): no file, whole or half, under the final name',
    async (point) => {
      const databasePath = await seededDatabase();
      const out = freshPath('directory.hsds.json');
      const run = await runChild(['export', databasePath, out, point], point);
      expect(run.signal).toBe('SIGKILL');
      expect(existsSync(out)).toBe(false);
      // What is left is a hidden temporary file beside it, never something a user would open as the export.
      const leftovers = readdirSync(folder.dir).filter((name) => name.includes('directory.hsds.json'));
      expect(leftovers.every((name) => name.startsWith('.') && name.endsWith('.partial'))).toBe(true);
    },
  );

  it('an export that is not killed leaves the whole file under its final name', async () => {
    const databasePath = await seededDatabase();
    const out = freshPath('directory.hsds.json');
    const run = await runChild(['export', databasePath, out], null);
    expect(run.output).toContain('exported');
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it("during a migration of the v1 fixture (inside the first pending step's transaction, after its real SQL): the file is still v1, whole, and migrates cleanly afterwards", async () => {
    const databasePath = freshPath('from-v1.sqlite');
    copyFileSync(join(PROJECT_ROOT, 'tests/fixtures/db/atlas-v1.sqlite'), databasePath);
    const before = contentOf(databasePath);
    const schemaBefore = new Database(databasePath, { readonly: true });
    const tablesBefore = schemaBefore.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all();
    schemaBefore.close();

    const run = await runChild(['migrate', databasePath, '-', 'inside-migration'], 'inside-migration');
    expect(run.signal).toBe('SIGKILL');
    expect(contentOf(databasePath)).toEqual(before);
    const schemaAfter = new Database(databasePath, { readonly: true });
    expect(schemaAfter.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all()).toEqual(tablesBefore);
    schemaAfter.close();
    expect(listBackups(databasePath).some((entry) => entry.reason === 'before-migration')).toBe(true);

    const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't', includeSample: false });
    try {
      expect(atlas.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(atlas.store.index.nodeCount).toBe(before.nodes.length);
    } finally {
      atlas.close();
    }
  });
});
