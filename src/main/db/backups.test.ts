import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import { openAtlas } from '../services/atlas';
import { backupDatabase, backupToFolder, listBackups, restoreDatabaseFile } from './backups';
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
