/**
 * The snapshot a large graph shows while the view is dragged, zoomed with the wheel or pinched.
 *
 * With Cytoscape's `textureOnViewport` (one of the large style's performance options), those gestures show a
 * snapshot of the view, moved and scaled, instead of drawing the graph on every frame. Cytoscape makes that snapshot
 * on the gesture's first frame by drawing every node again, one by one, and measuring the whole graph: about a fifth
 * of a second at five thousand records, at the start of every pan and every wheel zoom. The view as the frame before
 * showed it is already on screen, though (copied from the picture Cytoscape keeps of the graph), so here the
 * snapshot is made by copying that canvas, just before the first frame that needs it. It shows the relations as well
 * as the records, which Cytoscape's own snapshot leaves out.
 *
 * Everything here is internal to Cytoscape's canvas renderer (3.x), reached through optional types: without it,
 * Cytoscape makes its snapshot itself, as it always did.
 */
import type { Core } from 'cytoscape';
import { showsSnapshot } from './prebuiltLayer';

type Viewport = { zoom: number; pan: { x: number; y: number } };

/** The renderer's frame hooks and gesture state (see prebuiltLayer.ts), and what the snapshot is made of. */
type SnapshotRenderer = Parameters<typeof showsSnapshot>[0] & {
  NODE?: number;
  TEXTURE_BUFFER?: number;
  canvasWidth?: number;
  canvasHeight?: number;
  /** How many times the screen's size the snapshot's canvas is (Cytoscape sets 2 on screens of pixel ratio 1). */
  textureMult?: number;
  matchCanvasSize?(...args: unknown[]): void;
  getPixelRatio?(): number;
  /** The viewport of the last frame drawn, and whether that frame showed the snapshot rather than the graph. */
  prevViewport?: Viewport;
  textureDrawLastFrame?: boolean;
  textureCache?: unknown;
  data?: {
    canvases?: HTMLCanvasElement[];
    bufferCanvases?: HTMLCanvasElement[];
    bufferContexts?: CanvasRenderingContext2D[];
  };
};

/** Makes Cytoscape's gesture snapshot of `cy` from what is on screen (see the top of this file). */
export function seedGestureSnapshots(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): SnapshotRenderer }).renderer();
  const { NODE, TEXTURE_BUFFER } = renderer;
  const screen = NODE === undefined ? undefined : renderer.data?.canvases?.[NODE];
  const snapshot = TEXTURE_BUFFER === undefined ? undefined : renderer.data?.bufferCanvases?.[TEXTURE_BUFFER];
  const context = TEXTURE_BUFFER === undefined ? undefined : renderer.data?.bufferContexts?.[TEXTURE_BUFFER];
  if (!renderer.beforeRender || !renderer.beforeRenderPriorities || !screen || !snapshot || !context) return;
  const beforeFrame = (willDraw: boolean) => {
    const shown = renderer.prevViewport;
    // Only for a gesture's first frame, and only when the screen shows the graph (not an earlier snapshot).
    if (!willDraw || renderer.textureCache || renderer.textureDrawLastFrame || !shown) return;
    if (!showsSnapshot(renderer) || !renderer.canvasWidth || !renderer.canvasHeight) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, snapshot.width, snapshot.height);
    context.drawImage(screen, 0, 0, snapshot.width, snapshot.height);
    // What Cytoscape records with its own snapshot: the viewport it shows (in canvas pixels, and its top left in the
    // graph's coordinates), which its frames move and scale to the viewport of the moment.
    const topLeft = { x: -shown.pan.x / shown.zoom, y: -shown.pan.y / shown.zoom };
    const pixelRatio = renderer.getPixelRatio?.() ?? 1;
    const across = renderer.canvasWidth / shown.zoom / pixelRatio;
    const down = renderer.canvasHeight / shown.zoom / pixelRatio;
    renderer.textureCache = {
      texture: snapshot,
      bb: { x1: topLeft.x, y1: topLeft.y, x2: topLeft.x + across, y2: topLeft.y + down, w: across, h: down },
      viewport: {
        zoom: shown.zoom,
        pan: { ...shown.pan },
        width: renderer.canvasWidth,
        height: renderer.canvasHeight,
        mpan: topLeft,
      },
    };
  };
  // Before Cytoscape's frame would make the snapshot itself.
  renderer.beforeRender(beforeFrame, renderer.beforeRenderPriorities.eleCalcs - 50);
  keepSnapshotAtScreenSize(renderer, snapshot);
}

/**
 * Keeps the snapshot's canvas the size of the screen's, which Cytoscape makes twice as wide and high on screens of
 * pixel ratio 1 (for its own snapshot, drawn at twice the resolution). A copy of the screen has no more detail than
 * the screen, and the doubled canvas cost the gesture's first frame: its first drawing call makes its pixels, 23 to
 * 25 ms for 1,420 pixels square at five thousand records (measured), and every frame of the gesture then scaled
 * four times the pixels it needs. Cytoscape sizes its canvases again on every resize, so this follows each.
 */
function keepSnapshotAtScreenSize(renderer: SnapshotRenderer, snapshot: HTMLCanvasElement): void {
  const match = renderer.matchCanvasSize;
  if (!match) return;
  const shrink = () => {
    if (renderer.textureMult === 1 || !renderer.canvasWidth || !renderer.canvasHeight) return;
    renderer.textureMult = 1;
    snapshot.width = renderer.canvasWidth;
    snapshot.height = renderer.canvasHeight;
  };
  renderer.matchCanvasSize = function (...args: unknown[]) {
    match.apply(this, args);
    shrink();
  };
  shrink();
}
