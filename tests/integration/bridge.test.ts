/** The loopback bridge's guards: token, host, origin, method, body size, static file confinement. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createDispatcher } from '../../src/shared/api';
import { startBridge, type Bridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import { openTempAtlas } from '../support/tempAtlas';
import { callBridge } from '../support/bridgeClient';

describe('the loopback bridge', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  let bridge: Bridge;

  beforeAll(async () => {
    atlas = await openTempAtlas({ includeSample: false });
    const rendererDir = join(atlas.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Atlas</title>');
    writeFileSync(join(atlas.dir, 'secret.txt'), 'outside the renderer');
    bridge = await startBridge({ dispatch: createDispatcher(createHandlers(atlas)), rendererDir });
  });

  afterAll(async () => {
    await bridge.close();
    atlas.dispose();
  });

  const newRecord = {
    record: { kind: 'actor', id: 'actor:intruder', name: 'Intruder', actorType: 'ngo', source: 'x' },
  };

  function databaseBytes(): Buffer {
    atlas.db.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(join(atlas.dir, 'atlas.sqlite'));
  }

  it('listens on 127.0.0.1 only, on a port it picked', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.url).toContain(`#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 to a call without the token, and changes nothing', async () => {
    const before = databaseBytes();
    const response = await callBridge(bridge.origin, 'graph.createNode', newRecord, null);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(atlas.store.index.hasNode('actor:intruder')).toBe(false);
    expect(databaseBytes().equals(before)).toBe(true);
  });

  it('answers 401 to a wrong token of the same length', async () => {
    const wrong = bridge.token.replace(/./g, 'A');
    const response = await callBridge(bridge.origin, 'graph.createNode', newRecord, wrong);
    expect(response.status).toBe(401);
    expect(atlas.store.index.hasNode('actor:intruder')).toBe(false);
  });

  it('refuses a cross-origin call even with the token', async () => {
    const response = await fetch(`${bridge.origin}/api/app.ping`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/',
          method: 'GET',
          headers: { Host: `evil.example:${bridge.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers a bad body with 400 and a clear message', async () => {
    const response = await fetch(`${bridge.origin}/api/app.ping`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await fetch(`${bridge.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>Atlas</title>');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const response = await fetch(`${bridge.origin}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('refuses, like the app window, any call that names a file on this computer', async () => {
    const response = await callBridge(
      bridge.origin,
      'io.export',
      { format: 'cyjs', out: join(atlas.dir, 'x.json') },
      bridge.token,
    );
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('accepts a call with the token', async () => {
    const response = await callBridge(bridge.origin, 'graph.createNode', newRecord, bridge.token);
    expect(response.status).toBe(200);
    expect(atlas.store.index.node('actor:intruder')?.name).toBe('Intruder');
  });

  it('answers in ASCII only, which reads back as the same text', async () => {
    const name = 'Women’s Shelter — Año Nuevo 🛟';
    const record = { kind: 'actor', id: 'actor:accented', name, actorType: 'ngo', source: 'x' };
    await callBridge(bridge.origin, 'graph.createNode', { record }, bridge.token);
    const response = await fetch(`${bridge.origin}/api/graph.get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'actor:accented' }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ ok: true, value: { record: { name } } });
  });
});
