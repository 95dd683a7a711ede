import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATA_DIR, PROJECT_ROOT } from '../../../../tests/support/tempAtlas';
import { defaultHsdsDir, loadHsdsSchemas } from './hsdsSchemas';

const REFERENCE = join(PROJECT_ROOT, '..', 'shared', 'hsds');
const SHIPPED = join(DATA_DIR, 'hsds');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the shipped HSDS schemas', () => {
  it('are the default, so validation works offline in the packaged app', () => {
    expect(defaultHsdsDir(DATA_DIR)).toBe(SHIPPED);
    expect(loadHsdsSchemas(SHIPPED).validateService({})).not.toEqual([]);
  });

  it.skipIf(!existsSync(REFERENCE))('are byte-identical to the reference copy in ../shared/hsds', () => {
    const shipped = files(SHIPPED).filter((file) => file.endsWith('.json') || file.endsWith('LICENSE'));
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    for (const file of shipped) {
      const reference = join(REFERENCE, relative(SHIPPED, file));
      expect(readFileSync(file).equals(readFileSync(reference)), relative(SHIPPED, file)).toBe(true);
    }
  });
});
