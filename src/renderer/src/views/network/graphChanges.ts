/**
 * What an edit changed in the drawn graph: the elements Cytoscape draws compared with the same filter's new answer,
 * so the view changes only those (a rename restyles one record) instead of drawing the whole graph anew. Loading
 * it again took three to four seconds of slices at five thousand records, with the picture Cytoscape keeps of the
 * graph rebuilt from nothing. Here too: the steps that make those changes, and how they are applied as the graph's
 * size wants (`applyChanges`).
 */
import type { CollectionReturnValue, Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { edgeData, nodeData, type Point } from './graphElements';
import { placesNearNeighbours } from './graphPlacement';
import { isLookClass, nodeClasses } from './graphStyle';
import { dropLayers } from './layerCache';
import { inPlaceChange, MAX_IN_PLACE } from './changeInPlace';
import { nextTask, visitInSlices } from './frames';
import { changeInSteps } from './slicedChanges';

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
 * The changes that make `cy`'s drawn graph the answer `nodes` and `edges`. One pass over the drawn elements, looking
 * each up in the answer by id, then one over the answer for what is new: at five thousand records and eleven
 * thousand relations 12 ms when its code is warm, 25 to 40 ms the first times (an edit is rare), measured under
 * Node; a Cytoscape collection test per relation took seventy, a lookup of each answer's element in Cytoscape another
 * twenty. The pass goes in slices (SLICE_BUDGET_MS), so an edit's task stays short; resolves to null as soon as
 * `superseded()` says a newer load or update replaced it.
 */
export async function graphChanges(
  cy: Core,
  nodes: readonly NetworkNode[],
  edges: readonly NetworkEdge[],
  superseded: () => boolean = () => false,
): Promise<GraphChanges | null> {
  // Not in the caller's task (the answer's arrival, with the panels' render); indexing the answer and listing the
  // drawn elements in tasks of their own: each took 10 to 20 ms at five thousand records (traces).
  await nextTask();
  if (superseded()) return null;
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  const edgesById = new Map(edges.map((edge) => [edge.id, edge]));
  await nextTask();
  if (superseded()) return null;
  // The answer's ids drawn as they are (or restyled in place): the rest of the answer is added.
  const kept = new Set<string>();
  const removed: string[] = [];
  const changedNodes: NetworkNode[] = [];
  const changedEdges: NetworkEdge[] = [];
  const compare = (element: SingularElementArgument) => {
    // Removed meanwhile (the slices let other work through): no longer drawn.
    if (element.removed()) return;
    const id = element.id();
    const drawn = element.data() as Record<string, unknown>;
    if (element.isNode()) {
      const node = nodesById.get(id);
      if (!node) return void removed.push(id);
      kept.add(id);
      if (nodeDiffers(drawn, node)) changedNodes.push(node);
      return;
    }
    const edge = edgesById.get(id);
    // Cytoscape cannot move a drawn edge to other ends through its data: such a relation is drawn anew.
    if (!edge || edge.from !== drawn.source || edge.to !== drawn.target) return void removed.push(id);
    kept.add(id);
    if (edge.type !== drawn.type) changedEdges.push(edge);
  };
  const elements = cy.elements().toArray() as SingularElementArgument[];
  if ((await visitInSlices(elements, compare, superseded, COMPARE_CHUNK)) === 'superseded') return null;
  const addedNodes = nodes.filter((node) => !kept.has(node.id));
  const addedEdges = edges.filter((edge) => !kept.has(edge.id));
  return {
    removed,
    addedNodes,
    addedEdges,
    changedNodes,
    changedEdges,
    size: removed.length + addedNodes.length + addedEdges.length + changedNodes.length + changedEdges.length,
  };
}

/** Drawn elements compared between two looks at the clock. */
const COMPARE_CHUNK = 500;

/**
 * Whether a drawn node's data differs from what the record gives it now. Its look classes come from the same fields
 * (kind, actor type, degree), so they differ only when its data does.
 */
export function nodeDiffers(drawn: Record<string, unknown>, node: NetworkNode): boolean {
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

/** The drawn elements `changes` will restyle or remove, as they are now. */
function changingElements(cy: Core, changes: GraphChanges): CollectionReturnValue {
  const changing = cy.collection();
  for (const { id } of [...changes.changedNodes, ...changes.changedEdges]) changing.merge(cy.getElementById(id));
  for (const id of changes.removed) changing.merge(cy.getElementById(id));
  return changing;
}

/** What applying changes needs from the view that draws the graph. */
export interface DrawnGraph {
  /**
   * Whether removing an element drops every picture Cytoscape keeps of the graph (prebuiltLayer.ts): a change made in
   * slices rebuilds only the picture of the current zoom, and another would go on showing what was removed. A change
   * made in place (changeInPlace.ts) patches them all instead.
   */
  dropsPicturesOnRemove: boolean;
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
      if (view.dropsPicturesOnRemove) dropLayers(cy);
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

/** What applying an edit's changes needs from the view that draws the graph (see {@link applyChanges}). */
export interface ChangedGraph extends Omit<DrawnGraph, 'dropsPicturesOnRemove'> {
  /** Whether a newer update or load replaced this one: a change in slices stops. */
  superseded(): boolean;
  /**
   * Whether the graph was loaded anew: a change in place, once made, stops only then (a later edit patches only its
   * own changes).
   */
  reloaded(): boolean;
}

/**
 * Applies `changes` to `cy`: a small change patched into the pictures Cytoscape keeps of the graph (changeInPlace.ts);
 * a larger one, or one adding records (placed by the change itself, possibly past the pictures' extent), in slices
 * with the picture rebuilt (slicedChanges.ts). In one batch, as small graphs once were, an undone rename held the
 * normal style's 1,300 elements for 52 ms: Cytoscape dropped its picture and drew every element again.
 * Resolves to the places given to new records without a saved one in `positions`, or to null when superseded.
 */
export async function applyChanges(
  cy: Core,
  changes: GraphChanges,
  positions: ReadonlyMap<string, Point>,
  view: ChangedGraph,
): Promise<Record<string, Point> | null> {
  const small = changes.size <= MAX_IN_PLACE && changes.addedNodes.length === 0;
  if (small) {
    // The comparison took its share of this task (tens of milliseconds at five thousand records), the patch
    // takes the next. Nothing changes elements in between: every other change to the graph is made in slices
    // (slicedChanges.ts), and one asked for meanwhile starts after this next task.
    await nextTask();
    if (view.superseded()) return null;
  }
  const inPlace = small ? inPlaceChange(cy, changingElements(cy, changes)) : null;
  const { steps, placed } = changeSteps(cy, changes, positions, { ...view, dropsPicturesOnRemove: !inPlace });
  const done = await (inPlace ? inPlace(steps, view.reloaded) : changeInSteps(cy, steps, view.superseded));
  return done ? placed : null;
}
