/**
 * IPC handlers generated from the contract: one channel per method. Each message's sender is checked (our own
 * page, main frame) before its input is parsed and the service called through the shared dispatcher.
 */
import { METHOD_NAMES, ipcChannel, type ApiResult, type Dispatch } from '../../shared/api';

/** The part of an IPC event the sender check reads (Electron's `IpcMainInvokeEvent` has it). */
export interface IpcSenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` the handlers need, so tests can pass a stand-in. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Whether a page URL is one of ours: the app's own protocol in production, the dev server in development. */
export type TrustedOrigin = (url: string) => boolean;

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, isTrusted: TrustedOrigin): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, input): Promise<ApiResult<unknown>> => {
      const refusal = senderRefusal(event, isTrusted);
      if (refusal) return { ok: false, error: { code: 'FORBIDDEN', message: refusal } };
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}

/** Why a message's sender is refused, or null when it is our own page's main frame. */
export function senderRefusal(event: IpcSenderEvent, isTrusted: TrustedOrigin): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'Refused: the sending frame is gone.';
  if (frame.parent !== null) return 'Refused: only the main frame may call the app.';
  if (!isTrusted(frame.url)) return `Refused: ${safeOrigin(frame.url)} is not the app's own page.`;
  return null;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unknown page';
  }
}
