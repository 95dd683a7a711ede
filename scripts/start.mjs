// npm start: build, then launch the desktop app on its embedded default database.
import { spawnSync } from 'node:child_process';
import { electronBinaryPath } from './electronBinary.mjs';

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinaryPath();
if (!electron) {
  console.error(
    [
      '',
      'No Electron binary is installed here (npm skipped its download, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1,',
      'or the download was blocked). The desktop window cannot open on this machine.',
      '',
      'Run the same app in your browser instead, on the same default database:',
      '',
      '    npm run web',
      '',
      'To get the desktop app, reinstall Electron with its binary: npm install electron --foreground-scripts',
    ].join('\n'),
  );
  process.exit(1);
}
const run = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
