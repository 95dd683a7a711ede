import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { seededRandom } from '../synthetic/random';
import { computeCentrality, degreeCentrality, pageRank, shortestPathSweep } from './centrality';
import { networkFromLinks } from './partnerNetwork';

const names = (n: number) => Array.from({ length: n }, (_, i) => `actor:n${i}`);
const path = (n: number) =>
  networkFromLinks(
    names(n),
    Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const),
  );
const star = (leaves: number) =>
  networkFromLinks(
    names(leaves + 1),
    Array.from({ length: leaves }, (_, i) => [0, i + 1] as const),
  );

describe('shortestPathSweep', () => {
  it('gives the middle of a 5-node path the most betweenness, with the known raw values 0, 3, 4, 3, 0', () => {
    const { betweenness } = shortestPathSweep(path(5));
    // Normalised by (n-1)(n-2)/2 = 6 pairs of other nodes.
    expect([...betweenness].map((b) => b * 6)).toEqual([0, 3, 4, 3, 0]);
  });

  it('puts every shortest path of a star through its hub: betweenness 1 at the hub, 0 at the leaves', () => {
    const { betweenness } = shortestPathSweep(star(6));
    expect(betweenness[0]).toBeCloseTo(1, 12);
    expect([...betweenness.slice(1)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('splits betweenness between two equal shortest paths (a 4-cycle)', () => {
    const cycle = networkFromLinks(names(4), [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ]);
    // Each node lies on one of the two shortest paths between its two non-neighbours: 0.5 raw, 0.5/3 normalised.
    for (const value of shortestPathSweep(cycle).betweenness) expect(value).toBeCloseTo(0.5 / 3, 12);
  });

  it('gives the hub of a star closeness 1 and a leaf (n-1)/(2n-3)', () => {
    const { closeness } = shortestPathSweep(star(4));
    expect(closeness[0]).toBeCloseTo(1, 12);
    expect(closeness[1]).toBeCloseTo(4 / 7, 12);
  });

  it('discounts closeness inside a small component (Wasserman–Faust), so an isolated pair is not "central"', () => {
    const network = networkFromLinks(names(6), [
      [0, 1],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    const { closeness } = shortestPathSweep(network);
    expect(closeness[0]).toBeCloseTo((1 / 1) * (1 / 5), 12);
    expect(closeness[3]!).toBeGreaterThan(closeness[0]!);
  });

  it('matches graphology-metrics on a random graph (betweenness and closeness)', () => {
    const random = seededRandom(42);
    const n = 120;
    const links: [number, number][] = [];
    for (let i = 1; i < n; i++) for (let k = 0; k < 2; k++) links.push([i, random.int(0, i - 1)]);
    const network = networkFromLinks(names(n), links);
    const graph = new UndirectedGraph();
    for (let v = 0; v < n; v++) graph.addNode(String(v));
    for (let v = 0; v < n; v++) {
      for (let e = network.offsets[v]!; e < network.offsets[v + 1]!; e++) {
        if (v < network.targets[e]!) graph.addEdge(String(v), String(network.targets[e]!));
      }
    }
    const ours = shortestPathSweep(network);
    const theirBetweenness = betweennessCentrality(graph, { normalized: true });
    const theirCloseness = closenessCentrality(graph, { wassermanFaust: true });
    for (let v = 0; v < n; v++) {
      expect(ours.betweenness[v]).toBeCloseTo(theirBetweenness[String(v)]!, 9);
      expect(ours.closeness[v]).toBeCloseTo(theirCloseness[String(v)]!, 9);
    }
  });

  it('estimates betweenness from sampled sources close to the exact values on a hub-and-spoke graph', () => {
    const random = seededRandom(3);
    const n = 600;
    const links: [number, number][] = [];
    for (let i = 1; i < n; i++) links.push([i, random.chance(0.7) ? random.int(0, 4) : random.int(0, i - 1)]);
    const network = networkFromLinks(names(n), links);
    const exact = shortestPathSweep(network).betweenness;
    const estimate = shortestPathSweep(network, 150).betweenness;
    const top = (values: Float64Array) => [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, 5);
    expect(new Set(top(estimate))).toEqual(new Set(top(exact)));
  });
});

describe('degreeCentrality', () => {
  it('counts distinct partners over n - 1, ignoring a duplicated link', () => {
    const network = networkFromLinks(names(3), [
      [0, 1],
      [1, 0],
      [1, 2],
    ]);
    expect([...degreeCentrality(network)]).toEqual([0.5, 1, 0.5]);
  });
});

describe('pageRank', () => {
  it('sums to 1 and matches graphology-metrics on a star', () => {
    const network = star(5);
    const rank = pageRank(network, 0.85, 1e-12, 500);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const graph = new UndirectedGraph();
    for (let v = 0; v < 6; v++) graph.addNode(String(v));
    for (let v = 1; v < 6; v++) graph.addEdge('0', String(v));
    const theirs = pagerank(graph, { tolerance: 1e-12, maxIterations: 500, getEdgeWeight: null });
    for (let v = 0; v < 6; v++) expect(rank[v]).toBeCloseTo(theirs[String(v)]!, 6);
  });

  it('ranks the actor everyone refers to above the ones referring', () => {
    const ids = names(4);
    const network = networkFromLinks(
      ids,
      [],
      [
        [1, 0],
        [2, 0],
        [3, 0],
      ],
    );
    const rank = pageRank(network);
    expect(rank[0]!).toBeGreaterThan(rank[1]!);
  });
});

describe('computeCentrality', () => {
  it('is exact below the limit and says when it sampled sources above it', () => {
    expect(computeCentrality(path(10)).exact).toBe(true);
    const sampled = computeCentrality(path(10), { exactLimit: 5, sampleSources: 4 });
    expect(sampled).toMatchObject({ exact: false, sources: 4 });
  });
});
