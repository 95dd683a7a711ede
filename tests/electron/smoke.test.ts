/**
 * A smoke test of the real Electron app, run with Playwright's `_electron` wherever an Electron binary is installed
 * (scripts/electronBinary.mjs says where). On the build machines none can be downloaded: there the whole suite is
 * reported as skipped, never as passed, and the wiring is covered instead by tests/integration/electronMain.test.ts
 * with a stand-in electron module. Needs the built app (`npm run build`, which `npm test` runs first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { PROJECT_ROOT, tempDir } from '../support/tempAtlas';

const { electronBinaryPath } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts/electronBinary.mjs')).href)) as {
  electronBinaryPath(): string | null;
};
const binary = electronBinaryPath();

describe.skipIf(!binary)(
  `the Electron app${binary ? '' : ' (NOT RUN: no Electron binary is installed here; see scripts/electronBinary.mjs)'}`,
  () => {
    const folder = tempDir('atlas-electron-');
    let app: ElectronApplication;
    let page: Page;

    beforeAll(async () => {
      if (!existsSync(join(PROJECT_ROOT, 'out/main/index.js'))) {
        throw new Error('The app is not built: run "npm run build" before this test (npm test does).');
      }
      app = await _electron.launch({
        executablePath: binary!,
        args: [PROJECT_ROOT],
        cwd: PROJECT_ROOT,
        env: { ...process.env, REFERRAL_ATLAS_DB: join(folder.dir, 'atlas.sqlite'), ELECTRON_RENDERER_URL: '' },
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });

    afterAll(async () => {
      await app?.close();
      folder.cleanup();
    });

    it('loads the app from the app:// protocol, not file://', () => {
      expect(page.url()).toMatch(/^app:\/\/atlas\//);
    });

    it('gives the page the contract and nothing of Node or Electron (sandboxed, isolated, no Node integration)', async () => {
      const globals = await page.evaluate(() => ({
        atlas: typeof (globalThis as unknown as { atlas?: unknown }).atlas,
        require: typeof (globalThis as unknown as { require?: unknown }).require,
        process: typeof (globalThis as unknown as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ atlas: 'object', require: 'undefined', process: 'undefined' });
    });

    it('answers a contract call over IPC from the real database', async () => {
      const info = await page.evaluate(() =>
        (globalThis as unknown as { atlas: Record<string, (input: unknown) => Promise<unknown>> }).atlas['app.info']!(
          {},
        ),
      );
      expect(info).toMatchObject({ ok: true, value: { databasePath: join(folder.dir, 'atlas.sqlite') } });
    });

    it('refuses eval under the Content Security Policy', async () => {
      expect(
        await page.evaluate(() => {
          try {
            return eval('1 + 1');
          } catch (error) {
            return (error as Error).name;
          }
        }),
      ).toBe('EvalError');
    });

    it('opens no new window and does not navigate away', async () => {
      const opened = await page.evaluate(
        () => (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null,
      );
      expect(opened).toBe(true);
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/atlas\//);
      expect(app.windows()).toHaveLength(1);
    });
  },
);
