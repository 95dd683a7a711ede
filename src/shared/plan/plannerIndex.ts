/**
 * What the planner precomputes from the graph, once per index revision: every provider (an actor and one of its
 * services) listed per need and bucketed by the regions it serves, and the partner network as compact adjacency
 * arrays. A plan then reads a few small buckets and runs one bounded Dijkstra, instead of scanning every provider
 * and searching a path per candidate.
 */
import type { Actor, Capacity, CostKind, Eligibility, NeedCode, OpeningHours, Service } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { searchPartnerTree, toWeightUnits } from './partnerSearch';

/** A provider as the planner sees it: an actor, one service it offers, and the facts that decide a referral. */
export interface Provider {
  actor: Actor;
  service: Service;
  /** The actor's position in {@link PlannerIndex.actorIds}. */
  actorIndex: number;
  /** Every need the service meets. */
  needs: NeedCode[];
  /** The service's languages, or the actor's when the service lists none. */
  languages: string[];
  /** The service's regions, or the actor's when the service lists none. */
  regions: string[];
  open24x7: boolean;
  hours: OpeningHours[];
  cost: CostKind | null;
  capacity: Capacity | null;
  verifiedAt: string | null;
  detention: boolean;
  historical: boolean;
  /** Both the actor's and the service's rules apply. */
  eligibility: [Eligibility, Eligibility];
}

/** Partnerships are the preferred way in: a referral link costs half as much again. */
export const EDGE_WEIGHT = { partners_with: 1, refers_to: 1.5 } as const;

/** The precomputed planner view of one revision of a graph. */
export interface PlannerIndex {
  revision: number;
  actorIds: string[];
  actorIndexById: Map<string, number>;
  /** Adjacency in compressed sparse rows: the neighbours of actor i are targets[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** The same weights as whole numbers of the search's units (`partnerSearch.ts`): what the search adds up. */
  weightUnits: Uint8Array;
  /** The largest of {@link weightUnits} (at least 1). */
  maxWeightUnits: number;
  /** Every provider of each need, sorted by actor id then service id. */
  providersByNeed: Map<NeedCode, Provider[]>;
  /** The same providers bucketed by each region they serve (lower case). */
  providersByNeedRegion: Map<NeedCode, Map<string, Provider[]>>;
}

const cache = new WeakMap<GraphIndex, PlannerIndex>();

/** The planner index of a graph, rebuilt only when the graph's revision has moved. */
export function plannerIndexOf(graph: GraphIndex): PlannerIndex {
  const cached = cache.get(graph);
  if (cached && cached.revision === graph.revision) return cached;
  const built = buildPlannerIndex(graph);
  cache.set(graph, built);
  return built;
}

function buildPlannerIndex(graph: GraphIndex): PlannerIndex {
  const actors = [...graph.nodesOfKind('actor')].sort((a, b) => compareIds(a.id, b.id));
  const actorIds = actors.map((actor) => actor.id);
  const actorIndexById = new Map(actorIds.map((id, i) => [id, i]));

  // Adjacency among active actors: partnerships both ways, referrals in their direction, the cheaper link kept.
  const neighbours: Map<number, number>[] = actors.map(() => new Map());
  const link = (from: number, to: number, weight: number) => {
    const row = neighbours[from]!;
    const known = row.get(to);
    if (known === undefined || weight < known) row.set(to, weight);
  };
  for (const edge of graph.allEdges()) {
    if (edge.type !== 'partners_with' && edge.type !== 'refers_to') continue;
    const a = actorIndexById.get(edge.from);
    const b = actorIndexById.get(edge.to);
    if (a === undefined || b === undefined) continue;
    if (actors[a]!.status === 'historical' || actors[b]!.status === 'historical') continue;
    link(a, b, EDGE_WEIGHT[edge.type]);
    if (edge.type === 'partners_with') link(b, a, EDGE_WEIGHT.partners_with);
  }
  const offsets = new Int32Array(actors.length + 1);
  let total = 0;
  for (let i = 0; i < actors.length; i++) {
    offsets[i] = total;
    total += neighbours[i]!.size;
  }
  offsets[actors.length] = total;
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  const weightUnits = new Uint8Array(total);
  for (let i = 0; i < actors.length; i++) {
    let at = offsets[i]!;
    for (const [to, weight] of [...neighbours[i]!].sort((x, y) => x[0] - y[0])) {
      targets[at] = to;
      weights[at] = weight;
      weightUnits[at] = toWeightUnits(weight);
      at++;
    }
  }

  const providersByNeed = new Map<NeedCode, Provider[]>();
  for (const actor of actors) {
    for (const offer of graph.outEdges(actor.id, 'offers')) {
      const service = graph.node(offer.to);
      if (service?.kind !== 'service') continue;
      const needs: NeedCode[] = [];
      for (const meets of graph.outEdges(service.id, 'meets')) {
        const need = graph.node(meets.to);
        if (need?.kind === 'need') needs.push(need.code);
      }
      if (needs.length === 0) continue;
      const provider = toProvider(actor, service, actorIndexById.get(actor.id)!, needs);
      for (const need of needs) {
        let list = providersByNeed.get(need);
        if (!list) providersByNeed.set(need, (list = []));
        list.push(provider);
      }
    }
  }
  const providersByNeedRegion = new Map<NeedCode, Map<string, Provider[]>>();
  for (const [need, list] of providersByNeed) {
    list.sort(compareProviders);
    const buckets = new Map<string, Provider[]>();
    for (const provider of list) {
      for (const region of new Set(provider.regions.map((r) => r.toLowerCase()))) {
        let bucket = buckets.get(region);
        if (!bucket) buckets.set(region, (bucket = []));
        bucket.push(provider);
      }
    }
    providersByNeedRegion.set(need, buckets);
  }
  return {
    revision: graph.revision,
    actorIds,
    actorIndexById,
    offsets,
    targets,
    weights,
    weightUnits,
    maxWeightUnits: weightUnits.reduce((most, units) => Math.max(most, units), 1),
    providersByNeed,
    providersByNeedRegion,
  };
}

/** The planner's view of an actor and one of its services: the service's own facts, the actor's where it has none. */
export function toProvider(actor: Actor, service: Service, actorIndex: number, needs: NeedCode[]): Provider {
  const ownHours = service.open24x7 || service.hours.length > 0;
  return {
    actor,
    service,
    actorIndex,
    needs: [...new Set(needs)].sort(),
    languages: service.languages.length > 0 ? service.languages : actor.languages,
    regions: service.regions.length > 0 ? service.regions : actor.regions,
    open24x7: ownHours ? service.open24x7 : actor.open24x7,
    hours: ownHours ? service.hours : actor.hours,
    cost: service.cost ?? actor.cost,
    capacity: service.capacity ?? actor.capacity,
    verifiedAt: service.verifiedAt ?? actor.verifiedAt,
    detention: service.detention || actor.detention,
    historical: service.status === 'historical' || actor.status === 'historical',
    eligibility: [actor.eligibility, service.eligibility],
  };
}

/** Orders ids by code unit, so the order never depends on the machine's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders providers by actor id, then service id. */
export function compareProviders(a: Provider, b: Provider): number {
  return compareIds(a.actor.id, b.actor.id) || compareIds(a.service.id, b.service.id);
}

/** The providers of a need that serve a region: the buckets of the region and of every region above it. */
export function providersServing(index: PlannerIndex, need: NeedCode, ancestry: readonly string[]): Provider[] {
  const buckets = index.providersByNeedRegion.get(need);
  if (!buckets) return [];
  const seen = new Set<Provider>();
  const found: Provider[] = [];
  for (const region of ancestry) {
    for (const provider of buckets.get(region.toLowerCase()) ?? []) {
      if (!seen.has(provider)) {
        seen.add(provider);
        found.push(provider);
      }
    }
  }
  return found.sort(compareProviders);
}

/** Shortest referral paths from one actor: cost, hop count and predecessor of each actor reached. */
export interface PartnerPaths {
  start: number;
  /** The path cost to an actor, or undefined when it was not reached. */
  costOf(actor: number): number | undefined;
  hopsOf(actor: number): number | undefined;
  previousOf(actor: number): number | undefined;
}

/** How many starting organisations' path trees each planner index keeps (a caseworker plans from their own). */
const PATH_TREES_KEPT = 8;
const pathTrees = new WeakMap<PlannerIndex, Map<string, PartnerPaths>>();

/**
 * Dijkstra from `start` over the partner network, bounded: it never goes deeper than `maxHops`. With the hop bound,
 * a node is settled by its cheapest path within the bound that Dijkstra meets first; referral weights are close
 * enough (1 and 1.5) that this is what a caseworker would pick anyway. The whole tree is kept per index revision for
 * the last few starting organisations, so replanning as the form changes costs no search (the search itself is in
 * `partnerSearch.ts`).
 */
export function partnerPaths(index: PlannerIndex, start: number, maxHops: number): PartnerPaths {
  let trees = pathTrees.get(index);
  if (!trees) pathTrees.set(index, (trees = new Map()));
  const key = `${start}|${maxHops}`;
  const cached = trees.get(key);
  if (cached) {
    // Most recently used last.
    trees.delete(key);
    trees.set(key, cached);
    return cached;
  }
  const tree = searchPartnerTree(index, start, maxHops);
  trees.set(key, tree);
  if (trees.size > PATH_TREES_KEPT) trees.delete(trees.keys().next().value!);
  return tree;
}

/** The actor ids on the path from the start to `target`, or null when it was not reached. */
export function pathTo(index: PlannerIndex, paths: PartnerPaths, target: number): string[] | null {
  if (paths.costOf(target) === undefined) return null;
  const path: string[] = [];
  let node: number | undefined = target;
  while (node !== undefined) {
    path.push(index.actorIds[node]!);
    node = node === paths.start ? undefined : paths.previousOf(node);
  }
  return path.reverse();
}
