/** Test support: running the CLI in-process, capturing what it prints and its exit code. */
import { runCli } from '../../src/cli/runCli';
import { PROJECT_ROOT } from './tempAtlas';

/** One CLI run's exit code and output. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` through the CLI with an empty environment (so REFERRAL_ATLAS_DB never leaks in). */
export async function runCliForTest(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, PROJECT_ROOT, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}
