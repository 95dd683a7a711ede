import { describe, expect, it } from 'vitest';
import { messageText, translate } from '../i18n';
import { AtlasError, errorMessage, fieldIssue, type ApiResult } from './errors';
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

  it('sends an error given as a message with its key and values, beside its English text', async () => {
    const dispatch = createDispatcher(
      fakeHandlers({
        'app.info': () => {
          throw new AtlasError('CONFLICT', errorMessage('error.idTaken', { id: 'actor:x' }), [
            fieldIssue('record.id', errorMessage('error.issue.mustBe', { value: 'actor:y' })),
          ]);
        },
      }),
    );
    // Through JSON, as both transports carry it.
    const result = JSON.parse(JSON.stringify(await dispatch('app.info', {}))) as ApiResult<unknown>;
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'The id actor:x is already taken.',
        text: { key: 'error.idTaken', params: { id: 'actor:x' } },
        issues: [
          {
            path: 'record.id',
            message: 'must be actor:y',
            text: { key: 'error.issue.mustBe', params: { value: 'actor:y' } },
          },
        ],
      },
    });
    if (result.ok) return;
    expect(messageText(result.error.text!, (key, params) => translate('es', key, params))).toBe(
      'El identificador actor:x ya está en uso.',
    );
  });

  it('tells of a storage failure in words the user can act on, in either language', async () => {
    const failing = (code: string) =>
      createDispatcher(
        fakeHandlers({
          'app.info': () => {
            throw Object.assign(new Error(`${code}: at /home/someone/atlas.sqlite`), { code });
          },
        }),
      )('app.info', {});
    const full = await failing('SQLITE_FULL');
    expect(full).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', text: { key: 'error.diskFull' } } });
    if (full.ok) return;
    expect(full.error.message).toMatch(/^The disk is full\. Nothing was changed/);
    expect(messageText(full.error.text!, (key) => translate('es', key))).toMatch(/^El disco está lleno\./);
    expect(await failing('SQLITE_READONLY_DIRECTORY')).toMatchObject({ error: { text: { key: 'error.readOnly' } } });
    expect(await failing('SQLITE_BUSY')).toMatchObject({ error: { text: { key: 'error.busy' } } });
    expect(await failing('SQLITE_NOTADB')).toMatchObject({ error: { text: { key: 'error.damaged' } } });
    expect(JSON.stringify(full)).not.toContain('someone');
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
