/**
 * Opening the database: the pragmas, the integrity check, the schema migrations and the refusal of a database
 * written by a newer version of the app. The only place a connection is made.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AtlasError, errorMessage } from '../../shared/api';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { resolveNativeBinding } from './nativeBinding';

/** An open connection to a Referral Atlas database. */
export type SqliteDatabase = Database.Database;

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Awaited before pending migrations run on a database that already holds data, so a backup can be taken. */
  beforeMigrate?: (db: SqliteDatabase, from: number, to: number) => Promise<void>;
  /** Migrations to apply (tests pass older lists to build fixtures of past versions). */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/** Opens (creating if needed) the database at `path`, checks it and brings its schema up to date. */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<SqliteDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = migrations[migrations.length - 1]?.version ?? 0;
  if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  if (options.readonly && !existsSync(path))
    throw new AtlasError('NOT_FOUND', errorMessage('error.noDatabase', { path }));

  let db: SqliteDatabase;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, nativeBinding: resolveNativeBinding() });
  } catch (error) {
    throw new AtlasError(
      'UNAVAILABLE',
      errorMessage('error.databaseCannotOpen', { path, detail: (error as Error).message }),
    );
  }
  try {
    checkIntegrity(db, path);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A larger page cache keeps bulk writes (imports, generated networks) from thrashing the edge indexes.
    db.pragma('cache_size = -32768');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > target) {
      throw new AtlasError('CONFLICT', errorMessage('error.databaseNewer', { path, current, target }));
    }
    if (current < target) {
      if (options.readonly) throw new AtlasError('CONFLICT', errorMessage('error.databaseNeedsUpgrade', { path }));
      if (current > 0 && options.beforeMigrate) await options.beforeMigrate(db, current, target);
      migrate(db, migrations, current);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `PRAGMA integrity_check`; a damaged file is refused with the way out (restore a backup). */
export function checkIntegrity(db: SqliteDatabase, path: string): void {
  let result: string;
  try {
    result = String(db.pragma('integrity_check', { simple: true }));
  } catch (error) {
    throw damaged(path, (error as Error).message);
  }
  if (result !== 'ok') throw damaged(path, result.split('\n')[0] ?? result);
}

function damaged(path: string, detail: string): AtlasError {
  return new AtlasError('UNAVAILABLE', errorMessage('error.databaseDamaged', { path, detail }));
}

/** Applies each pending migration in its own transaction together with the `user_version` it reaches. */
function migrate(db: SqliteDatabase, migrations: readonly Migration[], from: number): void {
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

export { SCHEMA_VERSION };
