/**
 * One contract, two transports: the same calls through the Electron IPC handlers (with a stand-in ipcMain that
 * structured-clones like the real one) and through the loopback bridge give identical answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, ipcChannel, type Dispatch } from '../../src/shared/api';
import { startBridge, type Bridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import { registerIpcHandlers, type IpcMainLike, type IpcSenderEvent } from '../../src/main/ipc/registerIpcHandlers';
import { pageDispatch } from '../../src/main/security/pageDispatch';
import { openTempAtlas } from '../support/tempAtlas';
import { callBridge } from '../support/bridgeClient';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;

describe('the IPC and HTTP transports', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  let bridge: Bridge;
  const handlers = new Map<string, Listener>();

  beforeAll(async () => {
    atlas = await openTempAtlas({ includeSample: false });
    const rendererDir = join(atlas.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const dispatch: Dispatch = createDispatcher(createHandlers(atlas));
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    };
    registerIpcHandlers(ipcMain, pageDispatch(dispatch), (url) => url.startsWith('app://atlas/'));
    bridge = await startBridge({ dispatch, rendererDir });
  });

  afterAll(async () => {
    await bridge.close();
    atlas.dispose();
  });

  async function viaIpc(method: string, input: unknown): Promise<unknown> {
    const listener = handlers.get(ipcChannel(method));
    if (!listener) return { missing: method };
    // Electron structured-clones arguments and results across the process boundary.
    const result = await listener(
      { senderFrame: { url: 'app://atlas/index.html', parent: null } },
      structuredClone(input),
    );
    return structuredClone(result);
  }

  const calls: [string, unknown][] = [
    ['app.ping', {}],
    ['app.info', {}],
    ['app.info', { unexpected: true }],
    ['graph.stats', {}],
    ['graph.get', { id: 'need:shelter' }],
    ['graph.get', { id: 'actor:does-not-exist' }],
    ['graph.get', { id: 'NOT AN ID' }],
    ['graph.neighbors', { id: 'need:medical', depth: 2 }],
    ['graph.createNode', { record: { kind: 'actor', id: 'actor:x', name: '', actorType: 'ngo', source: 's' } }],
    ['history.state', {}],
    ['io.export', { format: 'cyjs', out: '/tmp/stolen.json' }],
  ];

  it.each(calls)('%s %j answers the same over both', async (method, input) => {
    const overIpc = await viaIpc(method, input);
    const overHttp = await callBridge(bridge.origin, method, input, bridge.token);
    expect(overHttp.body).toEqual(overIpc);
  });

  it('applies a write made over one transport to what the other reads', async () => {
    const record = {
      kind: 'actor',
      id: 'actor:transport-check',
      name: 'Transport Check',
      actorType: 'ngo',
      source: 'test',
    };
    const created = await viaIpc('graph.createNode', { record });
    expect(created).toMatchObject({ ok: true });
    const read = await callBridge(bridge.origin, 'graph.get', { id: 'actor:transport-check' }, bridge.token);
    expect(read.body).toMatchObject({ ok: true, value: { record: { name: 'Transport Check' } } });
  });
});
