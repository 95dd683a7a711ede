/**
 * Handlers of the io capability: import preview (a dry run), import apply (a backup, then one undoable
 * transaction: all or nothing), export (checked against the HSDS schemas, written atomically) and the directory
 * preview. The HSDS schema folder is a parameter (a packaged app ships the schemas elsewhere); PDFs go through the
 * Atlas's PdfRenderer unless another is given.
 */
import { join } from 'node:path';
import { AtlasError, errorMessage, type ContractHandlers } from '../../shared/api';
import type { ImportFormatName, ImportReport, ioMethods } from '../../shared/api/methods/ioMethods';
import { REPORT_LIST_LIMIT } from '../../shared/api/methods/ioMethods';
import { describeImportIssue, type ImportIssue, type ParsedImport } from '../../shared/interchange/importPlan';
import { planMerge, type MergePlan } from '../../shared/interchange/mergeDiff';
import { buildDirectory } from '../../shared/interchange/directoryModel';
import { backupToFolder } from '../db/backups';
import type { Atlas } from './atlas';
import { writeFileAtomic } from './io/atomicWrite';
import { buildExport } from './io/exportFiles';
import { defaultHsdsDir, loadHsdsSchemas } from './io/hsdsSchemas';
import { parseCoalitionWorkbooks, readWorkbookSheets } from './io/coalitionWorkbook';
import { parseImportFiles, readImportPath } from './io/importFiles';
import type { PdfRenderer } from './pdf/pdfRenderer';
import {
  MAX_IMPORT_BYTES,
  readInputBytes,
  readUploadedBytes,
  readUploadedFile,
  type InputText,
} from './io/readInputFile';

/** What the io handlers can be given. */
export interface IoOptions {
  /** The HSDS folder (holding `schema/compiled` and `datapackage.json`); default the copy in `data/hsds`. */
  hsdsDir?: string;
  /** Renders PDFs; default the Atlas's own renderer (printToPDF in the app, headless Chromium in the CLI and tests). */
  pdfRenderer?: PdfRenderer;
  /** The largest file an import reads, in bytes (default {@link MAX_IMPORT_BYTES}, 64 MB). */
  maxImportBytes?: number;
}

type ImportInput = {
  format: ImportFormatName;
  files?: { name: string; contentBase64: string }[];
  path?: string;
  replaceConflicts: boolean;
};

const withText = (issues: ImportIssue[]) =>
  issues.slice(0, REPORT_LIST_LIMIT).map((issue) => ({ ...issue, text: describeImportIssue(issue) }));

/** The report of a parsed import and its merge plan. */
export function importReport(
  format: ImportFormatName,
  files: string[],
  parsed: ParsedImport,
  plan: MergePlan | null,
): ImportReport {
  const errors = [...parsed.errors, ...(plan?.errors ?? [])];
  const diff = plan?.diff;
  return {
    format,
    files,
    counts: parsed.counts,
    errors: withText(errors),
    errorCount: errors.length,
    warnings: withText(parsed.warnings),
    warningCount: parsed.warnings.length,
    added: diff?.added.slice(0, REPORT_LIST_LIMIT) ?? [],
    addedCount: diff?.added.length ?? 0,
    changed: diff?.changed.slice(0, REPORT_LIST_LIMIT) ?? [],
    changedCount: diff?.changed.length ?? 0,
    unchangedCount: diff?.unchangedCount ?? 0,
    conflicts: diff?.conflicts.slice(0, REPORT_LIST_LIMIT) ?? [],
    conflictCount: diff?.conflicts.length ?? 0,
    edgesAdded: diff?.edgesAdded ?? 0,
    edgesUnchanged: diff?.edgesUnchanged ?? 0,
    canApply: errors.length === 0 && !!plan && plan.nodes.length + plan.edges.length > 0,
  };
}

/** The io handlers over one open Atlas. */
export function ioHandlers(atlas: Atlas, options: IoOptions = {}): Pick<ContractHandlers, keyof typeof ioMethods> {
  const hsdsDir = options.hsdsDir ?? defaultHsdsDir(atlas.config.dataDir);
  const schemas = () => loadHsdsSchemas(hsdsDir);
  const pdf = options.pdfRenderer ?? atlas.pdf;
  const limit = options.maxImportBytes ?? MAX_IMPORT_BYTES;

  /** Reads and parses the files of an import (an XLSX workbook asynchronously, then the same synchronous reader). */
  const parse = async (input: ImportInput): Promise<{ files: { name: string }[]; parsed: ParsedImport }> => {
    if (input.format === 'elements-xlsx') {
      // Every workbook is read (and its size checked, before its bytes) before any is parsed.
      const workbooks = input.path
        ? [readInputBytes(input.path, limit)]
        : (input.files ?? []).map((file) => readUploadedBytes(file.name, file.contentBase64, limit));
      const sheets = await Promise.all(workbooks.map((workbook) => readWorkbookSheets(workbook)));
      return { files: workbooks, parsed: parseCoalitionWorkbooks(sheets) };
    }
    const files: InputText[] = input.path
      ? readImportPath(input.format, input.path, limit)
      : (input.files ?? []).map((file) => readUploadedFile(file.name, file.contentBase64, limit));
    return { files, parsed: parseImportFiles(input.format, files, schemas) };
  };

  const prepare = async (input: ImportInput) => {
    const { files, parsed } = await parse(input);
    const plan =
      parsed.errors.length === 0
        ? planMerge(parsed, atlas.store.index, { replaceConflicts: input.replaceConflicts })
        : null;
    return {
      report: importReport(
        input.format,
        files.map((file) => file.name),
        parsed,
        plan,
      ),
      plan,
    };
  };

  return {
    'io.importPreview': async (input) => (await prepare(input)).report,
    'io.importApply': async (input) => {
      const { report, plan } = await prepare(input);
      if (report.errorCount > 0 || !plan) {
        const issues = report.errors.map((issue) => ({
          path: `${issue.file}${issue.row !== null ? `:${issue.row}` : issue.pointer ? `:${issue.pointer}` : ''}${issue.field ? `.${issue.field}` : ''}`,
          message: issue.message,
        }));
        throw new AtlasError(
          'BAD_INPUT',
          errorMessage('error.importRefused', { count: report.errorCount, first: report.errors[0]?.text ?? '' }),
          issues,
        );
      }
      const backup = await backupToFolder(atlas.db, atlas.config.databasePath, 'before-import', atlas.now());
      // The plan's records passed the domain schemas in the merge, so the writer need not parse them again.
      atlas.store.write(
        {
          key: 'change.import',
          params: { files: report.files.join(', '), added: report.addedCount, changed: report.changedCount },
        },
        (writer) => {
          for (const node of plan.nodes) writer.putNode(node);
          for (const edge of plan.edges) writer.putEdge(edge);
        },
        { trusted: true },
      );
      return { ...report, backupPath: backup.path };
    },
    'io.export': async (input) => {
      const built = await buildExport(
        atlas.store.index,
        { format: input.format, audience: input.audience, scope: input.scope, locale: input.locale },
        { schemas, pdf, today: atlas.now() },
      );
      const many = built.files.length > 1;
      const files = built.files.map((file) => {
        const bytes = typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.byteLength;
        if (!input.out) {
          return {
            name: file.name,
            mimeType: file.mimeType,
            bytes,
            path: null,
            contentBase64: Buffer.from(file.data).toString('base64'),
          };
        }
        const path = many ? join(input.out, file.name) : input.out;
        writeFileAtomic(path, file.data);
        return { name: file.name, mimeType: file.mimeType, bytes, path, contentBase64: null };
      });
      return {
        format: input.format,
        audience: input.audience,
        files,
        records: built.records,
        validated: built.validated,
      };
    },
    'io.directoryPreview': (input) => buildDirectory(atlas.store.index, input.scope, input.audience, atlas.now()),
  };
}
