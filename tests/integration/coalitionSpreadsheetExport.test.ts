/**
 * Coalition spreadsheets out and back in, over the real services: export the network as elements.csv and
 * connections.csv, import them into an empty database and into the one they came from, keep secrets out of a
 * public export, and neutralise formula cells without losing their values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/shared/api';
import type { ExportResult, ImportReport } from '../../src/shared/api/methods/ioMethods';
import { isProvider, type NodeRecord, type ProviderRecord } from '../../src/shared/domain';
import { ELEMENT_COLUMNS } from '../../src/shared/interchange/coalitionSpreadsheet';
import { FORMULA_TRIGGERS } from '../../src/shared/interchange/formulaGuard';
import { parseCsv } from '../../src/main/services/io/csvTable';
import { sampleConfidentialValues } from '../support/sampleSecrets';
import { expectSampleNetworkAdded, ok, useServiceAtlases, type TempAtlas } from '../support/serviceAtlas';
import { SHEET_CARRIED_FIELDS } from '../support/coalitionSheetFields';

const open = useServiceAtlases();

async function exportSheets(
  { atlas, dispatch }: { atlas: TempAtlas; dispatch: Dispatch },
  audience: 'public' | 'partners',
  name = `sheets-${audience}`,
): Promise<{ folder: string; result: ExportResult }> {
  const folder = join(atlas.dir, name);
  const result = await ok<ExportResult>(dispatch('io.export', { format: 'elements-csv', audience, out: folder }));
  return { folder, result };
}

const CARRIED = SHEET_CARRIED_FIELDS;
const carried = (record: NodeRecord | undefined) =>
  record && Object.fromEntries(CARRIED.map((key) => [key, (record as Record<string, unknown>)[key]]));

describe('coalition spreadsheet export', () => {
  it('writes elements.csv and connections.csv into the --out folder, and nothing else', async () => {
    const a = await open();
    const { folder, result } = await exportSheets(a, 'partners');
    expect(readdirSync(folder).sort()).toEqual(['connections.csv', 'elements.csv']);
    expect(result.files.map((file) => file.path)).toEqual([
      join(folder, 'elements.csv'),
      join(folder, 'connections.csv'),
    ]);
    const providers = [...a.atlas.store.index.allNodes()].filter(isProvider);
    expect(result.records).toBe(providers.length);
    const elements = parseCsv('elements.csv', readFileSync(join(folder, 'elements.csv'), 'utf8'));
    expect(elements.errors).toEqual([]);
    expect(elements.sheet.columns).toEqual([...ELEMENT_COLUMNS]);
    expect(elements.sheet.rows.map((row) => row.ID).sort()).toEqual(providers.map((record) => record.id).sort());
  });

  it('round-trips the sample network for partners: an empty database gets the same records and relations', async () => {
    const a = await open();
    const { folder } = await exportSheets(a, 'partners');
    const b = await open(false);
    const applied = await ok<ImportReport>(b.dispatch('io.importApply', { format: 'elements-csv', path: folder }));
    // The seed is in both databases and comes back unchanged; the sample network is added.
    expectSampleNetworkAdded(applied, a.atlas);
    for (const record of [...a.atlas.store.index.allNodes()].filter(isProvider))
      expect(carried(b.atlas.store.index.node(record.id)), record.id).toEqual(carried(record));
    // Every relation comes back with its note and source: the sheets hold every provider, and the records at the
    // other end of the rest (needs, statutes, recommendations) are in every database's knowledge base.
    const edges = (atlas: TempAtlas) =>
      [...atlas.store.index.allEdges()]
        .map(({ type, from, to, note, source }) => ({ type, from, to, note, source }))
        .sort((x, y) => `${x.from}|${x.type}|${x.to}`.localeCompare(`${y.from}|${y.type}|${y.to}`));
    expect(edges(b.atlas)).toEqual(edges(a.atlas));
  });

  it('re-imported into the database it came from, adds nothing and changes nothing', async () => {
    const a = await open();
    const { folder } = await exportSheets(a, 'partners');
    const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-csv', path: folder }));
    expect(preview.errors).toEqual([]);
    expect(preview.addedCount).toBe(0);
    expect(preview.changed).toEqual([]);
    expect(preview.conflictCount).toBe(0);
    expect(preview.edgesAdded).toBe(0);
    expect(preview.unchangedCount).toBe(preview.counts.elements);
    expect(preview.edgesUnchanged).toBe(preview.counts.connections);
  });

  it('exports only the scope’s services, their providers and their relations when given a need', async () => {
    const a = await open();
    const folder = join(a.atlas.dir, 'scoped');
    const scoped = await ok<ExportResult>(
      a.dispatch('io.export', {
        format: 'elements-csv',
        audience: 'partners',
        scope: { region: null, needs: ['shelter'], actorTypes: [] },
        out: folder,
      }),
    );
    const all = [...a.atlas.store.index.allNodes()].filter(isProvider).length;
    expect(scoped.records).toBeGreaterThan(0);
    expect(scoped.records).toBeLessThan(all);
    const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-csv', path: folder }));
    expect(preview.errors).toEqual([]);
    expect(preview.addedCount + preview.changedCount + preview.edgesAdded).toBe(0);
  });
});

describe('a public coalition spreadsheet keeps secrets', () => {
  const confidentialValues = sampleConfidentialValues;
  it('re-imported public, into the database it came from, clears none of the withheld confidential fields', async () => {
    const a = await open();
    const confidentialRecords = () =>
      [...a.atlas.store.index.allNodes()].filter(
        (node): node is ProviderRecord => isProvider(node) && node.confidential.length > 0,
      );
    const before = new Map(confidentialRecords().map((record) => [record.id, record]));
    expect(before.size).toBeGreaterThan(10);
    const withheld = [...before.values()].filter((record) => record.confidential.some((f) => f.startsWith('address')));
    expect(withheld.length).toBeGreaterThan(0);
    const { folder } = await exportSheets(a, 'public');
    const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-csv', path: folder }));
    expect(preview.errors).toEqual([]);
    expect(preview.changed.filter((entry) => before.has(entry.id))).toEqual([]);
    await ok<ImportReport>(a.dispatch('io.importApply', { format: 'elements-csv', path: folder }));
    for (const record of confidentialRecords()) expect(record, record.id).toEqual(before.get(record.id));
  });

  const read = (folder: string) =>
    ['elements.csv', 'connections.csv'].map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
  const pattern = (secret: string) => new RegExp(`\\b${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);

  it('holds none of the sample network’s confidential values; the partners’ export holds them all', async () => {
    const secrets = confidentialValues();
    expect(secrets.length).toBeGreaterThanOrEqual(30);
    const a = await open();
    const publicText = read((await exportSheets(a, 'public')).folder);
    for (const secret of secrets) expect(pattern(secret).test(publicText), `"${secret}" leaked`).toBe(false);
    const partnersText = read((await exportSheets(a, 'partners')).folder);
    for (const secret of secrets) expect(pattern(secret).test(partnersText), `"${secret}" missing`).toBe(true);
  });

  it('marks no field confidential in the public sheet, and keeps the marks in the partners’ sheet', async () => {
    const a = await open();
    const rows = (folder: string) =>
      parseCsv('elements.csv', readFileSync(join(folder, 'elements.csv'), 'utf8')).sheet.rows;
    expect(rows((await exportSheets(a, 'public')).folder).filter((row) => row.Confidential)).toEqual([]);
    const marked = rows((await exportSheets(a, 'partners')).folder).filter((row) => row.Confidential);
    expect(marked.length).toBe(
      [...a.atlas.store.index.allNodes()].filter((node) => isProvider(node) && node.confidential.length > 0).length,
    );
  });
});

describe('coalition spreadsheet cells', () => {
  const actor = (id: string, fields: Record<string, unknown>) => ({
    id,
    kind: 'actor' as const,
    actorType: 'ngo' as const,
    name: 'Test organisation',
    source: 'test',
    ...fields,
  });

  it.each(FORMULA_TRIGGERS.map((trigger) => [trigger]))(
    'neutralises a value starting with %j and reads it back unchanged',
    async (trigger) => {
      const a = await open();
      a.atlas.store.write('formula', (writer) => {
        writer.putNode(actor('actor:formula', { description: `${trigger}HYPERLINK("http://evil.example")` }));
        writer.putNode(actor('actor:formula-two', { name: 'Other', tags: [`${trigger}cmd`, 'plain'] }));
        writer.putEdge({
          type: 'partners_with',
          from: 'actor:formula',
          to: 'actor:formula-two',
          source: 'test',
          note: `${trigger}1+2`,
        });
      });
      const { folder } = await exportSheets(a, 'partners');
      const elements = parseCsv('elements.csv', readFileSync(join(folder, 'elements.csv'), 'utf8')).sheet.rows;
      const connections = parseCsv('connections.csv', readFileSync(join(folder, 'connections.csv'), 'utf8')).sheet.rows;
      expect(elements.find((row) => row.ID === 'actor:formula')?.Description).toBe(
        `'${trigger}HYPERLINK("http://evil.example")`,
      );
      expect(elements.find((row) => row.ID === 'actor:formula-two')?.Tags).toBe(`'${trigger}cmd|plain`);
      expect(connections.find((row) => row.From === 'actor:formula')?.Note).toBe(`'${trigger}1+2`);
      // No cell of either sheet starts with a trigger.
      for (const row of [...elements, ...connections])
        for (const cell of Object.values(row)) expect(FORMULA_TRIGGERS as readonly string[]).not.toContain(cell[0]);

      const preview = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-csv', path: folder }));
      expect(preview.errors).toEqual([]);
      expect(preview.changed).toEqual([]);
      expect(preview.edgesAdded).toBe(0);
    },
  );

  it('keeps a value holding "|" (and a backslash) whole, into an empty database and back', async () => {
    const a = await open();
    const record = actor('actor:pipes', {
      name: 'Pipes | Partners',
      description: 'Left | right',
      tags: ['a|b', 'back\\slash', 'c'],
      aliases: ['Pipes \\| Co', 'P|P'],
      phones: [{ number: '(323) 555-0199', label: 'Intake | after hours: line' }],
    });
    a.atlas.store.write('pipes', (writer) => writer.putNode(record));
    const { folder } = await exportSheets(a, 'partners');
    const again = await ok<ImportReport>(a.dispatch('io.importPreview', { format: 'elements-csv', path: folder }));
    expect(again.errors).toEqual([]);
    expect(again.changed).toEqual([]);
    const b = await open(false);
    const applied = await ok<ImportReport>(b.dispatch('io.importApply', { format: 'elements-csv', path: folder }));
    expect(applied.errors).toEqual([]);
    expect(carried(b.atlas.store.index.node('actor:pipes'))).toEqual(carried(a.atlas.store.index.node('actor:pipes')));
  });
});
