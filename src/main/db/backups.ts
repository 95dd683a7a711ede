/**
 * Backups with SQLite's online backup API, and restores that never write into the live file: the backup is checked,
 * copied beside the live file and renamed over it, after the live file itself has been backed up.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AtlasError } from '../../shared/api';
import { checkIntegrity, type SqliteDatabase } from './openDatabase';
import { SCHEMA_VERSION } from './migrations';
import { resolveNativeBinding } from './nativeBinding';

/** A backup file on disk. */
export interface BackupInfo {
  path: string;
  /** When it was taken (ISO timestamp, from its name). */
  at: string;
  reason: string;
  bytes: number;
}

/** The folder that holds a database's automatic backups: beside it, named after it. */
export function backupFolderFor(databasePath: string): string {
  const name = basename(databasePath, extname(databasePath));
  return join(dirname(databasePath), `${name}-backups`);
}

const BACKUP_NAME = /^atlas-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/;

/** Writes a consistent copy of the open database to `file` (through a temporary name), then checks the copy. */
export async function backupDatabase(db: SqliteDatabase, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.partial`;
  rmSync(temporary, { force: true });
  try {
    await db.backup(temporary);
    verifyBackupFile(temporary);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof AtlasError) throw error;
    throw new AtlasError('UNAVAILABLE', `Could not write the backup ${file}: ${(error as Error).message}`);
  }
  return file;
}

/** Takes a backup into the database's backup folder, named by time and reason (e.g. `before-import`). */
export async function backupToFolder(
  db: SqliteDatabase,
  databasePath: string,
  reason: string,
  now = new Date(),
): Promise<BackupInfo> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const file = join(backupFolderFor(databasePath), `atlas-${stamp}-${reason}.sqlite`);
  await backupDatabase(db, file);
  return { path: file, at: now.toISOString(), reason, bytes: statSync(file).size };
}

/** The backups in a database's folder, newest first. */
export function listBackups(databasePath: string): BackupInfo[] {
  const folder = backupFolderFor(databasePath);
  if (!existsSync(folder)) return [];
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const stamp = match[1] ?? '';
    const at = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
    const path = join(folder, name);
    backups.push({ path, at, reason: match[2] ?? '', bytes: statSync(path).size });
  }
  return backups.sort((a, b) => b.at.localeCompare(a.at));
}

/** Opens a backup read-only and checks it is whole and from a schema this app understands. */
export function verifyBackupFile(file: string): void {
  if (!existsSync(file)) throw new AtlasError('NOT_FOUND', `No backup at ${file}.`);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: resolveNativeBinding() });
    checkIntegrity(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AtlasError(
        'CONFLICT',
        `The backup ${file} is from a newer version of Referral Atlas (schema ${version}).`,
      );
    }
    if (version === 0) throw new AtlasError('BAD_INPUT', `${file} is not a Referral Atlas database.`);
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw new AtlasError('BAD_INPUT', `${file} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the (closed) live database with a backup. The backup is verified, copied next to the live file and
 * renamed over it, so the live file is never half-written; its WAL files are removed only after the rename.
 */
export async function restoreDatabaseFile(livePath: string, backupFile: string): Promise<void> {
  verifyBackupFile(backupFile);
  const staging = `${livePath}.restoring`;
  rmSync(staging, { force: true });
  const source = new Database(backupFile, { readonly: true, nativeBinding: resolveNativeBinding() });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  verifyBackupFile(staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${livePath}${suffix}`, { force: true });
  renameSync(staging, livePath);
}
