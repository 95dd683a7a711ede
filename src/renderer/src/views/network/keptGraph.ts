/**
 * The graph a load replaced, kept hidden with its Cytoscape instance and pictures, so that going back to it (a
 * filter cleared, back to the overview) shows it again at once instead of drawing it anew. At ~5,000 records a
 * load adds sixteen thousand elements in slices for about two seconds, and the garbage they leave brings V8's
 * collections into the slices (the step "clear the filter" was the one the bench saw over 50 ms).
 *
 * It is shown again only when it draws the new answer exactly, checked element by element ({@link drawsAnswer}):
 * the same records with the same data and look at the same places, the same relations, nothing showcased. A move
 * or a layout made since (under the filter) leaves it out of date, and the graph is loaded as before; an edit drops
 * it at once. One such graph is kept, the largest ({@link KeptGraph}); when the view goes, it is parked for the next
 * one (parkedGraph.ts).
 *
 * Each instance draws in a box of its own inside the view's (drawnInstance.ts): a kept one is hidden by its box's
 * visibility, not taken off the page and not resized (its pictures stay good for the same canvas). The box hidden is
 * the one around Cytoscape's container: Cytoscape takes any change of its container's attributes for a resize and
 * draws the whole graph again.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { nodeDiffers } from './graphChanges';
import type { Point } from './graphElements';
import { LABELLED, isLookClass, nodeClasses } from './graphStyle';
import { nextTask, visitInSlices } from './frames';
import { changesDone } from './slicedChanges';
import { destroyInstance, setKept, type DrawnInstance } from './drawnInstance';

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
    // Destroyed meanwhile (the view went, or an edit dropped it).
    if (cy.destroyed()) return false;
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
  const drawnAlike = await visitInSlices(elements, same, superseded, COMPARE_CHUNK);
  if (drawnAlike !== true) return drawnAlike === 'superseded' ? drawnAlike : 'differs';
  return { labelled: labelled ?? false };
}

/** Elements compared between two looks at the clock. */
const COMPARE_CHUNK = 250;

/**
 * The one graph kept hidden, and which graph is worth keeping: one whose last load drew it whole, with no overlay on
 * it, at least as large as the graph kept so far (the largest takes longest to draw anew: the whole network at five
 * thousand records, against a filter's part of it). The others are destroyed, which drops a graph at once:
 * Cytoscape removes elements a collection at a time (170 ms in one task for fifteen thousand, measured), where
 * destroying the instance takes a few milliseconds.
 */
export class KeptGraph {
  private kept: DrawnInstance | null = null;
  /** The instance whose last load drew the graph whole. */
  private drawnWhole: Core | null = null;

  /** `cy`'s load (or its showing again) is done: it is whole. */
  drawn(cy: Core): void {
    this.drawnWhole = cy;
  }

  /** Whether `instance` is as its last load drew it, whole (`overlaid`: an overlay is on it): worth showing again. */
  private asDrawn(instance: DrawnInstance, { overlaid }: { overlaid: boolean }): boolean {
    return instance.cy === this.drawnWhole && !overlaid;
  }

  /** Keeps an instance taken off the canvas (`overlaid`: an overlay is on it), or destroys it. */
  retire(outgoing: DrawnInstance, overlay: { overlaid: boolean }): void {
    const worthKeeping =
      this.asDrawn(outgoing, overlay) &&
      (!this.kept || outgoing.cy.elements().length >= this.kept.cy.elements().length);
    if (!worthKeeping) return destroyInstance(outgoing);
    this.drop();
    setKept(outgoing, true);
    this.kept = outgoing;
  }

  /** Destroys the graph kept, if any (the data changed, or the view went). */
  drop(): void {
    if (this.kept) destroyInstance(this.kept);
    this.kept = null;
  }

  /**
   * The view goes: the graph to park for the next one (parkedGraph.ts), given up here, and the others destroyed.
   * That is the graph `shown` when it is as its load drew it (the next view opens on the same filter, so on the
   * same answer), else the graph kept; or none.
   */
  leave(shown: DrawnInstance | null, overlay: { overlaid: boolean }): DrawnInstance | null {
    let parking = this.kept;
    if (shown && this.asDrawn(shown, overlay)) {
      this.drop();
      parking = shown;
    } else if (shown) destroyInstance(shown);
    this.kept = null;
    return parking;
  }

  /** Keeps a graph another view's controller kept (parkedGraph.ts), in place of any kept so far. */
  adopt(instance: DrawnInstance): void {
    this.drop();
    setKept(instance, true);
    this.kept = instance;
  }

  /**
   * Whether the graph kept may be the one for an answer of so many records and relations, drawn in that style: a
   * cheap guess (see {@link take} for the check).
   */
  mayBe(nodes: number, edges: number, performanceMode: boolean): boolean {
    const kept = this.kept;
    return (
      !!kept &&
      kept.performanceMode === performanceMode &&
      kept.cy.nodes().length === nodes &&
      kept.cy.edges().length === edges
    );
  }

  /**
   * The graph kept, handed over (no longer kept) when it draws the answer exactly ({@link drawsAnswer}), with whether
   * its records carry their labels; null when it does not (it stays kept, for going back to it); 'superseded' when a
   * newer load replaced the one asking.
   */
  async take(
    answer: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[]; positions: ReadonlyMap<string, Point> },
    performanceMode: boolean,
    superseded: () => boolean,
  ): Promise<{ instance: DrawnInstance; labelled: boolean } | null | 'superseded'> {
    const kept = this.kept;
    if (!kept) return null;
    // Changes still going on it (a label change started before it was kept) end first.
    await changesDone(kept.cy);
    if (superseded()) return 'superseded';
    if (kept.performanceMode !== performanceMode) return null;
    const comparison = await drawsAnswer(kept.cy, answer.nodes, answer.edges, answer.positions, superseded);
    if (comparison === 'superseded') return comparison;
    // Replaced meanwhile (only a newer load does that, which supersedes the one asking): not its to show.
    if (comparison === 'differs' || this.kept !== kept) return null;
    this.kept = null;
    return { instance: kept, labelled: comparison.labelled };
  }
}
