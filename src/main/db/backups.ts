/**
 * Backups with SQLite's online backup API, each checked with integrity_check; the daily start-up backup and the
 * thinning of the folder (policy in backupPolicy.ts); and restores that never write into the live file: the backup
 * is checked, copied beside the live file and renamed over it, after the live file has been copied aside.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AtlasError, errorMessage } from '../../shared/api';
import { checkIntegrity, type SqliteDatabase } from './openDatabase';
import { SCHEMA_VERSION } from './migrations';
import { resolveNativeBinding } from './nativeBinding';
import {
  isDailyBackupDue,
  openFailureOffer,
  thinBackups,
  type DatabaseProblem,
  type OpenFailureOffer,
  type RetentionPolicy,
} from './backupPolicy';

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
    throw new AtlasError('UNAVAILABLE', errorMessage('error.backupFailed', { file, detail: (error as Error).message }));
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
  const file = join(backupFolderFor(databasePath), `atlas-${stampOf(now)}-${reason}.sqlite`);
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
  if (!existsSync(file)) throw new AtlasError('NOT_FOUND', errorMessage('error.noBackup', { file }));
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: resolveNativeBinding() });
    checkIntegrity(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AtlasError('CONFLICT', errorMessage('error.backupNewer', { file, version }));
    }
    if (version === 0) throw new AtlasError('BAD_INPUT', errorMessage('error.notAnAtlas', { file }));
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw new AtlasError('BAD_INPUT', errorMessage('error.notSqlite', { file, detail: (error as Error).message }));
  } finally {
    db?.close();
  }
}

/**
 * Replaces the (closed) live database with a backup. The backup is verified and copied next to the live file; the
 * live file and its WAL are copied aside (`<file>.replaced-<time>`, so even a damaged file is never thrown away);
 * then the copy is renamed over the live file, so the live file is never half-written.
 */
export async function restoreDatabaseFile(livePath: string, backupFile: string, now = new Date()): Promise<void> {
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
  const aside = `${livePath}.replaced-${stampOf(now)}`;
  for (const suffix of ['', '-wal']) {
    if (existsSync(`${livePath}${suffix}`)) copyFileSync(`${livePath}${suffix}`, `${aside}${suffix}`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${livePath}${suffix}`, { force: true });
  renameSync(staging, livePath);
}

function stampOf(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** The newest backup that passes {@link verifyBackupFile}, or null: what a damaged database is restored from. */
export function lastGoodBackup(databasePath: string): BackupInfo | null {
  for (const backup of listBackups(databasePath)) {
    try {
      verifyBackupFile(backup.path);
      return backup;
    } catch {
      // A damaged or foreign backup is skipped; the next older one may be good.
    }
  }
  return null;
}

/**
 * Why a database file that failed to open failed, read without changing it: damaged (SQLite says it is corrupt or
 * not a database), written by a newer version, or unreadable (missing, no permission, locked). Null when it opens
 * and checks fine after all.
 */
export function probeDatabaseFile(path: string): DatabaseProblem | null {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: resolveNativeBinding() });
    const result = String(db.pragma('integrity_check', { simple: true }));
    if (result !== 'ok') return 'damaged';
    return (db.pragma('user_version', { simple: true }) as number) > SCHEMA_VERSION ? 'newer-version' : null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' ? 'damaged' : 'unreadable';
  } finally {
    db?.close();
  }
}

/** What to offer the user after the database at `databasePath` failed to open (see {@link openFailureOffer}). */
export function offerAfterOpenFailure(databasePath: string): OpenFailureOffer {
  const problem = probeDatabaseFile(databasePath) ?? 'unreadable';
  return openFailureOffer(problem, problem === 'damaged' ? lastGoodBackup(databasePath) : null);
}

/** Deletes the automatic backups the retention policy lets go, and leftovers of interrupted backups. */
export function thinBackupFolder(databasePath: string, policy?: RetentionPolicy): string[] {
  const { remove } = thinBackups(listBackups(databasePath), policy);
  const folder = backupFolderFor(databasePath);
  const leftovers = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.sqlite.partial'))
        .map((name) => join(folder, name))
    : [];
  const removed = [...remove.map((backup) => backup.path), ...leftovers];
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/**
 * The start-up backup: when the newest backup is a day old or more (or there is none), takes a `daily` backup;
 * then thins the folder. Returns the backup taken (or null) and the files removed.
 */
export async function takeDailyBackup(
  db: SqliteDatabase,
  databasePath: string,
  now = new Date(),
  policy?: RetentionPolicy,
): Promise<{ taken: BackupInfo | null; removed: string[] }> {
  const newest = listBackups(databasePath)[0]?.at ?? null;
  const taken = isDailyBackupDue(newest, now) ? await backupToFolder(db, databasePath, 'daily', now) : null;
  return { taken, removed: thinBackupFolder(databasePath, policy) };
}
