/**
 * The composition root of the Electron main process: the only place that wires the database, the services, IPC
 * and the window together. Importing anything else has no side effects.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../shared/api';
import { APP_VERSION } from './appVersion';
import { serveAppRequest } from './appProtocol';
import { listBackups, restoreDatabaseFile } from './db/backups';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { resolveDatabasePath } from './paths';
import { openAtlas, type Atlas } from './services/atlas';
import { createHandlers } from './services/handlers';
import {
  APP_SCHEME,
  APP_START_URL,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  mainWindowOptions,
} from './windows/mainWindow';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const isTrusted = (url: string): boolean => isAppUrl(url, app.isPackaged ? undefined : devServerUrl);

async function openAtlasOrOfferRestore(databasePath: string, dataDir: string): Promise<Atlas> {
  try {
    return await openAtlas({ databasePath, dataDir, version: APP_VERSION });
  } catch (error) {
    const backup = listBackups(databasePath)[0];
    const message = (error as Error).message;
    const buttons = backup ? ['Restore the last good backup', 'Quit'] : ['Quit'];
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'Referral Atlas cannot open its database',
      message,
      detail: backup ? `The last backup was taken ${backup.at}.` : 'There is no backup to restore.',
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
    });
    if (backup && choice.response === 0) {
      await restoreDatabaseFile(databasePath, backup.path);
      return openAtlas({ databasePath, dataDir, version: APP_VERSION });
    }
    throw error;
  }
}

async function main(): Promise<void> {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrusted));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();

  const appRoot = app.getAppPath();
  const rendererDir = join(import.meta.dirname, '../renderer');
  const databasePath = resolveDatabasePath(undefined);
  const atlas = await openAtlasOrOfferRestore(databasePath, join(appRoot, 'data'));
  app.on('will-quit', () => atlas.close());

  const dispatch = createDispatcher(createHandlers(atlas), {
    onInternalError: (method, error) => console.error(`[atlas] ${method} failed:`, error),
  });
  registerIpcHandlers(ipcMain, dispatch, isTrusted);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  denyAllPermissions(session.defaultSession);

  const window = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), 'Referral Atlas'),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(!app.isPackaged && devServerUrl ? devServerUrl : APP_START_URL);
}

main().catch((error: unknown) => {
  console.error('[atlas] could not start:', error);
  app.exit(1);
});
