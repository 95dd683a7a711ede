/** CLI commands of the io capability. */
import type { CliCommand } from '../command';

/** The io commands. */
export const ioCommands: CliCommand[] = [];
