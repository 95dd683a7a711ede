/**
 * The records and relations of a subgraph as Cytoscape elements (data, position, look classes), and the extent of
 * a set of positions. Pure: no Cytoscape instance, so the controller keeps only what it does with the instance.
 */
import type { ElementDefinition } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { nodeClasses } from './graphStyle';

/** A position on the canvas. */
export type Point = { x: number; y: number };

/** A record as a node element's data (what labels, styles and tests read). */
export function nodeData(node: NetworkNode) {
  return {
    id: node.id,
    label: node.name,
    kind: node.kind,
    subtype: node.subtype,
    status: node.status,
    stale: node.stale,
    degree: node.degree,
  };
}

/** A record as a node element at its position, with the classes that give it its look. */
export function nodeElement(node: NetworkNode, position: Point): ElementDefinition {
  return {
    group: 'nodes',
    data: nodeData(node),
    // A copy: Cytoscape keeps the object it is given as the node's position and moves it in place, which would
    // move the saved place the view puts records back to.
    position: { x: position.x, y: position.y },
    classes: nodeClasses(node.kind, node.subtype, node.degree),
  };
}

/** A relation as an edge element's data. */
export function edgeData(edge: NetworkEdge) {
  return { id: edge.id, source: edge.from, target: edge.to, type: edge.type };
}

/** The extent of some node centres. */
export type Box = { x1: number; y1: number; x2: number; y2: number };

/** The extent of some points, null when there are none. A plain loop: cheaper than Cytoscape's bounding boxes. */
export function boxOf(points: readonly Point[]): Box | null {
  if (points.length === 0) return null;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { x, y } of points) {
    box.x1 = Math.min(box.x1, x);
    box.y1 = Math.min(box.y1, y);
    box.x2 = Math.max(box.x2, x);
    box.y2 = Math.max(box.y2, y);
  }
  return box;
}

/** The smallest box holding both. */
export function unionOf(a: Box, b: Box): Box {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

/** `box` grown by `by` on every side. */
export function widen(box: Box, by: number): Box {
  return { x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by };
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
}

/** The extent of points given flat (`[x0, y0, x1, y1, ...]`, as Cytoscape keeps an edge's drawn points). */
export function boxOfFlat(points: readonly number[]): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (let i = 0; i + 1 < points.length; i += 2) {
    box.x1 = Math.min(box.x1, points[i]!);
    box.x2 = Math.max(box.x2, points[i]!);
    box.y1 = Math.min(box.y1, points[i + 1]!);
    box.y2 = Math.max(box.y2, points[i + 1]!);
  }
  return box;
}

/** How far the canvas zooms out and in. */
export const ZOOM_RANGE = { min: 0.05, max: 4 } as const;

/** Half the largest node size: the margin a fitted box keeps around node centres. */
const NODE_MARGIN = 23;

/** A zoom level and the screen offset of the model origin: screen = model × zoom + pan. */
export type Viewport = { zoom: number; pan: Point };

/**
 * The viewport that shows a box of node centres on a canvas of this size, with some padding (never zoomed in past
 * 1.6, so a few nodes are not blown up); null for an empty box or a canvas too small to hold the padding.
 * `coveredTop` is how much of the canvas's top something lies over (a focus's banner): the box is fitted below it.
 */
export function fittedViewport(
  box: Box | null,
  width: number,
  height: number,
  { padding = 40, coveredTop = 0 }: { padding?: number; coveredTop?: number } = {},
): Viewport | null {
  if (!box) return null;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - coveredTop - 2 * padding;
  if (innerWidth <= 0 || innerHeight <= 0) return null;
  const w = box.x2 - box.x1 + 2 * NODE_MARGIN;
  const h = box.y2 - box.y1 + 2 * NODE_MARGIN;
  const zoom = Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, Math.min(innerWidth / w, innerHeight / h, 1.6)));
  const middle = { x: width / 2, y: coveredTop + (height - coveredTop) / 2 };
  return {
    zoom,
    pan: { x: middle.x - (zoom * (box.x1 + box.x2)) / 2, y: middle.y - (zoom * (box.y1 + box.y2)) / 2 },
  };
}
