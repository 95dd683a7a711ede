/**
 * Coalition spreadsheets, the convention network-mapping tools (Kumu and the like) use: an elements sheet (one row
 * per organisation or service) and a connections sheet (one row per relation). `|` separates several values in
 * one cell; the ID column keeps a re-import from creating duplicates. An empty cell says nothing (it never clears
 * a field of an existing record).
 */
import { ACTOR_TYPES, EDGE_TYPE_RULES, EDGE_TYPES, type EdgeType } from '../domain';
import { addCount, emptyImport, type ImportOrigin, type ParsedImport } from './importPlan';

/** The columns of an elements sheet: `Label` and `Type` are required. */
export const ELEMENT_COLUMNS = [
  'ID',
  'Label',
  'Type',
  'Description',
  'Tags',
  'Aliases',
  'Regions',
  'Languages',
  'Phones',
  'Email',
  'Website',
  'Street',
  'City',
  'State',
  'Postal Code',
  'Country',
  'Source',
  'Verified',
] as const;
/** The columns of a connections sheet: `From`, `To` and `Type` are required. */
export const CONNECTION_COLUMNS = ['From', 'To', 'Type', 'Note', 'Source'] as const;

/** A sheet as parsed: its header row and its data rows (cells by column name). */
export interface Sheet {
  file: string;
  columns: string[];
  rows: Record<string, string>[];
}

const split = (cell: string): string[] =>
  cell
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
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
      parsed.errors.push({
        file: sheet.file,
        row: 1,
        field: column,
        message: `unknown column "${column}"; the columns are ${known.join(', ')}`,
      });
      ok = false;
    }
  }
  for (const column of required) {
    if (!sheet.columns.includes(column)) {
      parsed.errors.push({
        file: sheet.file,
        row: 1,
        field: column,
        message: `the required column "${column}" is missing`,
      });
      ok = false;
    }
  }
  return ok;
}

/** Reads an elements sheet and, optionally, a connections sheet into an import. Rows count from 2 (row 1 is the header). */
export function readCoalitionSheets(elements: Sheet, connections: Sheet | null): ParsedImport {
  const parsed = emptyImport();
  const source = `Coalition spreadsheet ${elements.file}`;
  const idsByLabel = new Map<string, string>();
  if (checkColumns(parsed, elements, ELEMENT_COLUMNS, ['Label', 'Type'])) {
    elements.rows.forEach((cells, position) => {
      const origin: ImportOrigin = { file: elements.file, row: position + 2 };
      const fail = (field: string, message: string) => parsed.errors.push({ ...origin, field, message });
      addCount(parsed, 'elements');
      const label = (cells.Label ?? '').trim();
      const type = code(cells.Type ?? '');
      if (!label) return fail('Label', 'must not be empty');
      const isService = type === 'service';
      if (!isService && !(ACTOR_TYPES as readonly string[]).includes(type)) {
        return fail(
          'Type',
          `"${cells.Type ?? ''}" is not a type of element; use "service" or one of ${ACTOR_TYPES.join(', ')}`,
        );
      }
      const kind = isService ? 'service' : 'actor';
      const givenId = (cells.ID ?? '').trim();
      const id = givenId || `${kind}:${slugify(label)}`;
      const fields: Record<string, unknown> = { id, kind, name: label };
      if (!isService) fields.actorType = type;
      const text = (column: string, field: string) => {
        const value = (cells[column] ?? '').trim();
        if (value) fields[field] = value;
      };
      const list = (column: string, field: string, map: (v: string) => unknown = (v) => v) => {
        const values = split(cells[column] ?? '');
        if (values.length > 0) fields[field] = values.map(map);
      };
      text('Description', 'description');
      text('Email', 'email');
      text('Website', 'url');
      text('Source', 'source');
      text('Verified', 'verifiedAt');
      list('Tags', 'tags');
      list('Aliases', 'aliases');
      list('Regions', 'regions');
      list('Languages', 'languages', (v) => v.toLowerCase());
      list('Phones', 'phones', (number) => ({ number }));
      const address: Record<string, string> = {};
      for (const [column, field] of [
        ['Street', 'street'],
        ['City', 'city'],
        ['State', 'region'],
        ['Postal Code', 'postalCode'],
        ['Country', 'country'],
      ] as const) {
        const value = (cells[column] ?? '').trim();
        if (value) address[field] = value;
      }
      if (Object.keys(address).length > 0) fields.address = address;
      const key = label.toLowerCase();
      if (!idsByLabel.has(key)) idsByLabel.set(key, id);
      parsed.records.push({
        fields: fields as ParsedImport['records'][number]['fields'],
        city: address.city ?? null,
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
        const value = (cells[column] ?? '').trim();
        if (!value) {
          parsed.errors.push({ ...origin, field: column, message: 'must not be empty' });
          return null;
        }
        return idsByLabel.get(value.toLowerCase()) ?? value;
      };
      const from = end('From');
      const to = end('To');
      const type = code(cells.Type ?? '');
      const knownType = (EDGE_TYPES as readonly string[]).includes(type)
        ? (type as EdgeType)
        : (EDGE_TYPES.find((candidate) => code(EDGE_TYPE_RULES[candidate].phrase) === type) ?? null);
      if (!knownType) {
        parsed.errors.push({
          ...origin,
          field: 'Type',
          message: `"${cells.Type ?? ''}" is not a type of connection; use one of ${EDGE_TYPES.join(', ')}`,
        });
        return;
      }
      if (!from || !to) return;
      parsed.edges.push({
        type: knownType,
        from,
        to,
        source: (cells.Source ?? '').trim() || `Coalition spreadsheet ${connections.file}`,
        note: (cells.Note ?? '').trim(),
        origin,
      });
    });
  }
  return parsed;
}
