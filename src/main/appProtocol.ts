/** The `app://atlas/` protocol: serves the built renderer with the security headers, instead of `file://`. */
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from './security/contentSecurityPolicy';
import { resolveStaticFile } from './staticFiles';

/** Answers one request for the app protocol from the renderer folder. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const { pathname } = new URL(requestUrl);
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
  return new Response(await readFile(file.path), {
    headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS },
  });
}
