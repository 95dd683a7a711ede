/**
 * The graph canvas: one Cytoscape instance and every operation the network view performs on it, the showcase
 * (graphShowcase.ts), the records' moves and arrangements (graphPositions.ts), the selection (graphSelection.ts) and
 * the busy mark (busyMark.ts) through parts of their own; each instance is made with its drawing hooks in
 * newInstance.ts. React never holds the graph; the view calls these methods,
 * and every change to many elements runs inside `cy.batch` so Cytoscape draws once. The view loads this module (and
 * Cytoscape with it) on demand, so the app shell paints without it.
 */
import type { CollectionReturnValue, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import type { GraphOverlay } from '../../state/appStore';
import { boxOf, edgeData, fittedViewport, nodeElement, type Box, type Point } from './graphElements';
import { afterNextFrame, nextTask } from './frames';
import { graphPng, graphSvg } from './graphExport';
import { ZoomLabels } from './zoomLabels';
import { LabelOverlay } from './labelOverlay';
import { graphStylesheet, LABELLED, labelsDrawnAt, PERFORMANCE_THRESHOLD } from './graphStyle';
import { applyChanges, graphChanges, restyleRecord } from './graphChanges';
import { GraphPositions } from './graphPositions';
import { GraphShowcase } from './graphShowcase';
import { GraphSelection } from './graphSelection';
import { BusyMark } from './busyMark';
import { addInSlices, changesDone, inTurn } from './slicedChanges';
import { canvasesPrimed } from './canvasBuffers';
import { KeptGraph } from './keptGraph';
import { destroyInstance, listenForView, setKept, type DrawnInstance } from './drawnInstance';
import { newInstance } from './newInstance';
import { parkGraph, takeParkedGraph } from './parkedGraph';

/** What the canvas tells the view. */
export interface GraphEvents {
  onSelect(id: string | null): void;
  /** Nodes the user dragged to a new place. */
  onMoved(positions: { nodeId: string; x: number; y: number }[]): void;
  /**
   * The graph is being drawn or changed (true: a load, an update, a showcase on a large graph, an arrangement for
   * reading and its undoing) or shows the outcome (false). Not for the container's attributes: Cytoscape takes any
   * attribute change on its container for a resize and draws the whole graph again.
   */
  onBusy(busy: boolean): void;
  /** How much of the canvas's top, in pixels, something lies over now (the focus's or path's banner). */
  coveredTop?(): number;
}

declare global {
  interface Window {
    /** The live Cytoscape instance, exposed only when the page was opened with `?atlasTest=1` (tests and benches). */
    __atlasCy?: Core;
    /** When the first loaded graph was completely drawn, nodes and edges (performance.now()), for the benchmark. */
    __atlasGraphPaintedAt?: number;
  }
}

/**
 * The most elements an update changes (see GraphController.update); more (an import, a merge of many records) and
 * the graph is loaded again. An update adds its new elements in one call, which stays short up to this many.
 */
const MAX_UPDATE = 200;

const exposeForTests = new URLSearchParams(window.location.search).has('atlasTest');

/** The Cytoscape instance of the network view and what the view does with it. */
export class GraphController {
  /** The instance shown, with its box (see keptGraph.ts). */
  private shown: DrawnInstance | null = null;
  /** A graph a load replaced, hidden, for going back to it (see keptGraph.ts). */
  private readonly kept = new KeptGraph();
  /** Whether records carry their labels (see zoomLabels.ts). */
  private readonly labels = new ZoomLabels();
  /** The instance the view's stylesheet was last added to. */
  private styled: Core | null = null;
  /** The nodes the current overlay draws (by id: the instance is replaced when the performance options flip). */
  private overlaid = new Set<string>();
  /** Incremented by every load, so a load replaced by a newer one stops between slices. */
  private loads = 0;
  /** Incremented by every update (see {@link update}), for the same reason. */
  private updates = 0;
  /** Whether the graph is being drawn or changed (see busyMark.ts). */
  private readonly busy: BusyMark;
  /** The selected record (see graphSelection.ts). */
  private readonly selection: GraphSelection;
  /** Focus, path and highlight (see graphShowcase.ts). */
  readonly showcase = new GraphShowcase(this);
  /** Moves and arrangements for reading (see graphPositions.ts). */
  readonly positions = new GraphPositions(this);

  /** Names on a graph zoomed out too far for Cytoscape's labels (see labelOverlay.ts). */
  private readonly names: LabelOverlay | null;

  /**
   * The instance is made by the first load, which knows the graph's size and so which options it needs. `overlays`
   * lie over Cytoscape's box: the ring that marks the selection, the canvas that names records when zoomed out.
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphEvents,
    overlays: { ring?: HTMLElement; names?: HTMLCanvasElement } = {},
  ) {
    this.busy = new BusyMark((busy) => events.onBusy(busy));
    this.selection = new GraphSelection(overlays.ring);
    this.names = overlays.names
      ? new LabelOverlay(overlays.names, {
          isSelected: (node) => node.selected() || node.id() === this.selection.ringedId,
          ownLabelsDrawn: () => this.ownLabelsDrawn(),
        })
      : null;
  }

  /** The live instance, if made yet. */
  private get core(): Core | null {
    return this.shown?.cy ?? null;
  }

  /** Whether the live instance was made with Cytoscape's performance options (see {@link create}). */
  private get performanceMode(): boolean {
    return this.shown?.performanceMode ?? false;
  }

  /** The pixel ratio the instance draws at (see {@link create}). */
  private get pixelRatio(): number {
    return this.performanceMode ? 1 : window.devicePixelRatio || 1;
  }

  /** Whether Cytoscape draws the records' labels at the zoom in use (see graphStyle.ts and zoomLabels.ts). */
  private ownLabelsDrawn(): boolean {
    const cy = this.core;
    if (!cy) return false;
    return this.performanceMode ? this.labels.shown : labelsDrawnAt(cy.zoom(), this.pixelRatio);
  }

  /** Marks the graph busy until `work` settles (a showcase's restyle, an arrangement; see busyMark.ts). */
  whileBusy<T>(work: Promise<T>): Promise<T> {
    return this.busy.whileBusy(work);
  }

  /** The drawn elements with these ids (unknown ids are skipped). */
  collect(ids: readonly string[]): CollectionReturnValue {
    const found = this.cy.collection();
    for (const id of ids) {
      const element = this.cy.getElementById(id);
      if (element.nonempty()) found.merge(element);
    }
    return found;
  }

  /** Whether records carry their labels (see zoomLabels.ts). */
  get labelled(): boolean {
    return this.labels.shown;
  }

  /** Changes with every load (a showcase still going stops when it does). */
  get loadGeneration(): number {
    return this.loads;
  }

  /** The live instance (replaced when the performance options flip). */
  get cy(): Core {
    if (!this.shown) this.addStylesheet((this.shown = this.create(false)).cy);
    return this.shown.cy;
  }

  /** A new instance (newInstance.ts) with this view's listeners, without the view's stylesheet yet. */
  private create(performanceMode: boolean): DrawnInstance {
    const instance = newInstance(this.container, { performanceMode, ringed: this.selection.ringed });
    this.listen(instance);
    if (exposeForTests) window.__atlasCy = instance.cy;
    return instance;
  }

  /**
   * This view's listeners on an instance, made here or parked by a view that went (see drawnInstance.ts): what a tap
   * selects, where a record dragged is saved, the labels as the zoom goes, the selection's ring.
   */
  private listen({ cy, performanceMode }: DrawnInstance): void {
    this.selection.attach(cy);
    listenForView(cy, 'tap', (event) => this.events.onSelect((event.target as NodeSingular).id()), 'node');
    listenForView(cy, 'tap', (event) => {
      if (event.target === cy) this.events.onSelect(null);
    });
    listenForView(
      cy,
      'dragfree',
      (event) => {
        const node = event.target as NodeSingular;
        const { x, y } = node.position();
        this.events.onMoved([{ nodeId: node.id(), x, y }]);
      },
      'node',
    );
    if (performanceMode) listenForView(cy, 'zoom', () => this.labels.followZoom(cy));
  }

  /**
   * Takes the graph a network view that went left parked (parkedGraph.ts), drawn at data `revision`, as this view's
   * kept graph: the first load shows it when it draws the answer. One drawn at another revision is destroyed.
   */
  adoptParked(revision: number): void {
    const parked = takeParkedGraph(revision);
    if (!parked) return;
    // Made for a view whose selection was Cytoscape's own, or the other way round: not this view's to show.
    if (parked.cy.autounselectify() !== this.selection.ringed) return destroyInstance(parked);
    this.container.append(parked.box);
    this.listen(parked);
    this.kept.adopt(parked);
  }

  /** Takes the live instance off the canvas for a new one: kept hidden or destroyed (see KeptGraph.retire). */
  private retire(): void {
    const outgoing = this.shown;
    this.shown = null;
    if (!outgoing) return;
    // Its names go with it: a kept instance is not destroyed, which is what tells the names to go otherwise.
    this.names?.forget();
    this.kept.retire(outgoing, { overlaid: this.overlaid.size > 0 });
  }

  /**
   * Whether a graph kept hidden may be the one for an answer of so many records and relations: a cheap guess, for
   * the view to skip the sketch it would show while a graph is drawn anew. The load checks every element.
   */
  mayShowKept(nodes: number, edges: number): boolean {
    return this.kept.mayBe(nodes, edges, nodes + edges > PERFORMANCE_THRESHOLD);
  }

  /**
   * Shows the kept graph again in place of the live one when it draws this answer exactly (see keptGraph.ts):
   * fitted as a load fits, with the labels its zoom wants, named and drawn. Resolves to true once it shows, to false
   * when a newer load replaced this one, and to null when it does not draw the answer (another filter's graph, or
   * records moved since): the graph is loaded anew, and the kept one stays kept for going back to it.
   */
  private async showKept(
    nodes: readonly NetworkNode[],
    edges: readonly NetworkEdge[],
    positions: ReadonlyMap<string, Point>,
    { fit, performanceMode, superseded }: { fit: boolean; performanceMode: boolean; superseded: () => boolean },
  ): Promise<boolean | null> {
    const taken = await this.kept.take({ nodes, edges, positions }, performanceMode, superseded);
    if (taken === 'superseded') return false;
    if (!taken) return null;
    const { instance: kept, labelled } = taken;
    const viewport = this.core ? { zoom: this.core.zoom(), pan: this.core.pan() } : null;
    this.retire();
    this.shown = kept;
    setKept(kept, false);
    const cy = kept.cy;
    this.styled = cy;
    if (exposeForTests) window.__atlasCy = cy;
    this.selection.forget();
    this.showcase.forget();
    this.positions.forget();
    // The canvas may have changed size while it was hidden (a panel opened; the window's resizes it followed).
    cy.resize();
    if (fit) this.fitToBox(boxOf(nodes.flatMap((node) => positions.get(node.id) ?? [])), 0);
    else if (viewport) cy.viewport(viewport);
    this.labels.takeDrawn(cy, kept.performanceMode, labelled);
    this.names?.attach(cy);
    this.kept.drawn(cy);
    this.busy.setDrawing(true);
    await afterNextFrame();
    if (superseded()) return false;
    this.busy.setDrawing(false);
    return true;
  }

  /** Adds the view's stylesheet to a new instance, as Cytoscape does with a stylesheet given when it is made. */
  private addStylesheet(cy: Core): void {
    // Labels as at its zoom: a graph drawn again keeps the viewport it had.
    this.labels.takeZoom(cy, this.performanceMode);
    cy.style().append(graphStylesheet({ large: this.performanceMode, pixelRatio: this.pixelRatio }));
    this.styled = cy;
  }

  /**
   * Replaces the drawn graph. With `fit`, the viewport is set from the positions before anything is drawn, which
   * spares a bounding-box pass over the elements. Nodes are placed at their positions, any without one at the
   * origin until the view places it (useNetworkGraph.ts). Resolves, once the whole graph has been drawn, to true, or
   * to false when a newer load replaced this one.
   *
   * The elements go in slice by slice ({@link addInSlices}), and the canvas keeps showing the previous graph until
   * the new one is drawn whole, in one frame. Graphs drawn in the large style are sketched meanwhile
   * (graphSketch.ts), so the saved map shows at once.
   */
  async load(
    nodes: readonly NetworkNode[],
    edges: readonly NetworkEdge[],
    positions: ReadonlyMap<string, Point>,
    { fit }: { fit: boolean },
  ): Promise<boolean> {
    const generation = ++this.loads;
    const wantPerformance = nodes.length + edges.length > PERFORMANCE_THRESHOLD;
    // The graph drawn before this filter, when going back to it.
    const shownAgain = await this.showKept(nodes, edges, positions, {
      fit,
      performanceMode: wantPerformance,
      superseded: () => generation !== this.loads,
    });
    if (shownAgain !== null) return shownAgain;
    const previous = this.core;
    // A graph already drawn goes (kept or destroyed) with its instance.
    if (!this.core || wantPerformance !== this.performanceMode || this.core.elements().nonempty()) {
      const viewport = this.core ? { zoom: this.core.zoom(), pan: this.core.pan() } : null;
      this.retire();
      this.shown = this.create(wantPerformance);
      if (viewport) this.shown.cy.viewport(viewport);
    }
    const cy = this.shown!.cy;
    const superseded = () => generation !== this.loads || cy.destroyed();
    // A new instance (its default stylesheet parsed, its canvases made) is a task's worth of work on its own, and
    // so is its stylesheet. The stylesheet goes by instance, not by load: a load superseded in between leaves it to
    // the next.
    if (cy !== previous) {
      await nextTask();
      if (superseded()) return false;
    }
    if (this.styled !== cy) {
      this.addStylesheet(cy);
      await nextTask();
      if (superseded()) return false;
    }
    this.selection.forget();
    this.showcase.forget();
    this.positions.forget();
    // The panels around the canvas may have just changed its size: fit to the size it has now.
    cy.resize();
    // Over the whole canvas, as the sketch shown meanwhile is fitted (graphSketch.ts).
    if (fit) this.fitToBox(boxOf(nodes.flatMap((node) => positions.get(node.id) ?? [])), 0);
    // The new elements carry labels as the zoom they go in at wants.
    this.labels.takeZoom(cy, this.performanceMode);
    // Nodes before edges: an edge can only be added once both its ends are there.
    const elements: ElementDefinition[] = [
      ...nodes.map((node) => this.nodeElement(node, positions.get(node.id) ?? { x: 0, y: 0 })),
      ...edges.map((edge): ElementDefinition => ({ group: 'edges', data: edgeData(edge) })),
    ];
    this.busy.setDrawing(true);
    // Emptying the canvas and describing the new elements (thousands of objects) was this task's work so far.
    await nextTask();
    if (superseded()) return false;
    if (!(await addInSlices(cy, elements, superseded))) return false;
    // Not before: it follows every element's events, and a load adds thousands.
    this.names?.attach(cy);
    // The canvases have their buffers by then (canvasBuffers.ts): the frame that shows the graph makes none.
    await canvasesPrimed(cy);
    if (superseded()) return false;
    await afterNextFrame();
    if (superseded()) return false;
    this.busy.setDrawing(false);
    this.kept.drawn(cy);
    window.__atlasGraphPaintedAt ??= performance.now();
    return true;
  }

  /**
   * Brings the drawn graph up to date with a new answer for the filter it was loaded for (after an edit, an undo,
   * a redo), changing only what changed (graphChanges.ts): a rename restyles one record, where a load drew the whole
   * graph anew. A small change to a large graph patches its pictures in place; a larger one changes it in slices,
   * with its picture rebuilt before it shows. New records without a saved place go beside their neighbours.
   * Resolves to the places given to them; to null when a newer load or update replaced this one; to undefined when
   * an update will not do (nothing drawn, the graph crossing the large-style threshold, or more than
   * {@link MAX_UPDATE} changes), and the view loads the graph instead.
   */
  async update(
    nodes: readonly NetworkNode[],
    edges: readonly NetworkEdge[],
    positions: ReadonlyMap<string, Point>,
  ): Promise<Record<string, Point> | null | undefined> {
    const cy = this.core;
    const wantPerformance = nodes.length + edges.length > PERFORMANCE_THRESHOLD;
    if (!cy || this.styled !== cy || wantPerformance !== this.performanceMode || cy.elements().empty()) return;
    // The data changed: a graph kept hidden may show records as they were.
    this.kept.drop();
    const generation = ++this.updates;
    const loads = this.loads;
    const superseded = () => generation !== this.updates || loads !== this.loads || cy.destroyed();
    // Compared with the graph as the changes before this one (a showcase, another update) leave it.
    await changesDone(cy);
    if (superseded()) return null;
    const changes = await graphChanges(cy, nodes, edges, superseded);
    if (!changes) return null;
    if (changes.size > MAX_UPDATE) return;
    // The canvas is marked busy until its pictures show the change.
    this.busy.setDrawing(true);
    const placed = await applyChanges(cy, changes, positions, {
      elementFor: (node, position) => this.nodeElement(node, position),
      extend: (added) => this.showcase.extend(added),
      superseded,
      reloaded: () => loads !== this.loads || cy.destroyed(),
    });
    if (!placed) return null;
    this.busy.setDrawing(false);
    return placed;
  }

  /**
   * A record's element. In the large style records are pannable: dragging one moves the view, as dragging the
   * background does. Lifting a record out of the picture Cytoscape keeps of the graph would make it draw every
   * element again on each frame of the drag (see pointerInput.ts); a full layout rearranges a large graph instead.
   */
  private nodeElement(node: NetworkNode, position: Point): ElementDefinition {
    const element = nodeElement(node, position);
    if (!this.performanceMode) return element;
    const classes = this.labels.shown ? [...(element.classes as string[]), LABELLED] : element.classes;
    return { ...element, classes, pannable: true };
  }

  /** Adds records and relations not yet drawn (a focus or a path reaching outside the view); returns the new ids. */
  merge(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): string[] {
    const cy = this.cy;
    const added: string[] = [];
    cy.batch(() => {
      for (const node of nodes) {
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) {
          restyleRecord(existing, node);
          continue;
        }
        cy.add(this.nodeElement(node, { x: 0, y: 0 }));
        added.push(node.id);
      }
      for (const edge of edges) {
        if (cy.getElementById(edge.id).empty()) cy.add({ group: 'edges', data: edgeData(edge) });
      }
    });
    return added;
  }

  /** Selects one node (or none) and brings it into view when it is off screen (see graphSelection.ts). */
  select(id: string | null): void {
    this.selection.select(this.cy, id, this.performanceMode);
    // The selected record is always named; the ring says nothing to Cytoscape.
    this.names?.pickSoon();
  }

  /** Draws node sizes and colours from an overlay (null clears it). */
  setOverlay(overlay: GraphOverlay | null): void {
    const cy = this.cy;
    const previous = this.overlaid;
    this.overlaid = new Set([...Object.keys(overlay?.size ?? {}), ...Object.keys(overlay?.color ?? {})]);
    // Nothing drawn from an overlay and none to draw (every load of a view without one): no pass over the graph.
    if (previous.size === 0 && this.overlaid.size === 0) return;
    cy.batch(() => {
      // Only the nodes the last overlay drew, in one collection call: a selector would test every node of the graph
      // (a task of 60 ms at five thousand), and per-node removeData restyles the graph once per node.
      this.collect([...previous]).removeData('overlaySize overlayColour');
      if (!overlay) return;
      for (const [id, size] of Object.entries(overlay.size ?? {})) cy.getElementById(id).data('overlaySize', size);
      for (const [id, colour] of Object.entries(overlay.color ?? {}))
        cy.getElementById(id).data('overlayColour', colour);
    });
  }

  /**
   * Zooms to show some nodes (all when none are given), below anything lying over the canvas's top. The box leaves
   * labels out: measuring every label's text (what cy.fit does) costs seconds on a large graph, and a fitted view
   * hides small labels anyway.
   */
  fitTo(nodeIds?: readonly string[]): void {
    const nodes = nodeIds ? this.collect(nodeIds) : this.cy.nodes();
    this.fitToBox(boxOf(nodes.map((node) => node.position())), this.events.coveredTop?.() ?? 0);
  }

  /** Zooms to show a box of node centres (nothing happens for an empty box or a hidden canvas). */
  private fitToBox(box: Box | null, coveredTop: number): void {
    const viewport = fittedViewport(box, this.cy.width(), this.cy.height(), { coveredTop });
    if (!viewport) return;
    this.cy.viewport(viewport);
  }

  /** Zooms in (factor > 1) or out around the centre of the canvas. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Pans by a distance in screen pixels (keyboard panning). */
  panBy(dx: number, dy: number): void {
    this.cy.panBy({ x: dx, y: dy });
  }

  /**
   * The drawn graph as a PNG image (see graphExport.ts), as it is once every change going has ended; no change starts
   * on it until the image is drawn (see slicedChanges.ts: inTurn). Null if `cancelled()` stopped it.
   */
  exportPng(
    progress: (share: number) => void = () => undefined,
    cancelled: () => boolean = () => false,
  ): Promise<Blob | null> {
    // The instance drawn now: none once the view has gone (no new, empty one made for an image).
    const cy = this.core;
    return cy ? inTurn(cy, () => graphPng(cy, progress, cancelled)) : Promise.resolve(null);
  }

  /** The drawn graph as an SVG document. */
  exportSvg(): Promise<string> {
    return graphSvg(this.cy);
  }

  /**
   * Ends the controller with its view: the graph it would keep is parked for the next view (parkedGraph.ts), drawn at
   * data `revision`, and the others are destroyed.
   */
  destroy(revision: number): void {
    this.loads++;
    this.labels.stop();
    this.names?.forget();
    if (this.shown && window.__atlasCy === this.shown.cy) delete window.__atlasCy;
    const parking = this.kept.leave(this.shown, { overlaid: this.overlaid.size > 0 });
    this.shown = null;
    if (parking) parkGraph(parking, revision);
  }
}
