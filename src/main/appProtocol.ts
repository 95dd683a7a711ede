/** The `app://atlas/` protocol: serves the built renderer with the security headers, instead of `file://`. */
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from './security/contentSecurityPolicy';
import { resolveStaticFile } from './staticFiles';
import { PRINT_CONTENT_SECURITY_POLICY, PRINT_PATH_PREFIX, type PrintDocuments } from './windows/printToPdf';

/** Answers one request for the app protocol: a waiting print document, or a file of the renderer folder. */
export async function serveAppRequest(
  rendererDir: string,
  requestUrl: string,
  printDocuments?: PrintDocuments,
): Promise<Response> {
  const { pathname } = new URL(requestUrl);
  if (pathname.startsWith(PRINT_PATH_PREFIX)) {
    const html = printDocuments?.take(pathname);
    if (html === undefined) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        ...SECURITY_HEADERS,
        'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY,
      },
    });
  }
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
  return new Response(await readFile(file.path), {
    headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS },
  });
}
