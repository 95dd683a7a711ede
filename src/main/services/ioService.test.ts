/**
 * Import and export end to end over the real services: HSDS round trips, schema validation of every export, the
 * official HSDS examples, the public directory's secrecy, and bad files that must change nothing.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../shared/api';
import type { ExportResult, ImportReport } from '../../shared/api/methods/ioMethods';
import { hsdsUuid } from '../../shared/hsds/hsdsUuid';
import { PROJECT_ROOT, openTempAtlas } from '../../../tests/support/tempAtlas';
import { createHandlers } from './handlers';
import { loadHsdsSchemas } from './io/hsdsSchemas';
import type { Atlas } from './atlas';
import { sampleConfidentialValues } from '../../../tests/support/sampleSecrets';

const HSDS_DIR = join(PROJECT_ROOT, '..', 'shared', 'hsds');
const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'io');
type TempAtlas = Awaited<ReturnType<typeof openTempAtlas>>;
const opened: TempAtlas[] = [];

async function open(includeSample = true): Promise<{ atlas: TempAtlas; dispatch: Dispatch }> {
  const atlas = await openTempAtlas({ includeSample });
  opened.push(atlas);
  return { atlas, dispatch: createDispatcher(createHandlers(atlas)) };
}
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${result.error?.message}`);
  return result.value as T;
}

function databaseBytes(atlas: Atlas & { dir: string }): Buffer {
  atlas.db.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(join(atlas.dir, 'atlas.sqlite'));
}

const schemas = () => loadHsdsSchemas(HSDS_DIR);

describe('HSDS round trip', () => {
  it('exports HSDS JSON, imports it into a database without the sample, and exports the same bytes again', async () => {
    const a = await open();
    const out1 = join(a.atlas.dir, 'first.json');
    const exported = await ok<ExportResult>(
      a.dispatch('io.export', { format: 'hsds-json', audience: 'partners', out: out1 }),
    );
    expect(exported.validated).toBe(exported.records);

    const b = await open(false);
    const applied = await ok<ImportReport>(b.dispatch('io.importApply', { format: 'hsds-json', path: out1 }));
    expect(applied.errorCount).toBe(0);
    expect(applied.addedCount).toBeGreaterThan(100);
    // The seed is in both databases: its services and their organizations come back unchanged.
    expect(applied.changedCount).toBe(0);
    expect(applied.conflictCount).toBe(0);

    // "The same data": every service and organization in the file is, in the new database, equal field by field
    // to the original record, with the same offers / meets / legal-basis relations.
    const page = JSON.parse(readFileSync(out1, 'utf8')) as {
      contents: { attributes: { taxonomy_term?: { code?: string }; value?: string }[] }[];
    };
    let compared = 0;
    for (const service of page.contents) {
      const id = JSON.parse(
        service.attributes.find((attribute) => attribute.taxonomy_term?.code === 'id')!.value!,
      ) as string;
      expect(b.atlas.store.index.node(id)).toEqual(a.atlas.store.index.node(id));
      const links = (atlas: Atlas) =>
        atlas.store.index
          .edgesOf(id)
          .filter((edge) => ['offers', 'meets', 'eligibility_under', 'established_by'].includes(edge.type))
          .map((edge) => edge.id)
          .sort();
      expect(links(b.atlas)).toEqual(links(a.atlas));
      for (const edge of a.atlas.store.index.inEdges(id, 'offers'))
        expect(b.atlas.store.index.node(edge.from)).toEqual(a.atlas.store.index.node(edge.from));
      compared++;
    }
    expect(compared).toBe(exported.records);

    const out2 = join(b.atlas.dir, 'second.json');
    await ok(b.dispatch('io.export', { format: 'hsds-json', audience: 'partners', out: out2 }));
    expect(readFileSync(out2, 'utf8')).toBe(readFileSync(out1, 'utf8'));
  });

  it('round-trips the HSDS CSV package: every record comes back unchanged', async () => {
    const a = await open();
    const folder = join(a.atlas.dir, 'package');
    const exported = await ok<ExportResult>(
      a.dispatch('io.export', { format: 'hsds-csv', audience: 'partners', out: folder }),
    );
    expect(exported.files.map((file) => file.name)).toContain('datapackage.json');
    const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'hsds-csv', path: folder }));
    expect(preview.errors).toEqual([]);
    expect(preview.addedCount + preview.changedCount + preview.conflictCount).toBe(0);
    expect(preview.unchangedCount).toBe(preview.counts.services! + preview.counts.organizations!);
    expect(preview.counts.services).toBe(exported.records);
  });
});

describe('schema validation of every export', () => {
  beforeAll(() => schemas());

  it('passes each HSDS JSON service against the compiled service schema with zero errors, for both audiences', async () => {
    const { atlas, dispatch } = await open();
    for (const audience of ['public', 'partners'] as const) {
      const out = join(atlas.dir, `${audience}.json`);
      await ok(dispatch('io.export', { format: 'hsds-json', audience, out }));
      const page = JSON.parse(readFileSync(out, 'utf8')) as { contents: unknown[] };
      expect(page.contents.length).toBeGreaterThan(100);
      const errors = page.contents.flatMap((service) => schemas().validateService(service));
      expect(errors).toEqual([]);
    }
  });

  it('passes every row of every HSDS CSV table against the tabular schema', async () => {
    const { atlas, dispatch } = await open();
    const folder = join(atlas.dir, 'csv');
    const result = await ok<ExportResult>(
      dispatch('io.export', { format: 'hsds-csv', audience: 'public', out: folder }),
    );
    expect(result.validated).toBeGreaterThan(1000);
    // Read back through the import path, which validates each typed row with Ajv.
    const preview = await ok<ImportReport>(dispatch('io.importPreview', { format: 'hsds-csv', path: folder }));
    expect(preview.errors).toEqual([]);
    expect(preview.counts.rows).toBeGreaterThan(1000);
  });

  it('refuses to load the schemas from a folder that does not hold them', () => {
    expect(() => loadHsdsSchemas(join(PROJECT_ROOT, 'data'))).toThrow(/HSDS 3 schemas are not at/);
  });
});

describe('the official HSDS examples', () => {
  const cases: [string, Record<string, number>][] = [
    ['service_full.json', { services: 1, organizations: 1 }],
    ['organization_full.json', { services: 1, organizations: 1 }],
    ['service_at_location_full.json', { services: 1, service_at_locations: 1 }],
  ];
  it.each(cases)('imports %s with the counts it holds', async (file, counts) => {
    const { atlas, dispatch } = await open();
    const report = await ok<ImportReport & { backupPath: string }>(
      dispatch('io.importApply', { format: 'hsds-json', path: join(HSDS_DIR, 'examples', file) }),
    );
    expect(report.errors).toEqual([]);
    for (const [key, n] of Object.entries(counts)) expect(report.counts[key]).toBe(n);
    const example = JSON.parse(readFileSync(join(HSDS_DIR, 'examples', file), 'utf8')) as {
      id: string;
      service?: { id: string };
      services?: { id: string }[];
    };
    const serviceUuid = example.service?.id ?? example.services?.[0]?.id ?? example.id;
    expect(atlas.store.index.node(`service:hsds-${serviceUuid}`)?.kind).toBe('service');
    expect(report.warningCount).toBeGreaterThan(0); // what was left out is said, never silent
  });

  it('imports the official CSV package with the counts its tables hold', async () => {
    const { dispatch } = await open();
    const folder = join(HSDS_DIR, 'examples', 'csv');
    const rows = (name: string) => readFileSync(join(folder, name), 'utf8').trim().split('\n').length - 1;
    const report = await ok<ImportReport>(dispatch('io.importApply', { format: 'hsds-csv', path: folder }));
    expect(report.errors).toEqual([]);
    expect(report.counts.services).toBe(rows('services.csv'));
    expect(report.counts.organizations).toBe(rows('organizations.csv'));
    expect(report.addedCount).toBe(rows('services.csv') + rows('organizations.csv'));
  });
});

describe('coalition spreadsheets', () => {
  it('imports elements and connections, and a re-import adds nothing', async () => {
    const { atlas, dispatch } = await open();
    const files = ['elements.csv', 'connections.csv'].map((name) => ({
      name,
      contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'),
    }));
    const first = await ok<ImportReport>(dispatch('io.importApply', { format: 'elements-csv', files }));
    expect(first.addedCount).toBe(2);
    expect(first.edgesAdded).toBe(1);
    expect(atlas.store.index.node('actor:harbor-light-legal')?.name).toBe('Harbor Light Legal Clinic');
    const again = await ok<ImportReport>(dispatch('io.importPreview', { format: 'elements-csv', files }));
    expect(again.addedCount).toBe(0);
    expect(again.unchangedCount).toBe(2);
    expect(again.edgesUnchanged).toBe(1);
  });

  it('shows a changed field field by field, and undo takes the whole import back', async () => {
    const { atlas, dispatch } = await open();
    const csv = (description: string) => [
      {
        name: 'elements.csv',
        contentBase64: Buffer.from(
          `ID,Label,Type,Description\nsample:marigold-gate-residence,Marigold Gate Residence,shelter,${description}\n`,
        ).toString('base64'),
      },
    ];
    const before = atlas.store.index.node('sample:marigold-gate-residence');
    const preview = await ok<ImportReport>(
      dispatch('io.importPreview', { format: 'elements-csv', files: csv('New description') }),
    );
    expect(preview.changed[0]?.changes).toEqual([
      { field: 'description', before: before?.description, after: 'New description' },
    ]);
    await ok(dispatch('io.importApply', { format: 'elements-csv', files: csv('New description') }));
    expect(atlas.store.index.node('sample:marigold-gate-residence')?.description).toBe('New description');
    await ok(dispatch('history.undo', {}));
    expect(atlas.store.index.node('sample:marigold-gate-residence')).toEqual(before);
  });
});

describe('the public directory keeps secrets', () => {
  const confidentialValues = sampleConfidentialValues;

  it('holds none of the sample network’s confidential values in the HTML, CSV and HSDS outputs', async () => {
    const secrets = confidentialValues();
    expect(secrets.length).toBeGreaterThanOrEqual(30);
    const { atlas, dispatch } = await open();
    const outputs: string[] = [];
    for (const format of ['html', 'csv', 'hsds-json', 'graphml', 'gexf', 'cyjs'] as const) {
      const out = join(atlas.dir, `public.${format}`);
      await ok(dispatch('io.export', { format, audience: 'public', out }));
      outputs.push(readFileSync(out, 'utf8'));
    }
    const folder = join(atlas.dir, 'public-csv');
    await ok(dispatch('io.export', { format: 'hsds-csv', audience: 'public', out: folder }));
    for (const name of readdirSync(folder)) outputs.push(readFileSync(join(folder, name), 'utf8'));
    for (const secret of secrets) {
      const pattern = new RegExp(`\\b${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
      for (const output of outputs) expect(pattern.test(output), `"${secret}" leaked`).toBe(false);
    }
  });

  it('includes them for partners and marks the document CONFIDENTIAL on every page', async () => {
    const { atlas, dispatch } = await open();
    const out = join(atlas.dir, 'partners.html');
    await ok(dispatch('io.export', { format: 'html', audience: 'partners', out }));
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('1427 Quiet Harbor Way');
    expect(html).toMatch(/<div class="confidential-banner" role="note">CONFIDENTIAL/);
    expect(html).toMatch(/@top-center \{ content: "CONFIDENTIAL/);
    const publicOut = join(atlas.dir, 'public.html');
    await ok(dispatch('io.export', { format: 'html', audience: 'public', out: publicOut }));
    expect(readFileSync(publicOut, 'utf8')).not.toContain('CONFIDENTIAL');
  });
});

describe('CSV directory', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a service name starting with %j', async (trigger) => {
    const { atlas, dispatch } = await open();
    const name = `${trigger}HYPERLINK("http://evil.example","x")`;
    await ok(
      dispatch('graph.createNode', {
        record: {
          id: 'service:formula',
          kind: 'service',
          name: `Safe ${trigger}`,
          source: 'test',
          regions: ['US-CA/Los Angeles County'],
        },
      }),
    );
    // zod trims names, so the trigger is set directly on the stored record to test the writer, not the form.
    atlas.store.write(
      'formula',
      (writer) => writer.putNode({ ...(atlas.store.index.node('service:formula') as object), name } as never),
      { trusted: true },
    );
    await ok(
      dispatch('graph.createEdge', {
        edge: { type: 'offers', from: 'sample:marigold-gate-residence', to: 'service:formula', source: 'test' },
      }),
    );
    const out = join(atlas.dir, 'directory.csv');
    await ok(dispatch('io.export', { format: 'csv', audience: 'public', out }));
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`'${name.replace(/"/g, '""')}`);
    expect(text).not.toMatch(
      new RegExp(`(^|,|")${trigger === '+' ? '\\+' : trigger === '\r' ? '\\r' : trigger}HYPERLINK`, 'm'),
    );
  });
});

describe('PDF directory', () => {
  it('renders the same HTML through the PdfRenderer it is given', async () => {
    const atlas = await openTempAtlas();
    opened.push(atlas);
    let seen = '';
    const { ioHandlers } = await import('./ioService');
    const handlers = ioHandlers(atlas, {
      pdfRenderer: { htmlToPdf: async (html) => ((seen = html), new TextEncoder().encode('%PDF-1.7 test')) },
    });
    const result = await handlers['io.export']({
      format: 'pdf',
      audience: 'public',
      scope: { region: null, needs: ['shelter'], actorTypes: [] },
      locale: 'en',
      out: join(atlas.dir, 'd.pdf'),
    });
    expect(seen).toContain('<h2>Contents by need</h2>');
    expect(readFileSync(result.files[0]!.path!, 'utf8')).toBe('%PDF-1.7 test');
  });
});

const uuid = (name: string) => hsdsUuid(`test:${name}`);
const service = (extra: Record<string, unknown> = {}) => ({
  id: uuid('s1'),
  name: 'Test service',
  status: 'active',
  ...extra,
});
const json = (value: unknown) => JSON.stringify(value);
const needAttribute = (code: string) => ({
  id: uuid(`a-${code}`),
  link_type: 'meets',
  taxonomy_term: { id: uuid(`t-${code}`), name: code, description: '', code, taxonomy: 'referral-atlas-needs' },
});
const servicesCsvHeader =
  'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified';
const serviceRow = (id: string, name: string, minAge = '', organizationId = '') =>
  `${id},${organizationId},,${name},,,,,active,,,,,,,,${minAge},,,,,,`;

interface BadFile {
  name: string;
  format: 'hsds-json' | 'hsds-csv' | 'elements-csv';
  files: { name: string; content: string | Buffer }[];
  file: string;
  row?: number;
  field?: string | RegExp;
  message: RegExp;
}

const BAD_FILES: BadFile[] = [
  {
    name: 'truncated JSON',
    format: 'hsds-json',
    files: [{ name: 'cut.json', content: '{"id": "x", "name": ' }],
    file: 'cut.json',
    message: /malformed JSON/,
  },
  {
    name: 'an empty JSON file',
    format: 'hsds-json',
    files: [{ name: 'empty.json', content: '' }],
    file: 'empty.json',
    message: /malformed JSON/,
  },
  {
    name: 'a list of numbers',
    format: 'hsds-json',
    files: [{ name: 'numbers.json', content: '[1, 2]' }],
    file: 'numbers.json',
    message: /must be an HSDS object/,
  },
  {
    name: 'an object that is not HSDS',
    format: 'hsds-json',
    files: [{ name: 'other.json', content: '{"foo": 1}' }],
    file: 'other.json',
    message: /not an HSDS service/,
  },
  {
    name: 'a service without a name',
    format: 'hsds-json',
    files: [{ name: 'noname.json', content: json({ id: uuid('x'), status: 'active' }) }],
    file: 'noname.json',
    message: /required property 'name'/,
  },
  {
    name: 'a service id that is not a UUID',
    format: 'hsds-json',
    files: [{ name: 'badid.json', content: json(service({ id: 'not-a-uuid' })) }],
    file: 'badid.json',
    field: 'id',
    message: /format "uuid"/,
  },
  {
    name: 'an unknown service status',
    format: 'hsds-json',
    files: [{ name: 'status.json', content: json(service({ status: 'open' })) }],
    file: 'status.json',
    field: 'status',
    message: /allowed values/,
  },
  {
    name: 'a malformed e-mail',
    format: 'hsds-json',
    files: [{ name: 'email.json', content: json(service({ email: 'nobody' })) }],
    file: 'email.json',
    field: 'email',
    message: /format "email"/,
  },
  {
    name: 'a negative... string minimum age',
    format: 'hsds-json',
    files: [{ name: 'age.json', content: json(service({ minimum_age: 'twelve' })) }],
    file: 'age.json',
    field: 'minimum_age',
    message: /must be number/,
  },
  {
    name: 'duplicate service ids',
    format: 'hsds-json',
    files: [{ name: 'dupes.json', content: json([service(), service({ name: 'Other' })]) }],
    file: 'dupes.json',
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a need that is not in our taxonomy',
    format: 'hsds-json',
    files: [{ name: 'need.json', content: json(service({ attributes: [needAttribute('flying')] })) }],
    file: 'need.json',
    field: /taxonomy_term.code/,
    message: /not a need/,
  },
  {
    name: 'a legal basis with a wrong link type',
    format: 'hsds-json',
    files: [
      {
        name: 'legal.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('l'),
                link_type: 'likes',
                taxonomy_term: {
                  id: uuid('lt'),
                  name: 'TVPA',
                  description: '',
                  code: 'statute:tvpa-2000',
                  taxonomy: 'referral-atlas-legal-bases',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'legal.json',
    field: /link_type/,
    message: /eligibility_under or established_by/,
  },
  {
    name: 'a legal basis pointing at an unknown statute',
    format: 'hsds-json',
    files: [
      {
        name: 'statute.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('l2'),
                link_type: 'eligibility_under',
                taxonomy_term: {
                  id: uuid('lt2'),
                  name: 'Nothing',
                  description: '',
                  code: 'statute:does-not-exist',
                  taxonomy: 'referral-atlas-legal-bases',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'statute.json',
    message: /neither in the file nor in the database/,
  },
  {
    name: 'a field attribute that is not JSON',
    format: 'hsds-json',
    files: [
      {
        name: 'field.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('f'),
                link_type: 'field',
                value: '{oops',
                taxonomy_term: {
                  id: uuid('ft'),
                  name: 'tags',
                  description: '',
                  code: 'tags',
                  taxonomy: 'referral-atlas-fields',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'field.json',
    field: /attributes\[0\]\.value/,
    message: /not valid JSON/,
  },
  {
    name: 'a record id that breaks the id rules',
    format: 'hsds-json',
    files: [
      {
        name: 'ourid.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('i'),
                link_type: 'field',
                value: '"Bad Id"',
                taxonomy_term: {
                  id: uuid('it'),
                  name: 'id',
                  description: '',
                  code: 'id',
                  taxonomy: 'referral-atlas-fields',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'ourid.json',
    field: 'id',
    message: /must look like/,
  },
  {
    name: 'a UTF-16 JSON file',
    format: 'hsds-json',
    files: [
      {
        name: 'utf16.json',
        content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(service()), 'utf16le')]),
      },
    ],
    file: 'utf16.json',
    message: /UTF-16/,
  },
  {
    name: 'a Latin-1 JSON file',
    format: 'hsds-json',
    files: [{ name: 'latin1.json', content: Buffer.from(json(service({ name: 'Café Niño' })), 'latin1') }],
    file: 'latin1.json',
    message: /not UTF-8 \(invalid byte 0xe9/,
  },
  {
    name: 'a services.csv with an unknown column',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader},colour\n${serviceRow(uuid('c1'), 'A')},red\n` }],
    file: 'services.csv',
    row: 1,
    field: 'colour',
    message: /unknown column/,
  },
  {
    name: 'a services.csv row with no name',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c2'), '')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'name',
    message: /required property 'name'/,
  },
  {
    name: 'a services.csv age that is not a number',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c3'), 'A', 'twelve')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'minimum_age',
    message: /not a number/,
  },
  {
    name: 'duplicate ids in services.csv',
    format: 'hsds-csv',
    files: [
      {
        name: 'services.csv',
        content: `${servicesCsvHeader}\n${serviceRow(uuid('c4'), 'A')}\n${serviceRow(uuid('c4'), 'B')}\n`,
      },
    ],
    file: 'services.csv',
    row: 3,
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a service of an organization not in the package',
    format: 'hsds-csv',
    files: [
      { name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c5'), 'A', '', uuid('nobody'))}\n` },
    ],
    file: 'services.csv',
    row: 2,
    field: 'organization_id',
    message: /not in the package/,
  },
  {
    name: 'a CSV file that is not an HSDS table',
    format: 'hsds-csv',
    files: [{ name: 'people.csv', content: 'id,name\n1,x\n' }],
    file: 'people.csv',
    message: /not a table of the HSDS package/,
  },
  {
    name: 'an unclosed quote in services.csv',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${uuid('c6')},,,"Unclosed,,,,,active\n` }],
    file: 'services.csv',
    message: /malformed CSV/,
  },
  {
    name: 'a row of services.csv with fewer cells than the header has columns',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${uuid('c8')},,A\n` }],
    file: 'services.csv',
    row: 2,
    message: /malformed CSV: .*too few/,
  },
  {
    name: 'a row of services.csv with more cells than the header has columns',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c9'), 'A')},extra\n` }],
    file: 'services.csv',
    row: 2,
    message: /malformed CSV: .*too many/,
  },
  {
    name: 'a phone with no number',
    format: 'hsds-csv',
    files: [
      { name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c7'), 'A')}\n` },
      {
        name: 'phones.csv',
        content: `id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description\n${uuid('p1')},,${uuid('c7')},,,,,,voice,\n`,
      },
    ],
    file: 'phones.csv',
    row: 2,
    field: 'number',
    message: /required property 'number'/,
  },
  {
    name: 'a service UUID in the wrong format in a CSV',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow('1234', 'A')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'id',
    message: /format "uuid"/,
  },
  {
    name: 'an elements sheet with an unknown column',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Colour\nA,ngo,red\n' }],
    file: 'elements.csv',
    row: 1,
    field: 'Colour',
    message: /unknown column/,
  },
  {
    name: 'an elements sheet without a Type column',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Description\nA,x\n' }],
    file: 'elements.csv',
    row: 1,
    field: 'Type',
    message: /required column "Type" is missing/,
  },
  {
    name: 'an element with an empty label',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type\n,ngo\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'Label',
    message: /must not be empty/,
  },
  {
    name: 'an element of an unknown type',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type\nA,spaceship\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'Type',
    message: /not a type of element/,
  },
  {
    name: 'a connection to an unknown element',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\n' },
      { name: 'connections.csv', content: 'From,To,Type\nA,Nobody Anywhere,partners_with\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'To',
    message: /neither in the file nor in the database/,
  },
  {
    name: 'a connection of an unknown type',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\n' },
      { name: 'connections.csv', content: 'From,To,Type\nA,A,loves\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'Type',
    message: /not a type of connection/,
  },
  {
    name: 'a connection joining the wrong kinds',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\nB,service\n' },
      { name: 'connections.csv', content: 'From,To,Type\nB,A,offers\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'Type',
    message: /must start at actor/,
  },
  {
    name: 'duplicate IDs in an elements sheet',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'ID,Label,Type\nactor:x1,A,ngo\nactor:x1,B,ngo\n' }],
    file: 'elements.csv',
    row: 3,
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a language that is not an ISO code',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Languages\nA,ngo,English\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'languages[0]',
    message: /ISO 639/,
  },
  {
    name: 'a region that is not a region code',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Regions\nA,ngo,los angeles\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'regions[0]',
    message: /ISO 3166/,
  },
  {
    name: 'a Windows-1252 spreadsheet',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: Buffer.from('Label,Type\nCentro de Ayuda Méndez,ngo\n', 'latin1') }],
    file: 'elements.csv',
    message: /not UTF-8/,
  },
  {
    name: 'a verified date that is not a date',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Verified\nA,ngo,last week\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'verifiedAt',
    message: /YYYY-MM-DD/,
  },
];

describe('bad files', () => {
  it('has at least 30 of them', () => expect(BAD_FILES.length).toBeGreaterThanOrEqual(30));

  it.each(BAD_FILES)('refuses $name with a message naming file, row and field, and changes nothing', async (bad) => {
    const { atlas, dispatch } = await open();
    const before = databaseBytes(atlas);
    const files = bad.files.map((file) => ({
      name: file.name,
      contentBase64: Buffer.from(file.content).toString('base64'),
    }));
    const preview = await dispatch('io.importPreview', { format: bad.format, files });
    const issues = preview.ok ? (preview.value as ImportReport).errors : [];
    if (preview.ok) {
      const issue = issues.find((candidate) => bad.message.test(candidate.message));
      expect(issue, JSON.stringify(issues.slice(0, 3))).toBeDefined();
      expect(issue!.file).toBe(bad.file);
      if (bad.row !== undefined) expect(issue!.row).toBe(bad.row);
      if (bad.field !== undefined) expect(issue!.field).toMatch(bad.field);
      expect(issue!.text).toContain(bad.file);
    } else {
      expect(preview.error.message).toMatch(bad.message);
      expect(preview.error.message).toContain(bad.file);
    }
    const applied = await dispatch('io.importApply', { format: bad.format, files });
    expect(applied.ok).toBe(false);
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });

  it('refuses a 100 MB file before reading it, and changes nothing', async () => {
    const { atlas, dispatch } = await open();
    const before = databaseBytes(atlas);
    const path = join(atlas.dir, 'huge.json');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const result = await dispatch('io.importApply', { format: 'hsds-json', path });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /huge\.json: the file is 100\.0 MB; imports are limited to 64 MB/,
    );
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });

  it('writes the backup before an import, and the export never leaves a partial file', async () => {
    const { atlas, dispatch } = await open();
    const report = await ok<ImportReport & { backupPath: string }>(
      dispatch('io.importApply', {
        format: 'elements-csv',
        files: [{ name: 'e.csv', contentBase64: Buffer.from('Label,Type\nNew Org,ngo\n').toString('base64') }],
      }),
    );
    expect(readFileSync(report.backupPath).subarray(0, 15).toString()).toBe('SQLite format 3');
    mkdirSync(join(atlas.dir, 'out'));
    writeFileSync(join(atlas.dir, 'out', 'keep.txt'), 'x');
    await ok(dispatch('io.export', { format: 'graphml', out: join(atlas.dir, 'out', 'g.graphml') }));
    expect(readdirSync(join(atlas.dir, 'out')).sort()).toEqual(['g.graphml', 'keep.txt']);
  });
});
