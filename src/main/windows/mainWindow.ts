/**
 * The main window and the rules every web contents of the app lives by: context isolation, sandbox, no Node,
 * web security, no navigation away from the app, no new windows, no permissions, no webviews.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The custom scheme the app's pages are served from (never `file://`). */
export const APP_SCHEME = 'app';
/** The app's own origin. */
export const APP_ORIGIN = `${APP_SCHEME}://atlas`;
/** The page the window loads in production. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The secure web preferences of every window. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The main window's options. */
export function mainWindowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title,
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Whether a URL is one of the app's own pages: the app protocol, or the dev server while developing. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === APP_ORIGIN || (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'atlas')) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/** The part of Electron's WebContents the hardening touches, so a test can pass a stand-in. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url?: string }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies navigation away from the app, every new window and every webview on a web contents. */
export function hardenWebContents(contents: WebContentsLike, isTrusted: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrusted(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrusted(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The part of Electron's Session the permission rules touch. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** Refuses every permission request (camera, microphone, notifications, geolocation, ...). */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
