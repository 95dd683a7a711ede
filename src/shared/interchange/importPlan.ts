/**
 * What a file becomes before anything is written: records and relations (each remembering where in the file it
 * came from), the problems found, and counts. Every importer (HSDS JSON, HSDS CSV, coalition spreadsheets)
 * produces one of these; the merge diff and the apply step read only this.
 */
import type { EdgeType, NodeKind, NodeRecord } from '../domain';

/** Where something came from: the file, the 1-based data row (null for JSON) and the field. */
export interface ImportOrigin {
  file: string;
  row: number | null;
  /** A JSON pointer-like path in a JSON file (e.g. `contents[3]`), or null for CSV. */
  pointer?: string | null;
}

/** One problem with one field of one row of one file. */
export interface ImportIssue extends ImportOrigin {
  field: string;
  message: string;
}

/**
 * A record as a file states it: its id and kind, and only the fields the file carries (so a merge never wipes a
 * field the source format has no place for).
 */
export interface IncomingRecord {
  fields: Partial<NodeRecord> & { id: string; kind: NodeKind; name: string };
  /** The city, for the fuzzy match by name and city. */
  city: string | null;
  /** Whether the id is the source's own invention (no Referral Atlas id in the file), so a name match may replace it. */
  provisionalId: boolean;
  /** Fields used only when the record is new (e.g. a `source` citing the file): they never overwrite a match. */
  defaults: Partial<NodeRecord>;
  origin: ImportOrigin;
}

/** A relation as a file states it. */
export interface IncomingEdge {
  type: EdgeType;
  from: string;
  to: string;
  source: string;
  note: string;
  origin: ImportOrigin;
}

/** Everything read from one import. */
export interface ParsedImport {
  records: IncomingRecord[];
  edges: IncomingEdge[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** What the file holds, by object type (e.g. `services`, `organizations`, `phones`, `rows`). */
  counts: Record<string, number>;
}

/** An empty import, to fill. */
export function emptyImport(): ParsedImport {
  return { records: [], edges: [], errors: [], warnings: [], counts: {} };
}

/** Adds n to a count. */
export function addCount(parsed: ParsedImport, key: string, n = 1): void {
  parsed.counts[key] = (parsed.counts[key] ?? 0) + n;
}

/** An issue's one-line text: `file, row 3, field "Label": must not be empty`. */
export function describeImportIssue(issue: ImportIssue): string {
  const where = [
    issue.file,
    issue.row !== null ? `row ${issue.row}` : issue.pointer ? issue.pointer : null,
    issue.field ? `field "${issue.field}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.message}`;
}
