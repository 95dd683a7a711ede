/**
 * The command line over the same services as the app, with no Electron: argument parsing, `--db`, `--json`,
 * exit codes (0 done, 2 bad input with a message on stderr, 1 anything else).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join } from 'node:path';
import { AtlasError, createDispatcher, type Dispatch } from '../shared/api';
import { APP_VERSION } from '../main/appVersion';
import { resolveDatabasePath } from '../main/paths';
import { openAtlas, type Atlas } from '../main/services/atlas';
import { createHandlers } from '../main/services/handlers';
import { COMMANDS } from './commands';
import { UsageError, type CommandContext } from './command';

const COMMON_OPTIONS: ParseArgsConfig['options'] = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  'no-sample': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

/** Where the CLI writes; tests pass buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], projectRoot: string, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Run "help" for the list.\n`);
    return 2;
  }
  let atlas: Atlas | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const databasePath = resolveDatabasePath(values.db as string | undefined, io.env);
    let dispatch: Dispatch | undefined;
    const context: CommandContext = {
      positionals,
      values: values as CommandContext['values'],
      json: values.json === true,
      databasePath,
      projectRoot,
      atlas: async () =>
        (atlas ??= await openAtlas({
          databasePath,
          dataDir: join(projectRoot, 'data'),
          includeSample: values['no-sample'] !== true,
          version: APP_VERSION,
        })),
      dispatch: async () => (dispatch ??= createDispatcher(createHandlers(await context.atlas()))),
      stdout: io.stdout,
      stderr: io.stderr,
    };
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof AtlasError && ['BAD_INPUT', 'NOT_FOUND', 'CONFLICT'].includes(error.code)) {
      io.stderr(`${command.name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${command.name} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    atlas?.close();
  }
}

function isParseArgsError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === 'string' &&
    String((error as { code: string }).code).startsWith('ERR_PARSE_ARGS')
  );
}

function helpText(): string {
  return [
    "Referral Atlas command line. Every command takes --db PATH (default: the app's own database;",
    'REFERRAL_ATLAS_DB overrides) and --json.',
    '',
    ...COMMANDS.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '',
  ].join('\n');
}
