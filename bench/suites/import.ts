/**
 * `npm run bench -- import`: importing a generated HSDS CSV package of ~100k services (with their organizations,
 * locations, addresses, phones, schedules, languages, areas and need attributes) into a database holding the seed.
 * Measures the dry run (read, papaparse, Ajv row validation, assembly, mapping, zod validation of every record,
 * merge diff) and the apply (backup + one transaction), rows per second over every CSV row, and peak memory.
 * The baseline is the straightforward write: the same records through the store's own zod parse (untrusted).
 * ATLAS_BENCH_IMPORT_SERVICES sets the package size (default 100000).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchSuite } from '../benchmark';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { GraphIndex } from '../../src/shared/graph/graphIndex';
import { serviceLinks, serviceToHsds, actorToHsdsOrganization } from '../../src/shared/hsds/toHsds';
import { HSDS_TABLES, hsdsToTables } from '../../src/shared/hsds/hsdsTables';
import { openAtlas } from '../../src/main/services/atlas';
import { loadHsdsSchemas, defaultHsdsDir } from '../../src/main/services/io/hsdsSchemas';
import { toCsv } from '../../src/main/services/io/csvTable';
import { writeFileAtomic } from '../../src/main/services/io/atomicWrite';
import { parseImportFiles, readImportPath } from '../../src/main/services/io/importFiles';
import { planMerge } from '../../src/shared/interchange/mergeDiff';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOAL_ROWS_PER_SECOND = 50_000;
const rssMb = () => process.memoryUsage().rss / 1048576;
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
/**
 * A 100k-service package has files over the app's 64 MB per-file import limit (attributes.csv holds ~8 rows per
 * service), so the bench raises the limit, as an administrator migrating a whole region's data would.
 */
const BENCH_FILE_LIMIT = 1024 * 1024 * 1024;

function writePackage(folder: string, targetServices: number): { services: number; rows: number } {
  const network = generateNetwork({ actors: Math.ceil(targetServices / 3), seed: 7, includeNeeds: true });
  const index = new GraphIndex();
  for (const node of network.nodes) index.putNode(node);
  for (const edge of network.edges) index.putEdge(edge);
  const services = [...index.nodesOfKind('service')].slice(0, targetServices);
  const hsds = services.map((service) => serviceToHsds(service, serviceLinks(index, service.id), 'partners'));
  const organizations = [...index.nodesOfKind('actor')].map((actor) => actorToHsdsOrganization(actor, 'partners'));
  const tables = hsdsToTables(organizations, hsds);
  const schemas = loadHsdsSchemas(defaultHsdsDir(join(PROJECT_ROOT, 'data')));
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

/**
 * Writes the package in a child process, so the import's memory is measured in a process that never held the
 * generated network (its RSS would otherwise be the baseline the import is compared with).
 */
function writePackageInChild(folder: string, targetServices: number): { services: number; rows: number } {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const output = execFileSync(
    process.execPath,
    [tsx, fileURLToPath(import.meta.url), WRITE_PACKAGE_FLAG, folder, String(targetServices)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as { services: number; rows: number };
}

const WRITE_PACKAGE_FLAG = '--write-package';
// Run as `tsx bench/suites/import.ts --write-package <folder> <services>`: writes the package, prints its counts.
if (process.argv[2] === WRITE_PACKAGE_FLAG && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(writePackage(process.argv[3]!, Number(process.argv[4]))));
}

/** The import benchmark. */
export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-import-'));
    try {
      const folder = join(dir, 'package');
      const { services, rows } = writePackageInChild(
        folder,
        Number(process.env.ATLAS_BENCH_IMPORT_SERVICES ?? 100_000),
      );
      console.error(`[bench] import: package of ${services} services, ${rows} CSV rows`);
      const schemas = loadHsdsSchemas(defaultHsdsDir(join(PROJECT_ROOT, 'data'))); // compiled once per process, outside the timing
      const open = (name: string) =>
        openAtlas({
          databasePath: join(dir, name),
          dataDir: join(PROJECT_ROOT, 'data'),
          includeSample: false,
          version: 'bench',
        });
      const atlas = await open('atlas.sqlite');
      const rssBefore = rssMb();
      const rssSamples: number[] = [];
      const cpuBefore = process.cpuUsage();

      // The dry run, as io.importPreview does it: read, papaparse, Ajv per row, assemble, map, zod per record, diff.
      // Like the service, only the merge plan outlives the dry run: the file texts and the parsed import can be
      // collected before the write.
      let started = performance.now();
      const dryRun = () => {
        const parsed = parseImportFiles(
          'hsds-csv',
          readImportPath('hsds-csv', folder, BENCH_FILE_LIMIT),
          () => schemas,
        );
        rssSamples.push(rssMb());
        const merge = planMerge(parsed, atlas.store.index);
        const errors = [...parsed.errors, ...merge.errors];
        if (errors.length > 0) throw new Error(`the generated package has errors: ${JSON.stringify(errors[0])}`);
        return merge;
      };
      const plan = dryRun();
      const dryRunMs = performance.now() - started;
      const dryRunCpu = process.cpuUsage(cpuBefore);
      rssSamples.push(rssMb());

      // The write, as io.importApply does it after its own dry run: one transaction, records already validated.
      started = performance.now();
      atlas.store.write(
        'bench import',
        (writer) => {
          for (const node of plan.nodes) writer.putNode(node);
          for (const edge of plan.edges) writer.putEdge(edge);
        },
        { trusted: true },
      );
      const writeMs = performance.now() - started;
      rssSamples.push(rssMb());
      atlas.close();

      // Baseline: the straightforward write, every record parsed again by the store's zod schemas.
      const baseAtlas = await open('baseline.sqlite');
      started = performance.now();
      baseAtlas.store.write('baseline', (writer) => {
        for (const node of plan.nodes) writer.putNode(node);
        for (const edge of plan.edges) writer.putEdge(edge);
      });
      const baselineWriteMs = performance.now() - started;
      baseAtlas.close();

      const records = plan.nodes.length + plan.edges.length;
      const dryRunRate = (rows / dryRunMs) * 1000;
      const endToEnd = (rows / (dryRunMs + writeMs)) * 1000;
      const results: BenchResult[] = [
        {
          name: `dry run (read + parse + validate + map + diff) of ${rows} CSV rows`,
          value: dryRunRate,
          unit: 'rows/s',
          goal: `>= ${GOAL_ROWS_PER_SECOND} rows/s including validation`,
          met: dryRunRate >= GOAL_ROWS_PER_SECOND,
        },
        { name: `dry run of ${services} services`, value: (services / dryRunMs) * 1000, unit: 'services/s' },
        {
          name: `write of ${records} records and relations (one transaction)`,
          value: (records / writeMs) * 1000,
          unit: 'records/s',
          baseline: (records / baselineWriteMs) * 1000,
          ratio: baselineWriteMs / writeMs,
        },
        {
          name: 'end to end (dry run + write)',
          value: endToEnd,
          unit: 'rows/s',
          goal: `>= ${GOAL_ROWS_PER_SECOND} rows/s`,
          met: endToEnd >= GOAL_ROWS_PER_SECOND,
        },
        // The machine is shared: wall-clock rates fall with the load, CPU time much less, so both are reported.
        {
          name: 'dry run per CPU-second (user + system, all threads)',
          value: rows / cpuSeconds(dryRunCpu),
          unit: 'rows/CPU-s',
          goal: `>= ${GOAL_ROWS_PER_SECOND} rows per CPU-second`,
          met: rows / cpuSeconds(dryRunCpu) >= GOAL_ROWS_PER_SECOND,
        },
        { name: `load average (1 min) on ${cpus().length} cores`, value: loadavg()[0] ?? 0, unit: 'runnable' },
        // Sampled at the end of each phase (parse, diff, write); the baseline is the RSS before the import began.
        {
          name: 'peak RSS during the import (phase ends)',
          value: Math.max(...rssSamples),
          unit: 'MB',
          baseline: rssBefore,
        },
      ];
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
