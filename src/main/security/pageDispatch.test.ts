import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../shared/api';
import { pageDispatch } from './pageDispatch';

function recordingDispatch() {
  const calls: [unknown, unknown][] = [];
  const dispatch: Dispatch = async (method, input) => {
    calls.push([method, input]);
    return { ok: true, value: null };
  };
  return { dispatch, calls };
}

describe('pageDispatch', () => {
  it.each([
    ['io.importApply', { format: 'hsds-json', path: '/home/caseworker/.ssh/id_rsa' }, ['path']],
    ['io.export', { format: 'csv', out: '/home/caseworker/.bashrc' }, ['out']],
    ['some.futureMethod', { path: 'x', out: 'y' }, ['path', 'out']],
  ])('refuses %s naming a file, without calling the method', async (method, input, fields) => {
    const { dispatch, calls } = recordingDispatch();
    const answer = await pageDispatch(dispatch)(method, input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(answer.ok ? [] : answer.error.issues?.map((issue) => issue.path)).toEqual(fields);
    expect(calls).toEqual([]);
  });

  it('passes file contents, and everything else, through unchanged', async () => {
    const { dispatch, calls } = recordingDispatch();
    const input = { format: 'hsds-json', files: [{ name: 'a.json', contentBase64: 'e30=' }] };
    await pageDispatch(dispatch)('io.importPreview', input);
    await pageDispatch(dispatch)('app.ping', undefined);
    await pageDispatch(dispatch)('graph.get', ['path']);
    expect(calls).toEqual([
      ['io.importPreview', input],
      ['app.ping', undefined],
      ['graph.get', ['path']],
    ]);
  });
});
