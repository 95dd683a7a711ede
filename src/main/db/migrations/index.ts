/**
 * The schema's history: numbered migrations, each run once, in order, inside one transaction with the
 * `user_version` it leads to. Never edit a migration that has shipped; add the next number.
 */
import { migration001Graph } from './001_graph';
import { migration002Plans } from './002_plans';
import { migration003ChangeMessages } from './003_change_messages';

/** One step of the schema's history. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first; the last one's version is the schema version this build writes. */
export const MIGRATIONS: readonly Migration[] = [migration001Graph, migration002Plans, migration003ChangeMessages];

/** The schema version this build of the app creates and understands. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
