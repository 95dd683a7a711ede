/** Handlers of the `app.*` methods. */
import { NODE_KINDS, type NodeKind } from '../../shared/domain';
import { AtlasError, type AppInfo, type ContractHandlers } from '../../shared/api';
import { listBackups } from '../db/backups';
import { SCHEMA_VERSION } from '../db/migrations';
import { openExternalLink, requireVettedLink, type ExternalLinkHost } from '../security/openExternal';
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

type AppHandlers = Pick<ContractHandlers, 'app.ping' | 'app.info' | 'app.openExternal'>;

/**
 * The `app.*` handlers. Without a desktop `links` host (the CLI, the loopback bridge) `app.openExternal` still
 * vets the link but then answers UNAVAILABLE: only the desktop app can ask the user and open their browser.
 */
export function appHandlers(atlas: Atlas, links?: ExternalLinkHost): AppHandlers {
  return {
    'app.ping': () => ({ pong: true }),
    'app.info': () => appInfo(atlas),
    'app.openExternal': ({ url }) => {
      if (links) return openExternalLink(url, links);
      requireVettedLink(url);
      throw new AtlasError('UNAVAILABLE', 'Links open in the system browser only from the desktop app.');
    },
  };
}

/** The handlers only the Electron composition root can give: they need its dialogs and shell. */
export function desktopAppHandlers(atlas: Atlas, links: ExternalLinkHost): Pick<AppHandlers, 'app.openExternal'> {
  return { 'app.openExternal': appHandlers(atlas, links)['app.openExternal'] };
}
