import { NODE_KINDS } from '../../shared/domain';
import type { AppInfo } from '../../shared/api';
import { print, unwrap, type CliCommand } from '../command';

/** `info`: the app version, the database and its record counts (the same answer as `app.info`). */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the version, the database path and its record counts.',
  usage: 'info [--db PATH] [--json]',
  async run(context) {
    const dispatch = await context.dispatch();
    const value = unwrap(await dispatch('app.info', {})) as AppInfo;
    print(context, value, () =>
      [
        `Referral Atlas ${value.version} (schema ${value.schemaVersion})`,
        `Database: ${value.databasePath}`,
        ...NODE_KINDS.map((kind) => `  ${kind.padEnd(15)} ${value.counts.nodes[kind]}`),
        `  ${'relations'.padEnd(15)} ${value.counts.edges}`,
        `  ${'sample records'.padEnd(15)} ${value.counts.sample}`,
        `Last backup: ${value.lastBackupAt ?? 'none'}`,
      ].join('\n'),
    );
  },
};
