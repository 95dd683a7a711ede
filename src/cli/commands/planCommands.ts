/** CLI commands of the plan capability. */
import type { CliCommand } from '../command';

/** The plan commands. */
export const planCommands: CliCommand[] = [];
