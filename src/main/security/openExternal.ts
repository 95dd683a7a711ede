/**
 * Opening a link in the system browser: the link is vetted, then the user is asked (showing the host the link
 * really goes to), and only then is it opened. The only module that may call `shell.openExternal` (a lint rule
 * holds this); Electron's `dialog` and `shell` are passed in, so the flow is tested without Electron.
 */
import { AtlasError } from '../../shared/api';
import { vetExternalUrl } from './externalUrl';

/** What the flow needs from the desktop: a confirm dialog and the system browser. */
export interface ExternalLinkHost {
  /** Asks the user whether to open `url` (whose host is `host`); resolves true only on an explicit yes. */
  confirm(url: string, host: string): Promise<boolean>;
  /** Electron's `shell`: its `openExternal` is called here and nowhere else. */
  shell: { openExternal(url: string): Promise<void> };
}

/** The vetted form of a link, or a BAD_INPUT error naming the `url` field and the reason. */
export function requireVettedLink(raw: unknown): { url: string; host: string } {
  const verdict = vetExternalUrl(raw);
  if (!verdict.ok) {
    throw new AtlasError('BAD_INPUT', `The link was not opened: ${verdict.reason}`, [
      { path: 'url', message: verdict.reason },
    ]);
  }
  return verdict;
}

/** Vets `raw`, asks the user and opens it; refuses a link that fails vetting with BAD_INPUT and opens nothing. */
export async function openExternalLink(raw: unknown, host: ExternalLinkHost): Promise<{ opened: boolean }> {
  const verdict = requireVettedLink(raw);
  if (!(await host.confirm(verdict.url, verdict.host))) return { opened: false };
  try {
    await host.shell.openExternal(verdict.url);
  } catch (error) {
    throw new AtlasError('UNAVAILABLE', `The system browser could not open the link: ${(error as Error).message}`);
  }
  return { opened: true };
}
