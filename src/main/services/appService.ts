/** Handlers of the `app.*` methods. */
import { NODE_KINDS, type NodeKind } from '../../shared/domain';
import type { AppInfo, ContractHandlers } from '../../shared/api';
import { listBackups } from '../db/backups';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Atlas } from './atlas';

/** What the app reports about itself and its database. */
export function appInfo(atlas: Atlas): AppInfo {
  const index = atlas.store.index;
  const nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, index.countOfKind(kind)])) as Record<
    NodeKind,
    number
  >;
  return {
    version: atlas.config.version,
    databasePath: atlas.config.databasePath,
    schemaVersion: SCHEMA_VERSION,
    counts: { nodes, edges: index.edgeCount, sample: atlas.store.repository.sampleCount() },
    lastBackupAt: listBackups(atlas.config.databasePath)[0]?.at ?? null,
  };
}

/** The `app.*` handlers. */
export function appHandlers(atlas: Atlas): Pick<ContractHandlers, 'app.ping' | 'app.info'> {
  return {
    'app.ping': () => ({ pong: true }),
    'app.info': () => appInfo(atlas),
  };
}
