/**
 * Names on a graph zoomed out too far for Cytoscape's own labels, drawn on a canvas laid over Cytoscape's.
 *
 * Zoomed out, Cytoscape leaves every label out (below zoom 1 in the normal style, graphStyle.ts; below LABEL_ZOOM in
 * the large one), and on a laptop the overview's fitted zoom is about one half: the graph was unnamed dots, or
 * labels too small to read. Here the records that have room (labelPlacement.ts: the selected one, showcased ones,
 * then the hubs) are named at the size Cytoscape draws labels at zoom 1.
 *
 * A canvas of its own, not Cytoscape's labels: giving three hundred records a label, or changing their size, is a
 * restyle, and Cytoscape measured the labels and drew each record's picture again in one task (0.1 to 0.3 s for the
 * sample network, measured); a large graph drops every picture it keeps on any restyle. This canvas costs the
 * drawing of a few dozen names in the frames where the view moves, and a pick of who has room once it rests.
 */
import type { BoundingBox12, Core, EventObject, NodeSingular } from 'cytoscape';
import { SLICE_BUDGET_MS, nextTask } from './frames';
import { LABEL_LOOK } from './graphStyle';
import { FADED, FORWARD_CLASSES } from './graphShowcase';
import { labelBox, OVERLAY_LABEL, placeLabels, type LabelCandidate, type ViewSpan } from './labelPlacement';

/** How long the view must rest (no zoom, move, edit or showcase) before the names are picked again. */
const PICK_SETTLE_MS = 150;

/** How far around the view a pick names records, as a share of the view's width and height on each side. */
const PICK_MARGIN = 0.25;

/** The most names drawn at once: more would not be read, and each costs every frame of a gesture. */
const MAX_NAMES = 200;

/** What a pick reads of a record, apart from its place and whether it is selected. */
interface RecordLook {
  id: string;
  name: string;
  /** Half its height with its border, in graph units. */
  halfHeight: number;
  degree: number;
  showcased: boolean;
  faded: boolean;
}

declare global {
  interface Window {
    /** For the end-to-end tests: the ids named now, with the boxes drawn (screen pixels, from the canvas's corner). */
    __atlasNamed?: { id: string; x1: number; y1: number; x2: number; y2: number }[];
    /** For the end-to-end tests: whether the names are to be picked again (the view has not rested yet). */
    __atlasNamesPending?: boolean;
  }
}

const exposeForTests = new URLSearchParams(window.location.search).has('atlasTest');

export class LabelOverlay {
  private cy: Core | null = null;
  /** What {@link attach} listens to on the instance named, taken off by {@link forget}: a kept one is named again. */
  private listeners: [events: string, handler: (event: EventObject) => void][] = [];
  /** The records named now, in the order they were picked. */
  private named: NodeSingular[] = [];
  private pickTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the view will have rested, if nothing changes before (see {@link pickSoon}). */
  private restsAt = 0;
  /**
   * What picks read of each record (its name, size, degree, showcase), by id: dropped when its data or classes change
   * or it comes or goes, and all of it when the instance is forgotten (its changes are no longer heard). Not a weak map
   * by element: five thousand weak entries at ~5,000 records add to full collections' final pauses (drawnLooks.ts).
   */
  private looks = new Map<string, RecordLook>();
  /** Whether a pick waits for the view to rest, or is going. */
  private pickPending = false;
  /** Counts picks asked for: a pick going stops when a newer one is asked for. */
  private picks = 0;
  private frame: number | null = null;

  /**
   * `canvas` lies over Cytoscape's box, from its corner (network.css). `view.isSelected` says whether a record is the
   * selected one (the selection is a ring, not Cytoscape's, where the view has one); `view.ownLabelsDrawn` whether
   * Cytoscape draws the labels at the zoom in use, when nothing is named here.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly view: { isSelected(node: NodeSingular): boolean; ownLabelsDrawn(): boolean },
  ) {}

  /**
   * Names the records of `cy` (an instance named before is forgotten), once a load has put them in: following every
   * element's events while thousands are added cost that load about a tenth more of the main thread's time.
   */
  attach(cy: Core): void {
    if (this.cy === cy) return this.pickSoon();
    this.forget();
    this.cy = cy;
    this.pickSoon();
    const listen = (events: string, handler: (event: EventObject) => void) => {
      cy.on(events, handler);
      this.listeners.push([events, handler]);
    };
    // A pan too: a pick names only what is in view or near it (see pickReach).
    listen('zoom pan add remove data select unselect class resize', () => this.pickSoon());
    // No selector: Cytoscape would test it on every element's event (edges are not in the map anyway).
    listen('data class add remove', (event) => {
      if (event.target !== cy) this.looks.delete((event.target as NodeSingular).id());
    });
    // Only the drawing follows each move; a layout moves every record at once, so the pick waits for it to rest.
    listen('position', () => {
      this.pickSoon();
      this.drawSoon();
    });
    listen('viewport resize', () => this.drawSoon());
    listen('destroy', () => {
      if (this.cy === cy) this.forget();
    });
  }

  /**
   * Picks again once the view rests: after each change (an event of each element a layout's result moves, five
   * thousand at five thousand records) only a time is noted; one timer waits for the rest. Also called when the
   * selection changed where Cytoscape does not say (the ring).
   */
  pickSoon(): void {
    this.restsAt = performance.now() + PICK_SETTLE_MS;
    // A pick going is out of date.
    this.picks++;
    if (this.pickTimer !== undefined) return;
    this.pickPending = true;
    if (exposeForTests) window.__atlasNamesPending = true;
    const wait = (delay: number) => {
      this.pickTimer = setTimeout(() => {
        const left = this.restsAt - performance.now();
        if (left > 1) return wait(left);
        this.pickTimer = undefined;
        void this.pick();
      }, delay);
    };
    wait(PICK_SETTLE_MS);
  }

  /** Stops naming: the instance went (a new graph, the view closed). */
  forget(): void {
    const cy = this.cy;
    if (cy && !cy.destroyed()) for (const [events, handler] of this.listeners) cy.removeListener(events, handler);
    this.listeners = [];
    clearTimeout(this.pickTimer);
    this.pickTimer = undefined;
    this.picks++;
    this.pickPending = false;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.cy = null;
    this.named = [];
    this.looks.clear();
    this.draw();
  }

  /**
   * Picks the records that have room at the zoom in use, and draws them. The records are read in slices (about
   * SLICE_BUDGET_MS each): the first pick of a graph of five thousand reads every record's name and size, a task
   * of 50 to 60 ms while it opened, measured. A newer pick, or another graph, stops it between slices.
   */
  private async pick(): Promise<void> {
    const cy = this.cy;
    if (!cy || cy.destroyed()) return;
    const generation = ++this.picks;
    const superseded = () => generation !== this.picks || this.cy !== cy || cy.destroyed();
    if (this.view.ownLabelsDrawn()) {
      this.named = [];
    } else {
      const candidates: LabelCandidate[] = [];
      const byId = new Map<string, NodeSingular>();
      const elements = cy.elements();
      const reach = pickReach(cy);
      let sliceStart = performance.now();
      for (let index = 0; index < elements.length; index++) {
        if (index % 64 === 0 && performance.now() - sliceStart > SLICE_BUDGET_MS) {
          await nextTask();
          if (superseded()) return;
          sliceStart = performance.now();
        }
        const element = elements[index]!;
        if (!element.isNode()) continue;
        const { x, y } = element.position();
        if (x < reach.x1 || x > reach.x2 || y < reach.y1 || y > reach.y2) continue;
        const look = this.lookOf(element);
        // Faded records draw no text (the stylesheet's `.faded`).
        if (look.faded) continue;
        const selected = this.view.isSelected(element);
        byId.set(look.id, element);
        candidates.push({
          id: look.id,
          x,
          y,
          halfHeight: look.halfHeight,
          textWidth: fitted(look.name, selected || look.showcased).width,
          priority: (look.showcased ? 1_000_000 : 0) + look.degree,
          always: selected,
        });
      }
      // Placed in a task of its own; the zoom may have changed meanwhile.
      await nextTask();
      if (superseded()) return;
      const picked = placeLabels(candidates, cy.zoom(), MAX_NAMES, viewSpan(cy));
      this.named = [...picked].filter((id) => byId.get(id)!.inside()).map((id) => byId.get(id)!);
    }
    this.pickPending = false;
    this.drawSoon();
  }

  /** What a pick reads of a record, kept until its data or classes change. */
  private lookOf(node: NodeSingular): RecordLook {
    let look = this.looks.get(node.id());
    if (!look) {
      look = {
        id: node.id(),
        name: String(node.data('label') ?? ''),
        halfHeight: node.outerHeight() / 2,
        degree: Number(node.data('degree') ?? 0),
        // Put forward by a showcase: named before the rest, in bold.
        showcased: FORWARD_CLASSES.some((name) => node.hasClass(name)),
        faded: node.hasClass(FADED),
      };
      this.looks.set(look.id, look);
    }
    return look;
  }

  private drawSoon(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  /** Draws the names where their records are on screen now. */
  private draw(): void {
    const cy = this.cy;
    const named = cy && !cy.destroyed() && !this.view.ownLabelsDrawn() ? this.named.filter((n) => n.inside()) : [];
    if (exposeForTests) {
      window.__atlasNamed = [];
      window.__atlasNamesPending = this.pickPending;
    }
    if (named.length === 0 || !cy) {
      this.canvas.hidden = true;
      return;
    }
    // Sized from Cytoscape's own figures, never from the page's layout (selectionRing.ts says why).
    const ratio = window.devicePixelRatio || 1;
    const width = cy.width();
    const height = cy.height();
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      Object.assign(this.canvas.style, { width: `${width}px`, height: `${height}px` });
    }
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const zoom = cy.zoom();
    const pan = cy.pan();
    const view = viewSpan(cy);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    for (const node of named) {
      const look = this.lookOf(node);
      // Selected and showcased records are named in bold, as Cytoscape draws their labels.
      const bold = this.view.isSelected(node) || look.showcased;
      const { text, width: textWidth } = fitted(look.name, bold);
      const { x, y } = node.position();
      const box = labelBox({ id: look.id, x, y, halfHeight: look.halfHeight, textWidth, priority: 0 }, zoom, view);
      const [x1, y1, x2, y2] = [box.x1 + pan.x, box.y1 + pan.y, box.x2 + pan.x, box.y2 + pan.y];
      if (x2 < 0 || y2 < 0 || x1 > width || y1 > height) continue;
      context.globalAlpha = LABEL_LOOK.bandOpacity;
      context.fillStyle = LABEL_LOOK.band;
      context.beginPath();
      context.roundRect(x1, y1, x2 - x1, y2 - y1, 3);
      context.fill();
      context.globalAlpha = 1;
      context.fillStyle = LABEL_LOOK.colour;
      context.font = fontOf(bold);
      context.fillText(text, (x1 + x2) / 2, (y1 + y2) / 2);
      if (exposeForTests) window.__atlasNamed!.push({ id: node.id(), x1, y1, x2, y2 });
    }
    this.canvas.hidden = false;
  }
}

/**
 * Where a pick looks for records to name, in the graph's units: the view and PICK_MARGIN around it. Zoomed in part
 * way (the overlay names records up to LABEL_ZOOM), the hubs out of view took most of the MAX_NAMES names, and every
 * pick placed every record's label: 29 to 33 ms in one task after a wheel zoom at five thousand records (scratch
 * probes). A pan brings the margin's names into view at once, and a pick for the new view once it rests.
 */
function pickReach(cy: Core): BoundingBox12 {
  const { x1, y1, x2, y2, w, h } = cy.extent();
  return { x1: x1 - w * PICK_MARGIN, y1: y1 - h * PICK_MARGIN, x2: x2 + w * PICK_MARGIN, y2: y2 + h * PICK_MARGIN };
}

/** The canvas's left and right edges in the labels' pixels (screen pixels without the pan). */
function viewSpan(cy: Core): ViewSpan {
  const left = -cy.pan().x;
  return { x1: left, x2: left + cy.width() };
}

function fontOf(bold: boolean): string {
  return `${bold ? 'bold ' : ''}${OVERLAY_LABEL.font}px ${LABEL_LOOK.fontFamily}`;
}

/**
 * Names' widths, summed from the widths of their characters, each measured once per weight: a pick over five
 * thousand records measured every name with the canvas, and cut the long ones by measuring their starts (123 ms in
 * one task while opening the bench's graph, measured). A sum leaves out kerning: a pixel or two on a name, which the
 * band's padding takes.
 */
const characterWidths = { normal: new Map<string, number>(), bold: new Map<string, number>() };
let measuring: CanvasRenderingContext2D | null | undefined;

function characterWidth(character: string, bold: boolean): number {
  const widths = bold ? characterWidths.bold : characterWidths.normal;
  let width = widths.get(character);
  if (width === undefined) {
    if (measuring === undefined) measuring = document.createElement('canvas').getContext('2d');
    if (measuring) {
      measuring.font = fontOf(bold);
      width = measuring.measureText(character).width;
    } else {
      width = OVERLAY_LABEL.font * 0.6;
    }
    widths.set(character, width);
  }
  return width;
}

/** Names as drawn and their widths, by weight and name: each pick after the first reads them. */
const fittedNames = new Map<string, { text: string; width: number }>();

/** `name` as drawn in the overlay's font (cut with an ellipsis past OVERLAY_LABEL.maxWidth), and its width. */
function fitted(name: string, bold: boolean): { text: string; width: number } {
  const key = `${bold ? 'b' : 'n'}${name}`;
  let known = fittedNames.get(key);
  if (!known) {
    // Renames and other graphs add names: start again rather than grow without end.
    if (fittedNames.size > 20_000) fittedNames.clear();
    known = fit(name, bold);
    fittedNames.set(key, known);
  }
  return known;
}

function fit(name: string, bold: boolean): { text: string; width: number } {
  let width = 0;
  for (const character of name) width += characterWidth(character, bold);
  if (width <= OVERLAY_LABEL.maxWidth) return { text: name, width };
  // The longest start of the name that fits with the ellipsis.
  const room = OVERLAY_LABEL.maxWidth - characterWidth('…', bold);
  let text = '';
  width = 0;
  for (const character of name) {
    const next = width + characterWidth(character, bold);
    if (next > room) break;
    text += character;
    width = next;
  }
  text = `${text.trimEnd()}…`;
  let cut = 0;
  for (const character of text) cut += characterWidth(character, bold);
  return { text, width: cut };
}
