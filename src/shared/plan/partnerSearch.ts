/**
 * The bounded shortest-path search over the partner network that gives a plan its referral paths. It is the one hot
 * loop of a plan from a new starting organisation (it visits most of the network), so it adds up whole numbers and
 * keeps its queue in bitmap buckets rather than a heap; `partnerSearch.test.ts` checks it against a textbook
 * Dijkstra.
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
 * Dijkstra from `start`, never deeper than `maxHops`, with a bucket queue (Dial's algorithm): the queue holds one
 * bucket per cost in units, and the buckets are taken in order of cost. Every weight is at least one unit, so nothing
 * joins a bucket while it is being taken, and only the next `maxWeightUnits` buckets can be filling at any time:
 * they are kept in a ring. A bucket is a bitmap over the actors, taken in index order, which is exactly the order a
 * textbook Dijkstra with a binary heap keyed by (cost, actor index) settles them in, so ties, predecessors and hop
 * counts come out the same. Index order also reads the adjacency arrays front to back, which at 100k actors is what
 * makes it fast (twice as fast as taking a bucket's actors in the order they came). An actor found in a bucket after
 * it was reached more cheaply is skipped.
 */
export function searchPartnerTree(index: PlannerIndex, start: number, maxHops: number): PartnerPaths {
  const n = index.actorIds.length;
  const units = new Int32Array(n).fill(UNREACHED);
  const hops = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const { offsets, targets, weightUnits, maxWeightUnits } = index;
  const words = (n + 31) >>> 5;
  const slots = maxWeightUnits + 1;
  const ring = scratchRing(slots * words);
  // How many bits are set in the ring: the search ends when it is back to 0 (and the ring all zero again).
  let pending = 1;
  units[start] = 0;
  ring[start >>> 5] = 1 << (start & 31);
  for (let cost = 0; pending > 0; cost++) {
    const base = (cost % slots) * words;
    for (let w = 0; w < words; w++) {
      let word = ring[base + w]!;
      if (word === 0) continue;
      ring[base + w] = 0;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        pending--;
        const node = (w << 5) | (31 - Math.clz32(low));
        if (units[node] !== cost) continue;
        const nodeHops = hops[node]!;
        if (nodeHops >= maxHops) continue;
        for (let e = offsets[node]!, end = offsets[node + 1]!; e < end; e++) {
          const next = targets[e]!;
          const nextCost = cost + weightUnits[e]!;
          if (nextCost < units[next]!) {
            units[next] = nextCost;
            hops[next] = nodeHops + 1;
            previous[next] = node;
            const at = (nextCost % slots) * words + (next >>> 5);
            const bit = 1 << (next & 31);
            if ((ring[at]! & bit) === 0) {
              ring[at] = ring[at]! | bit;
              pending++;
            }
          }
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

/** The ring of bucket bitmaps: scratch space, kept from one search to the next and grown when a graph grows. */
let ringBuffer = new Int32Array(0);

function scratchRing(size: number): Int32Array {
  if (ringBuffer.length < size) ringBuffer = new Int32Array(size);
  // A finished search leaves it all zero; clearing it anyway is cheap (a bit per actor per slot).
  return ringBuffer.fill(0, 0, size);
}
