/** Every CLI command, by name. A new command is one file in this folder and one line here. */
import type { CliCommand } from '../command';
import { infoCommand } from './info';
import { webCommand } from './web';

/** The commands the CLI knows. */
export const COMMANDS: readonly CliCommand[] = [infoCommand, webCommand];
