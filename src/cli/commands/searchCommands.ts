/** CLI commands of the search capability. */
import type { CliCommand } from '../command';

/** The search commands. */
export const searchCommands: CliCommand[] = [];
