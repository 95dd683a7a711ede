/** Test support: a fresh Atlas on a temporary database, with the real shipped data, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAtlas, type Atlas, type AtlasConfig } from '../../src/main/services/atlas';

/** The repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shipped data folder (seed and sample). */
export const DATA_DIR = join(PROJECT_ROOT, 'data');

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'atlas-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a new Atlas in a temporary folder; `close()` closes it and removes the folder. */
export async function openTempAtlas(
  options: Partial<AtlasConfig> = {},
): Promise<Atlas & { dir: string; dispose(): void }> {
  const { dir, cleanup } = tempDir();
  const atlas = await openAtlas({
    databasePath: join(dir, 'atlas.sqlite'),
    dataDir: DATA_DIR,
    version: 'test',
    ...options,
  });
  return Object.assign(atlas, {
    dir,
    dispose() {
      try {
        atlas.close();
      } finally {
        cleanup();
      }
    },
  });
}
