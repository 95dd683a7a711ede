/**
 * Coalition spreadsheets as one XLSX workbook (elements-xlsx), over the real services: the export holds the same
 * rows as elements-csv, round-trips the sample network like the CSV form does, keeps secrets out of a public
 * workbook; a workbook written by hand with numbers, dates and booleans reads as text; bad workbooks are refused
 * with a message naming file, sheet and row, and leave the database byte-identical.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src/shared/api';
import type { ExportResult, ImportReport } from '../../src/shared/api/methods/ioMethods';
import { isProvider, type ProviderRecord } from '../../src/shared/domain';
import { createHandlers } from '../../src/main/services/handlers';
import { ioHandlers } from '../../src/main/services/ioService';
import { cellText, readWorkbookSheets } from '../../src/main/services/io/coalitionWorkbook';
import { parseCsvCells } from '../../src/main/services/io/csvTable';
import { sampleConfidentialValues } from '../support/sampleSecrets';
import {
  databaseBytes,
  expectSampleNetworkAdded,
  ok,
  useServiceAtlases,
  type TempAtlas,
} from '../support/serviceAtlas';

type Opened = { atlas: TempAtlas; dispatch: Dispatch };
const open = useServiceAtlases();

async function exportWorkbook({ atlas, dispatch }: Opened, audience: 'public' | 'partners') {
  const path = join(atlas.dir, `network-${audience}.xlsx`);
  const result = await ok<ExportResult>(dispatch('io.export', { format: 'elements-xlsx', audience, out: path }));
  return { path, result };
}

async function exportCsv({ atlas, dispatch }: Opened, audience: 'public' | 'partners') {
  const folder = join(atlas.dir, `sheets-${audience}`);
  await ok<ExportResult>(dispatch('io.export', { format: 'elements-csv', audience, out: folder }));
  return folder;
}

/** A workbook's sheets as rows of cell texts, as the importer sees them. */
async function workbookRows(path: string): Promise<Record<string, string[][]>> {
  const sheets = await readXlsxFile(readFileSync(path), { trim: false });
  return Object.fromEntries(sheets.map((sheet) => [sheet.sheet, sheet.data.map((row) => row.map(cellText))]));
}

const nodes = (atlas: TempAtlas) =>
  [...atlas.store.index.allNodes()]
    .map((node) => ({ ...node, updatedAt: undefined, createdAt: undefined }))
    .sort((a, b) => a.id.localeCompare(b.id));
const edges = (atlas: TempAtlas) =>
  [...atlas.store.index.allEdges()]
    .map(({ type, from, to, note, source }) => ({ type, from, to, note, source }))
    .sort((x, y) => `${x.from}|${x.type}|${x.to}`.localeCompare(`${y.from}|${y.type}|${y.to}`));

describe('coalition workbook export', () => {
  it('writes one .xlsx at --out with an Elements and a Connections sheet holding the elements-csv rows', async () => {
    const a = await open();
    const { path, result } = await exportWorkbook(a, 'partners');
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.path).toBe(path);
    expect(result.files[0]!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.records).toBe([...a.atlas.store.index.allNodes()].filter(isProvider).length);
    // Written through a temporary file that was renamed: nothing else is left in the folder.
    expect(readdirSync(a.atlas.dir).filter((name) => name.includes('.partial'))).toEqual([]);
    const sheets = await workbookRows(path);
    expect(Object.keys(sheets)).toEqual(['Elements', 'Connections']);
    const folder = await exportCsv(a, 'partners');
    for (const [sheet, file] of [
      ['Elements', 'elements.csv'],
      ['Connections', 'connections.csv'],
    ] as const) {
      const csv = parseCsvCells(file, readFileSync(join(folder, file), 'utf8')).cells;
      expect(sheets[sheet]![0]).toEqual(csv.columns);
      // read-excel-file gives a row as wide as the sheet; a CSV row has one cell per column.
      expect(sheets[sheet]!.slice(1).map((row) => row.slice(0, csv.columns.length))).toEqual(csv.rows);
    }
  });

  it('round-trips the sample network for partners into an empty database exactly as elements-csv does', async () => {
    const a = await open();
    const { path } = await exportWorkbook(a, 'partners');
    const folder = await exportCsv(a, 'partners');
    const fromXlsx = await open(false);
    const fromCsv = await open(false);
    const applied = await ok<ImportReport>(fromXlsx.dispatch('io.importApply', { format: 'elements-xlsx', path }));
    await ok<ImportReport>(fromCsv.dispatch('io.importApply', { format: 'elements-csv', path: folder }));
    expectSampleNetworkAdded(applied, a.atlas);
    // Record for record and relation for relation what the CSV round trip gives (the import's defaults aside,
    // which name the file: neither form leaves a record without a source).
    expect(nodes(fromXlsx.atlas)).toEqual(nodes(fromCsv.atlas));
    expect(edges(fromXlsx.atlas)).toEqual(edges(fromCsv.atlas));
    expect(edges(fromXlsx.atlas)).toEqual(edges(a.atlas));
  });

  it('re-imported into the database it came from, adds nothing and changes nothing', async () => {
    const a = await open();
    const { path } = await exportWorkbook(a, 'partners');
    const before = databaseBytes(a.atlas);
    const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-xlsx', path }));
    expect(preview.errors).toEqual([]);
    expect(preview.files).toEqual(['network-partners.xlsx']);
    expect(preview.addedCount).toBe(0);
    expect(preview.changed).toEqual([]);
    expect(preview.conflictCount).toBe(0);
    expect(preview.edgesAdded).toBe(0);
    expect(preview.counts.elements).toBeGreaterThan(200);
    expect(preview.unchangedCount).toBe(preview.counts.elements);
    expect(preview.edgesUnchanged).toBe(preview.counts.connections);
    expect(preview.canApply).toBe(false);
    expect(databaseBytes(a.atlas).equals(before)).toBe(true);
  });
});

describe('a public coalition workbook keeps secrets', () => {
  const confidentialValues = sampleConfidentialValues;
  const pattern = (secret: string) => new RegExp(`\\b${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  const allText = async (path: string) =>
    Object.values(await workbookRows(path))
      .flat(2)
      .join('\n');

  it('holds none of the sample network’s confidential values; the partners’ workbook holds them all', async () => {
    const secrets = confidentialValues();
    expect(secrets.length).toBeGreaterThanOrEqual(30);
    const a = await open();
    const publicText = await allText((await exportWorkbook(a, 'public')).path);
    for (const secret of secrets) expect(pattern(secret).test(publicText), `"${secret}" leaked`).toBe(false);
    const partnersText = await allText((await exportWorkbook(a, 'partners')).path);
    for (const secret of secrets) expect(pattern(secret).test(partnersText), `"${secret}" missing`).toBe(true);
  });
});

describe('cells of a workbook as text', () => {
  it.each([
    [null, ''],
    ['  as typed ', '  as typed '],
    [true, 'true'],
    [false, 'false'],
    [90012, '90012'],
    [0.1 + 0.2, '0.3'],
    [-1.5, '-1.5'],
    [3235550199, '3235550199'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ])('%j reads as %j', (value, text) => expect(cellText(value)).toBe(text));
});

/** A workbook written as a person might, in a spreadsheet program: typed cells, own sheet names, a notes sheet. */
async function handWritten(): Promise<Buffer> {
  return writeXlsxFile([
    { sheet: 'Read me', data: [['Coalition map, spring edition'], ['Ask Dana before editing']] },
    {
      sheet: 'Orgs',
      dateFormat: 'yyyy-mm-dd',
      data: [
        ['Label', 'Type', 'Postal Code', 'Verified', 'Tags', 'Phones', 'Description', 'City', 'Source'],
        [
          'Harbor Light Legal Clinic',
          'legal provider',
          90012,
          new Date(Date.UTC(2024, 2, 5)),
          true,
          3235550199,
          0.1 + 0.2,
          'Los Angeles',
          'Coalition map',
        ],
        [
          'Dawn Street Shelter',
          'shelter',
          null,
          null,
          'beds|intake',
          'Intake: (323) 555-0100',
          null,
          'Los Angeles',
          'Coalition map',
        ],
      ],
    },
    {
      sheet: 'Links',
      data: [
        ['From', 'To', 'Type'],
        ['Harbor Light Legal Clinic', 'Dawn Street Shelter', 'refers_to'],
      ],
    },
  ]).toBuffer();
}

describe('a workbook written by hand', () => {
  it('reads numbers, dates and booleans as the text the sheet shows, by label, and ignores a notes sheet', async () => {
    const b = await open(false);
    const contentBase64 = (await handWritten()).toString('base64');
    const files = [{ name: 'coalition.xlsx', contentBase64 }];
    const preview = await ok<ImportReport>(b.dispatch('io.importPreview', { format: 'elements-xlsx', files }));
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ elements: 2, connections: 1 });
    expect(preview.warnings.map((warning) => warning.text)).toEqual([
      'coalition.xlsx, sheet Read me: is neither an elements sheet (Label, Type, ...) nor a connections sheet (From, To, Type); it was not read',
    ]);
    const applied = await ok<ImportReport>(b.dispatch('io.importApply', { format: 'elements-xlsx', files }));
    expect(applied.addedCount).toBe(2);
    const clinic = b.atlas.store.index.node('actor:harbor-light-legal-clinic') as ProviderRecord | undefined;
    expect(clinic).toMatchObject({
      actorType: 'legal_provider',
      verifiedAt: '2024-03-05',
      tags: ['true'],
      phones: [{ number: '3235550199' }],
      description: '0.3',
      address: { postalCode: '90012', city: 'Los Angeles' },
    });
    const shelter = b.atlas.store.index.node('actor:dawn-street-shelter') as ProviderRecord | undefined;
    expect(shelter).toMatchObject({
      tags: ['beds', 'intake'],
      phones: [{ number: '(323) 555-0100', label: 'Intake' }],
    });
    expect(edges(b.atlas).filter((edge) => edge.type === 'refers_to')).toEqual([
      {
        type: 'refers_to',
        from: 'actor:harbor-light-legal-clinic',
        to: 'actor:dawn-street-shelter',
        note: '',
        source: 'Coalition spreadsheet coalition.xlsx, sheet Links',
      },
    ]);
  });
});

/** A workbook of one or more sheets of rows. */
const workbook = (...sheets: [string, unknown[][]][]) =>
  writeXlsxFile(sheets.map(([sheet, data]) => ({ sheet, data: data as never }))).toBuffer();
const ELEMENTS_HEADER = ['ID', 'Label', 'Type'];

interface BadWorkbook {
  name: string;
  content: () => Promise<Buffer> | Buffer;
  /** What the issue's file names: the workbook, and the sheet where there is one. */
  file: string;
  row?: number | null;
  field?: string | RegExp;
  message: RegExp;
}

const BAD_WORKBOOKS: BadWorkbook[] = [
  {
    name: 'a text file renamed .xlsx',
    content: () => Buffer.from('Label,Type\nHarbor Light,ngo\n'),
    file: 'bad.xlsx',
    row: null,
    message: /is not an Excel workbook.*Excel Workbook \(\.xlsx\)/,
  },
  {
    name: 'a truncated workbook',
    content: async () => {
      const bytes = await workbook(['Elements', [ELEMENTS_HEADER, ['actor:a', 'A', 'ngo']]]);
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
    file: 'bad.xlsx',
    row: null,
    message: /is not an Excel workbook/,
  },
  {
    name: 'a workbook without an elements sheet',
    content: () =>
      workbook([
        'Organisations',
        [
          ['Name', 'Kind'],
          ['A', 'ngo'],
        ],
      ]),
    file: 'bad.xlsx',
    row: null,
    message:
      /has no elements sheet: a sheet whose row 1 holds the columns Label and Type. The sheets are: bad\.xlsx, sheet Organisations \(Name, Kind\)/,
  },
  {
    name: 'an elements sheet with an unknown column',
    content: () =>
      workbook([
        'Elements',
        [
          [...ELEMENTS_HEADER, 'Colour'],
          ['actor:a', 'A', 'ngo', 'red'],
        ],
      ]),
    file: 'bad.xlsx, sheet Elements',
    row: 1,
    field: 'Colour',
    message: /unknown column "Colour"/,
  },
  {
    name: 'an element of an unknown type, after an empty row (row numbers are the sheet’s)',
    content: () =>
      workbook([
        'Elements',
        [
          ELEMENTS_HEADER,
          ['actor:a', 'A', 'ngo'],
          ['actor:b', 'B', 'ngo'],
          [null, null, null],
          ['actor:c', 'C', 'castle'],
          ['actor:d', 'D', 'ngo'],
        ],
      ]),
    file: 'bad.xlsx, sheet Elements',
    row: 5,
    field: 'Type',
    message: /"castle" is not a type of element/,
  },
  {
    name: 'a connection of an unknown type',
    content: () =>
      workbook(
        ['Elements', [ELEMENTS_HEADER, ['actor:a', 'A', 'ngo'], ['actor:b', 'B', 'ngo']]],
        [
          'Connections',
          [
            ['From', 'To', 'Type'],
            ['actor:a', 'actor:b', 'refers_to'],
            ['actor:a', 'actor:b', 'loves'],
          ],
        ],
      ),
    file: 'bad.xlsx, sheet Connections',
    row: 3,
    field: 'Type',
    message: /"loves" is not a type of connection/,
  },
  {
    name: 'a connection with no To',
    content: () =>
      workbook(
        ['Elements', [ELEMENTS_HEADER, ['actor:a', 'A', 'ngo']]],
        [
          'Connections',
          [
            ['From', 'To', 'Type'],
            ['actor:a', null, 'refers_to'],
          ],
        ],
      ),
    file: 'bad.xlsx, sheet Connections',
    row: 2,
    field: 'To',
    message: /must not be empty/,
  },
  {
    name: 'a column with data but no name',
    content: () =>
      workbook([
        'Elements',
        [
          [...ELEMENTS_HEADER, null],
          ['actor:a', 'A', 'ngo', 'stray'],
        ],
      ]),
    file: 'bad.xlsx, sheet Elements',
    row: 1,
    field: 'column D',
    message: /a column has no name/,
  },
  {
    name: 'two elements sheets',
    content: () =>
      workbook(
        ['One', [ELEMENTS_HEADER, ['actor:a', 'A', 'ngo']]],
        ['Two', [ELEMENTS_HEADER, ['actor:b', 'B', 'ngo']]],
      ),
    file: 'bad.xlsx',
    row: null,
    message: /give one elements sheet .* found 2 and 0: bad\.xlsx, sheet One; bad\.xlsx, sheet Two/,
  },
];

describe('bad workbooks', () => {
  it.each(BAD_WORKBOOKS)(
    'refuses $name with a message naming file, sheet and row, and changes nothing',
    async (bad) => {
      const { atlas, dispatch } = await open();
      const before = databaseBytes(atlas);
      const files = [{ name: 'bad.xlsx', contentBase64: (await bad.content()).toString('base64') }];
      const preview = await ok<ImportReport>(dispatch('io.importPreview', { format: 'elements-xlsx', files }));
      const issue = preview.errors.find((candidate) => bad.message.test(candidate.message));
      expect(issue, JSON.stringify(preview.errors.slice(0, 3))).toBeDefined();
      expect(issue!.file).toBe(bad.file);
      if (bad.row !== undefined) expect(issue!.row).toBe(bad.row);
      if (bad.field !== undefined) expect(issue!.field).toMatch(bad.field);
      expect(issue!.text).toContain(bad.file);
      if (typeof bad.row === 'number') expect(issue!.text).toContain(`row ${bad.row}`);
      expect(preview.canApply).toBe(false);
      const applied = await dispatch('io.importApply', { format: 'elements-xlsx', files });
      expect(applied.ok).toBe(false);
      if (!applied.ok) expect(applied.error.message).toMatch(/Import refused, nothing was written/);
      expect(databaseBytes(atlas).equals(before)).toBe(true);
    },
  );

  it('refuses a workbook that would unpack to more than the limit, before inflating it', async () => {
    // A few kilobytes of zip that unpack to megabytes: one cell of repeated text compresses almost to nothing.
    const bytes = await workbook(['Elements', [ELEMENTS_HEADER, ['actor:a', 'x'.repeat(2_000_000), 'ngo']]]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const refused = await readWorkbookSheets({ name: 'dense.xlsx', bytes }, 1024 * 1024);
    expect(refused.sheets).toEqual([]);
    expect(refused.errors).toEqual([
      expect.objectContaining({
        file: 'dense.xlsx',
        message: expect.stringMatching(/unpacks to 2 MB, more than the 1 MB/),
      }),
    ]);
    // Under a limit it fits, the same workbook reads.
    const read = await readWorkbookSheets({ name: 'dense.xlsx', bytes }, 8 * 1024 * 1024);
    expect(read.errors).toEqual([]);
    expect(read.sheets[0]?.rows[1]?.[1]).toHaveLength(2_000_000);
  });

  it('refuses a workbook on disk that is a text file, naming it, and changes nothing', async () => {
    const { atlas, dispatch } = await open();
    const path = join(atlas.dir, 'renamed.xlsx');
    writeFileSync(path, 'ID,Label,Type\nactor:a,A,ngo\n');
    const before = databaseBytes(atlas);
    const preview = await ok<ImportReport>(dispatch('io.importPreview', { format: 'elements-xlsx', path }));
    expect(preview.errors.map((issue) => issue.text)).toEqual([
      expect.stringMatching(/^renamed\.xlsx: is not an Excel workbook/),
    ]);
    const applied = await dispatch('io.importApply', { format: 'elements-xlsx', path });
    expect(applied.ok).toBe(false);
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });

  it('refuses a workbook over the size limit before reading it, naming it, and changes nothing', async () => {
    const { atlas } = await open();
    const dispatch = createDispatcher({ ...createHandlers(atlas), ...ioHandlers(atlas, { maxImportBytes: 4096 }) });
    const bytes = await workbook([
      'Elements',
      [ELEMENTS_HEADER, ...Array.from({ length: 400 }, (_, i) => [`actor:a${i}`, `Organisation number ${i}`, 'ngo'])],
    ]);
    expect(bytes.length).toBeGreaterThan(4096);
    const path = join(atlas.dir, 'large.xlsx');
    writeFileSync(path, bytes);
    const before = databaseBytes(atlas);
    for (const input of [{ path }, { files: [{ name: 'large.xlsx', contentBase64: bytes.toString('base64') }] }]) {
      const preview = await dispatch('io.importPreview', { format: 'elements-xlsx', ...input });
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.error.message).toMatch(/^large\.xlsx: the file is .* MB; imports are limited to/);
      const applied = await dispatch('io.importApply', { format: 'elements-xlsx', ...input });
      expect(applied.ok).toBe(false);
    }
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });
});
