/**
 * Packaging, checked as far as this machine allows: the Electron binary cannot be downloaded here, so
 * `electron-builder` cannot produce installers, but its own configuration loader and schema validator run offline,
 * and the packaging plan (what is packed, what stays outside the ASAR, the fuses, the icon, the native module)
 * can be checked against the project.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { PROJECT_ROOT } from '../support/tempAtlas';

const require = createRequire(import.meta.url);
type BuilderConfig = Record<string, unknown> & {
  /** Normalised by the loader to file sets: `[{ filter: [...patterns] }]`. */
  files: { filter: string[] }[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const loadConfig = () => getConfig(PROJECT_ROOT, join(PROJECT_ROOT, 'electron-builder.yml'), null);
/** Whether electron-builder's `files` patterns (with `!` exclusions, last match wins) take a path. */
const packed = (patterns: string[], path: string) =>
  patterns.reduce((taken, pattern) => {
    const negated = pattern.startsWith('!');
    return minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true }) ? !negated : taken;
  }, false);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused by that validation if it were wrong (the check is live)', async () => {
    const config = await loadConfig();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses of the security checklist: no run-as-node, no NODE_OPTIONS, no inspector, ASAR only and verified', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and a dmg for macOS, with an app id and no update feed', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.referralatlas.desktop');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    expect(config.publish).toBeNull();
  });

  it('packs the built app, its entry point and every shipped data folder, and leaves tests and dev builds out', async () => {
    const files = (await loadConfig()).files.flatMap((set) => set.filter);
    expect(packed(files, packageJson.main.replace(/^\.\//, ''))).toBe(true);
    expect(packed(files, 'out/preload/index.cjs')).toBe(true);
    expect(packed(files, 'out/renderer/index.html')).toBe(true);
    for (const folder of readdirSync(join(PROJECT_ROOT, 'data'))) {
      expect(packed(files, `data/${folder}/x.json`), `data/${folder}`).toBe(true);
    }
    for (const path of [
      'src/main/index.ts',
      'tests/fixtures/db/atlas-v1.sqlite',
      'native/electron-140/better_sqlite3.node',
      'out/main/x.test.js',
    ]) {
      expect(packed(files, path), path).toBe(false);
    }
  });

  it('keeps better-sqlite3 (a production dependency) outside the ASAR and rebuilds it for Electron', async () => {
    const config = await loadConfig();
    expect(packageJson.dependencies['better-sqlite3']).toBeDefined();
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(config.asarUnpack.some((pattern) => minimatch(binary, pattern))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    // The rebuild targets the Electron in devDependencies, whose ABI the installed package names.
    expect(packageJson.devDependencies.electron).toBeDefined();
    expect(readFileSync(join(PROJECT_ROOT, 'node_modules/electron/abi_version'), 'utf8').trim()).toMatch(/^\d+$/);
    expect(existsSync(join(PROJECT_ROOT, 'node_modules/@electron/rebuild/package.json'))).toBe(true);
  });

  it('has a 512x512 PNG icon (electron-builder derives .ico and .icns from it)', async () => {
    const config = (await loadConfig()) as unknown as Record<string, { icon?: string }>;
    for (const os of ['linux', 'win', 'mac']) {
      const png = readFileSync(join(PROJECT_ROOT, config[os]!.icon!));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });

  it('is what `npm run dist` runs, after building the app', () => {
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.yml');
  });
});
