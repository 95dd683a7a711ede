// postinstall: give Electron its own copy of better-sqlite3's native module, built for Electron's ABI, in
// native/electron-<modules>/, while node_modules keeps the Node build that tests, the CLI and the bridge load.
// The main process picks the Electron copy through better-sqlite3's `nativeBinding` option (src/main/db/nativeBinding.ts),
// so neither build overwrites the other and the install order never matters. The Electron binary is downloaded first
// (electronBinary.mjs); where there is none (ELECTRON_SKIP_BINARY_DOWNLOAD=1, CI, or no internet), there is nothing
// to build for and this says so.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary, electronModulesVersion, electronVersion } from './electronBinary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electron = ensureElectronBinary();
if (!electron) {
  console.log('[atlas] No Electron binary installed: skipping the Electron build of better-sqlite3 (Node build kept).');
  process.exit(0);
}

// The folder is named after Electron's module ABI, so an Electron upgrade gets a new copy.
const modules = electronModulesVersion();
if (!modules) {
  console.warn('[atlas] The electron package does not say its ABI; the app will fall back to the Node build of better-sqlite3.');
  process.exit(0);
}
const target = join(root, 'native', `electron-${modules}`, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

const staging = join(root, 'native', '.build', 'better-sqlite3');
rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(staging), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), staging, {
  recursive: true,
  filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
});
const version = electronVersion();
const attempts = [
  ['npx', ['prebuild-install', '--runtime', 'electron', '--target', version]],
  ['npx', ['node-gyp', 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']],
];
for (const [command, args] of attempts) {
  const result = spawnSync(command, args, { cwd: staging, stdio: 'inherit' });
  const built = join(staging, 'build', 'Release', 'better_sqlite3.node');
  if (result.status === 0 && existsSync(built)) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    rmSync(join(root, 'native', '.build'), { recursive: true, force: true });
    console.log(`[atlas] Built better-sqlite3 for Electron ${version} (ABI ${modules}): ${target}`);
    process.exit(0);
  }
}
console.warn('[atlas] Could not build better-sqlite3 for Electron; run "npm run postinstall" once online.');
