/** CLI commands of the io capability: `import` (with a dry run) and `export`. */
import { resolve } from 'node:path';
import {
  EXPORT_FORMAT_NAMES,
  IMPORT_FORMAT_NAMES,
  type ExportResult,
  type ImportFormatName,
  type ImportReport,
} from '../../shared/api/methods/ioMethods';
import { print, unwrap, UsageError, type CliCommand } from '../command';

function summary(report: ImportReport, applied: boolean): string {
  const lines = [
    `${applied ? 'Imported' : 'Would import'} ${report.files.join(', ')} (${report.format})`,
    `  holds: ${
      Object.entries(report.counts)
        .map(([key, n]) => `${n} ${key}`)
        .join(', ') || 'nothing'
    }`,
    `  added ${report.addedCount}, changed ${report.changedCount}, unchanged ${report.unchangedCount}, conflicts ${report.conflictCount}; relations +${report.edgesAdded}`,
    ...report.changed
      .slice(0, 20)
      .map((entry) => `  ~ ${entry.id}: ${entry.changes.map((change) => change.field).join(', ')}`),
    ...report.conflicts.slice(0, 20).map((conflict) => `  ! ${conflict.incomingId}: ${conflict.reason}`),
    ...report.warnings.slice(0, 20).map((warning) => `  warning: ${warning.text}`),
  ];
  return lines.join('\n');
}

const importCommand: CliCommand = {
  name: 'import',
  summary:
    'Imports HSDS 3 JSON, an HSDS CSV package (folder) or coalition spreadsheets (CSV files or an .xlsx workbook); --dry-run only reports.',
  usage: `import <path> --format ${IMPORT_FORMAT_NAMES.join('|')} [--dry-run] [--replace-conflicts] [--json]`,
  options: {
    format: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'replace-conflicts': { type: 'boolean', default: false },
  },
  async run(context) {
    const path = context.positionals[0];
    const format = context.values.format as string | undefined;
    if (!path) throw new UsageError('give the file (or, for hsds-csv and elements-csv, the folder) to import');
    if (!format || !(IMPORT_FORMAT_NAMES as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${IMPORT_FORMAT_NAMES.join(', ')}`);
    const dispatch = await context.dispatch();
    const input = {
      format: format as ImportFormatName,
      path: resolve(path),
      replaceConflicts: context.values['replace-conflicts'] === true,
    };
    const dryRun = context.values['dry-run'] === true;
    const preview = unwrap(await dispatch('io.importPreview', input)) as ImportReport;
    if (preview.errorCount > 0) {
      if (context.json) context.stdout(`${JSON.stringify(preview, null, 2)}\n`);
      context.stderr(
        `import refused, nothing was written: ${preview.errorCount} problem(s)\n${preview.errors
          .slice(0, 50)
          .map((issue) => `  ${issue.text}`)
          .join('\n')}\n`,
      );
      return 2;
    }
    if (dryRun) {
      print(context, preview, () => summary(preview, false));
      return 0;
    }
    const applied = unwrap(await dispatch('io.importApply', input)) as ImportReport & { backupPath: string };
    print(context, applied, () => `${summary(applied, true)}\n  backup: ${applied.backupPath}`);
    return 0;
  },
};

const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'Exports HSDS 3, a directory (HTML, PDF, CSV), the graph (GraphML, GEXF, Cytoscape.js JSON) or coalition spreadsheets (elements-csv: a folder; elements-xlsx: one .xlsx workbook).',
  usage: `export --format ${EXPORT_FORMAT_NAMES.join('|')} --out PATH [--audience public|partners] [--region R] [--need N] [--locale en|es] [--json]`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    audience: { type: 'string', default: 'public' },
    region: { type: 'string' },
    need: { type: 'string', multiple: true },
    locale: { type: 'string', default: 'en' },
  },
  async run(context) {
    const format = context.values.format as string | undefined;
    const out = context.values.out as string | undefined;
    if (!format || !(EXPORT_FORMAT_NAMES as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
    if (!out) throw new UsageError('--out PATH is required (a folder for hsds-csv and elements-csv)');
    const dispatch = await context.dispatch();
    const result = unwrap(
      await dispatch('io.export', {
        format: format as (typeof EXPORT_FORMAT_NAMES)[number],
        out: resolve(out),
        audience: context.values.audience as 'public' | 'partners',
        locale: context.values.locale as 'en' | 'es',
        scope: {
          region: (context.values.region as string | undefined) ?? null,
          needs: (context.values.need as never[] | undefined) ?? [],
          actorTypes: [],
        },
      }),
    ) as ExportResult;
    print(context, result, () =>
      [
        `Exported ${result.records} records (${result.format}, ${result.audience})${result.validated ? `; ${result.validated} objects and rows passed the HSDS schemas` : ''}`,
        ...result.files.map((file) => `  ${file.path} (${file.bytes} bytes)`),
      ].join('\n'),
    );
  },
};

/** The io commands. */
export const ioCommands: CliCommand[] = [importCommand, exportCommand];
