/**
 * Coalition spreadsheets, the convention network-mapping tools (Kumu and the like) use: an elements sheet (one row
 * per organisation or service) and a connections sheet (one row per relation). `|` separates several values in
 * one cell (`\|` is a `|` inside a value, `\\` a backslash); the ID column keeps a re-import from creating
 * duplicates. An empty cell says nothing (it never clears a field of an existing record).
 *
 * Reading and writing share one table of columns ({@link ELEMENT_COLUMN_SPECS}), so every column the reader
 * understands is written in the format it parses, and an export re-imported into the database it came from
 * changes nothing. Written cells are neutralised against formula injection (a leading `'`, see formulaGuard.ts);
 * the reader takes that apostrophe off again.
 */
import {
  ACTOR_TYPES,
  EDGE_TYPE_RULES,
  EDGE_TYPES,
  edgeId,
  isProvider,
  type ConfidentialField,
  type EdgeRecord,
  type EdgeType,
  type Phone,
  type ProviderRecord,
} from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { redactForAudience, type Audience } from '../hsds/audience';
import { FORMULA_TRIGGERS, neutraliseFormula } from './formulaGuard';
import { addCount, emptyImport, importIssue, type ImportOrigin, type ParsedImport } from './importPlan';

/** The fields a row of an elements sheet gives a record, and the address parts gathered on the way. */
interface RowFields {
  fields: Record<string, unknown>;
  address: Record<string, string>;
}

/** One column of an elements sheet: how a record is written into it and how a (non-empty) cell is read back. */
interface ElementColumnSpec {
  name: string;
  /** The cell for a record, before formula neutralisation. */
  write: (record: ProviderRecord) => string;
  /** Reads a trimmed, non-empty cell. ID, Label and Type have none: the reader checks them itself. */
  read?: (cell: string, row: RowFields) => void;
}

const SEPARATOR = '|';

/** A value made safe to join with `|`: a backslash and a `|` inside it are escaped with a backslash. */
function escapeValue(value: string): string {
  return value.replace(/[\\|]/g, (char) => `\\${char}`);
}

/** The values of a multi-valued cell: split at each unescaped `|`, unescaped, spaces trimmed, empty ones dropped. */
export function splitValues(cell: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    const next = cell[i + 1];
    // Only `\|` and `\\` are escapes: a lone backslash (a sheet written by hand, `C:\files`) stays as it is.
    if (char === '\\' && (next === '\\' || next === SEPARATOR)) {
      current += next;
      i++;
    } else if (char === SEPARATOR) {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  // Spaces around `|` are a person's typing ("a | b"); a tab or carriage return is part of a value (and was
  // protected by the formula guard on the way out), so only spaces are trimmed.
  return values.map((value) => value.replace(/^ +| +$/g, '')).filter(Boolean);
}

/** Several values as one cell, each escaped so that {@link splitValues} gives them back. */
export function joinValues(values: readonly string[]): string {
  return values.map(escapeValue).join(SEPARATOR);
}

const GUARDED = new RegExp(`^'+[${FORMULA_TRIGGERS.map((c) => (c === '-' ? '\\-' : c)).join('')}]`);

/**
 * A cell as written: neutralised against formula injection by the shared guard. A value that already starts with
 * apostrophes before a trigger (`'=x`) gets one more, so that {@link unguardCell} gives every value back exactly.
 */
export function guardCell(value: string): string {
  return GUARDED.test(value) ? `'${value}` : neutraliseFormula(value);
}

/** A cell as read: the apostrophe {@link guardCell} (or a person in a spreadsheet) put before a trigger taken off. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/**
 * A phone as one value: `label: number`, or the number alone. A number may not hold a `:` (see phoneSchema), so
 * the last `:` always ends the label, and a label may hold one.
 */
function writePhone(phone: Phone): string {
  return phone.label ? `${phone.label}: ${phone.number}` : phone.number;
}
function readPhone(value: string): Phone {
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { number: value };
  const label = value.slice(0, colon).trim();
  const number = value.slice(colon + 1).trim();
  return label ? { number, label } : { number };
}

const text = (name: string, field: 'description' | 'email' | 'url' | 'source' | 'verifiedAt'): ElementColumnSpec => ({
  name,
  write: (record) => record[field] ?? '',
  read: (cell, row) => {
    row.fields[field] = cell;
  },
});
const list = <T>(
  name: string,
  field: string,
  values: (record: ProviderRecord) => readonly T[],
  toText: (value: T) => string,
  fromText: (value: string) => T,
): ElementColumnSpec => ({
  name,
  write: (record) => joinValues(values(record).map(toText)),
  read: (cell, row) => {
    const parts = splitValues(cell);
    if (parts.length > 0) row.fields[field] = parts.map(fromText);
  },
});
const same = (value: string) => value;
const addressPart = (
  name: string,
  part: 'street' | 'city' | 'region' | 'postalCode' | 'country',
): ElementColumnSpec => ({
  name,
  write: (record) => record.address?.[part] ?? '',
  read: (cell, row) => {
    row.address[part] = cell;
  },
});

/** The columns of an elements sheet, in the order an export writes them; `Label` and `Type` are required. */
export const ELEMENT_COLUMN_SPECS: readonly ElementColumnSpec[] = [
  { name: 'ID', write: (record) => record.id },
  { name: 'Label', write: (record) => record.name },
  { name: 'Type', write: (record) => (record.kind === 'service' ? 'service' : record.actorType) },
  text('Description', 'description'),
  list('Tags', 'tags', (r) => r.tags, same, same),
  list('Aliases', 'aliases', (r) => r.aliases, same, same),
  list('Regions', 'regions', (r) => r.regions, same, same),
  list(
    'Languages',
    'languages',
    (r) => r.languages,
    same,
    (v) => v.toLowerCase(),
  ),
  list('Phones', 'phones', (r) => r.phones, writePhone, readPhone),
  text('Email', 'email'),
  text('Website', 'url'),
  addressPart('Street', 'street'),
  addressPart('City', 'city'),
  addressPart('State', 'region'),
  addressPart('Postal Code', 'postalCode'),
  addressPart('Country', 'country'),
  text('Source', 'source'),
  text('Verified', 'verifiedAt'),
  // Which contact fields are secret. Without it, a partners' sheet imported elsewhere would lose the marks, and a
  // public directory exported from there would print a shelter's street.
  list(
    'Confidential',
    'confidential',
    (r) => r.confidential,
    same,
    (v) => v as ConfidentialField,
  ),
];
/** The columns of an elements sheet. */
export const ELEMENT_COLUMNS: readonly string[] = ELEMENT_COLUMN_SPECS.map((column) => column.name);
/** The columns of a connections sheet: `From`, `To` and `Type` are required. */
export const CONNECTION_COLUMNS = ['From', 'To', 'Type', 'Note', 'Source'] as const;
/** How an export fills each column of a connections sheet (ends by record id, the type by its code). */
const CONNECTION_CELLS: Record<(typeof CONNECTION_COLUMNS)[number], (edge: EdgeRecord) => string> = {
  From: (edge) => edge.from,
  To: (edge) => edge.to,
  Type: (edge) => edge.type,
  Note: (edge) => edge.note,
  Source: (edge) => edge.source,
};

/** A sheet as parsed: its header row and its data rows (cells by column name). */
export interface Sheet {
  file: string;
  columns: string[];
  rows: Record<string, string>[];
}

const code = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A slug for an id made from a label: lower case ASCII, words joined by `-`. */
export function slugify(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

function checkColumns(
  parsed: ParsedImport,
  sheet: Sheet,
  known: readonly string[],
  required: readonly string[],
): boolean {
  let ok = true;
  for (const column of sheet.columns) {
    if (!known.includes(column)) {
      parsed.errors.push(
        importIssue({ file: sheet.file, row: 1 }, column, 'import.unknownColumn', { column, known: known.join(', ') }),
      );
      ok = false;
    }
  }
  for (const column of required) {
    if (!sheet.columns.includes(column)) {
      parsed.errors.push(importIssue({ file: sheet.file, row: 1 }, column, 'import.missingColumn', { column }));
      ok = false;
    }
  }
  return ok;
}

/**
 * A row's cell by column name, spaces trimmed, then the formula guard's apostrophe taken off (in that order, so a
 * value the guard protected, such as one starting with a tab, comes back whole).
 */
const cellOf = (cells: Record<string, string>, column: string): string => unguardCell((cells[column] ?? '').trim());

/** Reads an elements sheet and, optionally, a connections sheet into an import. Rows count from 2 (row 1 is the header). */
export function readCoalitionSheets(elements: Sheet, connections: Sheet | null): ParsedImport {
  const parsed = emptyImport();
  const source = `Coalition spreadsheet ${elements.file}`;
  const idsByLabel = new Map<string, string>();
  const givenIds = new Set<string>();
  if (checkColumns(parsed, elements, ELEMENT_COLUMNS, ['Label', 'Type'])) {
    elements.rows.forEach((cells, position) => {
      const origin: ImportOrigin = { file: elements.file, row: position + 2 };
      const fail = (field: string, message: string) => parsed.errors.push({ ...origin, field, message });
      addCount(parsed, 'elements');
      const label = cellOf(cells, 'Label');
      const typeCell = cellOf(cells, 'Type');
      const type = code(typeCell);
      if (!label) return fail('Label', 'must not be empty');
      const isService = type === 'service';
      if (!isService && !(ACTOR_TYPES as readonly string[]).includes(type)) {
        return parsed.errors.push(
          importIssue(origin, 'Type', 'import.notElementType', { value: typeCell, types: ACTOR_TYPES.join(', ') }),
        );
      }
      const kind = isService ? 'service' : 'actor';
      const givenId = cellOf(cells, 'ID');
      const id = givenId || `${kind}:${slugify(label)}`;
      const row: RowFields = { fields: { id, kind, name: label }, address: {} };
      if (!isService) row.fields.actorType = type;
      for (const column of ELEMENT_COLUMN_SPECS) {
        const value = column.read ? cellOf(cells, column.name) : '';
        if (value) column.read!(value, row);
      }
      if (Object.keys(row.address).length > 0) row.fields.address = row.address;
      const key = label.toLowerCase();
      if (!idsByLabel.has(key)) idsByLabel.set(key, id);
      if (givenId) givenIds.add(givenId);
      parsed.records.push({
        fields: row.fields as ParsedImport['records'][number]['fields'],
        city: row.address.city ?? null,
        provisionalId: !givenId,
        defaults: { source } as ParsedImport['records'][number]['defaults'],
        origin,
      });
    });
  }
  if (connections && checkColumns(parsed, connections, CONNECTION_COLUMNS, ['From', 'To', 'Type'])) {
    connections.rows.forEach((cells, position) => {
      const origin: ImportOrigin = { file: connections.file, row: position + 2 };
      addCount(parsed, 'connections');
      const end = (column: 'From' | 'To'): string | null => {
        const value = cellOf(cells, column);
        if (!value) {
          parsed.errors.push({ ...origin, field: column, message: 'must not be empty' });
          return null;
        }
        // An ID of the sheet wins over a label that happens to read the same.
        if (givenIds.has(value)) return value;
        return idsByLabel.get(value.toLowerCase()) ?? value;
      };
      const from = end('From');
      const to = end('To');
      const typeCell = cellOf(cells, 'Type');
      const type = code(typeCell);
      const knownType = (EDGE_TYPES as readonly string[]).includes(type)
        ? (type as EdgeType)
        : (EDGE_TYPES.find((candidate) => code(EDGE_TYPE_RULES[candidate].phrase) === type) ?? null);
      if (!knownType) {
        parsed.errors.push(
          importIssue(origin, 'Type', 'import.notConnectionType', { value: typeCell, types: EDGE_TYPES.join(', ') }),
        );
        return;
      }
      if (!from || !to) return;
      parsed.edges.push({
        type: knownType,
        from,
        to,
        source: cellOf(cells, 'Source') || `Coalition spreadsheet ${connections.file}`,
        note: cellOf(cells, 'Note'),
        origin,
      });
    });
  }
  return parsed;
}

/** The two sheets of an export as rows of cells, header first, every cell neutralised against formula injection. */
export interface CoalitionSheetRows {
  elements: string[][];
  connections: string[][];
}

/**
 * A provider as the audience may see it. A service also hides what its offering actors hide (the same rule as the
 * directory and HSDS exports): a shelter's secret street is secret on each of its services too.
 */
function forAudience(index: GraphIndex, record: ProviderRecord, audience: Audience): ProviderRecord {
  if (record.kind === 'actor') return redactForAudience(record, audience);
  const inherited = index.inEdges(record.id, 'offers').flatMap((edge) => {
    const actor = index.node(edge.from);
    return actor?.kind === 'actor' ? actor.confidential : [];
  });
  return redactForAudience(record, audience, inherited);
}

/**
 * The coalition sheets of some providers (actors and services): an elements row per provider, redacted for the
 * audience, and a connections row per relation of theirs whose other end is either in the sheet too or a record
 * a sheet has no row for (a need, statute or recommendation: the shipped knowledge base every database holds).
 * A relation to a provider left out of the sheet is left out, since the database it goes to may not know it.
 */
export function coalitionSheetRows(
  index: GraphIndex,
  providers: readonly ProviderRecord[],
  audience: Audience,
): CoalitionSheetRows {
  const sorted = [...providers].sort((a, b) => a.id.localeCompare(b.id));
  const inSheet = new Set(sorted.map((record) => record.id));
  const elements = [
    [...ELEMENT_COLUMNS],
    ...sorted.map((record) => {
      const visible = forAudience(index, record, audience);
      return ELEMENT_COLUMN_SPECS.map((column) => guardCell(column.write(visible)));
    }),
  ];
  const carried = (id: string): boolean => {
    if (inSheet.has(id)) return true;
    const node = index.node(id);
    return !!node && !isProvider(node);
  };
  const edges = new Map<string, EdgeRecord>();
  for (const record of sorted) {
    for (const edge of index.edgesOf(record.id)) {
      if (carried(edge.from) && carried(edge.to)) edges.set(edgeId(edge), edge);
    }
  }
  const connections = [
    [...CONNECTION_COLUMNS],
    ...[...edges.values()]
      .sort((a, b) => a.from.localeCompare(b.from) || a.type.localeCompare(b.type) || a.to.localeCompare(b.to))
      .map((edge) => CONNECTION_COLUMNS.map((column) => guardCell(CONNECTION_CELLS[column](edge)))),
  ];
  return { elements, connections };
}
