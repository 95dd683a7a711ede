/**
 * The Electron composition root, run against a stand-in of the electron module (the Electron binary cannot be
 * downloaded on the build machines). It checks the wiring: the scheme, the IPC handlers, the permission rules, the
 * hardening of every web contents, and a window created with the secure preferences loading the app protocol.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { METHOD_NAMES, ipcChannel } from '../../src/shared/api';
import { APP_START_URL, secureWebPreferences } from '../../src/main/windows/mainWindow';
import { PROJECT_ROOT, tempDir } from '../support/tempAtlas';

const recorded = vi.hoisted(() => ({
  schemes: [] as unknown[],
  protocols: [] as string[],
  ipcChannels: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[],
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (granted: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  ready: undefined as undefined | (() => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      recorded.windows.push(this);
    }
    once() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  const whenReady = new Promise<void>((resolve) => (recorded.ready = resolve));
  return {
    app: {
      isPackaged: true,
      getAppPath: () => PROJECT_ROOT,
      whenReady: () => whenReady,
      on: (event: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(event, listener),
      quit: () => {},
      exit: () => {},
    },
    BrowserWindow,
    dialog: { showMessageBox: async () => ({ response: 1 }) },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        recorded.ipcChannels.push(channel);
        recorded.ipcHandlers.set(channel, handler);
      },
      removeHandler: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string) => recorded.protocols.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) =>
          (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
      },
    },
  };
});

describe('the Electron main process (with a stand-in electron module)', () => {
  const folder = tempDir();
  const previousDb = process.env.REFERRAL_ATLAS_DB;

  beforeAll(async () => {
    process.env.REFERRAL_ATLAS_DB = join(folder.dir, 'atlas.sqlite');
    await import('../../src/main/index');
    recorded.ready?.();
    await vi.waitFor(() => expect(recorded.windows[0]?.loaded.length).toBe(1), { timeout: 20_000 });
  });

  afterAll(() => {
    recorded.appListeners.get('will-quit')?.();
    if (previousDb === undefined) delete process.env.REFERRAL_ATLAS_DB;
    else process.env.REFERRAL_ATLAS_DB = previousDb;
    folder.cleanup();
  });

  it('registers the app scheme as privileged and serves it', () => {
    expect(recorded.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(recorded.protocols).toEqual(['app']);
  });

  it('registers exactly one IPC handler per contract method', () => {
    expect([...recorded.ipcChannels].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('answers the app page and refuses a foreign one over IPC', async () => {
    const handler = recorded.ipcHandlers.get(ipcChannel('app.info'))!;
    const ours = await handler({ senderFrame: { url: APP_START_URL, parent: null } }, {});
    expect(ours).toMatchObject({ ok: true, value: { databasePath: join(folder.dir, 'atlas.sqlite') } });
    const foreign = await handler({ senderFrame: { url: 'https://example.org/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('denies every permission', () => {
    let granted: boolean | undefined;
    recorded.permissionRequest?.({}, 'media', (value) => (granted = value));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.()).toBe(false);
  });

  it('hardens every web contents as it is created', () => {
    expect(recorded.appListeners.has('web-contents-created')).toBe(true);
  });

  it('creates one window with the secure preferences and loads the app protocol, not file://', () => {
    expect(recorded.windows).toHaveLength(1);
    const window = recorded.windows[0]!;
    const preload = window.options.webPreferences.preload as string;
    expect(window.options.webPreferences).toEqual(secureWebPreferences(preload));
    expect(preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loaded).toEqual([APP_START_URL]);
  });
});
