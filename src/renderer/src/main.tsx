/**
 * The renderer's entry. It asks for the opening graph at once, then loads the app in steps, each evaluated in a
 * task of its own. As one script the app took a single task of 130 to 240 ms on a test machine, during which the
 * window could neither paint nor answer input; in steps, each task is a fraction of that. Nothing here is lazy in
 * the usual sense: every step is needed for the first screen, and the browser has already fetched them all
 * (modulepreload links in the page, see electron.vite.config.ts).
 */
import { storedLocale } from './locale';
import { findOutWhereCanvasesAreDrawn } from './views/network/canvasBackend';
import { nextTask } from './views/network/frames';
import { requestFirstGraph } from './views/network/firstGraph';

// The app opens on the Network tab: its graph is asked for now, while the rest of the app loads, and so is how its
// canvases are drawn (which decides how the graph's first pictures are drawn in steps).
requestFirstGraph();
findOutWhereCanvasesAreDrawn();

/**
 * The modules the first screen needs, each step evaluating only what the steps before it have not: React, the UI
 * messages in both languages, then the app. (The other tabs and the record forms load when first opened: see
 * App.tsx and NetworkView.tsx.)
 */
const STEPS = [() => import('react-dom/client'), () => import('../../shared/i18n')];

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
