/**
 * The preload, run against a stand-in electron module: the page gets exactly one object, `atlas`, frozen, with one
 * function per contract method, each invoking only its own channel. No Electron API (ipcRenderer, its `on`/`send`,
 * the event object) ever reaches the page (Electron's security checklist, item 20).
 */
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../src/shared/api';

const recorded = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoked: [] as [string, unknown[]][],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.push([key, value]) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      recorded.invoked.push([channel, args]);
      return { ok: true, value: null };
    },
    on: () => {
      throw new Error('the preload must not listen on raw channels');
    },
    send: () => {
      throw new Error('the preload must not send on raw channels');
    },
  },
}));

describe('the preload (with a stand-in electron module)', () => {
  it('exposes one frozen object of one function per contract method, and nothing else', async () => {
    await import('../../src/preload/index');
    expect(recorded.exposed.map(([key]) => key)).toEqual(['atlas']);
    const api = recorded.exposed[0]![1] as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each call on that method’s own channel, with the input only', async () => {
    const api = recorded.exposed[0]![1] as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const method of METHOD_NAMES) await api[method]!({ probe: method });
    expect(recorded.invoked).toEqual(METHOD_NAMES.map((method) => [ipcChannel(method), [{ probe: method }]]));
  });
});
