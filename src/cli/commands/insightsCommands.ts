/** CLI commands of the insights capability. */
import type { CliCommand } from '../command';

/** The insights commands. */
export const insightsCommands: CliCommand[] = [];
