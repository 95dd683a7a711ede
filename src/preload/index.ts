/**
 * The preload: exposes `window.atlas`, one function per contract method, each invoking that method's own IPC
 * channel. The renderer never sees `ipcRenderer`, so it can reach nothing but the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, ipcChannel } from '../shared/api';

const api = Object.freeze(
  Object.fromEntries(
    METHOD_NAMES.map((method) => {
      const channel = ipcChannel(method);
      return [method, (input?: unknown) => ipcRenderer.invoke(channel, input)];
    }),
  ),
);

contextBridge.exposeInMainWorld('atlas', api);
