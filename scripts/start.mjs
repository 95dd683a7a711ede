// npm start: build, then launch the desktop app on its embedded default database.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electronBinary.mjs';

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Downloaded now if the install could not (offline then); the postinstall then builds better-sqlite3 for it.
const electron = ensureElectronBinary();
if (electron)
  spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'build-electron-native.mjs')], {
    stdio: 'inherit',
  });
if (!electron) {
  console.error(
    [
      '',
      'No Electron binary is installed here (its download was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1,',
      'or it failed). The desktop window cannot open on this machine.',
      '',
      'Run the same app in your browser instead, on the same default database:',
      '',
      '    npm run web',
      '',
      'To get the desktop app, download Electron once online, without ELECTRON_SKIP_BINARY_DOWNLOAD: npm start',
    ].join('\n'),
  );
  process.exit(1);
}
const run = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
