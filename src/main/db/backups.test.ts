import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import { openAtlas } from '../services/atlas';
import {
  backupDatabase,
  backupFolderFor,
  backupToFolder,
  lastGoodBackup,
  listBackups,
  probeDatabaseFile,
  restoreDatabaseFile,
  takeDailyBackup,
} from './backups';
import type { SqliteDatabase } from './openDatabase';

const atlases: { dispose(): void }[] = [];
afterEach(() => atlases.splice(0).forEach((atlas) => atlas.dispose()));

function snapshot(db: SqliteDatabase) {
  return {
    nodes: db.prepare('SELECT id, record FROM nodes ORDER BY id').all(),
    edges: db.prepare('SELECT from_id, type, to_id, record FROM edges ORDER BY 1, 2, 3').all(),
  };
}

describe('backups', () => {
  it('backup then restore gives the same data, and the restore never writes into the live file in place', async () => {
    const atlas = await openTempAtlas();
    atlases.push(atlas);
    const databasePath = atlas.config.databasePath;
    const original = snapshot(atlas.db);
    const file = join(atlas.dir, 'copy.sqlite');
    await backupDatabase(atlas.db, file);
    atlas.store.write('edit after backup', (w) => w.removeNode('sample:marigold-gate-residence'));
    expect(snapshot(atlas.db)).not.toEqual(original);
    atlas.close();

    await restoreDatabaseFile(databasePath, file);
    expect(existsSync(`${databasePath}.restoring`)).toBe(false);
    const reopened = await openAtlas({ databasePath, dataDir: atlas.config.dataDir, version: 'test' });
    expect(snapshot(reopened.db)).toEqual(original);
    expect(reopened.store.index.hasNode('sample:marigold-gate-residence')).toBe(true);
    reopened.close();
  });

  it('lists backups in the database folder newest first', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    await backupToFolder(atlas.db, atlas.config.databasePath, 'manual', new Date('2026-01-01T10:00:00Z'));
    await backupToFolder(atlas.db, atlas.config.databasePath, 'before-import', new Date('2026-03-01T10:00:00Z'));
    expect(listBackups(atlas.config.databasePath).map((b) => [b.at, b.reason])).toEqual([
      ['2026-03-01T10:00:00.000Z', 'before-import'],
      ['2026-01-01T10:00:00.000Z', 'manual'],
    ]);
  });

  it('refuses to restore a file that is not a whole Atlas database, and leaves the live one untouched', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const junk = join(atlas.dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    atlas.close();
    await expect(restoreDatabaseFile(atlas.config.databasePath, junk)).rejects.toThrow(
      /not a readable SQLite database|damaged/,
    );
    const reopened = await openAtlas({
      databasePath: atlas.config.databasePath,
      dataDir: atlas.config.dataDir,
      version: 't',
    });
    expect(reopened.store.index.nodeCount).toBeGreaterThan(100);
    reopened.close();
  });
});

describe('the daily start-up backup', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, 28, 9) - n * 86_400_000);

  it('takes a checked daily backup when there is none, and none again the same day', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const first = await takeDailyBackup(atlas.db, atlas.config.databasePath, day(0));
    expect(first.taken).toMatchObject({ reason: 'daily', at: day(0).toISOString() });
    const again = await takeDailyBackup(atlas.db, atlas.config.databasePath, new Date(day(0).getTime() + 3_600_000));
    expect(again.taken).toBeNull();
    expect(listBackups(atlas.config.databasePath)).toHaveLength(1);
  });

  it('thins the folder to the retention policy as it goes, and keeps manual backups', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const path = atlas.config.databasePath;
    await backupToFolder(atlas.db, path, 'manual', day(40));
    for (let n = 39; n >= 0; n--) await takeDailyBackup(atlas.db, path, day(n), { daily: 3, weekly: 2, monthly: 2 });
    const left = listBackups(path);
    expect(left.filter((b) => b.reason === 'manual')).toHaveLength(1);
    const daily = left.filter((b) => b.reason === 'daily').map((b) => b.at.slice(0, 10));
    // 3 newest days, then the newest of the previous ISO week, then the newest of the previous month.
    expect(daily).toEqual(['2026-11-28', '2026-11-27', '2026-11-26', '2026-11-22', '2026-10-31']);
  });

  it('removes the leftover of a backup that was interrupted', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const folder = backupFolderFor(atlas.config.databasePath);
    await backupToFolder(atlas.db, atlas.config.databasePath, 'daily', day(2));
    writeFileSync(join(folder, 'atlas-20261128T080000000Z-daily.sqlite.partial'), 'half');
    await takeDailyBackup(atlas.db, atlas.config.databasePath, day(0));
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('choosing and probing', () => {
  it('picks the newest backup that passes integrity_check, skipping a damaged newer one', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const path = atlas.config.databasePath;
    const good = await backupToFolder(atlas.db, path, 'daily', new Date('2026-11-01T00:00:00Z'));
    const bad = await backupToFolder(atlas.db, path, 'daily', new Date('2026-11-02T00:00:00Z'));
    writeFileSync(bad.path, 'SQLite format 3\0 but then garbage '.repeat(200));
    expect(lastGoodBackup(path)?.path).toBe(good.path);
  });

  it('tells a damaged file, a newer version and an unreadable file apart, and a good file from all three', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    expect(probeDatabaseFile(atlas.config.databasePath)).toBeNull();
    const junk = join(atlas.dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, it only has the name of one'.repeat(100));
    expect(probeDatabaseFile(junk)).toBe('damaged');
    expect(probeDatabaseFile(join(atlas.dir, 'missing.sqlite'))).toBe('unreadable');
    const newer = join(atlas.dir, 'newer.sqlite');
    await backupDatabase(atlas.db, newer);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expect(probeDatabaseFile(newer)).toBe('newer-version');
  });

  it('keeps a copy of the file it replaces when restoring, byte for byte', async () => {
    const atlas = await openTempAtlas({ includeSample: false });
    atlases.push(atlas);
    const path = atlas.config.databasePath;
    const backup = await backupToFolder(atlas.db, path, 'daily');
    atlas.close();
    writeFileSync(path, 'damaged beyond repair');
    await restoreDatabaseFile(path, backup.path, new Date('2026-11-28T10:00:00Z'));
    expect(readFileSync(`${path}.replaced-20261128T100000000Z`, 'utf8')).toBe('damaged beyond repair');
    expect(probeDatabaseFile(path)).toBeNull();
  });
});
