/** What a CLI command is: its name, usage, options and what it runs. */
import type { ParseArgsConfig } from 'node:util';
import type { ApiResult, Dispatch } from '../shared/api';
import type { Atlas } from '../main/services/atlas';

/** Everything a command receives. */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** Whether `--json` was given. */
  json: boolean;
  databasePath: string;
  projectRoot: string;
  /** Opens the Atlas (once) and returns it. */
  atlas(): Promise<Atlas>;
  /** The contract dispatcher over the open Atlas: commands call the same methods the app does. */
  dispatch(): Promise<Dispatch>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A CLI command. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  run(context: CommandContext): Promise<number | void>;
}

/** A refusal of the user's input: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Unwraps a contract result, turning a failure into an error the CLI reports (exit 2 for bad input). */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  const error = new UsageError(result.error.message);
  if (result.error.code === 'INTERNAL' || result.error.code === 'UNAVAILABLE') throw new Error(result.error.message);
  throw error;
}

/** Prints a value as JSON (with `--json`) or as the given text. */
export function print(context: CommandContext, value: unknown, text: () => string): void {
  context.stdout(context.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
