/**
 * Which links may leave the app for the system browser. A record's website is data anyone could have typed or
 * imported, so it is treated as untrusted: only plain `https` links to a public host name pass, never a scheme the
 * operating system would hand to another program (`file:`, `smb:`, `ms-settings:`, custom handlers), never
 * credentials in the URL, never a local or private address a link could use to reach services on this machine
 * or network.
 */

/** The longest link the app will open (longer ones are almost always junk or an attack). */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** The outcome of vetting a link: the exact URL to open and the host to show the user, or why it was refused. */
export type ExternalUrlVerdict = { ok: true; url: string; host: string } | { ok: false; reason: string };

const refuse = (reason: string): ExternalUrlVerdict => ({ ok: false, reason });

/** Vets a link for `shell.openExternal`: pure, so every rule has a unit test. */
export function vetExternalUrl(raw: unknown): ExternalUrlVerdict {
  if (typeof raw !== 'string') return refuse('A link must be text.');
  if (raw.length === 0) return refuse('The link is empty.');
  if (raw.length > MAX_EXTERNAL_URL_LENGTH)
    return refuse(`The link is longer than ${MAX_EXTERNAL_URL_LENGTH} characters.`);
  // The URL parser silently strips tabs, newlines and edge spaces; a link that needs that is not opened.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(raw))
    return refuse('The link contains spaces or control characters.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('The link is not a valid web address.');
  }
  if (url.protocol !== 'https:')
    return refuse(`Only secure web links (https://) are opened; this one is ${url.protocol}`);
  if (url.username || url.password) return refuse('The link carries a user name or password.');
  if (url.port !== '') return refuse('The link names a port; only ordinary https links are opened.');
  const host = url.hostname.toLowerCase();
  const hostRefusal = privateHostRefusal(host);
  if (hostRefusal) return refuse(hostRefusal);
  return { ok: true, url: url.href, host };
}

/** Why a host name is not a public web site, or null when it is one. */
function privateHostRefusal(host: string): string | null {
  if (host.startsWith('[') || /^\d+(\.\d+){0,3}$/.test(host) || /^0x/i.test(host)) {
    return 'The link points at a numeric address, not a named web site.';
  }
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return 'The link does not name a public web site.';
  const top = labels[labels.length - 1] ?? '';
  if (
    ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'arpa', 'onion', 'test', 'invalid'].includes(
      top,
    )
  ) {
    return `The link points at a local or private name (.${top}).`;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return 'The link does not name a public web site.';
  return null;
}
