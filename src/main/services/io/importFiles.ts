/**
 * Reading import files into a {@link ParsedImport}: HSDS JSON (a service, an organization, a service_at_location,
 * a list of them or an API page), an HSDS Tabular Data Package (one CSV per table), or coalition spreadsheets
 * (CSV here; an XLSX workbook is read by coalitionWorkbook.ts into the same sheets).
 * Every object and row is checked against the HSDS JSON Schemas (Ajv, compiled once) before it is mapped; the
 * mapped records are checked by the domain schemas in the merge. Nothing here touches the database.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AtlasError, errorMessage, fieldIssue } from '../../../shared/api';
import type { ImportFormatName } from '../../../shared/api/methods/ioMethods';
import { readCoalitionSheets, type Sheet } from '../../../shared/interchange/coalitionSpreadsheet';
import {
  addCount,
  emptyImport,
  importIssue,
  keyedIssue,
  type ImportIssue,
  type ParsedImport,
} from '../../../shared/interchange/importPlan';
import {
  hsdsReadContext,
  readHsdsOrganization,
  readHsdsService,
  readHsdsServiceAtLocation,
} from '../../../shared/hsds/fromHsds';
import { HSDS_TABLES, tablesToHsds, type HsdsRow, type HsdsTables } from '../../../shared/hsds/hsdsTables';
import type { HsdsObject } from '../../../shared/hsds/hsdsModel';
import { parseCsv, parseCsvCells } from './csvTable';
import type { HsdsSchemas } from './hsdsSchemas';
import { MAX_IMPORT_BYTES, readInputFile, type InputText } from './readInputFile';

/** The formats read as UTF-8 text, synchronously (an XLSX workbook is read as bytes; see coalitionWorkbook.ts). */
export type TextImportFormat = Exclude<ImportFormatName, 'elements-xlsx'>;

/** The files an import path names: a folder's CSV files (for a CSV package), or the file itself. */
export function readImportPath(format: TextImportFormat, path: string, limit = MAX_IMPORT_BYTES): InputText[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new AtlasError('NOT_FOUND', errorMessage('error.noSuchFileOrFolder', { path }), [
      fieldIssue(basename(path), errorMessage('error.issue.notFound')),
    ]);
  }
  if (!isFolder) return [readInputFile(path, limit)];
  const names = readdirSync(path).filter((name) =>
    format === 'hsds-json' ? name.endsWith('.json') : name.endsWith('.csv'),
  );
  if (names.length === 0)
    throw new AtlasError(
      'BAD_INPUT',
      errorMessage('error.folderHoldsNone', { path, type: format === 'hsds-json' ? 'JSON' : 'CSV' }),
    );
  return names.sort().map((name) => readInputFile(join(path, name), limit));
}

function jsonError(file: InputText, error: Error): ImportIssue {
  const position = /position (\d+)/.exec(error.message);
  if (position) {
    const offset = Number(position[1]);
    const before = file.text.slice(0, offset);
    const line = before.split('\n').length;
    const pointer = `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
    return importIssue({ file: file.name, row: null, pointer }, '', 'import.hsds.malformedJson', {
      detail: error.message,
    });
  }
  return importIssue({ file: file.name, row: null }, '', 'import.hsds.malformedJson', { detail: error.message });
}

function kindOf(object: HsdsObject): 'service' | 'organization' | 'service_at_location' | null {
  if (object.service && typeof object.service === 'object') return 'service_at_location';
  if ('status' in object || 'service_at_locations' in object || 'organization_id' in object) return 'service';
  if ('services' in object || 'organization_identifiers' in object || 'website' in object || 'locations' in object)
    return 'organization';
  if ('name' in object && 'description' in object) return 'organization';
  return null;
}

function readHsdsJson(parsed: ParsedImport, file: InputText, schemas: HsdsSchemas): void {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    parsed.errors.push(jsonError(file, error as Error));
    return;
  }
  const page =
    data &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Array.isArray((data as { contents?: unknown }).contents);
  const items: unknown[] = Array.isArray(data) ? data : page ? (data as { contents: unknown[] }).contents : [data];
  const prefix = Array.isArray(data) ? '' : page ? 'contents' : '';
  const ctx = hsdsReadContext(parsed, file.name);
  items.forEach((item, position) => {
    const pointer = prefix || items.length > 1 || Array.isArray(data) ? `${prefix}[${position}]` : '(document)';
    const origin = { file: file.name, row: null, pointer };
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      parsed.errors.push(importIssue(origin, '', 'import.hsds.notAnObject'));
      return;
    }
    const object = item as HsdsObject;
    const kind = kindOf(object);
    if (!kind) {
      parsed.errors.push(importIssue(origin, '', 'import.hsds.unknownObject'));
      return;
    }
    const problems =
      kind === 'service'
        ? schemas.validateService(object)
        : kind === 'organization'
          ? schemas.validateOrganization(object)
          : schemas.validateServiceAtLocation(object);
    if (problems.length > 0) {
      for (const problem of problems)
        parsed.errors.push(
          importIssue(origin, problem.path, 'import.hsds.schemaProblem', {
            problem: problem.keyedMessage
              ? { message: problem.keyedMessage.key, params: problem.keyedMessage.params }
              : problem.message,
            kind,
          }),
        );
      return;
    }
    if (kind === 'service') readHsdsService(ctx, object, origin);
    else if (kind === 'organization') readHsdsOrganization(ctx, object, origin);
    else readHsdsServiceAtLocation(ctx, object, origin);
  });
}

const MEANINGFUL_COLUMNS = new Set(['id', 'name', 'number']);

/** How each column of a table's CSV file is read, worked out once per file rather than once per cell. */
interface ColumnReader {
  name: string;
  type: string | undefined;
  /** CSV cannot tell an empty string from a missing value; see {@link typedRow}. */
  emptyIsEmptyString: boolean;
}

function columnReaders(
  columns: readonly string[],
  types: Map<string, string>,
  required: readonly string[],
): ColumnReader[] {
  return columns.map((name) => ({
    name,
    type: types.get(name),
    emptyIsEmptyString: required.includes(name) && types.get(name) === 'string' && !MEANINGFUL_COLUMNS.has(name),
  }));
}

function typedRow(
  parsed: ParsedImport,
  file: string,
  rowNumber: number,
  cells: readonly string[],
  readers: readonly ColumnReader[],
): HsdsRow {
  const row: Record<string, unknown> = { __origin: { file, row: rowNumber } };
  for (let i = 0; i < readers.length; i++) {
    const { name, type, emptyIsEmptyString } = readers[i]!;
    const cell = cells[i];
    // HSDS requires text columns a record can leave empty (an organization's description, an address with its
    // street withheld), which an export writes as "": there an empty cell is "". The columns without which a row
    // means nothing (id, name, number) must not be empty.
    if (cell === undefined || cell === '') {
      if (cell === '' && emptyIsEmptyString) row[name] = '';
      continue;
    }
    if (type === 'number' || type === 'integer') {
      const value = Number(cell);
      if (cell.trim() === '' || Number.isNaN(value) || (type === 'integer' && !Number.isInteger(value))) {
        const key = type === 'integer' ? 'import.hsds.notWholeNumber' : 'import.hsds.notNumber';
        parsed.errors.push(importIssue({ file, row: rowNumber }, name, key, { value: cell }));
        continue;
      }
      row[name] = value;
    } else if (type === 'boolean') row[name] = cell === 'true' || cell === '1';
    else row[name] = cell;
  }
  return row as HsdsRow;
}

function readHsdsCsv(parsed: ParsedImport, files: InputText[], schemas: HsdsSchemas): void {
  const byPath = new Map([...schemas.tables].map(([table, info]) => [info.path, table]));
  const tables: HsdsTables = {};
  for (const file of files) {
    if (file.name === 'datapackage.json') continue;
    const table = byPath.get(file.name);
    if (!table) {
      parsed.errors.push(
        importIssue({ file: file.name, row: null }, '', 'import.hsds.notATable', {
          files: [...byPath.keys()].join(', '),
        }),
      );
      continue;
    }
    const info = schemas.tables.get(table)!;
    if (!(HSDS_TABLES as readonly string[]).includes(table)) {
      parsed.warnings.push(importIssue({ file: file.name, row: null }, '', 'import.hsds.tableNotKept', { table }));
    }
    const { cells: sheet, errors } = parseCsvCells(file.name, file.text);
    parsed.errors.push(...errors);
    const known = new Set(info.fields.map((field) => field.name));
    const unknown = sheet.columns.filter((column) => column !== '' && !known.has(column));
    for (const column of unknown)
      parsed.errors.push(
        importIssue({ file: file.name, row: 1 }, column, 'import.hsds.unknownColumn', { column, table }),
      );
    if (unknown.length > 0 || errors.length > 0) continue;
    const types = new Map(info.fields.map((field) => [field.name, field.type]));
    const readers = columnReaders(sheet.columns, types, info.required);
    const ids = new Map<string, number>();
    const rows: HsdsRow[] = [];
    sheet.rows.forEach((cells, position) => {
      const rowNumber = position + 2;
      const row = typedRow(parsed, file.name, rowNumber, cells, readers);
      const problems = schemas.validateRow(table, row);
      for (const problem of problems) {
        const field = problem.path === '(object)' ? (/'([^']+)'/.exec(problem.message)?.[1] ?? '') : problem.path;
        const where = { file: file.name, row: rowNumber };
        parsed.errors.push(
          problem.keyedMessage
            ? keyedIssue(where, field, problem.keyedMessage)
            : { ...where, field, message: problem.message },
        );
      }
      const id = typeof row.id === 'string' ? row.id : '';
      const twin = ids.get(id);
      if (id && twin !== undefined)
        parsed.errors.push(
          importIssue({ file: file.name, row: rowNumber }, 'id', 'import.duplicateIdAtRow', { id, row: twin }),
        );
      ids.set(id, rowNumber);
      rows.push(row);
    });
    addCount(parsed, 'rows', rows.length);
    tables[table] = rows;
  }
  if (parsed.errors.length > 0) return;
  if (!tables.service && !tables.organization) {
    parsed.errors.push(importIssue({ file: files[0]?.name ?? '(package)', row: null }, '', 'import.hsds.noMainTable'));
    return;
  }
  const assembled = tablesToHsds(tables);
  parsed.errors.push(...assembled.issues);
  if (parsed.errors.length > 0) return;
  const ctx = hsdsReadContext(parsed, 'services.csv');
  for (const { service, origin } of assembled.services) readHsdsService(ctx, service, origin);
  for (const { organization, origin } of assembled.organizations) readHsdsOrganization(ctx, organization, origin);
}

function readElements(parsed: ParsedImport, files: InputText[]): ParsedImport {
  const sheets: Sheet[] = [];
  for (const file of files) {
    const { sheet, errors } = parseCsv(file.name, file.text);
    parsed.errors.push(...errors);
    sheets.push(sheet);
  }
  const connections = sheets.find((sheet) => sheet.columns.includes('From') && sheet.columns.includes('To')) ?? null;
  const elements = sheets.filter((sheet) => sheet !== connections);
  if (elements.length !== 1) {
    parsed.errors.push(importIssue({ file: files.map((f) => f.name).join(', '), row: null }, '', 'import.sheetCount'));
    return parsed;
  }
  const read = readCoalitionSheets(elements[0]!, connections);
  return {
    ...read,
    errors: [...parsed.errors, ...read.errors],
    counts: { ...read.counts, rows: sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) },
  };
}

/** Reads the files of an import; problems are collected, never thrown (except for a file that cannot be read at all). */
export function parseImportFiles(
  format: TextImportFormat,
  files: InputText[],
  loadSchemas: () => HsdsSchemas,
): ParsedImport {
  const parsed = emptyImport();
  if (format === 'elements-csv') return readElements(parsed, files);
  const schemas = loadSchemas();
  if (format === 'hsds-json') for (const file of files) readHsdsJson(parsed, file, schemas);
  else readHsdsCsv(parsed, files, schemas);
  return parsed;
}
