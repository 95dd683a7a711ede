// Where the Electron binary is, and getting it. Since Electron 45 the electron package downloads no binary when npm
// installs it (its require() does, on first use); this reads the package's own files instead of require('electron'),
// which would try to download the binary when it is missing: a hang or a failure on a machine without internet.
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (the build machines, which cannot download it) leaves it out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** The Electron executable's path, or null when no binary is installed. */
export function electronBinaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  if (!executable && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const full = join(distDir, executable ?? 'electron');
  return existsSync(full) ? full : null;
}

/** Whether ELECTRON_SKIP_BINARY_DOWNLOAD asks to leave the binary out. */
export function binaryDownloadSkipped() {
  const value = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return Boolean(value) && value !== '0' && value !== 'false';
}

/**
 * The Electron executable's path, downloaded first with the electron package's own installer when it is missing and
 * downloads are not skipped; null when there is none.
 */
export function ensureElectronBinary() {
  const installed = electronBinaryPath();
  if (installed || binaryDownloadSkipped()) return installed;
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  return download.status === 0 ? electronBinaryPath() : null;
}

/** The installed electron package's version. */
export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** The Node module ABI (`process.versions.modules`) of the installed Electron, from the package's abi_version file. */
export function electronModulesVersion() {
  const file = join(electronDir, 'abi_version');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
