/** The one place a raw call becomes a handler call: name check, input parse, handler, typed result or error. */
import type { ErrorMessageKey } from '../i18n/keyedMessage';
import { AtlasError, badInput, errorMessage, type ApiError, type ApiResult } from './errors';
import { contract, isMethodName, type ContractHandlers } from './contract';

/** Hooks a transport can give the dispatcher. */
export interface DispatchOptions {
  /** Told of every unexpected failure; the caller only sees a generic INTERNAL error. */
  onInternalError?: (method: string, error: unknown) => void;
}

/** A function that answers one raw call (method name and untrusted input) with an {@link ApiResult}. */
export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/** Builds the dispatcher for a full set of handlers. It never throws: every failure becomes `{ ok: false }`. */
export function createDispatcher(handlers: ContractHandlers, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          // Never String() an arbitrary value here: a deeply nested array overflows the stack.
          message: `There is no method called ${typeof method === 'string' ? JSON.stringify(method).slice(0, 120) : `(a ${typeof method})`}.`,
        },
      };
    }
    const parsed = contract[method].input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: badInput(parsed.error, `${method} input`).toApiError() };
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AtlasError) return { ok: false, error: error.toApiError() };
      const storage = storageRefusal(error);
      if (storage) return { ok: false, error: storage };
      options.onInternalError?.(method, error);
      return { ok: false, error: new AtlasError('INTERNAL', errorMessage('error.internal', { method })).toApiError() };
    }
  };
}

/**
 * A plain-language refusal for a storage failure (an error carrying a SQLite result code, such as better-sqlite3's):
 * a full disk or a read-only file is the machine's state, not a bug, and the user must be told what to do.
 */
export function storageRefusal(error: unknown): ApiError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const refuse = (key: ErrorMessageKey): ApiError => new AtlasError('UNAVAILABLE', errorMessage(key)).toApiError();
  if (code === 'SQLITE_FULL') return refuse('error.diskFull');
  if (code.startsWith('SQLITE_READONLY')) return refuse('error.readOnly');
  if (code.startsWith('SQLITE_IOERR')) return refuse('error.diskFailed');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return refuse('error.busy');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return refuse('error.damaged');
  return null;
}
