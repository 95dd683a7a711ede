import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, vetExternalUrl } from './externalUrl';

describe('vetExternalUrl', () => {
  it('passes an ordinary https link and returns the exact URL and host to show', () => {
    expect(vetExternalUrl('https://www.acf.hhs.gov/otip/victim-assistance?lang=es#hotline')).toEqual({
      ok: true,
      url: 'https://www.acf.hhs.gov/otip/victim-assistance?lang=es#hotline',
      host: 'www.acf.hhs.gov',
    });
  });

  it('shows an internationalised host in its ASCII (punycode) form, so a look-alike name cannot hide', () => {
    const verdict = vetExternalUrl('https://pаypal.com/'); // Cyrillic "а"
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.ok && verdict.host.startsWith('xn--')).toBe(true);
  });

  it.each([
    ['http://example.org/', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['data:text/html,<script>alert(1)</script>', /https/],
    ['smb://share.example.org/x', /https/],
    ['ms-settings:privacy', /https/],
    ['vscode://file/etc/passwd', /https/],
    ['app://atlas/index.html', /https/],
    ['https://user:secret@example.org/', /user name or password/],
    ['https://example.org:8443/', /port/],
    ['https://localhost/', /public web site/],
    ['https://printer.local/', /local or private/],
    ['https://foo.localhost/', /local or private/],
    ['https://127.0.0.1/', /numeric address/],
    ['https://127.1/', /numeric address/],
    ['https://0x7f000001/', /numeric address/],
    ['https://[::1]/', /numeric address/],
    ['https://192.168.1.1/admin', /numeric address/],
    ['https://intranet/', /public web site/],
    [' https://example.org/', /spaces or control/],
    ['https://exa\tmple.org/', /spaces or control/],
    ['https://example.org/\n', /spaces or control/],
    ['https://example.org/ a', /spaces or control/],
    ['not a url', /spaces or control|not a valid/],
    ['', /empty/],
    ['https://' + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH) + '.org/', /longer than/],
  ])('refuses %j', (url, reason) => {
    const verdict = vetExternalUrl(url);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it.each([[null], [undefined], [42], [{ href: 'https://example.org/' }], [['https://example.org/']]])(
    'refuses a link that is not text: %j',
    (value) => expect(vetExternalUrl(value)).toEqual({ ok: false, reason: 'A link must be text.' }),
  );
});
