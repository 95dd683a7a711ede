/**
 * The selected record on the graph canvas: a ring laid over the canvas (selectionRing.ts), not Cytoscape's selection,
 * which restyles the record and so makes Cytoscape draw the whole graph element by element again (a task of 61 ms
 * for the normal style's 1,300 elements in the network bench, 430 ms at five thousand records). Without a ring
 * element (a bare controller), Cytoscape's own.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { listenForView } from './drawnInstance';
import { SelectionRing } from './selectionRing';

export class GraphSelection {
  private readonly ring: SelectionRing | null;
  /**
   * Whether any element may be selected. Clearing the selection tests every element against a selector (about
   * 30 ms at five thousand records), and is asked for after every load, when nothing is.
   */
  private mayHaveSelection = false;

  /** `ringElement`: where the ring is drawn; without one, the selection is Cytoscape's. */
  constructor(ringElement?: HTMLElement) {
    this.ring = ringElement ? new SelectionRing(ringElement) : null;
  }

  /** The record the ring marks, if any. */
  get ringedId(): string | null {
    return this.ring?.ringed ?? null;
  }

  /** Whether the selection is shown as the ring (Cytoscape's own then turned off). */
  get ringed(): boolean {
    return this.ring !== null;
  }

  /**
   * Follows an instance new to the view: the ring (none shown yet) moves with the view and with the ringed record.
   * The view's listeners (drawnInstance.ts), which a parked instance loses.
   */
  attach(cy: Core): void {
    this.ring?.show(null);
    if (this.ring) {
      const ring = this.ring;
      listenForView(cy, 'viewport resize', () => ring.place());
      // Only the ringed record's moves: a layout moves thousands at once.
      listenForView(
        cy,
        'position',
        (event) => {
          if ((event.target as NodeSingular).id() === ring.ringed) ring.place();
        },
        'node',
      );
    }
    listenForView(cy, 'select', () => (this.mayHaveSelection = true));
  }

  /** A new graph was loaded, or one kept shown again: nothing in it is selected, and the ring marks nothing. */
  forget(): void {
    this.ring?.show(null);
    this.mayHaveSelection = false;
  }

  /** Selects one node of `cy` (or none) and brings it into view when it is off screen. */
  select(cy: Core, id: string | null, large: boolean): void {
    const target = id ? cy.getElementById(id) : null;
    if (cy.autounselectify()) this.ring?.show(target?.nonempty() ? target : null);
    else {
      cy.batch(() => {
        if (this.mayHaveSelection) cy.$(':selected').unselect();
        this.mayHaveSelection = false;
        if (target?.nonempty()) target.select();
      });
    }
    if (target?.nonempty()) {
      const box = cy.extent();
      const { x, y } = target.position();
      if (x < box.x1 || x > box.x2 || y < box.y1 || y > box.y2) {
        // A large graph moves there at once: while an animation runs, Cytoscape draws every record one by one on
        // each frame instead of copying the picture it keeps.
        if (large) cy.center(target);
        else cy.animate({ center: { eles: target } }, { duration: 250 });
      }
    }
  }
}
