/**
 * The bounded shortest-path search over the partner network that gives a plan its referral paths. It is the one hot
 * loop of a plan from a new starting organisation (it visits most of the network), so it adds up whole numbers and
 * keeps its queue in buckets rather than a heap; `partnerSearch.test.ts` checks it against a textbook Dijkstra.
 */
import type { PartnerPaths, PlannerIndex } from './plannerIndex';

/**
 * Path costs are counted in half steps inside the search (a partnership 2, a referral 3), so every cost is a small
 * whole number and the queue can be one bucket per cost. Any positive weight that is a multiple of 1/WEIGHT_UNITS
 * works; the index build checks each weight with {@link toWeightUnits}.
 */
export const WEIGHT_UNITS = 2;

/** An edge weight in whole units; throws if it is not a positive multiple of 1/{@link WEIGHT_UNITS} below 256. */
export function toWeightUnits(weight: number): number {
  const units = weight * WEIGHT_UNITS;
  if (!Number.isInteger(units) || units < 1 || units > 255) {
    throw new Error(`Edge weight ${weight} is not a positive multiple of 1/${WEIGHT_UNITS} (see WEIGHT_UNITS)`);
  }
  return units;
}

const UNREACHED = 0x7fffffff;

/**
 * Dijkstra from `start`, never deeper than `maxHops`, with a bucket queue (Dial's algorithm): bucket `c` lists the
 * actors reached at cost `c` units, and the buckets are taken in order of cost. Every weight is at least one unit,
 * so nothing joins a bucket while it is being taken; an entry whose actor was since reached more cheaply is skipped.
 *
 * The tree is exactly the one a textbook Dijkstra with a binary heap keyed by (cost, actor index) gives, ties and
 * the hop bound included. There, an actor's predecessor is the first actor popped that reaches it at its lowest
 * cost: the one with the lowest (cost, index). Here the actors of one bucket may be taken in any order, so an equally
 * cheap way in from an actor of the same cost but a lower index replaces the predecessor (and the hop count with it).
 * An actor's predecessor and hops are final before its own bucket is taken, so the hop bound cuts the same paths.
 */
export function searchPartnerTree(index: PlannerIndex, start: number, maxHops: number): PartnerPaths {
  const n = index.actorIds.length;
  const units = new Int32Array(n).fill(UNREACHED);
  const hops = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const { offsets, targets, weightUnits } = index;
  // Each bucket is a linked list of entries in a shared pool: at most one entry per edge, plus the start.
  const { entryActor, entryNext } = scratchPool(targets.length + 1);
  const heads: number[] = [];
  let entries = 0;
  const enqueue = (actor: number, cost: number) => {
    entryActor[entries] = actor;
    entryNext[entries] = heads[cost] ?? -1;
    heads[cost] = entries++;
  };
  units[start] = 0;
  enqueue(start, 0);
  for (let cost = 0; cost < heads.length; cost++) {
    for (let entry = heads[cost] ?? -1; entry >= 0; entry = entryNext[entry]!) {
      const node = entryActor[entry]!;
      if (units[node] !== cost) continue;
      const nodeHops = hops[node]!;
      if (nodeHops >= maxHops) continue;
      for (let e = offsets[node]!, end = offsets[node + 1]!; e < end; e++) {
        const next = targets[e]!;
        const nextCost = cost + weightUnits[e]!;
        const known = units[next]!;
        if (nextCost < known) {
          units[next] = nextCost;
          hops[next] = nodeHops + 1;
          previous[next] = node;
          enqueue(next, nextCost);
        } else if (nextCost === known && node < previous[next]! && units[previous[next]!] === cost) {
          hops[next] = nodeHops + 1;
          previous[next] = node;
        }
      }
    }
  }
  const reached = (actor: number) => actor >= 0 && actor < n && units[actor]! !== UNREACHED;
  return {
    start,
    costOf: (actor) => (reached(actor) ? units[actor]! / WEIGHT_UNITS : undefined),
    hopsOf: (actor) => (reached(actor) ? hops[actor] : undefined),
    previousOf: (actor) => (reached(actor) && previous[actor]! >= 0 ? previous[actor] : undefined),
  };
}

/** The queue's entries: scratch space, so kept from one search to the next and grown only when a graph grows. */
let pool = { entryActor: new Int32Array(0), entryNext: new Int32Array(0) };

function scratchPool(size: number): typeof pool {
  if (pool.entryActor.length < size) pool = { entryActor: new Int32Array(size), entryNext: new Int32Array(size) };
  return pool;
}
