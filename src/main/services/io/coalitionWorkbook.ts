/**
 * Coalition spreadsheets as one XLSX workbook (`elements-xlsx`): an Elements sheet and a Connections sheet holding
 * the same rows as elements.csv and connections.csv. Writing reuses the CSV export's rows (one table of columns,
 * cells already neutralised against formula injection); reading turns each sheet into the {@link Sheet} the CSV
 * reader makes, so one synchronous reader ({@link readCoalitionSheets}) checks and maps both forms.
 *
 * Reading a workbook is asynchronous (it is a zip), so the io service reads the workbooks first
 * ({@link readWorkbookSheets}) and then parses the sheets ({@link parseCoalitionWorkbooks}); the text formats keep
 * their synchronous path.
 */
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import {
  CONNECTION_COLUMNS,
  readCoalitionSheets,
  type CoalitionSheetRows,
  type Sheet,
} from '../../../shared/interchange/coalitionSpreadsheet';
import { emptyImport, importIssue, type ImportIssue, type ParsedImport } from '../../../shared/interchange/importPlan';
import type { InputBytes } from './readInputFile';

/** The MIME type of an XLSX workbook. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The names of the two sheets an export writes (a reader finds them by their columns, not by these names). */
export const ELEMENTS_SHEET = 'Elements';
export const CONNECTIONS_SHEET = 'Connections';

/** The workbook of an export: the rows of {@link coalitionSheetRows}, the header rows bold. */
export async function coalitionWorkbook(sheets: CoalitionSheetRows): Promise<Uint8Array> {
  const withBoldHeader = (rows: string[][]) =>
    rows.map((row, i) => (i === 0 ? row.map((value) => ({ value, fontWeight: 'bold' as const })) : row));
  const buffer = await writeXlsxFile([
    { sheet: ELEMENTS_SHEET, data: withBoldHeader(sheets.elements) },
    { sheet: CONNECTIONS_SHEET, data: withBoldHeader(sheets.connections) },
  ]).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * A cell of a workbook as the text the reader expects: a number without binary float noise (0.1 + 0.2 is "0.3",
 * not "0.30000000000000004"; 15 significant digits is what a spreadsheet shows), a date as YYYY-MM-DD (a
 * spreadsheet stores a date without a time zone; read-excel-file gives it as UTC midnight), a boolean as
 * true/false, an empty cell as ''.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** A sheet of a workbook as read: its name, the name shown in messages, and its rows of cell texts. */
export interface WorkbookSheet {
  /** The file and the sheet, as messages name them: `network.xlsx, sheet Elements`. */
  label: string;
  rows: string[][];
}

/** What reading one workbook gave: its sheets, or the problem that it is not a workbook. */
export interface ReadWorkbook {
  file: string;
  sheets: WorkbookSheet[];
  errors: ImportIssue[];
}

/**
 * How many bytes a workbook may unpack to. A workbook is a zip: the import size limit holds the file, not what it
 * inflates to, and a few compressed megabytes can claim gigabytes. Sheet XML is a few times the size of the same
 * rows as CSV, so this allows a workbook of any sheet a CSV import under the limit could hold.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 320 * 1024 * 1024;

/**
 * The sizes the zip's directory declares for its entries, summed without inflating anything; null when the file is
 * not a zip at all (reading it then says so).
 */
function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}

/** A workbook read no further: no sheets, one problem naming the file. */
function refused(file: InputBytes, detail: string): ReadWorkbook {
  return {
    file: file.name,
    sheets: [],
    errors: [importIssue({ file: file.name, row: null }, '', 'import.notWorkbook', { detail })],
  };
}

/** Reads a workbook into sheets of cell texts; a file that is not an XLSX workbook becomes an error, not a throw. */
export async function readWorkbookSheets(
  file: InputBytes,
  maxUnpackedBytes = MAX_WORKBOOK_UNPACKED_BYTES,
): Promise<ReadWorkbook> {
  const unpacked = declaredUnpackedBytes(file.bytes);
  if (unpacked !== null && unpacked > maxUnpackedBytes) {
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
    return refused(
      file,
      `the workbook unpacks to ${mb(unpacked)}, more than the ${mb(maxUnpackedBytes)} an import reads; split it or import it as CSV`,
    );
  }
  try {
    // trim: false, as CSV is read: the reader trims spaces itself, after which the formula guard's apostrophe
    // (which may protect a leading tab) comes off.
    const sheets = await readXlsxFile(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), {
      trim: false,
    });
    return {
      file: file.name,
      sheets: sheets.map((sheet) => ({
        label: `${file.name}, sheet ${sheet.sheet}`,
        rows: sheet.data.map((row) => row.map(cellText)),
      })),
      errors: [],
    };
  } catch (error) {
    return refused(file, (error as Error).message);
  }
}

/**
 * A workbook sheet as the {@link Sheet} the coalition reader takes, the header being the sheet's row 1 (so the
 * reader's row numbers are the sheet's). A row left empty between data rows stays (the reader reports it at its
 * row) rather than being dropped, which would shift every later row number. Columns with neither a name nor a
 * value are a spreadsheet's formatting and are ignored.
 */
function toSheet(sheet: WorkbookSheet, errors: ImportIssue[]): Sheet | null {
  const [header = [], ...data] = sheet.rows;
  const width = data.reduce((widest, row) => Math.max(widest, row.length), header.length);
  const used: number[] = [];
  for (let i = 0; i < width; i++) {
    const name = (header[i] ?? '').trim();
    if (name || data.some((row) => (row[i] ?? '').trim() !== '')) used.push(i);
  }
  if (used.length === 0) return null;
  const columns = used.map((i) => (header[i] ?? '').trim());
  const seen = new Set<string>();
  used.forEach((i, k) => {
    const column = columns[k]!;
    const cell = `column ${columnLetter(i)}`;
    const header = { file: sheet.label, row: 1 };
    if (column === '') errors.push(importIssue(header, cell, 'import.columnUnnamed'));
    else if (seen.has(column)) errors.push(importIssue(header, column, 'import.columnTwice', { column }));
    seen.add(column);
  });
  const rows = data.map((cells) => {
    const row: Record<string, string> = {};
    used.forEach((i, k) => {
      if (columns[k]) row[columns[k]!] = cells[i] ?? '';
    });
    return row;
  });
  return { file: sheet.label, columns, rows };
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const hasColumns = (sheet: Sheet, names: readonly string[]) => names.every((name) => sheet.columns.includes(name));

/**
 * Reads coalition workbooks into an import: the elements sheet is the one with Label and Type columns, the
 * connections sheet the one with From and To (the CSV reader's rule for files); other sheets are ignored with a
 * warning. Exactly one elements sheet and at most one connections sheet, over all the workbooks given.
 */
export function parseCoalitionWorkbooks(workbooks: readonly ReadWorkbook[]): ParsedImport {
  const parsed = emptyImport();
  for (const workbook of workbooks) parsed.errors.push(...workbook.errors);
  if (parsed.errors.length > 0) return parsed;
  const sheets: Sheet[] = [];
  for (const sheet of workbooks.flatMap((workbook) => workbook.sheets)) {
    const read = toSheet(sheet, parsed.errors);
    if (read) sheets.push(read);
  }
  const connectionSheets = sheets.filter((sheet) => hasColumns(sheet, ['From', 'To']));
  const elementSheets = sheets.filter(
    (sheet) => !connectionSheets.includes(sheet) && hasColumns(sheet, ['Label', 'Type']),
  );
  const files = workbooks.map((workbook) => workbook.file).join(', ');
  for (const sheet of sheets) {
    if (!connectionSheets.includes(sheet) && !elementSheets.includes(sheet))
      parsed.warnings.push(importIssue({ file: sheet.file, row: null }, '', 'import.sheetNotRead'));
  }
  if (elementSheets.length !== 1 || connectionSheets.length > 1) {
    const names = sheets.map((sheet) => `${sheet.file} (${sheet.columns.slice(0, 6).join(', ') || 'empty'})`);
    const where = { file: files, row: null };
    parsed.errors.push(
      elementSheets.length === 0
        ? names.length === 0
          ? importIssue(where, '', 'import.noSheetWithData')
          : importIssue(where, '', 'import.noElementsSheet', { sheets: names.join('; ') })
        : importIssue(where, '', 'import.workbookSheetCount', {
            columns: CONNECTION_COLUMNS.slice(0, 3).join(', '),
            elements: elementSheets.length,
            connections: connectionSheets.length,
            sheets: [...elementSheets, ...connectionSheets].map((sheet) => sheet.file).join('; '),
          }),
    );
  }
  if (parsed.errors.length > 0) return parsed;
  const read = readCoalitionSheets(elementSheets[0]!, connectionSheets[0] ?? null);
  return {
    ...read,
    warnings: [...parsed.warnings, ...read.warnings],
    counts: { ...read.counts, rows: sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) },
  };
}
