/** CLI commands of the graph capability. */
import type { CliCommand } from '../command';

/** The graph commands. */
export const graphCommands: CliCommand[] = [];
