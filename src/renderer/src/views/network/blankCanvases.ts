/**
 * Cytoscape's two upper canvases are left alone, and hidden, while they would stay blank.
 *
 * Over the canvas that shows the graph, Cytoscape keeps one for what is being dragged and one for a selection box
 * (and the shading of a pressed background). Most of the time both hold nothing, yet many frames clear them: every
 * frame after a pan or wheel zoom clears the selection box's, every change that asks for a drag redraw the drag's,
 * and the first frame after a resize both, which Cytoscape has just made anew at the new size. A clear is a drawing
 * call like any other: on a canvas just made it makes all its pixels (one task, 9 ms for 710 pixels square in traces
 * of a resize at five thousand records), and where canvases are drawn on the CPU the compositor then copies each
 * canvas changed into a buffer of its own (another 9 to 11 ms each in those traces, in Chromium's Commit). A resize's
 * frame cleared three canvases, two of them blank, in one task of 49 to 63 ms there.
 *
 * Here a canvas known to be blank (just sized, or last drawn with nothing on it) is not drawn while there is still
 * nothing to put on it; anything to draw (a record lifted for a drag, a selection box, the pressed background) draws
 * as before. Exports (a render into a context of their own) are Cytoscape's as always.
 *
 * A blank canvas is also hidden (`visibility: hidden`) until something is drawn on it, in the task that draws it.
 * Where canvases are drawn on the CPU, Chromium copies every canvas on screen into a buffer of its own at every
 * commit, drawn on or not: any change on the page (a button hovered, the status bar's text) made four copies at five
 * thousand records, up to 10 ms each (the first commit after a pause) (a Commit of 35 to 58 ms of CPU in traces of a
 * re-layout's first and last frames). A hidden canvas is not copied: two copies, the graph's canvas and the names'.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is: without what it needs,
 * Cytoscape clears them as it always did.
 */
import type { Core } from 'cytoscape';
import { showsSnapshot } from './prebuiltLayer';

type RenderOptions = { forcedContext?: unknown; drawAllLayers?: boolean; drawOnlyNodeLayer?: boolean } | undefined;

/** What this module reads of Cytoscape's canvas renderer (and whether a frame shows a gesture's snapshot). */
type UpperCanvasRenderer = Parameters<typeof showsSnapshot>[0] & {
  DRAG?: number;
  SELECT_BOX?: number;
  canvasWidth?: number;
  canvasHeight?: number;
  showFps?: boolean;
  /** The box being drawn (x1, y1, x2, y2, and 1 while one is). */
  selection?: number[];
  hoverData?: { selecting?: boolean; dragging?: boolean };
  touchData?: { selecting?: boolean };
  /** The drawing order, with what is being dragged apart (`drag`); null until computed. */
  cachedZSortedEles?: { drag?: ArrayLike<unknown> } | null;
  data?: { canvasNeedsRedraw?: boolean[]; bgActivePosistion?: unknown; wheelZooming?: boolean };
  render?(options?: RenderOptions): void;
  drawSelectionRectangle?(options: RenderOptions, setContextTransform: unknown): void;
  matchCanvasSize?(container: unknown): void;
};

/** The canvases on screen, by layer (SELECT_BOX, DRAG, NODE), as Cytoscape's canvas renderer keeps them. */
type RendererCanvases = { data?: { canvases?: ({ style: { visibility: string } } | undefined)[] } };

/** Whether a render draws into the screen's canvases (not into an export's context, nor every layer into one). */
const drawsOnScreen = (options: RenderOptions) => !options?.forcedContext && !options?.drawAllLayers;

/** Leaves `cy`'s drag and selection-box canvases alone, and hidden, while they would stay blank. Call once per instance. */
export function leaveBlankCanvasesAlone(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): UpperCanvasRenderer & RendererCanvases }).renderer();
  const { DRAG, SELECT_BOX } = renderer;
  const needDraw = renderer.data?.canvasNeedsRedraw;
  const render = renderer.render;
  const drawSelection = renderer.drawSelectionRectangle;
  const matchCanvasSize = renderer.matchCanvasSize;
  if (DRAG === undefined || SELECT_BOX === undefined || !needDraw || !render || !drawSelection || !matchCanvasSize) {
    return;
  }
  // A new canvas is blank.
  const blank = { drag: true, selection: true };
  const [dragCanvas, selectionCanvas] = [renderer.data?.canvases?.[DRAG], renderer.data?.canvases?.[SELECT_BOX]];
  // Written only when it changes: a change of style is work for the frame too.
  const showOnlyIfInked = (canvas: typeof dragCanvas, isBlank: boolean) => {
    const visibility = isBlank ? 'hidden' : '';
    if (canvas && canvas.style.visibility !== visibility) canvas.style.visibility = visibility;
  };
  const showInkedCanvases = () => {
    showOnlyIfInked(dragCanvas, blank.drag);
    showOnlyIfInked(selectionCanvas, blank.selection);
  };
  showInkedCanvases();
  // Unknown until the drawing order is computed: then it is drawn, as Cytoscape would.
  const nothingDragged = () => renderer.cachedZSortedEles?.drag?.length === 0;
  const noSelectionShading = () =>
    !renderer.showFps &&
    !renderer.data?.bgActivePosistion &&
    !(renderer.selection?.[4] === 1 && (renderer.hoverData?.selecting || renderer.touchData?.selecting));

  renderer.matchCanvasSize = function (this: UpperCanvasRenderer, container: unknown) {
    const before = [this.canvasWidth, this.canvasHeight];
    matchCanvasSize.call(this, container);
    // Sized anew (Cytoscape skips it when the size is the same): every canvas is blank.
    if (before[0] !== this.canvasWidth || before[1] !== this.canvasHeight) blank.drag = blank.selection = true;
    showInkedCanvases();
  };

  renderer.render = function (this: UpperCanvasRenderer, options?: RenderOptions) {
    if (!drawsOnScreen(options)) return render.call(this, options);
    if (needDraw[DRAG] && blank.drag && nothingDragged()) needDraw[DRAG] = false;
    // A frame showing a gesture's snapshot leaves the canvas as it is, and says it drew it.
    const drawsDrag = needDraw[DRAG] && !options?.drawOnlyNodeLayer && !showsSnapshot(this);
    render.call(this, options);
    // Cytoscape clears the canvas, then draws what is dragged on it.
    if (drawsDrag && !needDraw[DRAG]) blank.drag = nothingDragged();
    showOnlyIfInked(dragCanvas, blank.drag);
  };

  // Called by each render, after the graph's canvases: the selection box's canvas is drawn here.
  renderer.drawSelectionRectangle = function (this: UpperCanvasRenderer, options, setContextTransform) {
    if (!drawsOnScreen(options)) return drawSelection.call(this, options, setContextTransform);
    if (needDraw[SELECT_BOX] && blank.selection && noSelectionShading()) needDraw[SELECT_BOX] = false;
    const drawsSelection = (needDraw[SELECT_BOX] && !options?.drawOnlyNodeLayer) || this.showFps;
    drawSelection.call(this, options, setContextTransform);
    if (drawsSelection) blank.selection = noSelectionShading();
    showOnlyIfInked(selectionCanvas, blank.selection);
  };
}
