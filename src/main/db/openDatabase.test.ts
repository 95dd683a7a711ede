import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../../tests/support/tempAtlas';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { openDatabase } from './openDatabase';

const folders: { cleanup(): void }[] = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.cleanup()));
function folder(): string {
  const made = tempDir();
  folders.push(made);
  return made.dir;
}

describe('openDatabase', () => {
  it('migrates an empty file to the current schema with WAL and foreign keys on', async () => {
    const db = await openDatabase(join(folder(), 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['nodes', 'edges', 'change_sets', 'changes', 'positions', 'meta']));
    const strict = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'nodes'")
      .pluck()
      .get() as string;
    expect(strict).toMatch(/STRICT/);
    db.close();
  });

  it('runs each pending migration once, in order, and backs up first when there is data', async () => {
    const path = join(folder(), 'old.sqlite');
    const first = MIGRATIONS.slice(0, 1);
    (await openDatabase(path, { migrations: first })).close();
    const extra = { version: SCHEMA_VERSION + 1, name: 'test step', sql: 'CREATE TABLE test_step (x INTEGER) STRICT;' };
    const seen: string[] = [];
    const db = await openDatabase(path, {
      migrations: [...MIGRATIONS, extra],
      beforeMigrate: async (_db, from, to) => {
        seen.push(`${from}->${to}`);
      },
    });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(seen).toEqual([`1->${SCHEMA_VERSION + 1}`]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_step'").pluck().get()).toBe(1);
    db.close();
  });

  it('rolls back a failing migration whole, leaving the old version', async () => {
    const path = join(folder(), 'fail.sqlite');
    (await openDatabase(path)).close();
    const broken = {
      version: SCHEMA_VERSION + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x INTEGER); SELECT no_such_function();',
    };
    await expect(openDatabase(path, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it as it was', async () => {
    const path = join(folder(), 'newer.sqlite');
    (await openDatabase(path)).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow(/newer version of Referral Atlas/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file and points to restoring a backup', async () => {
    const path = join(folder(), 'damaged.sqlite');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow(/damaged.*Restore the last good backup/s);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
