/**
 * `npm run bench -- import`: importing a generated HSDS CSV package of ~100k services (with their organizations,
 * locations, addresses, phones, schedules, languages, areas and need attributes) into a database holding the seed.
 * Measures the dry run (read, papaparse, Ajv row validation, assembly, mapping, zod validation of every record,
 * merge diff) and the apply (backup + one transaction), rows per second over every CSV row, and peak memory.
 * The baseline is the straightforward write: the same records through the store's own zod parse (untrusted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchSuite } from '../benchmark';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { GraphIndex } from '../../src/shared/graph/graphIndex';
import { serviceLinks, serviceToHsds, actorToHsdsOrganization } from '../../src/shared/hsds/toHsds';
import { HSDS_TABLES, hsdsToTables } from '../../src/shared/hsds/hsdsTables';
import { openAtlas } from '../../src/main/services/atlas';
import { ioHandlers } from '../../src/main/services/ioService';
import { loadHsdsSchemas, defaultHsdsDir } from '../../src/main/services/io/hsdsSchemas';
import { toCsv } from '../../src/main/services/io/csvTable';
import { writeFileAtomic } from '../../src/main/services/io/atomicWrite';
import { parseImportFiles, readImportPath } from '../../src/main/services/io/importFiles';
import { planMerge } from '../../src/shared/interchange/mergeDiff';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOAL_ROWS_PER_SECOND = 50_000;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function writePackage(folder: string, targetServices: number): { services: number; rows: number } {
  const network = generateNetwork({ actors: Math.ceil(targetServices / 3), seed: 7, includeNeeds: true });
  const index = new GraphIndex();
  for (const node of network.nodes) index.putNode(node);
  for (const edge of network.edges) index.putEdge(edge);
  const services = [...index.nodesOfKind('service')].slice(0, targetServices);
  const hsds = services.map((service) => serviceToHsds(service, serviceLinks(index, service.id), 'partners'));
  const organizations = [...index.nodesOfKind('actor')].map((actor) => actorToHsdsOrganization(actor, 'partners'));
  const tables = hsdsToTables(organizations, hsds);
  const schemas = loadHsdsSchemas(defaultHsdsDir(PROJECT_ROOT));
  let rows = 0;
  for (const table of HSDS_TABLES) {
    const info = schemas.tables.get(table)!;
    const columns = info.fields.map((field) => field.name);
    const data = tables[table] ?? [];
    rows += data.length;
    writeFileAtomic(
      join(folder, info.path),
      toCsv([columns, ...data.map((row) => columns.map((c) => (row[c] === undefined ? '' : String(row[c]))))]),
    );
  }
  return { services: services.length, rows };
}

/** The import benchmark. */
export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-import-'));
    try {
      const folder = join(dir, 'package');
      const { services, rows } = writePackage(folder, 100_000);
      console.error(`[bench] import: package of ${services} services, ${rows} CSV rows`);
      const atlas = await openAtlas({
        databasePath: join(dir, 'atlas.sqlite'),
        dataDir: join(PROJECT_ROOT, 'data'),
        includeSample: false,
        version: 'bench',
      });
      const handlers = ioHandlers(atlas);
      const rssBefore = peakRssMb();
      let started = performance.now();
      const preview = await handlers['io.importPreview']({ format: 'hsds-csv', path: folder, replaceConflicts: false });
      const previewMs = performance.now() - started;
      if (preview.errorCount > 0) throw new Error(`the generated package has errors: ${preview.errors[0]?.text}`);
      started = performance.now();
      const applied = await handlers['io.importApply']({ format: 'hsds-csv', path: folder, replaceConflicts: false });
      const applyMs = performance.now() - started;
      const peak = peakRssMb();
      atlas.close();

      // Baseline: the straightforward write of the same plan, every record parsed again by the store's zod schemas.
      const baseAtlas = await openAtlas({
        databasePath: join(dir, 'baseline.sqlite'),
        dataDir: join(PROJECT_ROOT, 'data'),
        includeSample: false,
        version: 'bench',
      });
      const schemas = () => loadHsdsSchemas(defaultHsdsDir(PROJECT_ROOT));
      const plan = planMerge(
        parseImportFiles('hsds-csv', readImportPath('hsds-csv', folder), schemas),
        baseAtlas.store.index,
      );
      started = performance.now();
      baseAtlas.store.write('baseline', (writer) => {
        for (const node of plan.nodes) writer.putNode(node);
        for (const edge of plan.edges) writer.putEdge(edge);
      });
      const baselineWriteMs = performance.now() - started;
      baseAtlas.close();
      // The apply re-reads the files (it never trusts an earlier preview), so its write part is apply − preview.
      const writeMs = Math.max(1, applyMs - previewMs);
      const endToEnd = (rows / (previewMs + writeMs)) * 1000;
      const results: BenchResult[] = [
        {
          name: `dry run (read + parse + validate + map + diff), ${rows} rows`,
          value: (rows / previewMs) * 1000,
          unit: 'rows/s',
          goal: `>= ${GOAL_ROWS_PER_SECOND} rows/s including validation`,
          met: (rows / previewMs) * 1000 >= GOAL_ROWS_PER_SECOND,
        },
        { name: `dry run, services (${services})`, value: (services / previewMs) * 1000, unit: 'services/s' },
        {
          name: 'write (one transaction, records validated once)',
          value: (applied.addedCount / writeMs) * 1000,
          unit: 'records/s',
          baseline: (applied.addedCount / baselineWriteMs) * 1000,
          ratio: baselineWriteMs / writeMs,
        },
        {
          name: 'end to end (dry run + write)',
          value: endToEnd,
          unit: 'rows/s',
          goal: `>= ${GOAL_ROWS_PER_SECOND} rows/s`,
          met: endToEnd >= GOAL_ROWS_PER_SECOND,
        },
        { name: 'peak RSS during import', value: peak, unit: 'MB', baseline: rssBefore },
      ];
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
