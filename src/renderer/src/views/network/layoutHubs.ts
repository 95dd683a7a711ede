/**
 * Hubs in the force-directed layout: records with so many relations (a need that hundreds of services meet) that
 * fcose's springs pull all their neighbours into the same few cells of its repulsion grid, where every record is
 * pushed against every other on every iteration. At the bench's 4,936 records, 21 needs with 200 to 510 services
 * each made the layout take 157 to 207 s in Chromium's worker (186 s under Node); without their relations, 23 to 36 s
 * under Node. So the layout worker lays the graph out without the hubs' relations, then puts each hub in the middle
 * of its neighbours, which is where the springs would have pulled it.
 */

/** Relations a record has (counted both ways) above which it is a hub. */
export const HUB_DEGREE = 50;

/** Spacing of hubs that share a middle: the golden angle, on a widening spiral, so none lands on another. */
const GOLDEN_ANGLE = 2.399963;
const SPIRAL_STEP = 60;

type Relation = { source: string; target: string };
type Place = { x: number; y: number };

/** The ids of records with more than HUB_DEGREE relations. */
export function hubsOf(edges: readonly Relation[]): Set<string> {
  const degree = new Map<string, number>();
  for (const { source, target } of edges) {
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  return new Set([...degree].filter(([, count]) => count > HUB_DEGREE).map(([id]) => id));
}

/**
 * Moves each hub in `positions` to the middle of its neighbours that are not hubs, the n-th hub placed a little
 * further out on a spiral so that hubs with the same neighbours do not meet. A hub whose neighbours are all hubs
 * stays where the layout put it.
 */
export function placeHubs(
  hubs: ReadonlySet<string>,
  edges: readonly Relation[],
  positions: Record<string, Place>,
): void {
  const sums = new Map<string, { x: number; y: number; count: number }>();
  const add = (hub: string, neighbour: string) => {
    const place = positions[neighbour];
    if (!hubs.has(hub) || hubs.has(neighbour) || !place) return;
    const sum = sums.get(hub) ?? { x: 0, y: 0, count: 0 };
    sums.set(hub, { x: sum.x + place.x, y: sum.y + place.y, count: sum.count + 1 });
  };
  for (const { source, target } of edges) {
    add(source, target);
    add(target, source);
  }
  [...sums].forEach(([hub, { x, y, count }], i) => {
    const angle = i * GOLDEN_ANGLE;
    const radius = SPIRAL_STEP * Math.sqrt(i + 1);
    positions[hub] = { x: x / count + Math.cos(angle) * radius, y: y / count + Math.sin(angle) * radius };
  });
}
