import { describe, expect, it } from 'vitest';
import { actorSchema, needSchema, serviceSchema, type NodeRecord, type ProviderRecord } from '../domain';
import { GraphIndex } from '../graph/graphIndex';
import {
  CONNECTION_COLUMNS,
  ELEMENT_COLUMNS,
  coalitionSheetRows,
  guardCell,
  joinValues,
  readCoalitionSheets,
  splitValues,
  unguardCell,
  type Sheet,
} from './coalitionSpreadsheet';
import { FORMULA_TRIGGERS } from './formulaGuard';
import { SHEET_CARRIED_FIELDS } from '../../../tests/support/coalitionSheetFields';

const shelter = actorSchema.parse({
  id: 'actor:casa',
  kind: 'actor',
  actorType: 'shelter',
  name: 'Casa Tres Lunas',
  description: '- beds for women\n- intake by phone',
  tags: ['women', 'a|b', 'back\\slash'],
  aliases: ['Casa 3L'],
  regions: ['US-CA/Los Angeles County'],
  languages: ['en', 'es'],
  phones: [{ number: '+1 (323) 555-0100', label: 'Intake: 24 h | night' }, { number: '323 555 0101' }],
  email: 'intake@casa.example.org',
  url: 'https://casa.example.org',
  address: { street: '12 Hidden Lane', city: 'El Monte', region: 'CA', postalCode: '91731', country: 'US' },
  source: 'test',
  verifiedAt: '2026-06-01',
  confidential: ['address.street', 'phones'],
});
const beds = serviceSchema.parse({
  id: 'service:casa-beds',
  kind: 'service',
  name: '=HYPERLINK("http://evil.example","beds")',
  phones: [{ number: '(323) 555-0102' }],
  source: 'test',
});
const outsider = actorSchema.parse({ id: 'actor:outsider', kind: 'actor', actorType: 'ngo', name: 'Out', source: 't' });
const shelterNeed = needSchema.parse({
  id: 'need:shelter',
  kind: 'need',
  code: 'shelter',
  name: 'Shelter',
  nameEs: 'Albergue',
  source: 'test',
});

function graph(...nodes: NodeRecord[]): GraphIndex {
  const index = new GraphIndex();
  for (const node of nodes) index.putNode(node);
  return index;
}
const sampleGraph = () => {
  const index = graph(shelter, beds, outsider, shelterNeed);
  index.putEdge({ type: 'offers', from: shelter.id, to: beds.id, source: 'test', note: '+ since 2024' });
  index.putEdge({ type: 'meets', from: beds.id, to: shelterNeed.id, source: 'test', note: '' });
  index.putEdge({ type: 'partners_with', from: shelter.id, to: outsider.id, source: 'test', note: '' });
  return index;
};

/** Rows of cells as the reader's sheets (what csvTable.parseCsv makes of the CSV text). */
function asSheet(file: string, rows: string[][]): Sheet {
  const [columns = [], ...data] = rows;
  return {
    file,
    columns,
    rows: data.map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']))),
  };
}

const CARRIED = SHEET_CARRIED_FIELDS;
/** The fields of a record an elements row carries, leaving out those it does not set (null). */
const carried = (record: ProviderRecord) =>
  Object.fromEntries(
    CARRIED.map((key) => [key, (record as Record<string, unknown>)[key]]).filter(
      ([, value]) => value !== undefined && value !== null,
    ),
  );

describe('splitValues and joinValues', () => {
  it.each([
    [['a', 'b']],
    [['a|b', 'c']],
    [['ends with \\', 'x']],
    [['\\|', '|\\']],
    [['one']],
    [['\tstarts with a tab', 'x']],
  ])('gives back %j', (values) => {
    expect(splitValues(joinValues(values))).toEqual(values);
  });

  it('keeps a lone backslash of a sheet written by hand', () => {
    expect(splitValues('C:\\files|b')).toEqual(['C:\\files', 'b']);
  });

  it('trims the spaces a person types around "|"', () => {
    expect(splitValues(' a | b |  ')).toEqual(['a', 'b']);
  });
});

describe('guardCell and unguardCell', () => {
  it.each(FORMULA_TRIGGERS.map((trigger) => [trigger]))(
    'neutralise and restore a value starting with %j',
    (trigger) => {
      const value = `${trigger}cmd|x`;
      expect(guardCell(value)).toBe(`'${value}`);
      expect(unguardCell(guardCell(value))).toBe(value);
    },
  );

  it.each(["'=already quoted", "''+twice", 'plain', "'plain", ''])('give back %j exactly', (value) => {
    expect(unguardCell(guardCell(value))).toBe(value);
  });
});

describe('coalitionSheetRows', () => {
  it('writes a row per provider under the reader’s columns, and the reader gives back every carried field', () => {
    const index = sampleGraph();
    const rows = coalitionSheetRows(index, [shelter, beds], 'partners');
    expect(rows.elements[0]).toEqual([...ELEMENT_COLUMNS]);
    expect(rows.connections[0]).toEqual([...CONNECTION_COLUMNS]);
    const parsed = readCoalitionSheets(
      asSheet('elements.csv', rows.elements),
      asSheet('connections.csv', rows.connections),
    );
    expect(parsed.errors).toEqual([]);
    const read = new Map(parsed.records.map((record) => [record.fields.id, record.fields]));
    // Fields left at their empty defaults ('' or []) are empty cells, which the reader leaves out.
    for (const record of [shelter, beds]) {
      const expected = Object.fromEntries(
        Object.entries(carried(record)).filter(
          ([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0),
        ),
      );
      expect(read.get(record.id)).toEqual(expected);
    }
    expect(parsed.records.every((record) => !record.provisionalId)).toBe(true);
  });

  it('writes the relations inside the sheet and to needs, not those to a provider left out', () => {
    const rows = coalitionSheetRows(sampleGraph(), [shelter, beds], 'partners');
    const parsed = readCoalitionSheets(asSheet('e.csv', rows.elements), asSheet('c.csv', rows.connections));
    expect(parsed.edges.map(({ type, from, to, note }) => ({ type, from, to, note }))).toEqual([
      { type: 'offers', from: shelter.id, to: beds.id, note: '+ since 2024' },
      { type: 'meets', from: beds.id, to: 'need:shelter', note: '' },
    ]);
  });

  it('neutralises every cell that starts with a formula trigger', () => {
    const rows = coalitionSheetRows(sampleGraph(), [shelter, beds], 'partners');
    const cells = [...rows.elements.slice(1), ...rows.connections.slice(1)].flat();
    for (const cell of cells) expect(FORMULA_TRIGGERS as readonly string[]).not.toContain(cell[0]);
    expect(cells).toContain(`'${beds.name}`);
    expect(cells).toContain(`'${shelter.description}`);
    expect(cells).toContain("'+ since 2024");
  });

  it('leaves out confidential fields for the public, also those a service inherits from its actor', () => {
    const rows = coalitionSheetRows(sampleGraph(), [shelter, beds], 'public');
    const text = JSON.stringify(rows);
    for (const secret of ['12 Hidden Lane', '555-0100', '555-0101', '555-0102']) expect(text).not.toContain(secret);
    const confidential = ELEMENT_COLUMNS.indexOf('Confidential');
    expect(rows.elements.slice(1).map((row) => row[confidential])).toEqual(['', '']);
    const partners = JSON.stringify(coalitionSheetRows(sampleGraph(), [shelter, beds], 'partners'));
    for (const secret of ['12 Hidden Lane', '555-0100', '555-0102', 'address.street|phones'])
      expect(partners).toContain(secret);
  });
});

describe('readCoalitionSheets', () => {
  it('reads a phone as "label: number", splitting at the last colon', () => {
    const parsed = readCoalitionSheets(
      asSheet('e.csv', [
        ['Label', 'Type', 'Phones'],
        ['A', 'ngo', 'Intake: day: (323) 555-0100|323 555 0101'],
      ]),
      null,
    );
    expect((parsed.records[0]?.fields as Record<string, unknown>).phones).toEqual([
      { number: '(323) 555-0100', label: 'Intake: day' },
      { number: '323 555 0101' },
    ]);
  });

  it('prefers an ID of the sheet over a label that reads the same', () => {
    const parsed = readCoalitionSheets(
      asSheet('e.csv', [
        ['ID', 'Label', 'Type'],
        ['actor:a', 'actor:b', 'ngo'],
        ['actor:b', 'B', 'ngo'],
      ]),
      asSheet('c.csv', [
        ['From', 'To', 'Type'],
        ['actor:a', 'actor:b', 'partners_with'],
      ]),
    );
    expect(parsed.edges[0]).toMatchObject({ from: 'actor:a', to: 'actor:b' });
  });

  it('reads an unknown confidential field through to the merge, which names it', () => {
    const parsed = readCoalitionSheets(
      asSheet('e.csv', [
        ['Label', 'Type', 'Confidential'],
        ['A', 'ngo', 'phones|secret handshake'],
      ]),
      null,
    );
    expect((parsed.records[0]?.fields as Record<string, unknown>).confidential).toEqual(['phones', 'secret handshake']);
  });
});
