/**
 * A new Cytoscape instance for the network view, with its own hooks: the options of the style it is made for, and
 * everything that keeps its drawing short (pictures kept, built and patched in slices, frames drawing only what shows,
 * pointer input that never redraws the graph). What the view does with it (a tap selects, a move is saved) is the
 * view's, added apart (graphController.ts, drawnInstance.ts): an instance outlives its view when parked.
 */
import cytoscape from 'cytoscape';
import { instanceBox, type DrawnInstance } from './drawnInstance';
import { ZOOM_RANGE } from './graphElements';
import { seedGestureSnapshots } from './gestureSnapshot';
import { ignorePressedState, narrowHitTesting } from './pointerInput';
import { keepPicturesOfUnchangedRecords } from './drawnLooks';
import { liftDraggedRecords } from './recordDrag';
import { drawOnlyWhatShows } from './visibleDrawing';
import { keepViewTiles } from './viewTile';
import { prebuildLevelsOnZoom } from './prebuiltLayer';
import { reuseLayerCanvases } from './canvasPool';
import { primeCanvases } from './canvasBuffers';
import { leaveBlankCanvasesAlone } from './blankCanvases';
import { sleepWhenIdle } from './idleRenderLoop';
import { measureLabelsOnFreshCanvases } from './labelMeasuring';

// Cytoscape's drawing loop stops asking for frames while nothing changes (idleRenderLoop.ts).
sleepWhenIdle(cytoscape);

/**
 * A new instance in a box of its own in `container`, made with Cytoscape's performance options (the large style) or
 * without, its selection Cytoscape's own unless `ringed` (a ring over the canvas marks it: graphSelection.ts). Without
 * a stylesheet yet: making it and parsing Cytoscape's default stylesheet is a task's worth of work, parsing the view's
 * another.
 */
export function newInstance(
  container: HTMLElement,
  { performanceMode, ringed }: { performanceMode: boolean; ringed: boolean },
): DrawnInstance {
  const { box, cytoscapeContainer } = instanceBox(container);
  const cy = cytoscape({
    container: cytoscapeContainer,
    minZoom: ZOOM_RANGE.min,
    maxZoom: ZOOM_RANGE.max,
    boxSelectionEnabled: false,
    selectionType: 'single',
    hideEdgesOnViewport: performanceMode,
    hideLabelsOnViewport: performanceMode,
    textureOnViewport: performanceMode,
    motionBlur: false,
    pixelRatio: performanceMode ? 1 : 'auto',
    autounselectify: ringed,
  });
  traceRelationsWithoutPathObjects(cy);
  measureLabelsOnFreshCanvases(cy);
  // In the large style only (canvasBuffers.ts says why).
  if (performanceMode) primeCanvases(cy);
  leaveBlankCanvasesAlone(cy);
  // A press shades nothing, in either style (pointerInput.ts): a click still selects, with the ring.
  ignorePressedState(cy);
  if (performanceMode) narrowHitTesting(cy);
  // In either style a new zoom level's picture is built in slices, and zoomed in past any picture of the whole
  // graph, the view's (viewTile.ts). Left to Cytoscape, the first frame past zoom 1 on the sample network's whole
  // graph (the normal style) made that level's picture and drew every record into it: one task of 53–95 ms. The
  // normal style's extent is measured when unknown: slices keep it, but a record dragged (which only the normal
  // style allows) is not moved in slices.
  // First, so that every drawing into a picture notes what it drew.
  keepPicturesOfUnchangedRecords(cy);
  liftDraggedRecords(cy);
  prebuildLevelsOnZoom(cy, { measureExtent: !performanceMode });
  reuseLayerCanvases(cy);
  // After the level builds' frame work, which runs first at the same priority.
  if (performanceMode) seedGestureSnapshots(cy);
  drawOnlyWhatShows(cy);
  keepViewTiles(cy);
  return { cy, box, performanceMode };
}

/**
 * Relations are traced on the canvas, not kept as Path2D objects. Cytoscape keeps one per relation it has drawn
 * (11,249 at ~5,000 records: the largest kind of Blink's objects in the page's heap) and makes a new one whenever a
 * relation's ends have moved, for a full collection to mark, much of it in the final pause on the main thread: 47 ms
 * of an 88 ms pause as a re-layout's places went in (a trace at ~5,000). A relation is a line or a curve, as cheap to
 * trace as to replay, and the pictures (layers) are what spare drawing it again. Records keep theirs (one per shape,
 * shared): with every Path2D off, an earlier try, the PNG export held less ink than Cytoscape's own image.
 */
function traceRelationsWithoutPathObjects(cy: cytoscape.Core): void {
  type Renderer = { pathsEnabled: boolean; drawEdgePath?: (...args: unknown[]) => void };
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
  const drawEdgePath = renderer.drawEdgePath;
  if (!drawEdgePath) return;
  renderer.drawEdgePath = function (this: Renderer, ...args: unknown[]) {
    const enabled = this.pathsEnabled;
    this.pathsEnabled = false;
    try {
      drawEdgePath.apply(this, args);
    } finally {
      this.pathsEnabled = enabled;
    }
  };
}
