/**
 * What an edit changed in the drawn graph: the elements Cytoscape draws compared with the same filter's new answer,
 * so the view changes only those (a rename restyles one record) instead of drawing the whole graph anew. Loading
 * it again took three to four seconds of slices at five thousand records, with the picture Cytoscape keeps of the
 * graph rebuilt from nothing.
 */
import type { CollectionReturnValue, Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { edgeData, nodeData, type Point } from './graphElements';
import { placesNearNeighbours } from './graphPlacement';
import { isLookClass, nodeClasses } from './graphStyle';
import { dropLayers } from './prebuiltLayer';

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

/** What applying changes needs from the view that draws the graph. */
export interface DrawnGraph {
  /** Whether the graph is drawn in the large style (Cytoscape keeps pictures of it: see prebuiltLayer.ts). */
  large: boolean;
  /** A record's element as the view draws it, at a place. */
  elementFor(node: NetworkNode, position: Point): ElementDefinition;
  /** Gives newly drawn elements the showcase in force (see GraphShowcase.extend). */
  extend(added: CollectionReturnValue): void;
}

/**
 * The steps that apply `changes` to `cy`, in order, each returning the elements it added or changed (for
 * slicedChanges.ts's `changeInSteps`, or run at once in one batch): remove what went, add what came (records
 * without a saved place in `positions` go beside their neighbours, into `placed`), restyle what changed.
 */
export function changeSteps(
  cy: Core,
  changes: GraphChanges,
  positions: ReadonlyMap<string, Point>,
  view: DrawnGraph,
): { steps: (() => CollectionReturnValue)[]; placed: Record<string, Point> } {
  const placed: Record<string, Point> = {};
  const removeGone = () => {
    const gone = cy.collection();
    for (const id of changes.removed) gone.merge(cy.getElementById(id));
    if (gone.nonempty()) {
      cy.remove(gone);
      // A picture that holds a removed element would go on showing it.
      if (view.large) dropLayers(cy);
    }
    return cy.collection();
  };
  const addNew = () => {
    const added = cy.collection();
    const unplaced: string[] = [];
    for (const node of changes.addedNodes) {
      if (cy.getElementById(node.id).nonempty()) continue;
      const position = positions.get(node.id);
      if (!position) unplaced.push(node.id);
      added.merge(cy.add(view.elementFor(node, position ?? { x: 0, y: 0 })));
    }
    for (const edge of changes.addedEdges) {
      if (cy.getElementById(edge.id).empty()) added.merge(cy.add({ group: 'edges', data: edgeData(edge) }));
    }
    Object.assign(placed, placesNearNeighbours(cy, unplaced));
    for (const id of unplaced) cy.getElementById(id).position(placed[id]!);
    view.extend(added);
    return added;
  };
  const steps = [
    removeGone,
    addNew,
    ...changes.changedNodes.map((node) => () => {
      const element = cy.getElementById(node.id);
      restyleRecord(element, node);
      return element;
    }),
    ...changes.changedEdges.map((edge) => () => cy.getElementById(edge.id).data('type', edge.type)),
  ];
  return { steps, placed };
}
