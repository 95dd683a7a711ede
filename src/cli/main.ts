/** The CLI's entry point: `npm run -s cli -- <command> [options]`. */
import { fileURLToPath } from 'node:url';
import { runCli } from './runCli';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

runCli(process.argv.slice(2), projectRoot, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
