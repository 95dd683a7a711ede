/**
 * What an edit changed in the drawn graph: the elements Cytoscape draws compared with the same filter's new answer,
 * so the view changes only those (a rename restyles one record) instead of drawing the whole graph anew. Loading
 * it again took three to four seconds of slices at five thousand records, with the picture Cytoscape keeps of the
 * graph rebuilt from nothing.
 */
import type { CollectionReturnValue, Core, SingularElementArgument } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { nodeData } from './graphElements';
import { isLookClass, nodeClasses } from './graphStyle';

export interface GraphChanges {
  /** Ids of drawn elements the answer no longer has, and of relations whose ends changed (they come back as added). */
  removed: string[];
  /** Records and relations to draw, nodes before edges. */
  addedNodes: NetworkNode[];
  addedEdges: NetworkEdge[];
  /** Drawn records whose data or look changed (a name, a status, a degree), as they are now. */
  changedNodes: NetworkNode[];
  /** Drawn relations whose type changed, as they are now. */
  changedEdges: NetworkEdge[];
  /** How many elements the changes touch, counting each removed element. */
  size: number;
}

/**
 * The changes that make `cy`'s drawn graph the answer `nodes` and `edges`. One pass over each, by id: at five
 * thousand records and eleven thousand relations it takes a few milliseconds (a Cytoscape collection test per
 * relation took seventy).
 */
export function graphChanges(cy: Core, nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): GraphChanges {
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edgesById = new Map(edges.map((edge) => [edge.id, edge]));
  const removed: string[] = [];
  const redrawn = new Set<string>();
  const changedNodes: NetworkNode[] = [];
  const changedEdges: NetworkEdge[] = [];
  const addedNodes: NetworkNode[] = [];
  const addedEdges: NetworkEdge[] = [];
  // One pass over the drawn elements (cy.edges() and cy.nodes() would each build a collection of them first).
  cy.elements().forEach((element: SingularElementArgument) => {
    const id = element.id();
    if (element.isNode()) {
      if (!nodeIds.has(id)) removed.push(id);
      return;
    }
    const edge = edgesById.get(id);
    // Cytoscape cannot move a drawn edge to other ends through its data: such a relation is drawn anew.
    if (edge && (edge.from !== element.data('source') || edge.to !== element.data('target'))) redrawn.add(id);
    if (!edge || redrawn.has(id)) removed.push(id);
    else if (edge.type !== element.data('type')) changedEdges.push(edge);
  });
  for (const node of nodes) {
    const element = cy.getElementById(node.id);
    if (element.empty()) addedNodes.push(node);
    else if (nodeDiffers(element, node)) changedNodes.push(node);
  }
  for (const edge of edges) {
    if (redrawn.has(edge.id) || cy.getElementById(edge.id).empty()) addedEdges.push(edge);
  }
  return {
    removed,
    addedNodes,
    addedEdges,
    changedNodes,
    changedEdges,
    size: removed.length + addedNodes.length + addedEdges.length + changedNodes.length + changedEdges.length,
  };
}

/**
 * Whether a drawn node's data differs from what the record gives it now. Its look classes come from the same fields
 * (kind, actor type, degree), so they differ only when its data does.
 */
function nodeDiffers(element: CollectionReturnValue, node: NetworkNode): boolean {
  const drawn = element.data() as Record<string, unknown>;
  const data: Record<string, unknown> = nodeData(node);
  for (const key in data) if (drawn[key] !== data[key]) return true;
  return false;
}

/**
 * Gives a drawn record its new data and look classes, keeping its other classes (a showcase's, the labels'):
 * `merge` and an update both use it, and change nothing about a record that is as it was (a restyle makes Cytoscape
 * draw the whole graph element by element again).
 */
export function restyleRecord(element: CollectionReturnValue, node: NetworkNode): void {
  const data = nodeData(node);
  const drawn = element.data() as Record<string, unknown>;
  if (Object.entries(data).some(([key, value]) => drawn[key] !== value)) element.data(data);
  const look = nodeClasses(node.kind, node.subtype, node.degree);
  const classes = [...element.classes().filter((name) => !isLookClass(name)), ...look];
  if ([...classes].sort().join(' ') !== [...element.classes()].sort().join(' ')) element.classes(classes);
}
