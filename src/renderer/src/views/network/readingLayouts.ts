/**
 * The layouts that arrange a few nodes for reading: a path left to right (breadth-first, turned a quarter) and a
 * focus in rings (concentric). Placed where the root already is, in a square that grows with the number of nodes,
 * so the rest of the graph stays put.
 */
import cytoscape, {
  type ElementDefinition,
  type LayoutOptions,
  type NodeCollection,
  type NodeSingular,
} from 'cytoscape';
import { nextTask } from './frames';
import type { Point } from './graphElements';
import { graphStylesheet } from './graphStyle';

/** How a few nodes are arranged around `root`. */
export type ReadingLayout = 'concentric' | 'breadthfirst';

/** Cytoscape layout options that arrange `count` nodes around `root` without fitting or animating. */
export function readingLayoutOptions(kind: ReadingLayout, root: NodeSingular, count: number): LayoutOptions {
  const anchor = root.position();
  const span = Math.max(320, count * 110);
  const boundingBox = { x1: anchor.x - span / 2, y1: anchor.y - span / 2, w: span, h: span };
  if (kind === 'breadthfirst') {
    return {
      name: 'breadthfirst',
      roots: root,
      directed: false,
      spacingFactor: 1.1,
      boundingBox,
      fit: false,
      animate: false,
      // Breadth-first stacks levels top to bottom; turned a quarter, a referral chain reads left to right.
      transform: (_node: NodeSingular, p: Point) => ({
        x: anchor.x + (p.y - anchor.y),
        y: anchor.y + (p.x - anchor.x),
      }),
    } as LayoutOptions;
  }
  const firstHop = new Set(root.neighborhood('node').map((node) => node.id()));
  return {
    name: 'concentric',
    // Rings by distance: the focused record in the middle, its direct partners next, the second hop outside.
    concentric: (node: NodeSingular) => (node.id() === root.id() ? 3 : firstHop.has(node.id()) ? 2 : 1),
    levelWidth: () => 1,
    boundingBox,
    fit: false,
    animate: false,
    minNodeSpacing: 30,
  } as LayoutOptions;
}

/**
 * Where `kind` arranges `nodes` around the one with id `root`, without moving them: laid out on a copy of just these
 * elements (a few hundred at most), in the stylesheet of the graph's style (`large`) for the nodes' sizes. A layout
 * run on the drawn graph would move its nodes at once, and the caller moves them in slices instead. Making the copy
 * (its stylesheet parsed), adding the elements and laying it out take a task each: the first two together took 30 to
 * 35 ms at five thousand records (seen in traces), the layout about 25 ms at a path's size.
 */
export async function readingPositions(
  nodes: NodeCollection,
  root: string,
  kind: ReadingLayout,
  large: boolean,
): Promise<Record<string, Point>> {
  const elements = nodes.union(nodes.edgesWith(nodes)).jsons() as unknown as ElementDefinition[];
  const copy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet({ large }) });
  try {
    await nextTask();
    copy.add(elements);
    await nextTask();
    copy.layout(readingLayoutOptions(kind, copy.getElementById(root), nodes.length)).run();
    return Object.fromEntries(copy.nodes().map((node) => [node.id(), { ...node.position() }]));
  } finally {
    copy.destroy();
  }
}
