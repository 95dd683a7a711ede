/** Every CLI command, by name. Each capability lists its commands in its own file in this folder. */
import type { CliCommand } from '../command';
import { graphCommands } from './graphCommands';
import { infoCommand } from './info';
import { insightsCommands } from './insightsCommands';
import { ioCommands } from './ioCommands';
import { planCommands } from './planCommands';
import { searchCommands } from './searchCommands';
import { webCommand } from './web';

/** The commands the CLI knows. */
export const COMMANDS: readonly CliCommand[] = [
  infoCommand,
  webCommand,
  ...graphCommands,
  ...searchCommands,
  ...planCommands,
  ...ioCommands,
  ...insightsCommands,
];
