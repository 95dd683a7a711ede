/**
 * The benchmark suites still run: each at a tiny size, checking that every figure comes out finite and named. No
 * timing is asserted here (the machines are shared); `npm run bench` is where figures are taken.
 */
import { describe, expect, it } from 'vitest';
import type { BenchResult, BenchSuite } from '../../bench/benchmark';

async function runAtTinySize(load: () => Promise<BenchSuite>): Promise<BenchResult[]> {
  const suite = await load();
  return suite.run();
}

function expectFigures(results: BenchResult[], names: RegExp[]): void {
  for (const result of results) {
    expect(Number.isFinite(result.value), `${result.name}: ${result.value}`).toBe(true);
    if (result.baseline !== undefined) expect(Number.isFinite(result.baseline), result.name).toBe(true);
  }
  for (const name of names) expect(results.map((result) => result.name)).toContainEqual(expect.stringMatching(name));
}

describe('benchmark suites at a tiny size', () => {
  it('store: bulk insert, its baseline and floor, point reads', async () => {
    process.env.BENCH_STORE_ACTORS = '200';
    const results = await runAtTinySize(async () => (await import('../../bench/suites/store')).storeSuite);
    expectFigures(results, [/^bulk insert through the store/, /plain prepared INSERTs \(baseline\)/, /empty records/]);
    expect(results.find((result) => result.name.startsWith('point reads from the in-memory index'))?.name).not.toMatch(
      /MISSING/,
    );
  }, 60_000);

  it('import: a generated HSDS CSV package through the dry run and the write', async () => {
    process.env.ATLAS_BENCH_IMPORT_SERVICES = '60';
    const results = await runAtTinySize(async () => (await import('../../bench/suites/import')).importSuite);
    expectFigures(results, [/^dry run \(read/, /^write of \d+ records/, /^end to end/, /peak RSS/]);
  }, 120_000);
});
