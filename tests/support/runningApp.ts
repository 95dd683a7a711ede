/**
 * Test support: the real app served to Chromium through the loopback bridge: a fresh database, the real services,
 * the built renderer (out/renderer, from `npm run build`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../../src/shared/api';
import { startBridge, type Bridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import type { AtlasConfig } from '../../src/main/services/atlas';
import { PROJECT_ROOT, openTempAtlas } from './tempAtlas';

/** The built renderer; the e2e tests run after `npm run build`. */
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');

/** A served app: its Atlas, its bridge, and a function to stop both. */
export async function startServedApp(options: Partial<AtlasConfig> = {}) {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" before the end-to-end tests (npm test does).');
  }
  const atlas = await openTempAtlas(options);
  const dispatch = createDispatcher(createHandlers(atlas), {
    onInternalError: (method, error) => console.error(`[e2e] ${method} failed`, error),
  });
  const bridge: Bridge = await startBridge({ dispatch, rendererDir: RENDERER_DIR });
  return {
    atlas,
    bridge,
    dispatch,
    async stop() {
      await bridge.close();
      atlas.dispose();
    },
  };
}
