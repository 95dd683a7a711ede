/**
 * Contract methods of import and export: preview an import (a dry run: validation report and merge diff), apply
 * it (one undoable transaction, after a backup), export HSDS, directories and graph formats, and preview a
 * directory. Files travel as base64 from the renderer (so the encoding check happens in the main process) or as
 * a path from the CLI.
 */
import { z } from 'zod';
import { method } from '../defineMethod';
import { ACTOR_TYPES, NEED_CODES } from '../../domain';
import { AUDIENCES } from '../../hsds/audience';
import type { DirectoryModel } from '../../interchange/directoryModel';
import type { ConflictEntry, DiffEntry } from '../../interchange/mergeDiff';
import type { ImportIssue } from '../../interchange/importPlan';

/** The formats an import reads. */
export const IMPORT_FORMAT_NAMES = ['hsds-json', 'hsds-csv', 'elements-csv', 'elements-xlsx'] as const;
export type ImportFormatName = (typeof IMPORT_FORMAT_NAMES)[number];
/** The formats an export writes. */
export const EXPORT_FORMAT_NAMES = [
  'hsds-json',
  'hsds-csv',
  'csv',
  'html',
  'pdf',
  'graphml',
  'gexf',
  'cyjs',
  'elements-csv',
  'elements-xlsx',
] as const;
/** One of {@link EXPORT_FORMAT_NAMES}. */
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** How many diff entries and issues a report lists (the totals are always exact). */
export const REPORT_LIST_LIMIT = 500;

const importInput = z
  .object({
    format: z.enum(IMPORT_FORMAT_NAMES),
    /** Files sent by the renderer, content in base64. */
    files: z
      .array(z.object({ name: z.string().min(1).max(255), contentBase64: z.string().max(96 * 1024 * 1024) }).strict())
      .min(1)
      .max(40)
      .optional(),
    /** A file or folder on this machine (the CLI). */
    path: z.string().min(1).max(4096).optional(),
    /** Apply changes even where the database's copy was verified more recently. */
    replaceConflicts: z.boolean().default(false),
  })
  .strict()
  .refine((input) => (input.files ? 1 : 0) + (input.path ? 1 : 0) === 1, {
    message: 'give either files or path',
    path: ['files'],
  });

/** What an import would do (or did): counts, problems and the merge diff. */
export interface ImportReport {
  format: ImportFormatName;
  files: string[];
  /** What the files hold, by object type. */
  counts: Record<string, number>;
  /** Problems that stop the import; each names the file, row (or place) and field. */
  errors: (ImportIssue & { text: string })[];
  errorCount: number;
  warnings: (ImportIssue & { text: string })[];
  warningCount: number;
  added: DiffEntry[];
  addedCount: number;
  changed: DiffEntry[];
  changedCount: number;
  unchangedCount: number;
  conflicts: ConflictEntry[];
  conflictCount: number;
  edgesAdded: number;
  edgesUnchanged: number;
  /** Whether applying would write anything and nothing stops it. */
  canApply: boolean;
}

/** What a directory or export covers. */
export const scopeSchema = z
  .object({
    region: z.string().max(300).nullable().default(null),
    needs: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).default([]),
    actorTypes: z.array(z.enum(ACTOR_TYPES)).max(ACTOR_TYPES.length).default([]),
  })
  .strict();

/** An exported file. */
export interface ExportedFile {
  name: string;
  mimeType: string;
  bytes: number;
  /** Set when the export was written to disk. */
  path: string | null;
  /** Set when no path was given: the content for the renderer to save. */
  contentBase64: string | null;
}

/** What an export produced. */
export interface ExportResult {
  format: ExportFormatName;
  audience: (typeof AUDIENCES)[number];
  files: ExportedFile[];
  /** Records written (services for HSDS and directories, nodes for graph formats, elements for coalition sheets). */
  records: number;
  /** Objects and rows checked against the HSDS schemas (0 for formats HSDS does not describe); errors stop the export. */
  validated: number;
}

/** The io methods. */
export const ioMethods = {
  'io.importPreview': method(
    importInput,
    'Reads and checks files to import; returns the validation report and the merge diff. Writes nothing.',
  ).returns<ImportReport>(),
  'io.importApply': method(
    importInput,
    'Imports files in one undoable change, after a backup; refuses (changing nothing) if any problem is found.',
  ).returns<ImportReport & { backupPath: string }>(),
  'io.export': method(
    z
      .object({
        format: z.enum(EXPORT_FORMAT_NAMES),
        audience: z.enum(AUDIENCES).default('public'),
        scope: scopeSchema.default({ region: null, needs: [], actorTypes: [] }),
        locale: z.enum(['en', 'es']).default('en'),
        /** Where to write (a file; a folder for hsds-csv and elements-csv; one .xlsx file for elements-xlsx). Without it the content comes back in the result. */
        out: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    'Exports HSDS 3 (JSON or CSV package), a directory (HTML, PDF, CSV), the graph (GraphML, GEXF, Cytoscape.js JSON) or coalition spreadsheets (elements and connections CSV, or one XLSX workbook).',
  ).returns<ExportResult>(),
  'io.directoryPreview': method(
    z
      .object({
        audience: z.enum(AUDIENCES).default('public'),
        scope: scopeSchema.default({ region: null, needs: [], actorTypes: [] }),
      })
      .strict(),
    'The directory of a scope for an audience, as data for the preview.',
  ).returns<DirectoryModel>(),
};
