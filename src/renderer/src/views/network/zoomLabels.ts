/**
 * Whether a large graph's records carry their labels: only once zoomed in far enough to read them (LABEL_ZOOM), so
 * that thousands of labels nobody could read are never measured. Every node gets or loses the labelled class, in
 * slices (slicedChanges.ts), once the zoom has settled: measuring thousands of labels in one go held the main thread
 * for a second at a thousand records, and mid-gesture the slices would hold up the gesture's frames. A graph in the
 * normal style is always labelled (its stylesheet labels every node).
 */
import type { Core } from 'cytoscape';
import { LABEL_ZOOM, LABELLED } from './graphStyle';
import { restyleInSlices } from './slicedChanges';

/** How long the zoom must rest before a large graph's labels come or go. */
const LABEL_SETTLE_MS = 200;

export class ZoomLabels {
  /** Whether the drawn records carry their labels (or will, once the change going is done). */
  shown = true;
  /** The change waiting for the zoom to settle, and a count of changes (a newer one replaces one going). */
  private timer: ReturnType<typeof setTimeout> | undefined;
  private changes = 0;

  /** Labels as `cy`'s zoom wants them now, for records about to be added (nothing drawn is restyled). */
  takeZoom(cy: Core, large: boolean): void {
    clearTimeout(this.timer);
    this.shown = !large || cy.zoom() >= LABEL_ZOOM;
  }

  /**
   * Labels as a graph drawn before carries them (`labelled`), shown again (keptGraph.ts): a change going on another
   * instance stops, and a large graph's labels follow its zoom from there.
   */
  takeDrawn(cy: Core, large: boolean, labelled: boolean): void {
    clearTimeout(this.timer);
    this.changes++;
    // The normal style labels every record through its stylesheet, without the class.
    this.shown = !large || labelled;
    if (large) this.followZoom(cy);
  }

  /** After a zoom of a large graph: labels on or off once the zoom has settled. */
  followZoom(cy: Core): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (cy.destroyed()) return;
      const want = cy.zoom() >= LABEL_ZOOM;
      if (want === this.shown) return;
      this.shown = want;
      const change = ++this.changes;
      const superseded = () => change !== this.changes || cy.destroyed();
      void restyleInSlices(cy, (slice) => slice.nodes().toggleClass(LABELLED, this.shown), superseded);
    }, LABEL_SETTLE_MS);
  }

  /** Drops a change waiting for the zoom to settle. */
  stop(): void {
    clearTimeout(this.timer);
  }
}
