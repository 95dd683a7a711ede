/**
 * Frames of a large graph zoomed in too far for one picture of it: only what is in view is drawn.
 *
 * Cytoscape keeps a picture of the whole graph per zoom level (its layers; see layerCache.ts), up to a size: zoomed
 * in on five thousand records, the picture would exceed it. Cytoscape then, on every frame, first measures every
 * element to find that out again (about 50 ms), and then goes through every element to draw it on its own, measuring
 * each to skip those out of view (another 50 to 100 ms). Here the first is answered at once from the graph's known
 * extent, and the second is handed only the elements whose place could put them in view (a node's position, an
 * edge's drawn points, with room for the largest node and its label): a few hundred at that zoom, not fifteen
 * thousand. Cytoscape still measures and draws each of those as it always does.
 *
 * Cytoscape's layer lookup goes through here too: where no picture of the whole graph fits, it shows the picture of
 * what is in view (viewTile.ts); where one fits but is still being built in slices, another complete level or, with
 * none, the one being drawn as drawn so far (prebuiltLayer.ts), rather than drawing every element in that frame.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x); without what it needs, Cytoscape draws as it
 * always did.
 */
import type { BoundingBox12, Core, SingularElementArgument } from 'cytoscape';
import { mayShow } from './elementReach';
import { layerFits } from './graphExtent';
import { layersBeingDrawn, layersWhileBuilding } from './prebuiltLayer';
import { viewLayers } from './viewTile';

/** Below this many elements Cytoscape's own pass is quick enough. */
const FILTER_FROM = 400;

type DrawElements = (
  context: CanvasRenderingContext2D,
  eles: SingularElementArgument[],
  pixelRatio: number,
  extent?: BoundingBox12,
) => void;

type DrawingRenderer = {
  drawCachedElements?: DrawElements;
  drawCachedNodes?: DrawElements;
  data?: { lyrTxrCache?: { getLayers?(eles: unknown[], pixelRatio: number, level?: number): unknown } };
};

/** Draws only what could show (see the top of this file) whenever `cy`'s graph is drawn element by element. */
export function drawOnlyWhatShows(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): DrawingRenderer }).renderer();
  const layers = renderer.data?.lyrTxrCache;
  const getLayers = layers?.getLayers;
  const drawElements = renderer.drawCachedElements;
  const drawNodes = renderer.drawCachedNodes;
  if (!layers || !getLayers || !drawElements || !drawNodes) return;
  // No picture of the whole graph fits at this zoom: say so before Cytoscape measures every element to find out, and
  // show the picture of what is in view instead, if there is one (viewTile.ts).
  layers.getLayers = function (eles, pixelRatio, level) {
    if (layerFits(cy) === false) return viewLayers(cy, eles);
    if (level !== undefined) return getLayers.call(this, eles, pixelRatio, level);
    // While the level is being built in slices, another complete level or what is drawn so far (prebuiltLayer.ts).
    const elements = eles as SingularElementArgument[];
    return (
      layersWhileBuilding(cy, elements, pixelRatio) ??
      getLayers.call(this, eles, pixelRatio, level) ??
      layersBeingDrawn(cy, pixelRatio)
    );
  };
  const inView = (draw: DrawElements): DrawElements =>
    function (this: DrawingRenderer, context, eles, pixelRatio, extent) {
      const candidates =
        extent && eles.length >= FILTER_FROM ? eles.filter((element) => mayShow(element, extent)) : eles;
      draw.call(this, context, candidates, pixelRatio, extent);
    };
  renderer.drawCachedElements = inView(drawElements);
  renderer.drawCachedNodes = inView(drawNodes);
}
