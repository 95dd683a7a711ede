/**
 * IPC fuzzing: more than 10,000 hostile payloads across every contract method (read from the contract at test
 * time, so methods added later are covered without touching this file), sent through the real IPC handler wiring
 * (a stand-in ipcMain that structured-clones like Electron's, the page policy of src/main/security/pageDispatch.ts)
 * and the real dispatcher over a real database. Every
 * answer must be a typed refusal (a code of ERROR_CODES, never INTERNAL) or, for an input that is valid by chance,
 * a plain-JSON success; nothing may crash or pollute Object.prototype; and the database file (after a WAL
 * checkpoint) must be byte-for-byte unchanged across refused calls. The generator is seeded: a failure names the
 * seed, method and payload, and `ATLAS_FUZZ_SEED=<seed>` replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ERROR_CODES,
  METHOD_NAMES,
  contract,
  createDispatcher,
  ipcChannel,
  type ApiResult,
  type Dispatch,
} from '../../src/shared/api';
import { seededRandom } from '../../src/shared/synthetic/random';
import { createHandlers } from '../../src/main/services/handlers';
import { registerIpcHandlers, type IpcSenderEvent } from '../../src/main/ipc/registerIpcHandlers';
import { pageDispatch } from '../../src/main/security/pageDispatch';
import { APP_START_URL, isAppUrl } from '../../src/main/windows/mainWindow';
import { openTempAtlas } from '../support/tempAtlas';
import { describePayload, inputJsonSchema, junkValue, makePayload, type StringPool } from '../support/fuzzPayloads';

const SEED = Number(process.env.ATLAS_FUZZ_SEED ?? 20_261_128);
const TOTAL = Number(process.env.ATLAS_FUZZ_TOTAL ?? 10_000);
const MAX_MESSAGE = 20_000;
/** After this many successes a method gets no more deliberately valid samples (its valid path is covered). */
const OK_SAMPLES = 2;

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;
type Atlas = Awaited<ReturnType<typeof openTempAtlas>>;

const fromApp: IpcSenderEvent = { senderFrame: { url: APP_START_URL, parent: null } };
const FAKE_PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

describe(`IPC fuzzing (seed ${SEED})`, () => {
  let atlas: Atlas;
  let dispatch: Dispatch;
  const listeners = new Map<string, Listener>();
  const internalErrors: string[] = [];
  let pool: StringPool;

  beforeAll(async () => {
    atlas = await openTempAtlas({
      includeSample: false,
      // Valid-by-chance PDF exports should not start a browser per call; the printing itself is tested elsewhere.
      pdfRenderer: { htmlToPdf: async () => FAKE_PDF },
    });
    dispatch = createDispatcher(createHandlers(atlas), {
      onInternalError: (method, error) => internalErrors.push(`${method}: ${(error as Error)?.stack ?? String(error)}`),
    });
    registerIpcHandlers(
      { handle: (channel, listener) => listeners.set(channel, listener), removeHandler: (c) => listeners.delete(c) },
      pageDispatch(dispatch),
      (url) => isAppUrl(url, undefined),
    );
    const sandbox = join(atlas.dir, 'sandbox');
    mkdirSync(sandbox);
    const nodes = [...atlas.store.index.allNodes()].slice(0, 60);
    const edges = [...atlas.store.index.allEdges()].slice(0, 20);
    pool = {
      known: [
        ...nodes.map((node) => node.id),
        ...nodes.slice(0, 10).map((node) => node.name),
        ...edges.map((edge) => edge.id),
        'need:shelter',
        'actor:does-not-exist',
        'https://example.org/',
      ],
      sandboxPaths: [join(sandbox, 'out.json'), join(sandbox, 'folder'), join(sandbox, 'missing', 'deeper', 'x.csv')],
    };
  });

  afterAll(() => atlas?.dispose());

  /** The database file's bytes after a checkpoint has folded the WAL in. */
  function databaseBytes(): Buffer {
    atlas.db.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(atlas.config.databasePath);
  }

  /** Sends a payload as the renderer would: structured-cloned in, structured-cloned out. */
  async function viaIpc(method: string, payload: unknown, event = fromApp): Promise<unknown> {
    let input: unknown;
    try {
      input = structuredClone(payload);
    } catch {
      // Electron cannot send it either (the renderer's invoke throws before anything reaches the main process).
      return 'not-transportable';
    }
    const listener = listeners.get(ipcChannel(method));
    if (!listener) throw new Error(`No IPC handler for ${method}`);
    return structuredClone(await listener(event, input));
  }

  /** Why an answer is not acceptable, or null. */
  function problemWith(answer: unknown): string | null {
    if (!answer || typeof answer !== 'object' || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
      return `not an ApiResult: ${describePayload(answer)}`;
    }
    const result = answer as ApiResult<unknown>;
    if (result.ok) {
      try {
        JSON.stringify(result.value);
      } catch (error) {
        return `a success that is not plain JSON: ${(error as Error).message}`;
      }
      return null;
    }
    const { code, message, issues } = result.error;
    if (!(ERROR_CODES as readonly string[]).includes(code)) return `an unknown error code ${String(code)}`;
    if (code === 'INTERNAL') return `INTERNAL (a handler threw an untyped error): ${message}`;
    if (typeof message !== 'string' || message.length === 0) return 'an error without a message';
    if (message.length > MAX_MESSAGE) return `an error message of ${message.length} characters (input echoed back?)`;
    if (issues && !issues.every((issue) => typeof issue.path === 'string' && typeof issue.message === 'string')) {
      return 'malformed field issues';
    }
    return null;
  }

  it(`answers ${TOTAL.toLocaleString('en')} hostile payloads across every contract method with a typed refusal or a plain success, never changing the database on a refusal`, async () => {
    const random = seededRandom(SEED);
    const schemas = new Map(METHOD_NAMES.map((method) => [method, inputJsonSchema(contract[method].input)]));
    const failures: string[] = [];
    const tally = new Map<string, { refused: number; ok: number }>();
    let sent = 0;
    let before = databaseBytes();
    const profile = new Map<string, number>();

    for (let index = 0; sent < TOTAL; index++) {
      const method = METHOD_NAMES[index % METHOD_NAMES.length]!;
      const { kind, value } = makePayload(
        schemas.get(method)!,
        random,
        pool,
        (tally.get(method)?.ok ?? 0) < OK_SAMPLES,
      );
      const started = performance.now();
      const answer = await viaIpc(method, value);
      if (process.env.ATLAS_FUZZ_PROFILE) {
        const key = `${method} ${kind}`;
        profile.set(key, (profile.get(key) ?? 0) + performance.now() - started);
      }
      if (answer === 'not-transportable') continue;
      sent++;
      const where = () => `#${index} ${method} (${kind}) ${describePayload(value)}`;
      const problem = problemWith(answer);
      if (problem && failures.length < 25) failures.push(`${where()}: ${problem}`);
      if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined) {
        failures.push(`${where()}: polluted Object.prototype`);
        for (const key of Object.keys(Object.prototype)) delete (Object.prototype as Record<string, unknown>)[key];
      }
      const counts = tally.get(method) ?? { refused: 0, ok: 0 };
      tally.set(method, counts);
      const after = databaseBytes();
      if ((answer as ApiResult<unknown>).ok) counts.ok++;
      else {
        counts.refused++;
        if (!after.equals(before) && failures.length < 25)
          failures.push(`${where()}: refused, but the database changed`);
      }
      before = after;
    }

    if (process.env.ATLAS_FUZZ_PROFILE) {
      console.log([...profile].sort((a, b) => b[1] - a[1]).slice(0, 15));
    }
    expect(failures, `seed ${SEED}; replay with ATLAS_FUZZ_SEED=${SEED}`).toEqual([]);
    expect(internalErrors).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    // Every method was reached and refused at least some payloads: none was skipped or accepts anything.
    for (const method of METHOD_NAMES) expect(tally.get(method)?.refused ?? 0, method).toBeGreaterThan(0);
  }, 900_000);

  it('refuses every call from a foreign page, a sub-frame or a vanished frame, whatever the method and payload', async () => {
    const random = seededRandom(SEED + 1);
    const senders: IpcSenderEvent[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/page.html', parent: null } },
      { senderFrame: { url: 'app://atlas.evil/index.html', parent: null } },
      { senderFrame: { url: APP_START_URL, parent: {} } },
      { senderFrame: null },
    ];
    const before = databaseBytes();
    for (let i = 0; i < 500; i++) {
      const method = random.pick(METHOD_NAMES);
      const answer = await viaIpc(method, junkValue(random, pool), random.pick(senders));
      if (answer === 'not-transportable') continue;
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(databaseBytes().equals(before)).toBe(true);
  });

  it('refuses names that are not contract methods, prototype names included, with UNKNOWN_METHOD', async () => {
    const random = seededRandom(SEED + 2);
    const names: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app.ping ',
      'APP.PING',
      'app',
      '',
      null,
      undefined,
      42,
      {},
      ['app.ping'],
      'x'.repeat(100_000),
    ];
    for (let i = 0; i < 200; i++) names.push(junkValue(random, pool));
    for (const name of names) {
      if (typeof name === 'string' && Object.hasOwn(contract, name)) continue;
      const answer = await dispatch(name, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect((answer as { error: { message: string } }).error.message.length).toBeLessThan(200);
    }
  });

  it('leaves a database that passes integrity_check and opens again', () => {
    atlas.db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = new Database(atlas.config.databasePath, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM nodes').pluck().get()).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });
});
