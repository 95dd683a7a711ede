/**
 * The showcase of the drawn graph: a focus, a path or another view's highlight keeps some elements in full colour
 * and fades the rest (never hidden, so the user keeps the picture of where they are). Every showcase restyles every
 * element, in slices, with the picture the next frame shows drawn beforehand (slicedChanges.ts): in one go, Cytoscape
 * then drew all of them one by one in one frame (about a second at five thousand records; 82 to 105 ms for the
 * normal style's 1,300 elements, in the network bench).
 */
import type { CollectionReturnValue, Core, SingularElementArgument } from 'cytoscape';
import type { GraphHighlight } from '../../state/appStore';
import { nextTask } from './frames';
import { restyleInSlices } from './slicedChanges';

/** The class of the elements a showcase fades (the stylesheet's `.faded`). */
export const FADED = 'faded';

/** The classes that put elements forward in a showcase (the stylesheet's `.emphasised` and so on). */
export const FORWARD_CLASSES = ['emphasised', 'highlighted', 'path-end'] as const;

/** The classes that showcase or mark elements. */
const SHOWCASE_CLASSES = [FADED, ...FORWARD_CLASSES].join(' ');

/** What the showcase needs of the graph controller. */
export interface ShowcaseHost {
  /** The live instance. */
  readonly cy: Core;
  /** Changes with every load, which replaces a restyle still going. */
  readonly loadGeneration: number;
  /** Marks the graph busy until the work settles. */
  whileBusy<T>(work: Promise<T>): Promise<T>;
}

export class GraphShowcase {
  /**
   * Whether any element may carry a showcase class. Clearing restyles every element a removeClass is called on,
   * whether or not it had the class: after every load, nothing does.
   */
  private mayBeShown = false;
  /** The showcase in force (what it does to elements), for elements drawn after it (see {@link extend}). */
  private shown: ((elements: CollectionReturnValue) => void) | null = null;
  /** Incremented by every restyle, so one replaced by a newer stops between slices. */
  private generation = 0;

  constructor(private readonly host: ShowcaseHost) {}

  /** The graph was replaced: none of its elements carries a class any more. */
  forget(): void {
    this.mayBeShown = false;
    this.shown = null;
  }

  /**
   * Showcases some elements. `edgeIds` empty means the edges among the nodes; `highlight` marks the kept elements
   * too, and `pathEnds` the two ends of a path. Resolves once the showcase is drawn (or replaced by a newer one).
   */
  show(
    nodeIds: readonly string[],
    edgeIds: readonly string[],
    { highlight = false, pathEnds = [] }: { highlight?: boolean; pathEnds?: readonly string[] } = {},
  ): Promise<void> {
    const ids = new Set(nodeIds);
    const keptEdges = new Set(edgeIds);
    const ends = new Set(pathEnds);
    // By id, not by collection: an element drawn later (after an edit) is judged as those drawn now.
    const isKept = (element: SingularElementArgument) => {
      if (element.isNode()) return ids.has(element.id());
      if (keptEdges.size > 0) return keptEdges.has(element.id());
      return ids.has(element.data('source') as string) && ids.has(element.data('target') as string);
    };
    const change = (elements: CollectionReturnValue) => {
      elements.removeClass(SHOWCASE_CLASSES);
      elements.filter((element) => !isKept(element)).addClass(FADED);
      elements.filter((element) => element.isNode() && ids.has(element.id())).addClass('emphasised');
      if (highlight) elements.filter(isKept).addClass('highlighted');
      if (ends.size > 0) elements.filter((element) => ends.has(element.id())).addClass('path-end');
    };
    this.mayBeShown = true;
    this.shown = change;
    return this.restyle(change);
  }

  /** Gives newly drawn elements the showcase in force, if any (call it inside the batch that adds them). */
  extend(elements: CollectionReturnValue): void {
    this.shown?.(elements);
  }

  /** Applies another view's highlight (a plan's paths); null clears it. */
  highlight(highlight: GraphHighlight | null): Promise<void> {
    if (!highlight) return this.clear();
    return this.show(highlight.nodeIds, highlight.edgeIds, { highlight: true });
  }

  /** Ends any focus, path or highlight: every element back to full colour. */
  clear(): Promise<void> {
    if (!this.mayBeShown) return Promise.resolve();
    this.mayBeShown = false;
    this.shown = null;
    return this.restyle((elements) => elements.removeClass(SHOWCASE_CLASSES));
  }

  /** Gives every element its new classes, in slices. */
  private async restyle(change: (elements: CollectionReturnValue) => void): Promise<void> {
    const { cy, loadGeneration } = this.host;
    const generation = ++this.generation;
    const superseded = () =>
      generation !== this.generation || loadGeneration !== this.host.loadGeneration || cy.destroyed();
    await this.host.whileBusy(
      (async () => {
        // Not in the task that asked (a click, and the view's render with it): the first slice is a task's worth.
        await nextTask();
        if (!superseded()) await restyleInSlices(cy, change, superseded);
      })(),
    );
  }
}
