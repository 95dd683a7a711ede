/**
 * Insights benchmarks: every insight of the Insights tab on a 10k-actor synthetic network, part by part and end to
 * end (goal: at most 1 s; wall time and this process's CPU time, the machines being shared), with baselines measured in the same run: the exact all-sources Brandes sweep the
 * sampled estimate replaces (and how close the estimate's top 20 is), graphology-metrics' betweenness beside ours
 * (exact, on a 2k-actor network, where graphology still finishes quickly), and graphology-metrics' PageRank.
 */
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { GraphIndex } from '../../src/shared/graph/graphIndex';
import { articulationPoints } from '../../src/shared/insights/articulationPoints';
import { computeCentrality, degreeCentrality, pageRank, shortestPathSweep } from '../../src/shared/insights/centrality';
import { detectCommunities } from '../../src/shared/insights/communities';
import { computeCoverage } from '../../src/shared/insights/coverage';
import { policyProgress } from '../../src/shared/insights/lawAndPolicy';
import { analyseNetwork, rankActors } from '../../src/shared/insights/networkAnalysis';
import { partnerNetwork, type PartnerNetwork } from '../../src/shared/insights/partnerNetwork';
import { singlePointsOfFailure } from '../../src/shared/insights/singlePointsOfFailure';
import { verificationQueue } from '../../src/shared/insights/verificationQueue';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { median, quantile, timeMs, type BenchResult, type BenchSuite } from '../benchmark';

const TODAY = new Date('2026-11-01T12:00:00Z');
const RUNS = 7;
const GOAL_MS = 1_000;
// The Insights tab asks for this many deserts (it groups them by region and language) and shows the counts of all.
const DESERT_PAGE = 5_000;

function graphOf(actors: number): GraphIndex {
  const network = generateNetwork({ actors, seed: 7 });
  const graph = new GraphIndex();
  for (const node of network.nodes) graph.putNode(node);
  for (const edge of network.edges) graph.putEdge(edge);
  return graph;
}

/** Everything the Insights tab and `insights --json` compute for the whole network. */
function allInsights(graph: GraphIndex): number {
  const analysis = analyseNetwork(graph);
  const coverage = computeCoverage(graph);
  const ranked = rankActors(graph, analysis, { measure: 'betweenness' });
  const failures = singlePointsOfFailure(graph, analysis, coverage.soleProviders);
  const queue = verificationQueue(graph, analysis, TODAY);
  const policy = policyProgress(graph);
  const deserts = coverage.deserts(0, DESERT_PAGE);
  return ranked.length + failures.length + queue.length + policy.recommendations.length + deserts.length;
}

function samples(fn: () => unknown, runs = RUNS): number[] {
  return Array.from({ length: runs }, () => timeMs(() => void fn()));
}

function graphologyGraph(network: PartnerNetwork): UndirectedGraph {
  const graph = new UndirectedGraph();
  network.ids.forEach((_, v) => graph.addNode(String(v)));
  network.ids.forEach((_, v) => {
    for (let e = network.offsets[v]!; e < network.offsets[v + 1]!; e++) {
      if (v < network.targets[e]!) graph.addEdge(String(v), String(network.targets[e]!));
    }
  });
  return graph;
}

function topIds(values: Float64Array, k: number): number[] {
  return [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
}

export const insightsSuite: BenchSuite = {
  name: 'insights',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const graph = graphOf(10_000);
    const network = partnerNetwork(graph);
    const label = `10k actors (${network.ids.length} active, ${network.linkCount} partnerships)`;
    const analysis = analyseNetwork(graph);
    const coverage = computeCoverage(graph);
    const scores = computeCentrality(network);

    const parts: [string, () => unknown][] = [
      ['partner network arrays', () => partnerNetwork(graph)],
      ['degree', () => degreeCentrality(network)],
      [`betweenness + closeness (${scores.sources} sampled sources)`, () => shortestPathSweep(network, scores.sources)],
      ['PageRank', () => pageRank(network)],
      ['communities (Louvain)', () => detectCommunities(network, scores.pagerank)],
      ['articulation points', () => articulationPoints(network)],
      ['ranked table', () => rankActors(graph, analysis, { measure: 'betweenness' })],
      [`coverage matrix + desert counts (${coverage.matrix.regions.length} regions)`, () => computeCoverage(graph)],
      [
        `first ${DESERT_PAGE} of ${coverage.desertCounts.noProvider + coverage.desertCounts.noLanguage} deserts`,
        () => coverage.deserts(0, DESERT_PAGE),
      ],
      ['every desert (the CLI listing)', () => coverage.deserts()],
      ['single points of failure', () => singlePointsOfFailure(graph, analysis, coverage.soleProviders)],
      ['verification queue', () => verificationQueue(graph, analysis, TODAY)],
      ['law and policy', () => policyProgress(graph)],
    ];
    for (const [name, fn] of parts) {
      const times = samples(fn);
      results.push({ name: `${label}: ${name} p50`, value: median(times), unit: 'ms' });
    }

    const total = samples(() => allInsights(graph));
    const [p50, p95] = [median(total), quantile(total, 0.95)];
    // The machine is shared: CPU time of this process says what the work costs when another process has the core.
    const cpu = Array.from({ length: RUNS }, () => {
      const before = process.cpuUsage();
      allInsights(graph);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    });
    const exactMs = timeMs(() => void shortestPathSweep(network));
    const exact = shortestPathSweep(network);
    results.push(
      { name: `${label}: all insights p50`, value: p50, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, met: p50 <= GOAL_MS },
      { name: `${label}: all insights p95`, value: p95, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, met: p95 <= GOAL_MS },
      {
        name: `${label}: all insights, CPU time of this process p50`,
        value: median(cpu),
        unit: 'ms',
        goal: `≤ ${GOAL_MS} ms`,
        met: median(cpu) <= GOAL_MS,
      },
      {
        name: `${label}: sampled betweenness vs exact all-sources Brandes (baseline)`,
        value: median(samples(() => shortestPathSweep(network, scores.sources), 3)),
        unit: 'ms',
        baseline: exactMs,
        ratio: exactMs / median(samples(() => shortestPathSweep(network, scores.sources), 3)),
      },
    );
    const exactTop = new Set(topIds(exact.betweenness, 20));
    const overlap = topIds(scores.betweenness, 20).filter((v) => exactTop.has(v)).length;
    results.push({ name: `${label}: sampled top-20 betweenness found in exact top 20`, value: overlap, unit: 'of 20' });

    const small = partnerNetwork(graphOf(2_000));
    const smallGraph = graphologyGraph(small);
    const ours = median(samples(() => shortestPathSweep(small), 3));
    const theirs = median(samples(() => betweennessCentrality(smallGraph, { normalized: true }), 3));
    results.push({
      name: `2k actors (${small.ids.length} active, ${small.linkCount} partnerships): exact betweenness + closeness vs graphology-metrics betweenness alone`,
      value: ours,
      unit: 'ms',
      baseline: theirs,
      ratio: theirs / ours,
    });

    const fullGraph = graphologyGraph(network);
    const ourRank = median(samples(() => pageRank(network)));
    const theirRank = median(samples(() => graphologyPagerank(fullGraph, { getEdgeWeight: null })));
    results.push({
      name: `${label}: PageRank vs graphology-metrics PageRank`,
      value: ourRank,
      unit: 'ms',
      baseline: theirRank,
      ratio: theirRank / ourRank,
    });
    return results;
  },
};
