import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NEED_CODES, actorSchema, edgeRecordSchema, type EdgeRecord, type NeedCode, type NodeRecord } from '../domain';
import { GraphIndex } from '../graph/graphIndex';
import { generateNetwork } from '../synthetic/generateNetwork';
import { seededRandom, type Random } from '../synthetic/random';
import { BinaryHeap } from './binaryHeap';
import { MAX_REFERRAL_HOPS, clientProfileSchema, type ClientProfile } from './clientProfile';
import { planReferrals } from './planReferrals';
import { plannerIndexOf, type PartnerPaths, type PlannerIndex } from './plannerIndex';
import type * as partnerSearch from './partnerSearch';
import { searchPartnerTree, toWeightUnits } from './partnerSearch';

/**
 * The planner's search is swapped for the textbook one below while `searchMode.textbook` is set, so a whole plan can
 * be computed both ways. Every other test here calls the real search.
 */
const searchMode = vi.hoisted(() => ({ textbook: false }));
vi.mock('./partnerSearch', async (importActual) => {
  const actual = await importActual<typeof partnerSearch>();
  return {
    ...actual,
    searchPartnerTree: (index: PlannerIndex, start: number, maxHops: number) =>
      searchMode.textbook ? textbookSearch(index, start, maxHops) : actual.searchPartnerTree(index, start, maxHops),
  };
});

/**
 * The straightforward computation: Dijkstra with a binary heap popping the lowest (cost, actor index), adding up the
 * index's floating-point weights, settling an actor the first time it is popped and never expanding one that is
 * `maxHops` deep. This is the search the planner ran before the bucket queue.
 */
function textbookSearch(index: PlannerIndex, start: number, maxHops: number): PartnerPaths {
  const n = index.actorIds.length;
  const cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const hops = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  cost[start] = 0;
  const heap = new BinaryHeap();
  heap.push(start, 0);
  while (heap.size > 0) {
    const node = heap.pop()!;
    if (settled[node] === 1 || heap.lastKey > cost[node]!) continue;
    settled[node] = 1;
    if (hops[node]! >= maxHops) continue;
    for (let e = index.offsets[node]!; e < index.offsets[node + 1]!; e++) {
      const next = index.targets[e]!;
      const nextCost = cost[node]! + index.weights[e]!;
      if (settled[next] === 0 && nextCost < cost[next]!) {
        cost[next] = nextCost;
        hops[next] = hops[node]! + 1;
        previous[next] = node;
        heap.push(next, nextCost);
      }
    }
  }
  const reached = (actor: number) => settled[actor] === 1;
  return {
    start,
    costOf: (actor) => (reached(actor) ? cost[actor] : undefined),
    hopsOf: (actor) => (reached(actor) ? hops[actor] : undefined),
    previousOf: (actor) => (reached(actor) && previous[actor]! >= 0 ? previous[actor] : undefined),
  };
}

/** Every actor's (cost, hops, predecessor) in a tree, for comparing two trees whole. */
function treeOf(
  index: PlannerIndex,
  paths: PartnerPaths,
): [number | undefined, number | undefined, number | undefined][] {
  return index.actorIds.map((_, actor) => [paths.costOf(actor), paths.hopsOf(actor), paths.previousOf(actor)]);
}

function graphOf(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): GraphIndex {
  const graph = new GraphIndex();
  for (const node of nodes) graph.putNode(node);
  for (const edge of edges) graph.putEdge(edge);
  return graph;
}

function generatedGraph(actors: number, seed: number): GraphIndex {
  const network = generateNetwork({ actors, seed });
  return graphOf(network.nodes, network.edges);
}

const NETWORKS = [
  { actors: 800, seed: 1 },
  { actors: 2000, seed: 2 },
  { actors: 4000, seed: 3 },
];
/** The needs most providers meet (those of the benchmark), so the plans have steps and alternatives to compare. */
const COMMON_NEEDS = ['shelter', 'medical', 'legal_aid', 'immigration_relief', 'case_management'] as const;

describe('toWeightUnits', () => {
  it('counts the planner weights in half steps and refuses a weight the buckets cannot hold', () => {
    expect([toWeightUnits(1), toWeightUnits(1.5)]).toEqual([2, 3]);
    expect(() => toWeightUnits(1.25)).toThrow(/1\.25/);
    expect(() => toWeightUnits(0)).toThrow();
  });
});

describe('searchPartnerTree', () => {
  it.each(NETWORKS)('gives the textbook tree on a generated network of $actors actors', ({ actors, seed }) => {
    const index = plannerIndexOf(generatedGraph(actors, seed));
    const random = seededRandom(seed);
    const starts = [
      0,
      index.actorIds.length - 1,
      ...Array.from({ length: 6 }, () => pick(random, index.actorIds.length)),
    ];
    let reachedSomewhere = 0;
    for (const start of starts) {
      for (const maxHops of [0, 1, 2, 3, 5, MAX_REFERRAL_HOPS]) {
        const fast = treeOf(index, searchPartnerTree(index, start, maxHops));
        expect(fast).toEqual(treeOf(index, textbookSearch(index, start, maxHops)));
        reachedSomewhere += fast.filter(([cost]) => cost !== undefined && cost > 2).length;
      }
    }
    // The networks must be big enough for long paths, ties and the hop bound to come into play.
    expect(reachedSomewhere).toBeGreaterThan(actors);
  });

  it('breaks ties as the heap does: the cheaper predecessor first, then the lower index, hop count included', () => {
    // Actor indexes follow the ids' order (a, b, c, ...). From a, at equal cost:
    // - d is 2 through b or c, both at cost 1: the lower index, b, is its predecessor;
    // - t is 2.5 through q (a partner, cost 1, then a referral) or e (a referral, cost 1.5, then a partner): q,
    //   although e has the lower index, because the heap pops the cheaper q first;
    // - u is 3 through three partnerships (g, h) or two referrals (i): i, at 1.5, before h, at 2; so u is 2 hops away.
    const source = 'partnerSearch.test.ts';
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'q', 't', 'u'];
    const nodes = names.map((name) =>
      actorSchema.parse({ id: `actor:${name}`, kind: 'actor', name, source, actorType: 'ngo' }),
    );
    const link = (from: string, to: string, type: 'partners_with' | 'refers_to') =>
      edgeRecordSchema.parse({ type, from: `actor:${from}`, to: `actor:${to}`, source });
    const graph = graphOf(nodes, [
      link('a', 'c', 'partners_with'),
      link('a', 'b', 'partners_with'),
      link('c', 'd', 'partners_with'),
      link('b', 'd', 'partners_with'),
      link('d', 'f', 'partners_with'),
      link('a', 'q', 'partners_with'),
      link('q', 't', 'refers_to'),
      link('a', 'e', 'refers_to'),
      link('e', 't', 'partners_with'),
      link('a', 'g', 'partners_with'),
      link('g', 'h', 'partners_with'),
      link('h', 'u', 'partners_with'),
      link('a', 'i', 'refers_to'),
      link('i', 'u', 'refers_to'),
    ]);
    const index = plannerIndexOf(graph);
    const at = (name: string) => index.actorIndexById.get(`actor:${name}`)!;
    const describeTree = (paths: PartnerPaths) =>
      Object.fromEntries(
        names.map((name) => {
          const previous = paths.previousOf(at(name));
          return [
            name,
            [paths.costOf(at(name)), paths.hopsOf(at(name)), previous === undefined ? null : names[previous]],
          ];
        }),
      );
    const tree = describeTree(searchPartnerTree(index, at('a'), MAX_REFERRAL_HOPS));
    expect(tree).toMatchObject({ d: [2, 2, 'b'], f: [3, 3, 'd'], t: [2.5, 2, 'q'], u: [3, 2, 'i'] });
    expect(tree).toEqual(describeTree(textbookSearch(index, at('a'), MAX_REFERRAL_HOPS)));
    // Two hops at most: d is reached but not expanded, so f is out of reach; u is still reached through i.
    const bounded = describeTree(searchPartnerTree(index, at('a'), 2));
    expect(bounded).toMatchObject({ d: [2, 2, 'b'], f: [undefined, undefined, null], u: [3, 2, 'i'] });
    expect(bounded).toEqual(describeTree(textbookSearch(index, at('a'), 2)));
  });
});

describe('planReferrals with the bucket search', () => {
  let textbookGraphs: GraphIndex[];
  let graphs: GraphIndex[];
  beforeAll(() => {
    // Two copies of each network, so neither search reuses a path tree the other one kept.
    graphs = NETWORKS.map(({ actors, seed }) => generatedGraph(actors, seed));
    textbookGraphs = NETWORKS.map(({ actors, seed }) => generatedGraph(actors, seed));
  });

  it.each(NETWORKS.map((network, at) => ({ ...network, at })))(
    'gives the same plans as with the textbook search on a generated network of $actors actors',
    ({ at, seed }) => {
      const random = seededRandom(seed + 100);
      const actors = [...graphs[at]!.nodesOfKind('actor')];
      let proposals = 0;
      for (let i = 0; i < 30; i++) {
        const profile = randomProfile(random, actors);
        const options = { today: new Date('2026-11-01T12:00:00Z') };
        searchMode.textbook = true;
        let expected;
        try {
          expected = planReferrals(textbookGraphs[at]!, profile, options);
        } finally {
          searchMode.textbook = false;
        }
        expect(planReferrals(graphs[at]!, profile, options)).toEqual(expected);
        proposals += expected.steps.reduce((sum, step) => sum + 1 + step.alternatives.length, 0);
      }
      // Enough proposals, each with a path, cost and hop count in its reasons, for a difference to show.
      expect(proposals).toBeGreaterThan(30);
    },
  );
});

function pick(random: Random, count: number): number {
  return random.int(0, count - 1);
}

/** A profile from a random starting organisation, mostly for a client in its region, with some hop limits. */
function randomProfile(random: Random, actors: readonly NodeRecord[]): ClientProfile {
  const start = actors[pick(random, actors.length)]!;
  const elsewhere = actors[pick(random, actors.length)]!;
  const regionOf = (actor: NodeRecord) => (actor.kind === 'actor' ? actor.regions[0] : undefined) ?? 'US';
  const needs = new Set<NeedCode>(COMMON_NEEDS.filter(() => random.chance(0.7)));
  needs.add(
    random.chance(0.8)
      ? COMMON_NEEDS[pick(random, COMMON_NEEDS.length)]!
      : NEED_CODES[pick(random, NEED_CODES.length)]!,
  );
  return clientProfileSchema.parse({
    needs: [...needs],
    languages: random.chance(0.6) ? ['es'] : [],
    age: random.chance(0.2) ? 'minor' : 'adult',
    traffickingType: random.chance(0.5) ? 'labor' : 'unknown',
    region: random.chance(0.8) ? regionOf(start) : regionOf(elsewhere),
    arrivalTime: random.chance(0.5) ? '2026-11-03T14:00' : null,
    constraints: { maxHops: random.chance(0.3) ? 1 + pick(random, 3) : null },
    startActorId: start.id,
  });
}
