/** CSV in and out through papaparse: RFC 4180 quoting, embedded newlines, and row numbers in every error. */
import Papa from 'papaparse';
import { importIssue, type ImportIssue } from '../../../shared/interchange/importPlan';
import type { Sheet } from '../../../shared/interchange/coalitionSpreadsheet';

/** A parsed CSV file as cell arrays: the header's column names and each data row's cells in column order. */
export interface CsvCells {
  file: string;
  columns: string[];
  /** Data rows; row i is file row i + 2 (1-based, after the header). Every row has one cell per column. */
  rows: string[][];
}

/**
 * Parses CSV text into cell arrays and reports what papaparse found wrong, rows counted from 1 (the header). Rows
 * are parsed without papaparse's header mode: a 100k-service package has millions of cells, and turning each row
 * into an object is the caller's choice (see {@link parseCsv}), not a cost every reader pays.
 */
export function parseCsvCells(file: string, text: string): { cells: CsvCells; errors: ImportIssue[] } {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const errors: ImportIssue[] = [];
  for (const error of result.errors) {
    // papaparse's row is the 0-based row of the file here (the header included); the file row is one more.
    const row = typeof error.row === 'number' ? error.row + 1 : null;
    errors.push(importIssue({ file, row }, '', 'import.malformedCsv', { detail: error.message }));
  }
  const [header = [], ...rows] = result.data;
  const columns = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') errors.push(importIssue({ file, row: 1 }, '(empty)', 'import.columnUnnamed'));
    else if (seen.has(column)) errors.push(importIssue({ file, row: 1 }, column, 'import.columnTwice', { column }));
    seen.add(column);
  }
  if (columns.length === 0) errors.push(importIssue({ file, row: 1 }, '', 'import.noHeader'));
  else {
    rows.forEach((cells, i) => {
      if (cells.length === columns.length) return;
      const few = cells.length < columns.length;
      errors.push(
        importIssue(
          { file, row: i + 2 },
          few ? (columns[cells.length] ?? '') : '',
          few ? 'import.rowTooFew' : 'import.rowTooMany',
          { cells: cells.length, columns: columns.length },
        ),
      );
    });
  }
  return { cells: { file, columns, rows }, errors };
}

/** A parsed CSV file with each row as an object by column name (rows counted from 1, the header being row 1). */
export function parseCsv(file: string, text: string): { sheet: Sheet; errors: ImportIssue[] } {
  const { cells, errors } = parseCsvCells(file, text);
  const rows = cells.rows.map((row) => {
    const record: Record<string, string> = {};
    cells.columns.forEach((column, i) => {
      if (i < row.length) record[column] = row[i]!;
    });
    return record;
  });
  return { sheet: { file, columns: cells.columns, rows }, errors };
}

/** CSV text of rows (the first being the header), quoted where needed, lines ending CRLF as RFC 4180 says. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse(rows as string[][], { newline: '\r\n' })}\r\n`;
}
