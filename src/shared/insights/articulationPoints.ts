/**
 * Articulation points of the partner network (Tarjan's low-link), with an explicit stack so a 10k-actor chain does
 * not overflow the call stack, and for each one what its loss would cut off.
 */
import type { PartnerNetwork } from './partnerNetwork';

/** A node whose removal splits its part of the network, and the sizes of the pieces left behind. */
export interface ArticulationPoint {
  node: number;
  /** Sizes of the pieces its component falls into without it, largest first. */
  pieces: number[];
  /** Nodes no longer connected to the largest piece: the component's size minus one minus the largest piece. */
  cutOff: number;
}

/** Every articulation point of a network, by node number. */
export function articulationPoints(network: PartnerNetwork): ArticulationPoint[] {
  const { offsets, targets } = network;
  const n = network.ids.length;
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  // Pieces split off by a node: the subtrees of children whose low-link cannot climb above it.
  const separated = new Map<number, number[]>();
  const result: ArticulationPoint[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovered[root]! >= 0) continue;
    const touched: number[] = [];
    let top = 0;
    stack[top++] = root;
    discovered[root] = low[root] = time++;
    cursor[root] = offsets[root]!;
    size[root] = 1;
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const w = targets[cursor[v]!++]!;
        if (discovered[w]! < 0) {
          discovered[w] = low[w] = time++;
          parent[w] = v;
          size[w] = 1;
          cursor[w] = offsets[w]!;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v]!, discovered[w]!);
        }
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p < 0) continue;
      low[p] = Math.min(low[p]!, low[v]!);
      size[p]! += size[v]!;
      if (low[v]! >= discovered[p]!) {
        let pieces = separated.get(p);
        if (!pieces) {
          separated.set(p, (pieces = []));
          touched.push(p);
        }
        pieces.push(size[v]!);
      }
    }
    const componentSize = size[root]!;
    for (const v of touched) {
      const pieces = separated.get(v)!;
      if (v === root) {
        if (rootChildren < 2) continue;
      } else {
        const rest = componentSize - 1 - pieces.reduce((sum, piece) => sum + piece, 0);
        if (rest > 0) pieces.push(rest);
      }
      pieces.sort((a, b) => b - a);
      result.push({ node: v, pieces, cutOff: componentSize - 1 - pieces[0]! });
    }
  }
  return result.sort((a, b) => a.node - b.node);
}
