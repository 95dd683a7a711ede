import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { electronBindingPath, resolveNativeBinding } from './nativeBinding';

describe('resolveNativeBinding', () => {
  const root = '/project';
  const electronCopy = join(root, 'native', 'electron-140', 'better_sqlite3.node');

  it('uses the Node build under plain Node, even when an Electron copy exists', () => {
    expect(resolveNativeBinding({ modules: '115' } as NodeJS.ProcessVersions, root, () => true)).toBeUndefined();
  });

  it('uses the Electron-ABI copy under Electron when it was built for that ABI', () => {
    const versions = { modules: '140', electron: '45.5.0' } as NodeJS.ProcessVersions;
    expect(resolveNativeBinding(versions, root, (path) => path === electronCopy)).toBe(electronCopy);
  });

  it('falls back to the default resolution in a packaged app, where electron-builder rebuilt the module', () => {
    const versions = { modules: '140', electron: '45.5.0' } as NodeJS.ProcessVersions;
    expect(resolveNativeBinding(versions, root, () => false)).toBeUndefined();
  });

  it('names the copy after the ABI, so an Electron upgrade never loads a stale build', () => {
    expect(electronBindingPath(root, '141')).not.toBe(electronCopy);
  });
});
