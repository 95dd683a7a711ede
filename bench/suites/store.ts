/**
 * Store benchmarks: bulk insert throughput of `generate` at 100k actors through the graph store (validation of ends,
 * audit log, index), beside plain prepared INSERTs of the same rows as the baseline; and point reads per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { openDatabase } from '../../src/main/db/openDatabase';
import { GraphRepository } from '../../src/main/db/graphRepository';
import { GraphStore } from '../../src/main/services/graphStore';
import type { BenchResult, BenchSuite } from '../benchmark';

const ACTORS = Number(process.env.BENCH_STORE_ACTORS ?? 100_000);

export const storeSuite: BenchSuite = {
  name: 'store',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-store-'));
    try {
      const network = generateNetwork({ actors: ACTORS, seed: 1 });
      const rows = network.nodes.length + network.edges.length;

      // Baseline: the same rows through plain prepared INSERTs in one transaction (no checks, no audit, no index).
      const rawDb = await openDatabase(join(dir, 'raw.sqlite'));
      const repo = new GraphRepository(rawDb);
      let started = performance.now();
      rawDb.transaction(() => {
        for (const node of network.nodes) repo.upsertNode(node, JSON.stringify(node));
        for (const edge of network.edges) repo.upsertEdge(edge);
      })();
      const rawSeconds = (performance.now() - started) / 1000;
      rawDb.close();

      // Where the time of the baseline goes: serialising the records alone, and the same INSERTs with an empty
      // record (keys, indexes and foreign-key checks only), the floor any layout of these rows pays on this machine.
      started = performance.now();
      for (const node of network.nodes) JSON.stringify(node);
      for (const edge of network.edges) JSON.stringify(edge);
      const stringifySeconds = (performance.now() - started) / 1000;
      const floorDb = await openDatabase(join(dir, 'floor.sqlite'));
      const floorRepo = new GraphRepository(floorDb);
      started = performance.now();
      floorDb.transaction(() => {
        for (const node of network.nodes) floorRepo.upsertNode(node, '{}');
        for (const edge of network.edges) floorRepo.upsertEdge({ ...edge, note: '', source: '' });
      })();
      const floorSeconds = (performance.now() - started) / 1000;
      floorDb.close();

      const db = await openDatabase(join(dir, 'store.sqlite'));
      const store = new GraphStore(db);
      started = performance.now();
      store.write(
        'generate',
        (writer) => {
          for (const node of network.nodes) writer.putNode(node);
          for (const edge of network.edges) writer.putEdge(edge);
        },
        { trusted: true },
      );
      const storeSeconds = (performance.now() - started) / 1000;

      // Point reads: records by id from SQLite (the store's repository) and from the in-memory index.
      const ids = network.nodes.map((node) => node.id);
      const reads = 200_000;
      started = performance.now();
      for (let i = 0; i < reads; i++) store.repository.nodeJson(ids[(i * 7919) % ids.length]!);
      const sqlReadSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      let found = 0;
      for (let i = 0; i < reads; i++) if (store.index.node(ids[(i * 7919) % ids.length]!)) found++;
      const indexReadSeconds = (performance.now() - started) / 1000;
      db.close();

      const storeRate = rows / storeSeconds;
      const rawRate = rows / rawSeconds;
      return [
        { name: `rows written (${ACTORS} actors)`, value: rows, unit: 'rows' },
        {
          name: 'bulk insert through the store (checks + audit log + index)',
          value: storeRate,
          unit: 'rows/s',
          baseline: rawRate,
          ratio: storeRate / rawRate,
          goal: '≥ 150k rows/s inside transactions',
          met: storeRate >= 150_000,
        },
        { name: 'bulk insert, plain prepared INSERTs (baseline)', value: rawRate, unit: 'rows/s' },
        { name: 'JSON.stringify of the same records alone', value: rows / stringifySeconds, unit: 'rows/s' },
        {
          name: 'plain prepared INSERTs with empty records (keys, indexes, foreign keys only)',
          value: rows / floorSeconds,
          unit: 'rows/s',
        },
        { name: 'point reads from SQLite by id', value: reads / sqlReadSeconds, unit: 'reads/s' },
        {
          name: `point reads from the in-memory index${found === reads ? '' : ' (SOME MISSING)'}`,
          value: reads / indexReadSeconds,
          unit: 'reads/s',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
