import { describe, expect, it } from 'vitest';
import { AtlasError } from './errors';
import { METHOD_NAMES, type ContractHandlers } from './contract';
import { createDispatcher } from './dispatch';

/** Handlers that answer every method with a marker, so the dispatcher's own behaviour is what is tested. */
function fakeHandlers(overrides: Partial<ContractHandlers> = {}): ContractHandlers {
  const handlers = Object.fromEntries(METHOD_NAMES.map((name) => [name, () => ({ handled: name })]));
  return { ...handlers, ...overrides } as unknown as ContractHandlers;
}

describe('createDispatcher', () => {
  it('passes parsed input to the handler and wraps its value', async () => {
    const dispatch = createDispatcher(fakeHandlers({ 'app.ping': () => ({ pong: true }) }));
    expect(await dispatch('app.ping', {})).toEqual({ ok: true, value: { pong: true } });
  });

  it('treats a missing input as an empty object', async () => {
    const dispatch = createDispatcher(fakeHandlers({ 'app.ping': () => ({ pong: true }) }));
    expect(await dispatch('app.ping', undefined)).toEqual({ ok: true, value: { pong: true } });
  });

  it('refuses an unknown field and names it', async () => {
    const result = await createDispatcher(fakeHandlers())('app.info', { databasePath: '/etc/passwd' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toContain('databasePath');
    expect(result.error.issues).toEqual([{ path: 'databasePath', message: 'unknown field "databasePath"' }]);
  });

  it('refuses input of the wrong type', async () => {
    const result = await createDispatcher(fakeHandlers())('app.ping', 'hello');
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it.each([['no.such.method'], ['toString'], ['__proto__'], [42], [null]])(
    'refuses the method name %j',
    async (name) => {
      const result = await createDispatcher(fakeHandlers())(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    },
  );

  it('passes an AtlasError code through', async () => {
    const dispatch = createDispatcher(
      fakeHandlers({
        'app.info': () => {
          throw new AtlasError('NOT_FOUND', 'No such database.');
        },
      }),
    );
    expect(await dispatch('app.info', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such database.' },
    });
  });

  it('hides the detail of an unexpected error from the caller and reports it to the host', async () => {
    const reported: string[] = [];
    const dispatch = createDispatcher(
      fakeHandlers({
        'app.info': () => {
          throw new Error('SQLITE_CORRUPT at /home/someone/secret.sqlite');
        },
      }),
      { onInternalError: (method, error) => reported.push(`${method}: ${(error as Error).message}`) },
    );
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(reported).toEqual(['app.info: SQLITE_CORRUPT at /home/someone/secret.sqlite']);
  });
});
