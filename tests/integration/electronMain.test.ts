/**
 * The Electron composition root, run against a stand-in of the electron module (the Electron binary cannot be
 * downloaded on the build machines). It checks the wiring: the scheme, the IPC handlers, the permission rules, the
 * hardening of every web contents, a window created with the secure preferences loading the app protocol, links
 * opened only after a confirm, the daily backup at start-up, the restore offer for a damaged database, and the
 * dialogs in the system's language.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_NAMES, ipcChannel } from '../../src/shared/api';
import { backupToFolder, listBackups } from '../../src/main/db/backups';
import { openAtlas } from '../../src/main/services/atlas';
import { APP_START_URL, secureWebPreferences } from '../../src/main/windows/mainWindow';
import { DATA_DIR, PROJECT_ROOT, tempDir } from '../support/tempAtlas';

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
  dialogs: [] as { title?: string; message: string; detail?: string; buttons: string[] }[],
  dialogAnswers: [] as number[],
  opened: [] as string[],
  errorBoxes: [] as [string, string][],
  exitCodes: [] as number[],
  failIpcHandle: false,
  systemLanguages: ['en-US'] as string[],
  /** Command-line switches the app added, and whether it had asked for the ready event by then. */
  switches: [] as { name: string; value?: string; afterWhenReady: boolean }[],
  askedWhenReady: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getFocusedWindow() {
      return null;
    }
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
      getPreferredSystemLanguages: () => recorded.systemLanguages,
      whenReady: () => {
        recorded.askedWhenReady = true;
        return whenReady;
      },
      commandLine: {
        appendSwitch: (name: string, value?: string) =>
          recorded.switches.push({ name, value, afterWhenReady: recorded.askedWhenReady }),
      },
      on: (event: string, listener: (...args: unknown[]) => void) => recorded.appListeners.set(event, listener),
      quit: () => {},
      exit: (code: number) => recorded.exitCodes.push(code),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => recorded.errorBoxes.push([title, content]),
      showMessageBox: async (...args: unknown[]) => {
        const options = args[args.length - 1] as { message: string; detail?: string; buttons: string[] };
        recorded.dialogs.push(options);
        return { response: recorded.dialogAnswers.shift() ?? options.buttons.length - 1 };
      },
    },
    shell: {
      openExternal: async (url: string) => {
        recorded.opened.push(url);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        if (recorded.failIpcHandle) throw new Error('Attempted to register a second handler');
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
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(recorded.protocols).toEqual(['app']);
  });

  it("starts its pages' V8 without the memory reducer, before the app is ready (rendererFlags.ts)", () => {
    expect(recorded.switches).toEqual([{ name: 'js-flags', value: '--no-memory-reducer', afterWhenReady: false }]);
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

  const fromApp = { senderFrame: { url: APP_START_URL, parent: null } };

  it('opens a vetted https link only after the user confirms in a dialog naming its host', async () => {
    const handler = recorded.ipcHandlers.get(ipcChannel('app.openExternal'))!;
    recorded.dialogs.length = 0;
    recorded.dialogAnswers.push(1); // Cancel
    expect(await handler(fromApp, { url: 'https://polarisproject.org/' })).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(recorded.opened).toEqual([]);
    recorded.dialogAnswers.push(0); // Open in browser
    expect(await handler(fromApp, { url: 'https://polarisproject.org/' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(recorded.opened).toEqual(['https://polarisproject.org/']);
    expect(recorded.dialogs.map((d) => d.message)).toEqual([
      'Open polarisproject.org in your web browser?',
      'Open polarisproject.org in your web browser?',
    ]);
  });

  it('refuses a link that is not plain https without asking, and never reaches shell.openExternal', async () => {
    const handler = recorded.ipcHandlers.get(ipcChannel('app.openExternal'))!;
    recorded.dialogs.length = 0;
    recorded.opened.length = 0;
    for (const url of ['file:///etc/passwd', 'http://example.org/', 'javascript:alert(1)', 'https://127.0.0.1/']) {
      expect(await handler(fromApp, { url })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(recorded.dialogs).toEqual([]);
    expect(recorded.opened).toEqual([]);
  });

  it('refuses an input from the page that names a file on disk (only the CLI may)', async () => {
    const handler = recorded.ipcHandlers.get(ipcChannel('io.export'))!;
    const out = join(folder.dir, 'should-not-exist.csv');
    expect(await handler(fromApp, { format: 'csv', out })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(folder.dir)).not.toContain('should-not-exist.csv');
  });

  it('takes the daily backup at start-up, checked and in the backup folder', async () => {
    await vi.waitFor(
      () => expect(listBackups(join(folder.dir, 'atlas.sqlite')).map((b) => b.reason)).toContain('daily'),
      { timeout: 20_000 },
    );
  });
});

describe('starting on a damaged database (with a stand-in electron module)', () => {
  const folder = tempDir();
  const databasePath = join(folder.dir, 'atlas.sqlite');
  const previousDb = process.env.REFERRAL_ATLAS_DB;
  let backupAt = '';

  beforeAll(async () => {
    const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't', includeSample: false });
    backupAt = (await backupToFolder(atlas.db, databasePath, 'daily', new Date(Date.now() - 3_600_000))).at;
    atlas.close();
    const bytes = readFileSync(databasePath);
    bytes.fill(0x5a, 100, bytes.length); // keep the header, ruin every page
    writeFileSync(databasePath, bytes);

    recorded.windows.length = 0;
    recorded.dialogs.length = 0;
    recorded.dialogAnswers.push(0); // Restore the last good backup
    process.env.REFERRAL_ATLAS_DB = databasePath;
    vi.resetModules();
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

  it('says the database is damaged and offers the last good backup, naming when it was taken', () => {
    expect(recorded.dialogs[0]).toMatchObject({
      message: expect.stringMatching(/damaged/),
      detail: expect.stringContaining(backupAt),
      buttons: ['Restore the last good backup', 'Quit'],
    });
  });

  it('restores it when accepted, keeps the damaged file aside, and opens the app on the restored data', async () => {
    const handler = recorded.ipcHandlers.get(ipcChannel('app.info'))!;
    const info = (await handler({ senderFrame: { url: APP_START_URL, parent: null } }, {})) as {
      ok: boolean;
      value: { counts: { nodes: Record<string, number> } };
    };
    expect(info.ok).toBe(true);
    expect(info.value.counts.nodes.actor).toBeGreaterThan(0);
    expect(readdirSync(folder.dir).some((name) => name.startsWith('atlas.sqlite.replaced-'))).toBe(true);
  });
});

describe('a start-up that fails (with a stand-in electron module)', () => {
  const folder = tempDir();
  const previousDb = process.env.REFERRAL_ATLAS_DB;

  async function start(databasePath: string) {
    recorded.windows.length = 0;
    recorded.dialogs.length = 0;
    recorded.errorBoxes.length = 0;
    recorded.exitCodes.length = 0;
    process.env.REFERRAL_ATLAS_DB = databasePath;
    vi.resetModules();
    await import('../../src/main/index');
    recorded.ready?.();
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([1]), { timeout: 20_000 });
  }

  afterAll(() => {
    recorded.failIpcHandle = false;
    if (previousDb === undefined) delete process.env.REFERRAL_ATLAS_DB;
    else process.env.REFERRAL_ATLAS_DB = previousDb;
    folder.cleanup();
  });

  it('a database folder it cannot create: says so once, offers no restore, quits without a window', async () => {
    const notAFolder = join(folder.dir, 'a-file');
    writeFileSync(notAFolder, 'a file where a folder should be');
    await start(join(notAFolder, 'atlas.sqlite'));
    expect(recorded.dialogs).toHaveLength(1);
    expect(recorded.dialogs[0]).toMatchObject({ buttons: ['Quit'], detail: expect.stringMatching(/read and write/) });
    expect(recorded.errorBoxes).toEqual([]);
    expect(recorded.windows).toEqual([]);
  });

  it('says it in Spanish on a Spanish system', async () => {
    recorded.systemLanguages = ['es-MX', 'en-US'];
    try {
      const notAFolder = join(folder.dir, 'another-file');
      writeFileSync(notAFolder, 'a file where a folder should be');
      await start(join(notAFolder, 'atlas.sqlite'));
      expect(recorded.dialogs[0]).toMatchObject({
        title: 'Referral Atlas no puede abrir su base de datos',
        buttons: ['Salir'],
        detail: expect.stringMatching(/leer y escribir/),
      });
    } finally {
      recorded.systemLanguages = ['en-US'];
    }
  });

  it('any other failure: shows it in an error box and quits', async () => {
    recorded.failIpcHandle = true;
    await start(join(folder.dir, 'atlas.sqlite'));
    expect(recorded.errorBoxes).toEqual([['Referral Atlas could not start', 'Attempted to register a second handler']]);
    expect(recorded.windows).toEqual([]);
  });
});
