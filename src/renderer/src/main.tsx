/**
 * The renderer's entry. It starts the app in steps, each in a task of its own. As one script the app took a single
 * task of 130 to 240 ms on a test machine, during which the window could neither paint nor answer input; in steps,
 * each task is a fraction of that. Nothing here is lazy in the usual sense: every step is needed for the first
 * screen, and the browser has already fetched the modules (modulepreload links in the page, see
 * electron.vite.config.ts).
 */
import { openTransport } from './api/client';
import { storedLocale } from './locale';
import { findOutWhereCanvasesAreDrawn } from './views/network/canvasBackend';
import { nextTask } from './views/network/frames';
import { requestFirstGraph } from './views/network/firstGraph';

/**
 * The steps before the app renders. First what the Network tab, where the app opens, needs from outside the page:
 * the way to the app, the opening graph (asked for now, while the rest loads) and how canvases are drawn here (which
 * decides how the graph's first pictures are drawn in steps). Each of these waits on the browser process: session
 * and local storage open with a call to it, and in a plain browser the bridge's token is read and taken out of the
 * address bar. Done in the script's first task, they made it 62 to 148 ms of wall time for 17 to 19 ms of CPU
 * (traced, with other threads on both cores); with a task each, a task over 50 ms in the first second of an open
 * went from 12 of 16 opens (66 to 146 ms) to 3 of 8 (61 to 81 ms). Then the modules the first screen needs, each
 * evaluating only what the steps before it have not: React, the UI messages in both languages, and the app. (The
 * other tabs and the record forms load when first opened: see App.tsx and NetworkView.tsx.)
 */
const STEPS: (() => unknown)[] = [
  openTransport,
  requestFirstGraph,
  findOutWhereCanvasesAreDrawn,
  () => import('react-dom/client'),
  () => import('../../shared/i18n'),
];

async function start(root: HTMLElement): Promise<void> {
  for (const step of STEPS) {
    await nextTask();
    await step();
  }
  await nextTask();
  const { renderApp } = await import('./shell/renderApp');
  renderApp(root);
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
start(root).catch(async (error: unknown) => {
  // Only a broken install gets here (a script of the app missing or corrupt): say so rather than show a blank window.
  const reason = error instanceof Error ? error.message : String(error);
  try {
    const { translate } = await import('../../shared/i18n');
    root.textContent = translate(storedLocale(), 'app.startFailed', { reason });
  } catch {
    // The messages are missing too: the reason alone, as the browser gave it.
    root.textContent = reason;
  }
  throw error;
});
