/**
 * Search at scale: on synthetic networks of about 10k and 100k records, the per-keystroke latency of our search
 * (prefilter + fuse.js over the shortlist) and of plain fuse.js over every record with the same fields and weights,
 * measured in the same run on the same typed keystrokes (wall-clock and CPU time); index build time and heap; the time to apply one edit; and
 * top-3 recall of both on typo queries (actor names with one or two letters changed).
 *
 * Networks are sized by record count: `generateNetwork` makes about four records per actor (the actor and its
 * two to four services), so 10k records = 2,500 actors and 100k records = 25,000 actors (plus the 21 needs).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import { GraphIndex } from '../../src/shared/graph/graphIndex';
import { SearchEngine } from '../../src/shared/search/searchEngine';
import { FIELD_WEIGHTS, SEARCH_FIELDS, searchDocument } from '../../src/shared/search/searchDocument';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { seededRandom, type Random } from '../../src/shared/synthetic/random';
import type { NodeRecord } from '../../src/shared/domain';
import { median, quantile, timeMs, type BenchResult, type BenchSuite } from '../benchmark';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Plain fuse.js costs seconds per search at these sizes (its bitap scan reads every field of every record, and a
 * query longer than 32 characters is scanned in several chunks), so it is timed on fewer queries and on every
 * `stride`-th keystroke of them; ours is timed on exactly the same keystrokes for the ratio, and on every keystroke
 * of more queries for its own p50 and p95.
 */
const SIZES = [
  {
    label: '10k',
    records: 10_000,
    goalMs: 16,
    recallQueries: 12,
    ourRecallQueries: 200,
    typedQueries: 10,
    baselineQueries: 1,
    stride: 4,
  },
  {
    label: '100k',
    records: 100_000,
    goalMs: 50,
    recallQueries: 2,
    ourRecallQueries: 100,
    typedQueries: 10,
    baselineQueries: 1,
    stride: 10,
  },
];
const LIMIT = 20;
const NOW = new Date('2026-11-15T10:00:00Z');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A record name with `edits` typos on its letters: a letter replaced, dropped, doubled or swapped with the next. */
function misspell(name: string, edits: number, random: Random): string {
  let text = name;
  for (let e = 0; e < edits; e++) {
    const letters = [...text].map((char, i) => (/[a-z]/i.test(char) ? i : -1)).filter((i) => i >= 0);
    const at = random.pick(letters);
    const kind = random.int(0, 3);
    if (kind === 0) text = text.slice(0, at) + random.pick([...LETTERS]) + text.slice(at + 1);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
    else if (kind === 2) text = text.slice(0, at) + random.pick([...LETTERS]) + text.slice(at);
    else if (at + 1 < text.length) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  }
  return text;
}

/** Wall-clock and CPU milliseconds of one run (the CPU time leaves out the time slices of other processes). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const wall = timeMs(fn);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** The same fields and weights our engine reads, as plain objects for plain fuse.js. */
const FUSE_KEYS = SEARCH_FIELDS.filter((field) => field !== 'acronym').map((name) => ({
  name,
  weight: FIELD_WEIGHTS[name],
}));

async function runSize(size: (typeof SIZES)[number]): Promise<BenchResult[]> {
  const network = generateNetwork({ actors: Math.round(size.records / 4), seed: 4 });
  const graph = new GraphIndex();
  for (const node of network.nodes) graph.putNode(node);
  for (const edge of network.edges) graph.putEdge(edge);
  const records = network.nodes.length;
  const tag = `${size.label} (${records} records)`;
  const progress = (what: string) => console.error(`[bench] search ${tag}: ${what}`);

  let heapBefore = heapUsed();
  let engine: SearchEngine | undefined;
  const buildMs = timeMs(() => {
    engine = SearchEngine.build(graph);
  });
  const ours = engine!;
  const ourHeap = heapUsed() - heapBefore;
  progress(`our index built in ${buildMs.toFixed(0)} ms`);

  heapBefore = heapUsed();
  let fuse: Fuse<{ id: string } & Record<string, unknown>> | undefined;
  const fuseBuildMs = timeMs(() => {
    const items = network.nodes.map((record) => ({ id: record.id, ...searchDocument(record, graph).fields }));
    fuse = new Fuse(items, { keys: FUSE_KEYS, includeScore: true, includeMatches: true, ignoreDiacritics: true });
  });
  const plain = fuse!;
  const fuseHeap = heapUsed() - heapBefore;
  progress(`fuse.js index built in ${fuseBuildMs.toFixed(0)} ms`);

  // Typo queries: names of random actors and services, one or two letters changed.
  const random = seededRandom(size.records);
  // Actor names (about 30 to 50 characters); service names repeat their actor's name after "at" and run past 60.
  const named = network.nodes.filter((node) => node.kind === 'actor');
  const byName = new Map<string, Set<string>>();
  for (const node of named) byName.set(node.name, (byName.get(node.name) ?? new Set()).add(node.id));
  const queries = Array.from({ length: size.ourRecallQueries }, () => {
    const target: NodeRecord = random.pick(named);
    return { target, text: misspell(target.name, random.int(1, 2), random) };
  });
  // A hit: the target, or a record with exactly its name (a generated actor may offer two services named alike).
  const hit = (ids: string[], target: NodeRecord) => ids.some((id) => byName.get(target.name)?.has(id));

  // Recall of both on the same first queries (plain fuse.js is too slow for more), and of ours on all of them.
  let ourHits = 0;
  let ourSharedHits = 0;
  let fuseHits = 0;
  queries.forEach((query, i) => {
    const found = hit(
      ours.search({ text: query.text, limit: 3 }, NOW).results.map((r) => r.id),
      query.target,
    );
    if (found) ourHits++;
    if (i >= size.recallQueries) return;
    if (found) ourSharedHits++;
    if (
      hit(
        plain.search(query.text, { limit: 3 }).map((r) => r.item.id),
        query.target,
      )
    )
      fuseHits++;
  });
  const ourRecall = ourSharedHits / size.recallQueries;
  const fuseRecall = fuseHits / size.recallQueries;
  progress(
    `recall: ours ${ourSharedHits}/${size.recallQueries} (${ourHits}/${queries.length}), fuse.js ${fuseHits}/${size.recallQueries}`,
  );

  // Per keystroke: prefixes of the typed query, one search each, as the palette sends them.
  const prefixes = (text: string, stride: number) =>
    [...text]
      .map((_, i) => text.slice(0, i + 1))
      .filter((_, i, all) => i % stride === stride - 1 || i === all.length - 1);
  const oursAll = queries
    .slice(0, size.typedQueries)
    .flatMap((query) => prefixes(query.text, 1))
    .map((text) => timed(() => void ours.search({ text, limit: LIMIT }, NOW)));
  progress(
    `our keystrokes: p95 ${quantile(
      oursAll.map((t) => t.wall),
      0.95,
    ).toFixed(1)} ms wall`,
  );
  const shared = queries.slice(0, size.baselineQueries).flatMap((query) => prefixes(query.text, size.stride));
  const oursShared = shared.map((text) => timed(() => void ours.search({ text, limit: LIMIT }, NOW)));
  const fuseShared = shared.map((text) => timed(() => void plain.search(text, { limit: LIMIT })));
  progress(
    `fuse.js keystrokes: p95 ${quantile(
      fuseShared.map((t) => t.wall),
      0.95,
    ).toFixed(1)} ms wall`,
  );

  // One edit: rename an actor and apply the change to the index (no rebuild).
  const actor = named.find((node) => node.kind === 'actor')!;
  const renamed = { ...actor, name: `${actor.name} Renamed` };
  graph.putNode(renamed);
  const updateTimes = Array.from({ length: 20 }, () =>
    timeMs(() => ours.update({ nodes: [{ id: actor.id, before: actor, after: renamed }], edges: [] })),
  );

  const wall = (samples: { wall: number }[]) => samples.map((sample) => sample.wall);
  const cpu = (samples: { cpu: number }[]) => samples.map((sample) => sample.cpu);
  const p95 = quantile(wall(oursAll), 0.95);
  const compare = (what: string, pick: (s: { wall: number; cpu: number }[]) => number[], q: number): BenchResult => {
    const value = quantile(pick(oursShared), q);
    const baseline = quantile(pick(fuseShared), q);
    return {
      name: `${tag}: ${what}, ${shared.length} keystrokes, ours vs plain fuse.js`,
      value,
      unit: 'ms',
      baseline,
      ratio: baseline / value,
    };
  };
  return [
    { name: `${tag}: keystroke p50 (wall), ${oursAll.length} keystrokes`, value: median(wall(oursAll)), unit: 'ms' },
    {
      name: `${tag}: keystroke p95 (wall), ${oursAll.length} keystrokes`,
      value: p95,
      unit: 'ms',
      goal: `p95 <= ${size.goalMs} ms`,
      met: p95 <= size.goalMs,
    },
    {
      name: `${tag}: keystroke p95 (CPU), ${oursAll.length} keystrokes`,
      value: quantile(cpu(oursAll), 0.95),
      unit: 'ms',
    },
    compare('keystroke p50 (wall)', wall, 0.5),
    compare('keystroke p95 (wall)', wall, 0.95),
    compare('keystroke p95 (CPU)', cpu, 0.95),
    {
      name: `${tag}: top-3 recall on ${size.recallQueries} typo queries, ours vs plain fuse.js`,
      value: ourRecall,
      unit: 'share',
      baseline: fuseRecall,
      ratio: fuseRecall > 0 ? ourRecall / fuseRecall : undefined,
      goal: 'at least plain fuse.js',
      met: ourRecall >= fuseRecall,
    },
    {
      name: `${tag}: top-3 recall of ours on ${queries.length} typo queries`,
      value: ourHits / queries.length,
      unit: 'share',
    },
    { name: `${tag}: index build`, value: buildMs, unit: 'ms', baseline: fuseBuildMs, ratio: fuseBuildMs / buildMs },
    {
      name: `${tag}: index heap`,
      value: ourHeap / 1e6,
      unit: 'MB',
      baseline: fuseHeap / 1e6,
      ratio: fuseHeap / ourHeap,
    },
    {
      name: `${tag}: apply one edit (median of 20) vs rebuild`,
      value: median(updateTimes),
      unit: 'ms',
      baseline: buildMs,
      ratio: buildMs / median(updateTimes),
    },
  ];
}

/** The search suite. */
export const searchSuite: BenchSuite = {
  name: 'search',
  async run() {
    const results: BenchResult[] = [];
    // SEARCH_BENCH_SIZES=10k runs one size only (for a quick look); the default runs both.
    const only = process.env.SEARCH_BENCH_SIZES?.split(',');
    for (const size of SIZES.filter((s) => !only || only.includes(s.label))) results.push(...(await runSize(size)));
    return results;
  },
};
