import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../shared/api';
import { openExternalLink, type ExternalLinkHost } from './openExternal';

function fakeHost(answer: boolean, failOpen = false) {
  const asked: [string, string][] = [];
  const opened: string[] = [];
  const host: ExternalLinkHost = {
    confirm: async (url, hostName) => {
      asked.push([url, hostName]);
      return answer;
    },
    shell: {
      openExternal: async (url) => {
        if (failOpen) throw new Error('no browser');
        opened.push(url);
      },
    },
  };
  return { host, asked, opened };
}

describe('openExternalLink', () => {
  it('asks the user, showing the real host, and opens the vetted URL on yes', async () => {
    const { host, asked, opened } = fakeHost(true);
    await expect(openExternalLink('https://polarisproject.org/resources', host)).resolves.toEqual({ opened: true });
    expect(asked).toEqual([['https://polarisproject.org/resources', 'polarisproject.org']]);
    expect(opened).toEqual(['https://polarisproject.org/resources']);
  });

  it('opens nothing when the user declines', async () => {
    const { host, opened } = fakeHost(false);
    await expect(openExternalLink('https://polarisproject.org/', host)).resolves.toEqual({ opened: false });
    expect(opened).toEqual([]);
  });

  it('refuses an unvetted link with BAD_INPUT on the url field, without asking or opening', async () => {
    const { host, asked, opened } = fakeHost(true);
    const failure = await openExternalLink('file:///etc/passwd', host).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AtlasError);
    expect((failure as AtlasError).code).toBe('BAD_INPUT');
    expect((failure as AtlasError).issues?.[0]?.path).toBe('url');
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('reports a browser that fails to open as UNAVAILABLE', async () => {
    const { host } = fakeHost(true, true);
    await expect(openExternalLink('https://example.org/', host)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
