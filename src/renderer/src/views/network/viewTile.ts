/**
 * A picture of what is in view, for zooms at which no picture of the whole graph fits.
 *
 * Zoomed in on five thousand records past a quarter, a picture of the whole graph (Cytoscape's layers; see
 * prebuiltLayer.ts) would pass this view's limit on its size (12 MB: its first drawing call makes every pixel in one
 * task), and past a half Cytoscape's own, where every frame drew what was in view element by element:
 * at a middle zoom that is thousands of elements, 150–250 ms a frame here. Instead, once the view settles, a "tile"
 * is drawn in slices: a layer over the view and a margin around it, at the zoom level in use, holding only the
 * elements that could show there. Frames that find the view inside the tile copy it, as they copy a layer. Until it
 * is drawn (after a pan or zoom past it), frames show a complete level of the whole graph instead, resampled (blurred
 * for a moment, as Cytoscape shows one level while it builds another), or, with none, draw element by element.
 *
 * The tile is dropped whenever an element changes (Cytoscape's own signal for its texture caches), unless it still
 * looks as drawn or is out of the pictures (drawnLooks.ts). A change made in slices draws the new tile before its
 * batch ends (slicedChanges.ts), so its first frame shows it; a small one made in place keeps the tile and patches it
 * (changeInPlace.ts).
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is.
 */
import type { BoundingBox12, Collection, Core, SingularElementArgument } from 'cytoscape';
import { nextTask } from './frames';
import { drawInSlices } from './layerSlices';
import { layerCacheOf, layerSizeFits, zoomLevel } from './layerCache';
import type { CanvasRenderer, Layer, LayerCache } from './layerCache';
import { sortForDrawing } from './drawingOrder';
import { mayShow } from './elementReach';
import { isPatchable, type PatchableLayer } from './layerPatch';
import { contains } from './graphElements';
import { keepForReuse } from './canvasPool';
import { changeSparesPictures } from './drawnLooks';

/** The margin around the view a tile takes in, as a share of the view's width and height on each side. */
const TILE_MARGIN = 0.25;
/** How long the view must stay put before a tile is drawn for it. */
const SETTLE_MS = 120;

type Tile = Layer & { bb: BoundingBox12 & { w: number; h: number } };

type TileRenderer = CanvasRenderer & {
  onUpdateEleCalcs?(work: (willDraw: boolean, eles: Collection) => void): void;
  redrawHint?(what: string, on: boolean): void;
  redraw?(): void;
};

type TileState = {
  /** The drawn tile (complete), if any. */
  tile: Tile | null;
  /** Counts the tiles asked for and the changes that drop them: a newer count stops a tile being drawn. */
  builds: number;
  /** A tile waiting for the view to settle. */
  timer: ReturnType<typeof setTimeout> | null;
  /** The level and view of the tile asked for last (waiting or being drawn), so a frame of the same view keeps it. */
  wanted: { level: number; view: BoundingBox12 } | null;
  /** Set while a change is made in place: it patches the tile rather than dropping it (see {@link patchViewTile}). */
  kept: boolean;
};

const tiles = new WeakMap<Core, TileState>();

/** From now on, drops `cy`'s tile whenever an element changes. Call once per instance. */
export function keepViewTiles(cy: Core): void {
  const renderer = rendererOf(cy);
  if (!renderer.onUpdateEleCalcs || !layerCacheOf(renderer)) return;
  const state: TileState = { tile: null, builds: 0, timer: null, wanted: null, kept: false };
  tiles.set(cy, state);
  renderer.onUpdateEleCalcs((_willDraw, eles) => {
    if (eles.some((element) => !changeSparesPictures(element as SingularElementArgument))) drop(cy, state);
  });
  cy.on('add remove', () => drop(cy, state));
}

/** Drops the tile and stops any being drawn. */
function drop(cy: Core, state: TileState): void {
  if (state.kept) return;
  forgetTile(cy, state);
  stopTileBuilds(state);
}

/**
 * Forgets the tile, which no frame shows again, and keeps its canvas for the next tile: the same size at the same
 * zoom, whose first drawing call would otherwise make its pixels anew (45–72 ms in one task in traces at five
 * thousand records, for 2,029 pixels square; 2–4 ms to clear a kept one).
 */
function forgetTile(cy: Core, state: TileState): void {
  if (state.tile) keepForReuse(cy, state.tile.canvas);
  state.tile = null;
}

/** Stops a tile waiting or being drawn. */
function stopTileBuilds(state: TileState): void {
  state.builds++;
  state.wanted = null;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}

/** Runs `change` (elements changed, added, removed) without dropping `cy`'s tile: a patch of it follows. */
export function keepingViewTile<T>(cy: Core, change: () => T): T {
  const state = tiles.get(cy);
  if (!state) return change();
  state.kept = true;
  try {
    return change();
  } finally {
    state.kept = false;
  }
}

/**
 * `cy`'s tile, to patch after a change made in place ({@link keepingViewTile}); null when there is none. A tile still
 * waiting or being drawn starts again (it may hold what the change replaced).
 */
export function viewTileToPatch(cy: Core): PatchableLayer | null {
  const state = tiles.get(cy);
  if (!state) return null;
  const { tile } = state;
  if (state.wanted) stopTileBuilds(state);
  if (tile && !isPatchable(tile)) drop(cy, state);
  return state.tile && isPatchable(state.tile) ? state.tile : null;
}

/** Drops `cy`'s tile (a change made in place that could not patch it). */
export function dropViewTile(cy: Core): void {
  const state = tiles.get(cy);
  if (state) drop(cy, state);
}

/** Whether `tile` is still `cy`'s tile (no change or move has dropped it since). */
export function isViewTile(cy: Core, tile: Layer): boolean {
  return tiles.get(cy)?.tile === tile;
}

/**
 * The layers a frame should copy when no picture of the whole graph fits at `cy`'s zoom: the tile when it holds the
 * view, or else a complete level of the whole graph (and the tile is drawn once the view settles), or null (the
 * frame draws element by element).
 */
export function viewLayers(cy: Core, eles: readonly unknown[]): Layer[] | null {
  const state = tiles.get(cy);
  if (!state) return null;
  const renderer = rendererOf(cy);
  const level = zoomLevel(cy.zoom(), renderer.getPixelRatio?.() ?? 1);
  if (level === null) return null;
  const { tile } = state;
  const view = cy.extent();
  if (tile && tile.level === level && contains(tile.bb, view)) return [tile];
  // Frames come while a tile is waiting or being drawn (Cytoscape's own texture work asks for them): only a view
  // that moved asks for another.
  const { wanted } = state;
  if (!wanted || wanted.level !== level || !sameBox(wanted.view, view)) {
    state.wanted = { level, view };
    drawTileLater(cy, state);
  }
  return completeLevel(layerCacheOf(renderer)!, eles);
}

/**
 * Draws the tile for `cy`'s view now, in slices (call it with a change's batch still open, so the frame that ends it
 * finds the tile). Resolves to false if `superseded` said to stop; to true when drawn, or when no tile is needed or
 * can be had.
 */
export async function drawViewTile(cy: Core, superseded: () => boolean): Promise<boolean> {
  const state = tiles.get(cy);
  if (!state) return true;
  drop(cy, state);
  const build = state.builds;
  const stop = () => superseded() || state.builds !== build;
  // The drawing order, as the frame will use it (the change may have added elements or changed z-indexes).
  if (!(await sortForDrawing(cy, stop))) return !superseded();
  const drawn = await drawTile(cy, state, stop);
  return drawn || !superseded();
}

function drawTileLater(cy: Core, state: TileState): void {
  if (state.timer) clearTimeout(state.timer);
  const build = ++state.builds;
  state.timer = setTimeout(() => {
    state.timer = null;
    void drawTile(cy, state, () => state.builds !== build || cy.destroyed()).then((drawn) => {
      if (!drawn) return;
      state.wanted = null;
      const renderer = rendererOf(cy);
      renderer.redrawHint?.('eles', true);
      renderer.redraw?.();
    });
  }, SETTLE_MS);
}

/** Draws a tile over the view and its margin; on success it becomes the state's tile. */
async function drawTile(cy: Core, state: TileState, superseded: () => boolean): Promise<boolean> {
  const renderer = rendererOf(cy);
  const cache = layerCacheOf(renderer);
  const pixelRatio = renderer.getPixelRatio?.() ?? 1;
  const level = zoomLevel(cy.zoom(), pixelRatio);
  if (!cache || level === null || !renderer.getCachedZSortedEles) return false;
  const view = cy.extent();
  const marginX = view.w * TILE_MARGIN;
  const marginY = view.h * TILE_MARGIN;
  const x1 = view.x1 - marginX;
  const y1 = view.y1 - marginY;
  const bounds = {
    x1,
    y1,
    x2: view.x2 + marginX,
    y2: view.y2 + marginY,
    w: view.w + 2 * marginX,
    h: view.h + 2 * marginY,
  };
  if (!layerSizeFits(bounds, level)) return false;
  const elements = renderer
    .getCachedZSortedEles()
    .filter((element: SingularElementArgument) => mayShow(element, bounds));
  // Making the tile makes its canvas's pixels (its first drawing call): up to nine times the screen's, 36 ms in a
  // trace at five thousand records. In a task apart from the filter above (16 ms there).
  await nextTask();
  if (superseded()) return false;
  // The tile this one replaces (the view left it, or zoomed to another level) lends it its canvas.
  forgetTile(cy, state);
  const tile = cache.makeLayer(bounds, level) as Tile;
  if (!(await drawInSlices(cache, tile, elements, pixelRatio, superseded))) return false;
  if (superseded()) return false;
  state.tile = tile;
  return true;
}

/** The layers of a complete level of the whole graph (the finest), or null. */
function completeLevel(cache: LayerCache, eles: readonly unknown[]): Layer[] | null {
  if (!cache.levelIsComplete) return null;
  const levels = Object.keys(cache.layersByLevel)
    .map(Number)
    .sort((a, b) => b - a);
  for (const level of levels) if (cache.levelIsComplete(level, eles)) return cache.layersByLevel[level] ?? null;
  return null;
}

function sameBox(a: BoundingBox12, b: BoundingBox12): boolean {
  return a.x1 === b.x1 && a.y1 === b.y1 && a.x2 === b.x2 && a.y2 === b.y2;
}

function rendererOf(cy: Core): TileRenderer {
  return (cy as unknown as { renderer(): TileRenderer }).renderer();
}
