import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../tests/support/tempAtlas';
import { serveAppRequest } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './security/contentSecurityPolicy';

const folder = tempDir();
afterAll(() => folder.cleanup());
const rendererDir = join(folder.dir, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
writeFileSync(join(folder.dir, 'secret.txt'), 'outside the renderer');

describe('serveAppRequest (the app:// protocol)', () => {
  it('serves the page and its assets with the Content Security Policy and no caching', async () => {
    for (const url of ['app://atlas/index.html', 'app://atlas/assets/app.js']) {
      const response = await serveAppRequest(rendererDir, url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it.each([
    'app://atlas/../secret.txt',
    'app://atlas/%2e%2e/secret.txt',
    'app://atlas/..%2fsecret.txt',
    'app://atlas/nope.js',
  ])('answers 404 for %s, with the policy too', async (url) => {
    const response = await serveAppRequest(rendererDir, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
