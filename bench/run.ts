/**
 * `npm run bench [-- suite ...]`: runs the benchmark suites, prints a table and writes bench/results.json as a list
 * of `{ name, value, unit, baseline?, ratio? }` (the suites not run keep their entries there). Benchmarks never run
 * in `npm test`: the machines are shared and noisy, so figures are medians and ratios against a baseline measured
 * in the same run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { round, type BenchResult } from './benchmark';
import { SUITES } from './suites';

const wanted = new Set(process.argv.slice(2));
const suites = SUITES.filter((suite) => wanted.size === 0 || wanted.has(suite.name));
if (suites.length === 0) {
  console.error(`No suite matches ${[...wanted].join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const results: BenchResult[] = [];
for (const suite of suites) {
  console.error(`[bench] ${suite.name} ...`);
  const started = performance.now();
  const suiteResults = await suite.run();
  results.push(...suiteResults.map((result) => ({ ...result, name: `${suite.name}: ${result.name}` })));
  console.error(`[bench] ${suite.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const rows = results.map((r) => [
  r.name,
  String(round(r.value)),
  r.unit,
  r.baseline === undefined ? '' : String(round(r.baseline)),
  r.ratio === undefined ? '' : `${round(r.ratio)}x`,
  r.goal ? `${r.met ? 'met' : 'NOT met'}: ${r.goal}` : '',
]);
const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'goal'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

// The suites not run this time keep their last figures: running one suite must not erase the others'.
const out = fileURLToPath(new URL('./results.json', import.meta.url));
const ran = new Set(suites.map((suite) => suite.name));
const suiteOf = (result: BenchResult) => result.name.slice(0, result.name.indexOf(':'));
const kept = existsSync(out)
  ? (JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]).filter((result) => !ran.has(suiteOf(result)))
  : [];
const order = (result: BenchResult) => SUITES.findIndex((suite) => suite.name === suiteOf(result));
const merged = [...kept, ...results].sort((a, b) => order(a) - order(b));
writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
console.error(`[bench] wrote ${out}`);
