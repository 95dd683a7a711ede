/**
 * The composition root of the Electron main process: the only place that wires the database, the services, IPC
 * and the window together. Importing anything else has no side effects.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../shared/api';
import type { UiLocale } from '../shared/i18n';
import { APP_VERSION } from './appVersion';
import { serveAppRequest } from './appProtocol';
import { offerAfterOpenFailure, restoreDatabaseFile, takeDailyBackup } from './db/backups';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { resolveDatabasePath } from './paths';
import type { ExternalLinkHost } from './security/openExternal';
import { pageDispatch } from './security/pageDispatch';
import { desktopAppHandlers } from './services/appService';
import { openAtlas, type Atlas, type AtlasConfig } from './services/atlas';
import { createHandlers } from './services/handlers';
import { databaseFailureDialog, dialogLocale, externalLinkDialog, startFailureDialog } from './windows/desktopDialogs';
import { PrintDocuments, electronPdfRenderer } from './windows/printToPdf';
import { RENDERER_JS_FLAGS } from './windows/rendererFlags';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_START_URL,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  mainWindowOptions,
} from './windows/mainWindow';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** The value after a flag on the command line (`--db PATH` or `--db=PATH`), if given. */
function commandLineValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
/** Start-up errors the user has already been shown in a dialog. */
const explained = new WeakSet<object>();
const isTrusted = (url: string): boolean => isAppUrl(url, app.isPackaged ? undefined : devServerUrl);
/**
 * The language of the app's own dialogs: the system's (the UI's choice lives in the window). English if the system
 * cannot say, so that a start-up failure's dialog never fails in turn.
 */
function systemLocale(): UiLocale {
  try {
    return dialogLocale(app.getPreferredSystemLanguages());
  } catch {
    return 'en';
  }
}

/** Opens the Atlas; when the file will not open, says why and, for a damaged file only, offers the last good backup. */
async function openAtlasOrOfferRestore(config: AtlasConfig): Promise<Atlas> {
  try {
    return await openAtlas(config);
  } catch (error) {
    const offer = offerAfterOpenFailure(config.databasePath);
    const choice = await dialog.showMessageBox(databaseFailureDialog(error, offer, systemLocale()));
    if (offer.action === 'restore' && choice.response === 0) {
      await restoreDatabaseFile(config.databasePath, offer.backup.path);
      return openAtlas(config);
    }
    if (error instanceof Object) explained.add(error);
    throw error;
  }
}

/** Links leave the app only through here: vetted by the caller, then confirmed by the user in a native dialog. */
const externalLinks: ExternalLinkHost = {
  confirm: async (url, host) => {
    const options = externalLinkDialog(url, host, systemLocale());
    const parent = BrowserWindow.getFocusedWindow();
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 0;
  },
  shell,
};

async function main(): Promise<void> {
  // Before the app is ready, which starts the renderers. Untested here: no Electron binary on the build machines.
  app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS.join(' '));
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the renderer's compiled scripts between launches (Chromium does so only for http(s)
    // otherwise), so the window does not compile its half-megabyte of script on the main thread at every start.
    // Untested here: no Electron binary can be installed on the build machines.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrusted));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();

  const rendererDir = join(import.meta.dirname, '../renderer');
  const databasePath = resolveDatabasePath(commandLineValue(process.argv, '--db'));
  const printDocuments = new PrintDocuments();
  const atlas = await openAtlasOrOfferRestore({
    databasePath,
    dataDir: join(app.getAppPath(), 'data'),
    version: APP_VERSION,
    // Plans, directories and reports print in a hidden, sandboxed window: services never import electron.
    pdfRenderer: electronPdfRenderer((options) => new BrowserWindow(options), printDocuments, APP_ORIGIN),
  });
  app.on('will-quit', () => atlas.close());
  // The daily backup runs beside start-up (SQLite's online backup does not block the window); a failure is logged
  // and shows as an old "last backup" date rather than stopping the app.
  takeDailyBackup(atlas.db, databasePath).catch((error: unknown) =>
    console.error('[atlas] the daily backup failed:', (error as Error).message),
  );

  const dispatch = createDispatcher(
    { ...createHandlers(atlas), ...desktopAppHandlers(atlas, externalLinks) },
    { onInternalError: (method, error) => console.error(`[atlas] ${method} failed:`, error) },
  );
  registerIpcHandlers(ipcMain, pageDispatch(dispatch), isTrusted);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, printDocuments));
  denyAllPermissions(session.defaultSession);

  const window = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), 'Referral Atlas'),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(!app.isPackaged && devServerUrl ? devServerUrl : APP_START_URL);
}

main().catch((error: unknown) => {
  console.error('[atlas] could not start:', error);
  // A failure the user was not already told about in a dialog (the database one is) gets one, in plain words.
  if (!(error instanceof Object && explained.has(error))) {
    const { title, content } = startFailureDialog(error, systemLocale());
    dialog.showErrorBox(title, content);
  }
  app.exit(1);
});
