/**
 * What a file becomes before anything is written: records and relations (each remembering where in the file it
 * came from), the problems found, and counts. Every importer (HSDS JSON, HSDS CSV, coalition spreadsheets)
 * produces one of these; the merge diff and the apply step read only this.
 */
import type { EdgeType, NodeKind, NodeRecord } from '../domain';
import { issueText } from '../i18n/issueText';
import { englishText, isKnownMessage, messageText, type KeyedMessage, type MessageParam } from '../i18n/keyedMessage';
import { translatorFor, type Translate } from '../i18n/translate';
import type { importsEn } from '../i18n/messages/imports';

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
  /** In English (what the CLI and the report's one-line text say). */
  message: string;
  /** The message as a key and values, for the import wizard to show in the language in use. */
  keyedMessage?: KeyedMessage;
}

/** The key of an import problem's message. */
export type ImportMessageKey = keyof typeof importsEn;

/** A problem whose message the import wizard shows in the language in use (`message` is its English text). */
export function importIssue(
  origin: ImportOrigin,
  field: string,
  key: ImportMessageKey,
  params: Record<string, MessageParam> = {},
): ImportIssue {
  return keyedIssue(origin, field, { key, params });
}

/** A problem told by any keyed message (a relation's end its type does not allow, say). */
export function keyedIssue(origin: ImportOrigin, field: string, keyedMessage: KeyedMessage): ImportIssue {
  return { ...origin, field, message: englishText(keyedMessage), keyedMessage };
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
  counts: Partial<Record<ImportCountKey, number>>;
}

/** An empty import, to fill. */
export function emptyImport(): ParsedImport {
  return { records: [], edges: [], errors: [], warnings: [], counts: {} };
}

/** What an import counts: HSDS objects, a spreadsheet's elements and connections, a CSV package's rows. */
export const IMPORT_COUNT_KEYS = [
  'organizations',
  'services',
  'locations',
  'service_at_locations',
  'phones',
  'schedules',
  'languages',
  'service_areas',
  'attributes',
  'elements',
  'connections',
  'rows',
] as const;
/** One of {@link IMPORT_COUNT_KEYS}. */
export type ImportCountKey = (typeof IMPORT_COUNT_KEYS)[number];

/** Adds n to a count. */
export function addCount(parsed: ParsedImport, key: ImportCountKey, n = 1): void {
  parsed.counts[key] = (parsed.counts[key] ?? 0) + n;
}

const inEnglish = translatorFor('en');

/**
 * An issue's one-line text: `file, row 3, field "Label": must not be empty`, in English unless another language's
 * `translate` is given (the import wizard's).
 */
export function describeImportIssue(issue: ImportIssue, t: Translate = inEnglish): string {
  const where = [
    issue.file,
    issue.row !== null ? t('import.where.row', { row: issue.row }) : issue.pointer ? issue.pointer : null,
    issue.field ? t('import.where.field', { field: issue.field }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${importIssueMessage(issue, t)}`;
}

/** What is wrong, without where: in the language of `t` when the issue's message has a key or is a schema's own. */
export function importIssueMessage(issue: ImportIssue, t: Translate = inEnglish): string {
  return isKnownMessage(issue.keyedMessage) ? messageText(issue.keyedMessage, t) : issueText(issue.message, t);
}
