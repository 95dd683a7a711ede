import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The download is the electron package's installer run as a child process: recorded here, never run.
const { spawnSync } = vi.hoisted(() => ({ spawnSync: vi.fn(() => ({ status: 1 })) }));
vi.mock('node:child_process', () => ({ spawnSync }));

// A plain ES module of the install scripts, without types (tests/electron/smoke.test.ts loads it alike).
const { binaryDownloadSkipped, ensureElectronBinary } = (await import(
  pathToFileURL(join(import.meta.dirname, 'electronBinary.mjs')).href
)) as { binaryDownloadSkipped(): boolean; ensureElectronBinary(): string | null };

const saved = {
  skip: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD,
  dist: process.env.ELECTRON_OVERRIDE_DIST_PATH,
};
const folders: string[] = [];

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

afterEach(() => {
  restore('ELECTRON_SKIP_BINARY_DOWNLOAD', saved.skip);
  restore('ELECTRON_OVERRIDE_DIST_PATH', saved.dist);
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  spawnSync.mockClear();
});

/** An empty folder for Electron's files (ELECTRON_OVERRIDE_DIST_PATH), removed after the test. */
function distFolder(): string {
  const dist = mkdtempSync(join(tmpdir(), 'atlas-electron-'));
  folders.push(dist);
  process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
  return dist;
}

describe('the Electron binary', () => {
  it('is left out when ELECTRON_SKIP_BINARY_DOWNLOAD says so, and only then', () => {
    const said = (value: string | undefined) => {
      restore('ELECTRON_SKIP_BINARY_DOWNLOAD', value);
      return binaryDownloadSkipped();
    };
    expect([said('1'), said('true'), said(undefined), said(''), said('0'), said('false')]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is the one installed, with no download, when there is one', () => {
    const dist = distFolder();
    writeFileSync(join(dist, 'electron'), '');
    delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    expect(ensureElectronBinary()).toBe(join(dist, 'electron'));
    expect(spawnSync).not.toHaveBeenCalled();
  });

  it("is downloaded by the electron package's installer when missing; none when that fails", () => {
    distFolder();
    delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    expect(ensureElectronBinary()).toBeNull();
    expect(spawnSync).toHaveBeenCalledTimes(1);
    expect(spawnSync.mock.calls[0]).toEqual([
      process.execPath,
      [expect.stringMatching(/node_modules[\\/]electron[\\/]install\.js$/)],
      { stdio: 'inherit' },
    ]);
  });

  it('is none, with no download tried, when there is none and downloads are skipped', () => {
    distFolder();
    process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
    expect(ensureElectronBinary()).toBeNull();
    expect(spawnSync).not.toHaveBeenCalled();
  });
});
