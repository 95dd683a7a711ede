/// <reference lib="dom" />
/**
 * How the renderer starts (main.tsx): the app loads in steps, every script of the first screen announced in the
 * page so the browser fetches them all at once, React DOM built to compile off the main thread, and a broken install
 * says so instead of leaving a blank window.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDispatcher } from '../../src/shared/api';
import { startBridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import { launchChromium, screenshot, watchPageErrors } from '../support/browser';
import { RENDERER_DIR, startServedApp } from '../support/runningApp';

describe('the renderer starting', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('fetches every script the first screen runs through links in the page, not one step at a time', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const errors = watchPageErrors(page);
    await page.goto(app.bridge.url);
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor();
    const { announced, entry, loaded } = await page.evaluate(async () => {
      // The page as served (Vite's loader adds links of its own as each step runs: those do not count).
      const served = new DOMParser().parseFromString(await (await fetch(location.pathname)).text(), 'text/html');
      const absolute = (path: string) => new URL(path, location.href).href;
      return {
        announced: [...served.querySelectorAll('link[rel="modulepreload"]')].map((link) =>
          absolute(link.getAttribute('href')!),
        ),
        entry: absolute(served.querySelector('script[type="module"]')!.getAttribute('src')!),
        loaded: performance
          .getEntriesByType('resource')
          .map((resource) => resource.name)
          .filter((name) => name.endsWith('.js')),
      };
    });
    // Workers' scripts (the project's *Worker.ts modules) load in the workers: a page's preload links cannot fetch
    // them for a worker. The SVG export's code loads when asked for.
    const scriptsRun = loaded.filter((name) => name !== entry && !/Worker-[\w-]+\.js$|cytoscape-svg/.test(name));
    // React, the app, the shared vocabulary and the canvas code, at least.
    expect(scriptsRun.length).toBeGreaterThanOrEqual(4);
    // Not the schemas (zod): only the record forms and the other tabs need them, and they load when opened.
    expect(scriptsRun.filter((name) => /schemas|RecordForm|PlanView/.test(name))).toEqual([]);
    expect(scriptsRun.filter((name) => !announced.includes(name))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asks nothing of the browser process in its first script's task: storage, the address bar and requests come later", async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const errors = watchPageErrors(page);
    // Notes each use, and whether the page had finished parsing by then. The entry is a module script, which runs
    // once parsing ends, in the task that then fires DOMContentLoaded: a use before that event is in its task.
    await page.addInitScript(() => {
      const uses: { what: string; inFirstTask: boolean }[] = [];
      let parsed = false;
      document.addEventListener('DOMContentLoaded', () => (parsed = true), { capture: true, once: true });
      const note = (what: string) => uses.push({ what, inFirstTask: !parsed });
      const wrap = <T extends object>(owner: T, name: keyof T & string, what: string) => {
        const original = owner[name] as (...args: unknown[]) => unknown;
        Object.defineProperty(owner, name, {
          configurable: true,
          writable: true,
          value(this: unknown, ...args: unknown[]) {
            note(what === 'storage' ? (this === window.localStorage ? 'localStorage' : 'sessionStorage') : what);
            return original.apply(this, args);
          },
        });
      };
      wrap(Storage.prototype, 'getItem', 'storage');
      wrap(Storage.prototype, 'setItem', 'storage');
      wrap(History.prototype, 'replaceState', 'replaceState');
      wrap(window, 'fetch', 'fetch');
      (window as unknown as { __startUses: typeof uses }).__startUses = uses;
    });
    // With the token in the address bar, as `npm run web` opens it: reading it is one of the uses.
    await page.goto(app.bridge.url);
    await page.locator('[data-testid="graph-canvas"]:not([aria-busy="true"])').waitFor();
    const uses = await page.evaluate(
      () => (window as unknown as { __startUses: { what: string; inFirstTask: boolean }[] }).__startUses,
    );
    const kinds = new Set(uses.map((use) => use.what));
    for (const kind of ['sessionStorage', 'localStorage', 'replaceState', 'fetch']) expect(kinds).toContain(kind);
    expect(uses.filter((use) => use.inFirstTask)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has React DOM built so that V8 compiles its module while the script downloads (eagerCommonJsWrappers.ts)', () => {
    const assets = join(RENDERER_DIR, 'assets');
    const chunks = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'));
    // React DOM's chunk: the only one holding React's error page address.
    const reactDom = chunks.filter((code) => code.includes('react.dev/errors/'));
    expect(reactDom).toHaveLength(1);
    // Each CommonJS module (the scheduler, React, React DOM and its client) is wrapped in a function expression
    // given to Rolldown's helper, `var t=e((function(e){`, where the minified build had an arrow, `var t=e((e=>{`.
    const wrappers = reactDom[0]!.match(/=[\w$]+\(\(function\(/g) ?? [];
    expect(wrappers.length).toBeGreaterThanOrEqual(4);
  });

  it('says, in the remembered language, that it could not start when one of its scripts is missing', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'atlas-broken-renderer-'));
    try {
      cpSync(RENDERER_DIR, broken, { recursive: true });
      // The app's own chunk, the last step of the start.
      const appChunk = readdirSync(join(broken, 'assets')).find((name) => /^renderApp-.*\.js$/.test(name));
      expect(appChunk).toBeDefined();
      unlinkSync(join(broken, 'assets', appChunk!));
      const bridge = await startBridge({
        dispatch: createDispatcher(createHandlers(app.atlas)),
        rendererDir: broken,
      });
      try {
        const page = await browser.newPage();
        watchPageErrors(page);
        await page.addInitScript(() => localStorage.setItem('atlas.locale', 'es'));
        await page.goto(bridge.url);
        await page.getByText(/Referral Atlas no pudo iniciarse/).waitFor();
        expect(await page.locator('#root').textContent()).toContain('sus datos se conservan');
        await screenshot(page, 'startup-broken-install');
        await page.close();
      } finally {
        await bridge.close();
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
