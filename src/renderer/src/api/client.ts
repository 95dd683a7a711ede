/**
 * The renderer's only way to the app: one typed `call` per contract method. Inside Electron it goes through the
 * preload's `window.atlas`; in a plain browser it goes to the loopback bridge with the per-run token. Nothing else
 * in the renderer knows which transport it is on.
 */
import type { ApiError, ApiResult, AtlasApi, MethodInput, MethodName, MethodResult } from '../../../shared/api';

/** A failed call, carrying the contract's error code and any field issues. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

const TOKEN_KEY = 'atlas.bridgeToken';

/** Reads the bridge token from the URL fragment once, keeps it for this tab only, and clears it from the address bar. */
function bridgeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): AtlasApi {
  const token = bridgeToken();
  return new Proxy({} as AtlasApi, {
    get: (_target, method: string) => async (input?: unknown) => {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    },
  });
}

let transport: AtlasApi | undefined;

function api(): AtlasApi {
  return (transport ??= window.atlas ?? httpTransport());
}

/**
 * Sets up the transport now rather than at the first call. In a plain browser that reads the bridge's token, which
 * opens the tab's session storage and rewrites the address bar: two waits on the browser process, which the app's
 * start gives a task of their own (see main.tsx).
 */
export function openTransport(): void {
  api();
}

/** Which transport is in use, for the about box and diagnostics. */
export function transportName(): 'electron' | 'bridge' {
  return window.atlas ? 'electron' : 'bridge';
}

/** Calls a contract method and returns its value, or throws {@link ApiCallError}. */
export async function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodResult<M>> {
  const fn = api()[method] as (input?: MethodInput<M>) => Promise<ApiResult<MethodResult<M>>>;
  const result = await fn(input ?? ({} as MethodInput<M>));
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
