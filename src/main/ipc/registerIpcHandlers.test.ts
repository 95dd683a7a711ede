import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, ipcChannel, type ApiResult, type Dispatch } from '../../shared/api';
import { registerIpcHandlers, type IpcMainLike, type IpcSenderEvent } from './registerIpcHandlers';

/** A stand-in for Electron's ipcMain that records handlers and lets a test invoke them. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: IpcSenderEvent, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, input);
  }
}

const APP_PAGE = { senderFrame: { url: 'app://atlas/index.html', parent: null } };
const isTrusted = (url: string) => url.startsWith('app://atlas/');

function recordingDispatch(): { dispatch: Dispatch; calls: [unknown, unknown][] } {
  const calls: [unknown, unknown][] = [];
  return {
    calls,
    dispatch: async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: 'dispatched' };
    },
  };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per contract method, and removes them all', () => {
    const ipc = new FakeIpcMain();
    const remove = registerIpcHandlers(ipc, recordingDispatch().dispatch, isTrusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('dispatches a message from the app page to its own method', async () => {
    const ipc = new FakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    registerIpcHandlers(ipc, dispatch, isTrusted);
    expect(await ipc.invoke(ipcChannel('app.info'), APP_PAGE, { x: 1 })).toEqual({ ok: true, value: 'dispatched' });
    expect(calls).toEqual([['app.info', { x: 1 }]]);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: 'app://atlas/index.html', parent: {} } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a message from %s without dispatching it', async (_label, event) => {
    const ipc = new FakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    registerIpcHandlers(ipc, dispatch, isTrusted);
    for (const method of METHOD_NAMES) {
      const result = (await ipc.invoke(ipcChannel(method), event, {})) as ApiResult<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });
});
