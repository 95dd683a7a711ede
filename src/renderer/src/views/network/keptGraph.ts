/**
 * The graph a load replaced, kept hidden with its Cytoscape instance and pictures, so that going back to it (a
 * filter cleared, back to the overview) shows it again at once instead of drawing it anew. At ~5,000 records a
 * load adds sixteen thousand elements in slices for about two seconds, and the garbage they leave brings V8's
 * collections into the slices (the step "clear the filter" was the one the bench saw over 50 ms).
 *
 * It is shown again only when it draws the new answer exactly, checked element by element ({@link drawsAnswer}):
 * the same records with the same data and look at the same places, the same relations, nothing showcased. A move
 * or a layout made since (under the filter) leaves it out of date, and the graph is loaded as before; an edit drops
 * it at once. The controller (graphController.ts) keeps one such graph, the largest.
 *
 * Each instance draws in a box of its own inside the view's (`instanceBox`): a kept one is hidden by its box's
 * visibility, not removed (Cytoscape destroys its renderer when its container leaves the page) and not resized (its
 * pictures stay good for the same canvas). The box hidden is the one around Cytoscape's container: Cytoscape takes
 * any change of its container's attributes for a resize and draws the whole graph again.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { nodeDiffers } from './graphChanges';
import type { Point } from './graphElements';
import { LABELLED, isLookClass, nodeClasses } from './graphStyle';
import { SLICE_BUDGET_MS, nextTask } from './frames';

/** A Cytoscape instance with the box it draws in (see {@link instanceBox}) and the style it was made for. */
export interface DrawnInstance {
  cy: Core;
  box: HTMLElement;
  /** Whether the instance was made with Cytoscape's performance options (graphController.ts). */
  performanceMode: boolean;
}

/** The class that hides a kept instance's box (network.css). */
export const KEPT_CLASS = 'canvas__instance--kept';

/**
 * A box for a new instance in the view's `container`, and the element Cytoscape draws in, inside it: hiding the
 * outer box leaves Cytoscape's container untouched.
 */
export function instanceBox(container: HTMLElement): { box: HTMLElement; cytoscapeContainer: HTMLElement } {
  const box = document.createElement('div');
  box.className = 'canvas__instance';
  const cytoscapeContainer = document.createElement('div');
  cytoscapeContainer.className = 'canvas__cytoscape';
  box.append(cytoscapeContainer);
  container.append(box);
  return { box, cytoscapeContainer };
}

/** Hides (kept) or shows an instance's box. */
export function setKept(instance: DrawnInstance, kept: boolean): void {
  instance.box.classList.toggle(KEPT_CLASS, kept);
}

/** Destroys an instance and takes its box off the page (after: Cytoscape destroys its renderer when it goes). */
export function destroyInstance(instance: DrawnInstance): void {
  if (!instance.cy.destroyed()) instance.cy.destroy();
  instance.box.remove();
}

/** How a kept graph compares with an answer: drawn as it is (with or without its labels), different, or stopped. */
export type KeptComparison = { labelled: boolean } | 'differs' | 'superseded';

/**
 * Whether `cy` draws the answer `nodes` and `edges` exactly, every record at its place in `positions`, nothing
 * showcased and every record labelled alike: then it can be shown as it is. The pass goes in slices
 * (SLICE_BUDGET_MS), as graphChanges.ts's does, and stops as soon as `superseded()` says a newer load replaced
 * the one asking or an element differs.
 */
export async function drawsAnswer(
  cy: Core,
  nodes: readonly NetworkNode[],
  edges: readonly NetworkEdge[],
  positions: ReadonlyMap<string, Point>,
  superseded: () => boolean,
): Promise<KeptComparison> {
  if (cy.destroyed()) return 'differs';
  // Each answer's id drawn once: with the counts equal, the two sets are the same.
  if (cy.nodes().length !== nodes.length || cy.edges().length !== edges.length) return 'differs';
  await nextTask();
  if (superseded()) return 'superseded';
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  const edgesById = new Map(edges.map((edge) => [edge.id, edge]));
  // Whether the records carry their labels, as the first says; every other must say the same.
  let labelled: boolean | null = null;
  const same = (element: SingularElementArgument): boolean => {
    const id = element.id();
    const drawn = element.data() as Record<string, unknown>;
    const classes = element.classes();
    // Cytoscape's own selection (a controller without the ring): the view selects again after a load.
    if (element.selected()) return false;
    if (element.isNode()) {
      const node = nodesById.get(id);
      const place = positions.get(id);
      if (!node || !place || nodeDiffers(drawn, node)) return false;
      const { x, y } = element.position();
      if (x !== place.x || y !== place.y) return false;
      const hasLabel = classes.includes(LABELLED);
      labelled ??= hasLabel;
      if (hasLabel !== labelled) return false;
      // Its look and nothing else: a focus's or path's class left on it would show.
      const look = nodeClasses(node.kind, node.subtype, node.degree);
      const others = classes.filter((name) => name !== LABELLED);
      return others.length === look.length && others.every((name) => isLookClass(name) && look.includes(name));
    }
    const edge = edgesById.get(id);
    return (
      !!edge &&
      edge.from === drawn.source &&
      edge.to === drawn.target &&
      edge.type === drawn.type &&
      classes.length === 0
    );
  };
  const elements = cy.elements().toArray() as SingularElementArgument[];
  for (let next = 0; next < elements.length;) {
    const sliceStart = performance.now();
    do {
      const until = Math.min(elements.length, next + COMPARE_CHUNK);
      for (; next < until; next++) if (!same(elements[next]!)) return 'differs';
    } while (next < elements.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
    await nextTask();
    if (superseded()) return 'superseded';
    if (cy.destroyed()) return 'differs';
  }
  return { labelled: labelled ?? false };
}

/** Elements compared between two looks at the clock. */
const COMPARE_CHUNK = 250;
