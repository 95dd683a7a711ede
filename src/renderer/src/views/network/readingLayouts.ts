/**
 * The layouts that arrange a few nodes for reading: a path left to right (breadth-first, turned a quarter) and a
 * focus in rings (concentric). Placed where the root already is, in a square that grows with the number of nodes,
 * so the rest of the graph stays put.
 */
import type { LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import type { Point } from './graphElements';
import { LABEL_WIDTH } from './graphStyle';
import { packRequest, type LayoutRequest, type LayoutRequestOptions } from './layoutProtocol';

/** How a few nodes are arranged around `root`. */
export type ReadingLayout = NonNullable<LayoutRequestOptions['reading']>['kind'];

/** Cytoscape layout options that arrange `count` nodes around `root` without fitting or animating. */
export function readingLayoutOptions(kind: ReadingLayout, root: NodeSingular, count: number): LayoutOptions {
  // A copy: the root's own position object changes as the layout places the root.
  const anchor = { ...root.position() };
  // A path's records side by side, each with room for its label (at most LABEL_WIDTH across): closer, neighbours'
  // names ran into each other.
  const perNode = kind === 'breadthfirst' ? LABEL_WIDTH + 40 : 110;
  const span = Math.max(320, count * perNode);
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
 * What the layout worker needs to arrange `nodes` (a few hundred at most) for reading around the one with id `root`,
 * without moving them: their places and boxes as drawn, and the relations between them. A layout run on the drawn
 * graph would move its nodes at once, and the caller moves them in slices instead.
 */
export function readingRequest(nodes: NodeCollection, root: string, kind: ReadingLayout): LayoutRequest {
  return packRequest(
    nodes.map((node) => ({ id: node.id(), width: node.outerWidth(), height: node.outerHeight(), ...node.position() })),
    nodes.edgesWith(nodes).map((edge) => ({ source: edge.source().id(), target: edge.target().id() })),
    { randomize: false, reading: { kind, root } },
  );
}
