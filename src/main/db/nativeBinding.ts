/**
 * Which compiled better-sqlite3 to load. Under Node (tests, CLI, bridge) it is the one npm built in node_modules.
 * Under Electron in development it is the Electron-ABI copy that scripts/build-electron-native.mjs writes to
 * native/electron-<modules>/ at install time, so neither build ever overwrites the other. A packaged app has its
 * own copy rebuilt by electron-builder, which the default resolution finds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The path of the Electron-ABI binding to pass as better-sqlite3's `nativeBinding`, or undefined for the default. */
export function resolveNativeBinding(
  versions: NodeJS.ProcessVersions = process.versions,
  projectRoot: string = process.cwd(),
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined;
  const candidate = electronBindingPath(projectRoot, versions.modules);
  return exists(candidate) ? candidate : undefined;
}

/** Where the Electron-ABI copy for a given `process.versions.modules` lives under the project root. */
export function electronBindingPath(projectRoot: string, modulesVersion: string): string {
  return join(projectRoot, 'native', `electron-${modulesVersion}`, 'better_sqlite3.node');
}
