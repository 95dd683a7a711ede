/** CLI commands over the graph store: stats, get, neighbors, backup, restore, undo, redo, generate. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GraphStats, HistoryInfo, HistoryStep, RecordDetails, Subgraph } from '../../shared/api';
import { generateNetwork } from '../../shared/synthetic/generateNetwork';
import { backupDatabase, backupToFolder, restoreDatabaseFile } from '../../main/db/backups';
import { openDatabase } from '../../main/db/openDatabase';
import { print, unwrap, UsageError, type CliCommand, type CommandContext } from '../command';

function oneId(context: CommandContext, usage: string): string {
  const [id, ...extra] = context.positionals;
  if (!id || extra.length > 0) throw new UsageError(`expected exactly one record id (${usage})`);
  return id;
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new UsageError(`${name} must be a whole number, got "${String(value)}"`);
  return number;
}

const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'Count records by kind and type, and relations by type.',
  usage: 'stats [--db PATH] [--json]',
  async run(context) {
    const stats = unwrap(await (await context.dispatch())('graph.stats', {})) as GraphStats;
    print(context, stats, () =>
      [
        `${stats.totalNodes} records, ${stats.totalEdges} relations`,
        ...Object.entries(stats.nodes).map(([kind, n]) => `  ${kind.padEnd(22)} ${n}`),
        'Actor types:',
        ...Object.entries(stats.actorTypes).map(([type, n]) => `  ${type.padEnd(22)} ${n}`),
        'Relations:',
        ...Object.entries(stats.edges).map(([type, n]) => `  ${type.padEnd(22)} ${n}`),
      ].join('\n'),
    );
  },
};

const getCommand: CliCommand = {
  name: 'get',
  summary: 'Show one record with its relations.',
  usage: 'get <id> [--db PATH] [--json]',
  async run(context) {
    const id = oneId(context, this.usage);
    const details = unwrap(await (await context.dispatch())('graph.get', { id })) as RecordDetails;
    print(context, details, () =>
      [
        `${details.record.name} (${details.record.id}, ${details.record.kind}, ${details.record.status})`,
        details.record.description,
        `Source: ${details.record.source}`,
        `Verified: ${details.record.verifiedAt ?? 'never'}`,
        ...details.relations.map((r) =>
          r.direction === 'out'
            ? `  -> ${r.edge.type} ${r.other.name} (${r.other.id})`
            : `  <- ${r.edge.type} ${r.other.name} (${r.other.id})`,
        ),
      ].join('\n'),
    );
  },
};

const neighborsCommand: CliCommand = {
  name: 'neighbors',
  summary: 'Records within N relations of a record.',
  usage: 'neighbors <id> [--depth N] [--db PATH] [--json]',
  options: { depth: { type: 'string' } },
  async run(context) {
    const id = oneId(context, this.usage);
    const depth = positiveInteger(context.values.depth, '--depth', 1);
    const found = unwrap(await (await context.dispatch())('graph.neighbors', { id, depth })) as Subgraph;
    print(context, found, () =>
      [
        `${found.nodes.length} records, ${found.edges.length} relations`,
        ...found.nodes.map((n) => `  ${n.id}  ${n.name}`),
      ].join('\n'),
    );
  },
};

const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a consistent copy of the database (SQLite online backup) to a file.',
  usage: 'backup <file> [--db PATH] [--json]',
  async run(context) {
    const [file] = context.positionals;
    if (!file) throw new UsageError('expected the backup file to write');
    const target = resolve(file);
    if (existsSync(target)) throw new UsageError(`${target} already exists; choose a new file name`);
    const atlas = await context.atlas();
    await backupDatabase(atlas.db, target);
    print(context, { path: target }, () => `Backup written to ${target}`);
  },
};

const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the database with a backup (the current database is backed up first).',
  usage: 'restore <file> [--db PATH] [--json]',
  async run(context) {
    const [file] = context.positionals;
    if (!file) throw new UsageError('expected the backup file to restore');
    const source = resolve(file);
    let safetyCopy: string | null = null;
    if (existsSync(context.databasePath)) {
      // Keep what the user had: a restore must never lose the current data, even when it was the wrong choice.
      try {
        const current = await openDatabase(context.databasePath);
        try {
          safetyCopy = (await backupToFolder(current, context.databasePath, 'before-restore')).path;
        } finally {
          current.close();
        }
      } catch {
        safetyCopy = null; // A damaged database cannot be backed up; restoring is the way out.
      }
    }
    await restoreDatabaseFile(context.databasePath, source);
    print(context, { restored: source, database: context.databasePath, previousSavedAs: safetyCopy }, () =>
      [
        `Restored ${source} into ${context.databasePath}.`,
        safetyCopy ? `The previous database was saved as ${safetyCopy}.` : '',
      ]
        .join('\n')
        .trim(),
    );
  },
};

function historyCommand(name: 'undo' | 'redo'): CliCommand {
  return {
    name,
    summary: name === 'undo' ? 'Undo the latest change.' : 'Redo the latest undone change.',
    usage: `${name} [--db PATH] [--json]`,
    async run(context) {
      const result = unwrap(await (await context.dispatch())(`history.${name}`, {})) as HistoryInfo & {
        undone?: HistoryStep | null;
        redone?: HistoryStep | null;
      };
      // The English label: the CLI speaks English.
      const label = (result.undone ?? result.redone)?.label ?? null;
      print(context, result, () =>
        label ? `${name === 'undo' ? 'Undid' : 'Redid'}: ${label}` : `Nothing to ${name}.`,
      );
    },
  };
}

const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Add a deterministic synthetic network (for benchmarks and scale tests).',
  usage: 'generate --actors N [--seed S] [--db PATH] [--no-sample] [--json]',
  options: { actors: { type: 'string' }, seed: { type: 'string' } },
  async run(context) {
    const actors = positiveInteger(context.values.actors, '--actors', -1);
    if (actors < 1) throw new UsageError('--actors N is required (N ≥ 1)');
    const seed = positiveInteger(context.values.seed, '--seed', 1);
    const atlas = await context.atlas();
    const network = generateNetwork({ actors, seed });
    const nodes = network.nodes.filter((node) => !atlas.store.index.hasNode(node.id));
    const started = performance.now();
    atlas.store.write(
      { key: 'change.generate', params: { actors, seed } },
      (writer) => {
        for (const node of nodes) writer.putNode(node);
        for (const edge of network.edges) writer.putEdge(edge);
      },
      { trusted: true },
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = nodes.length + network.edges.length;
    const summary = {
      actors,
      seed,
      records: nodes.length,
      relations: network.edges.length,
      seconds,
      rowsPerSecond: rows / seconds,
    };
    print(
      context,
      summary,
      () =>
        `Added ${nodes.length} records and ${network.edges.length} relations in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s).`,
    );
  },
};

/** The graph commands. */
export const graphCommands: CliCommand[] = [
  statsCommand,
  getCommand,
  neighborsCommand,
  backupCommand,
  restoreCommand,
  historyCommand('undo'),
  historyCommand('redo'),
  generateCommand,
];
