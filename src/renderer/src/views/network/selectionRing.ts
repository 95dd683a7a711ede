/**
 * The mark of the selected record: a ring laid over the canvas that follows the record as the view moves. Selecting through Cytoscape restyles the record, and any restyle makes Cytoscape drop
 * the picture of the whole graph it keeps (its layered texture cache) and draw every element one by one until it
 * has drawn that picture again: a task of about 430 ms at five thousand records (the network bench), for one
 * record's border. The ring costs a few style writes.
 */
import type { NodeSingular } from 'cytoscape';

/** Space between the record's outline and the ring, in screen pixels. */
const GAP = 4;

export class SelectionRing {
  private node: NodeSingular | null = null;

  /**
   * `ring` is laid over Cytoscape's box, in a parent whose corner is the box's (network.css): the ring is placed
   * from Cytoscape's own figures, never from the page's layout. Reading that layout here, on a resize (the table
   * view shown or hidden), made the browser lay out the page in the middle of the frame: 25 ms at five thousand
   * records, on top of the frame's own layout.
   */
  constructor(private readonly ring: HTMLElement) {}

  /** Rings `node`, or nothing. */
  show(node: NodeSingular | null): void {
    this.node = node;
    this.place();
  }

  /** Which record is ringed. */
  get ringed(): string | null {
    return this.node && !this.node.removed() ? this.node.id() : null;
  }

  /** Puts the ring around the record where it is on screen now (after the view or the record moved). */
  place(): void {
    const node = this.node;
    const cy = node && !node.removed() ? node.cy() : null;
    if (!node || !cy || cy.destroyed()) {
      this.ring.hidden = true;
      return;
    }
    const { x, y } = node.renderedPosition();
    const size = node.renderedOuterWidth() + 2 * GAP;
    // Off the canvas (panned away, or the canvas hidden), the ring would be drawn over what is around it. Cytoscape
    // keeps its box's size from its last resize.
    if (x + size / 2 < 0 || y + size / 2 < 0 || x - size / 2 > cy.width() || y - size / 2 > cy.height()) {
      this.ring.hidden = true;
      return;
    }
    const left = x - size / 2;
    const top = y - size / 2;
    Object.assign(this.ring.style, { left: `${left}px`, top: `${top}px`, width: `${size}px`, height: `${size}px` });
    this.ring.hidden = false;
  }
}
