/**
 * The records and relations of a subgraph as Cytoscape elements (data, position, look classes), and the extent of
 * a set of positions. Pure: no Cytoscape instance, so the controller keeps only what it does with the instance.
 */
import type { ElementDefinition } from 'cytoscape';
import type { EdgeWithId } from '../../../../shared/api';
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
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
    position,
    classes: nodeClasses(node.kind, node.subtype, node.degree),
  };
}

/** A relation as an edge element's data. */
export function edgeData(edge: EdgeWithId) {
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
