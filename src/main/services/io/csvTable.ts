/** CSV in and out through papaparse: RFC 4180 quoting, embedded newlines, and row numbers in every error. */
import Papa from 'papaparse';
import type { ImportIssue } from '../../../shared/interchange/importPlan';
import type { Sheet } from '../../../shared/interchange/coalitionSpreadsheet';

/** A parsed CSV file and the problems papaparse found (rows counted from 1, the header being row 1). */
export function parseCsv(file: string, text: string): { sheet: Sheet; errors: ImportIssue[] } {
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  const errors: ImportIssue[] = [];
  const columns = result.meta.fields ?? [];
  for (const error of result.errors) {
    // papaparse's row is the 0-based data row; the file row is two more (1-based, after the header).
    const row = typeof error.row === 'number' ? error.row + 2 : null;
    errors.push({ file, row, field: '', message: `malformed CSV: ${error.message}` });
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') errors.push({ file, row: 1, field: '(empty)', message: 'a column has no name' });
    else if (seen.has(column))
      errors.push({ file, row: 1, field: column, message: `the column "${column}" appears twice` });
    seen.add(column);
  }
  if (columns.length === 0) errors.push({ file, row: 1, field: '', message: 'the file has no header row' });
  return { sheet: { file, columns, rows: result.data }, errors };
}

/** CSV text of rows (the first being the header), quoted where needed, lines ending CRLF as RFC 4180 says. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse(rows as string[][], { newline: '\r\n' })}\r\n`;
}
