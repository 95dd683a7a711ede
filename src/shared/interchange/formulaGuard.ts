/**
 * CSV formula injection: a spreadsheet treats a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula, so a record named `=HYPERLINK(...)` could run in a partner's spreadsheet. Such cells are
 * written with a leading apostrophe (the OWASP advice), which spreadsheets show as plain text.
 */

/** The characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** The cell as safe text: prefixed with `'` when it starts with a formula trigger. */
export function neutraliseFormula(cell: string): string {
  return cell.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(cell[0]!) ? `'${cell}` : cell;
}
