/**
 * Import and export end to end over the real services: HSDS round trips, schema validation of every export, the
 * official HSDS examples, the public directory's secrecy, the backup before an import and atomic export writes. Bad
 * files are in ioService.badFiles.test.ts.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, ImportReport } from '../../shared/api/methods/ioMethods';
import { PROJECT_ROOT } from '../../../tests/support/tempAtlas';
import { loadHsdsSchemas } from './io/hsdsSchemas';
import type { Atlas } from './atlas';
import { sampleConfidentialValues } from '../../../tests/support/sampleSecrets';
import { ok, useServiceAtlases } from '../../../tests/support/serviceAtlas';

const HSDS_DIR = join(PROJECT_ROOT, '..', 'shared', 'hsds');
const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'io');
const open = useServiceAtlases();

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
    const { atlas } = await open();
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

describe('applying an import and writing an export', () => {
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
