/**
 * The loopback bridge: serves the built renderer and the same contract over HTTP, on 127.0.0.1 only, on a random
 * port, with a per-run token on every API call. It lets a plain browser (and the end-to-end tests in Chromium)
 * drive the real UI against the real services. No Electron here.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult, Dispatch, ErrorCode } from '../../shared/api';
import { SECURITY_HEADERS } from '../security/contentSecurityPolicy';
import { pageDispatch } from '../security/pageDispatch';
import { resolveStaticFile } from '../staticFiles';
import { asciiJson } from './asciiJson';

/** The largest request body the bridge reads; an import file bigger than this is refused before it is read. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

/** Options of {@link startBridge}. */
export interface BridgeOptions {
  dispatch: Dispatch;
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
}

/** A running bridge. */
export interface Bridge {
  /** The page to open, token included in the fragment (never sent to the server in a request line or logged). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Starts the bridge on 127.0.0.1 and resolves once it is listening. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // The bridge serves a page, like the app window: the same rule keeps it from naming files on this computer.
  const dispatch = pageDispatch(options.dispatch);
  const expected = Buffer.from(`Bearer ${token}`);
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'The bridge failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: only requests addressed to our own loopback origin are answered.
    if (request.headers.host !== new URL(origin).host) {
      sendJson(response, 403, failure('FORBIDDEN', 'Requests must be addressed to the bridge on 127.0.0.1.'));
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, failure('BAD_INPUT', 'Only GET is served outside /api/.'));
      return;
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file.path).pipe(response);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const presented = Buffer.from(request.headers.authorization ?? '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      request.resume();
      sendJson(response, 401, failure('UNAUTHORIZED', 'Missing or wrong bridge token.'));
      return;
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      request.resume();
      sendJson(response, 403, failure('FORBIDDEN', 'Cross-origin calls are refused.'));
      return;
    }
    if (request.method !== 'POST') {
      request.resume();
      sendJson(response, 405, failure('BAD_INPUT', 'API calls are POST requests with a JSON body.'));
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      sendJson(response, 413, failure('BAD_INPUT', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, failure('BAD_INPUT', 'The request body is not valid JSON.'));
      return;
    }
    const result = await dispatch(method, input);
    sendJson(response, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = asciiJson(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  response.end(text);
}

/** Reads the whole body, or returns null (and stops reading) once it passes {@link MAX_BODY_BYTES}. */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.destroy();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
