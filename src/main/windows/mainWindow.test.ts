import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy';
import {
  APP_START_URL,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  mainWindowOptions,
  secureWebPreferences,
  type WebContentsLike,
} from './mainWindow';

describe('secureWebPreferences', () => {
  it('turns on isolation, sandbox and web security and turns off Node everywhere', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is what the main window is created with', () => {
    expect(mainWindowOptions('/p.cjs', 'Referral Atlas').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('allows scripts only from the app itself, with no eval and no inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('names no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('isAppUrl', () => {
  it('trusts the app protocol and, in development only, the dev server', () => {
    expect(isAppUrl(APP_START_URL, undefined)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('https://example.org/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });
});

/** A stand-in web contents recording the listeners the hardening installs. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on(event: string, listener: (event: { preventDefault(): void }, url: string) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  } as WebContentsLike;
  const fire = (name: string, url = '') => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  const trusted = (url: string) => isAppUrl(url, undefined);

  it('blocks navigation and redirects away from the app but allows moving within it', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, trusted);
    expect(fire('will-navigate', 'https://example.org/phish')).toBe(true);
    expect(fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(fire('will-navigate', 'app://atlas/index.html#plan')).toBe(false);
  });

  it('denies every new window and every webview', () => {
    const { contents, fire, open } = fakeContents();
    hardenWebContents(contents, trusted);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open(APP_START_URL)).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler) => (checkHandler = handler),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      requestHandler?.({}, permission, (value) => (granted = value));
      expect(granted).toBe(false);
    }
    expect(checkHandler?.()).toBe(false);
  });
});
