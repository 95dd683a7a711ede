/**
 * Where the drawn graph's records are: moves (a layout's result, records placed beside their neighbours), and the
 * temporary arrangements of a path or focus for reading, put back when they end. Saved positions are the view's
 * (useNetworkGraph.ts); this only moves what is drawn.
 */
import type { CollectionReturnValue, Core } from 'cytoscape';
import { nextTask } from './frames';
import type { Point } from './graphElements';
import { layoutRequestInSlices, placesNearNeighbours } from './graphPlacement';
import type { LayoutRequest } from './layoutProtocol';
import { readingRequest, type ReadingLayout } from './readingLayouts';
import { LayoutCancelled, runLayout, type LayoutJob } from './runLayout';
import { inTurn, moveInSlices } from './slicedChanges';

/** What the positions need of the graph controller. */
export interface PositionsHost {
  /** The live instance. */
  readonly cy: Core;
  /** Whether records carry their labels (a layout leaves room for them). */
  readonly labelled: boolean;
  collect(ids: readonly string[]): CollectionReturnValue;
  fitTo(nodeIds?: readonly string[]): void;
  /** Marks the graph busy until the work settles. */
  whileBusy<T>(work: Promise<T>): Promise<T>;
}

export class GraphPositions {
  /** A count of moves: a newer one replaces one still going. */
  private moves = 0;
  /** Where arranged records were before their first arrangement since the last load (see putBackArranged). */
  private beforeArrangement = new Map<string, Point>();
  /** A count of arrangements and of their undoing: a newer one stops an arrangement still going. */
  private arrangements = 0;
  /** The layout of the arrangement going, while the worker computes it. */
  private arranging: LayoutJob | null = null;

  constructor(private readonly host: PositionsHost) {}

  /** The graph was replaced: nothing in it is arranged. */
  forget(): void {
    this.stopArranging();
    this.beforeArrangement.clear();
  }

  /**
   * Moves nodes to the given positions, and resolves once they are drawn there. Nodes already there are left alone:
   * a node moved, even onto its own place, makes Cytoscape draw the whole graph element by element again (a third of
   * a second at five thousand records, for putting records back where they were; 108 ms for a layout in the
   * normal style's 1,300 elements). The nodes move in slices (slicedChanges.ts), with the picture redrawn before it
   * shows.
   */
  async apply(positions: Readonly<Record<string, Point>>): Promise<void> {
    const cy = this.host.cy;
    const generation = ++this.moves;
    await moveInSlices(cy, positions, () => generation !== this.moves || cy.destroyed());
  }

  /** Places new nodes beside their already placed neighbours (see graphPlacement.ts) and returns where. */
  async placeNearNeighbours(ids: readonly string[]): Promise<Record<string, Point>> {
    const placed = placesNearNeighbours(this.host.cy, ids);
    await this.apply(placed);
    return placed;
  }

  /** What the layout worker needs to lay out the drawn graph, made in slices (see graphPlacement.ts). */
  layoutRequest(keep: ReadonlySet<string>, superseded: () => boolean): Promise<LayoutRequest | null> {
    // The places as they are once any change or image going has ended (see slicedChanges.ts: inTurn): the layout
    // keeps them, and its worker starts then, not beside an image being drawn.
    const cy = this.host.cy;
    return inTurn(cy, () => (superseded() ? null : layoutRequestInSlices(cy, keep, this.host.labelled, superseded)));
  }

  /**
   * Arranges a few nodes for reading (a path left to right, a focus in rings) without touching saved positions:
   * the arrangement is placed where the first node already is, so the rest of the graph stays put.
   */
  arrange(nodeIds: readonly string[], root: string, kind: ReadingLayout): Promise<void> {
    return this.host.whileBusy(this.arrangeNow(nodeIds, root, kind));
  }

  private async arrangeNow(nodeIds: readonly string[], root: string, kind: ReadingLayout): Promise<void> {
    const generation = this.stopArranging();
    const stopped = () => generation !== this.arrangements;
    // Not in the task that asked (the answer that brought the path in, and the view's render with it).
    await nextTask();
    const nodes = this.host.collect(nodeIds);
    if (stopped() || nodes.empty()) return;
    // In the layout worker, off the main thread.
    const job = (this.arranging = runLayout(readingRequest(nodes, root, kind)));
    let positions: Record<string, Point>;
    try {
      positions = await job.result;
    } catch (error) {
      if (error instanceof LayoutCancelled) return;
      throw error;
    } finally {
      if (this.arranging === job) this.arranging = null;
    }
    if (stopped()) return;
    // Where they were before any arrangement, for records with no saved place (brought in by this focus or path).
    nodes.forEach((node) => {
      if (!this.beforeArrangement.has(node.id())) this.beforeArrangement.set(node.id(), { ...node.position() });
    });
    await this.apply(positions);
    // Ended meanwhile (the path or focus closed, or another asked for): the view stays where the user left it.
    if (!stopped()) this.host.fitTo(nodeIds);
  }

  /** Stops the arrangement going, if any (its layout, its moves, its fit); returns the new count. */
  private stopArranging(): number {
    this.arranging?.cancel();
    this.arranging = null;
    return ++this.arrangements;
  }

  /**
   * Puts every record arranged since the last load (a path, a focus) back at its saved place, or, with none (brought
   * in by the focus or path), where it was before its first arrangement. Only those records: the others never moved.
   */
  putBackArranged(saved: ReadonlyMap<string, Point>): Promise<void> {
    // An arrangement still going would move its records after they were put back, and fit the view to them.
    this.stopArranging();
    const places: Record<string, Point> = {};
    for (const [id, before] of this.beforeArrangement) places[id] = saved.get(id) ?? before;
    return this.host.whileBusy(this.apply(places));
  }
}
