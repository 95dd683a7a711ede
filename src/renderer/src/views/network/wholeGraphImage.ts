/**
 * A PNG image of the whole graph that never holds the main thread for long: `cy.png` drew five thousand records in
 * one task of 1.8 s. The image is drawn with Cytoscape's own drawing code in bands across it, each into a layer of its
 * own that no frame uses, in slices (layerSlices.ts); each band goes to a worker as a bitmap, and the worker puts
 * the image together and encodes it (pngWorker.ts). Drawn whole on the main thread, merely making the image's canvas
 * held it for 82 to 93 ms (64 MB, at five thousand records); a band's canvas is at most a sixteenth of that.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is: without what it
 * needs, the caller asks `cy.png` instead.
 */
import type { BoundingBox12, Core, SingularElementArgument } from 'cytoscape';
import { mayMeet } from './elementReach';
import { nextTask } from './frames';
import { drawInSlices } from './layerSlices';
import { layerCacheOf, MIN_LEVEL, type CanvasRenderer, type Layer } from './layerCache';
import { measuredExtent } from './graphExtent';
import type { PngRequest, PngResponse } from './pngProtocol';

/**
 * The most pixels a band of the image has: 4 MB of canvas. A band's first drawing call makes its canvas's pixels,
 * which for 2^21 pixels held the main thread for 38 to 47 ms at five thousand records (traces).
 */
const BAND_PIXELS = 2 ** 20;

/**
 * The smallest label, in the image's pixels, the image shows: the large style's smallest on screen. Cytoscape draws a
 * label into a layer only when it would draw it on screen at the layer's scale, which in the normal style (labels from
 * 16.5 px at a pixel ratio of 1: graphStyle.ts) left an image at its own size, the sample network's, without names.
 */
const IMAGE_MIN_LABEL_PX = 9;

/** Cytoscape's test of whether a label is drawn at a scale (its canvas renderer's; not in the typings). */
type LabelTest = (element: SingularElementArgument, scale?: number) => boolean;

/** An element's parsed style (Cytoscape's `pstyle`; not in the typings). */
type ParsedStyle = { pstyle(name: string): { pfValue: number } };

/** A band's layer, as Cytoscape makes it: an offscreen canvas whose context draws in the graph's units. */
type BandLayer = Layer & { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D };

/**
 * A PNG image of `cy`'s whole graph on white, at the largest power-of-two scale (up to 2) at which it is at most
 * `maxSide` pixels across. `progress` hears the share drawn; resolves to null when `cancelled()` says so, or when the
 * graph's extent is not known or the renderer or browser lacks what this needs (the caller then asks `cy.png`).
 * Rejects if the worker could not make or encode the image.
 */
export async function wholeGraphPng(
  cy: Core,
  maxSide: number,
  progress: (share: number) => void,
  cancelled: () => boolean,
): Promise<Blob | null> {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  const box = measuredExtent(cy);
  if (!cache?.drawEleInLayer || !renderer.getCachedZSortedEles || !box) return null;
  if (typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined') return null;
  const extent = { w: box.x2 - box.x1, h: box.y2 - box.y1 };
  const level = Math.min(1, Math.floor(Math.log2(maxSide / Math.max(extent.w, extent.h, 1))));
  if (level < MIN_LEVEL) return null;
  // A power of two: a band's rows divided by it and multiplied back are exact, so bands meet on whole pixels.
  const scale = 2 ** level;
  const width = Math.ceil(extent.w * scale);
  const height = Math.ceil(extent.h * scale);
  const rowsPerBand = Math.max(1, Math.floor(BAND_PIXELS / width));
  const bands = Math.ceil(height / rowsPerBand);
  const elements = renderer.getCachedZSortedEles();
  const pixelRatio = renderer.getPixelRatio?.() ?? 1;

  const assembly = imageAssembly(width, height);
  try {
    for (let band = 0; band < bands; band++) {
      const top = band * rowsPerBand;
      const rows = Math.min(rowsPerBand, height - top);
      const bandBox: BoundingBox12 = {
        x1: box.x1,
        x2: box.x2,
        y1: box.y1 + top / scale,
        y2: box.y1 + (top + rows) / scale,
      };
      await nextTask();
      if (cancelled() || assembly.failed()) break;
      // The elements the band meets (7 to 13 ms at five thousand records), in a task apart from the layer's.
      const inBand = elements.filter((element) => mayMeet(element, bandBox));
      // Making a layer makes its canvas's pixels (its first drawing call): in a task of its own.
      await nextTask();
      if (cancelled() || assembly.failed()) break;
      const layer = cache.makeLayer({ ...bandBox, w: extent.w, h: rows / scale }, level) as BandLayer;
      // The background first, under everything (the layer's context draws in the graph's units).
      layer.context.fillStyle = '#ffffff';
      layer.context.fillRect(bandBox.x1, bandBox.y1, extent.w, rows / scale);
      const drawn = await drawInSlices(
        cache,
        layer,
        inBand,
        pixelRatio,
        (share) => {
          progress((band + share) / bands);
          return cancelled() || assembly.failed();
        },
        (draw) => withImageLabels(renderer, draw),
      );
      if (!drawn) break;
      assembly.add(top, layer.canvas.transferToImageBitmap());
    }
    if (cancelled()) return null;
    return await assembly.finish();
  } finally {
    assembly.end();
  }
}

/** The worker that puts the image together (pngWorker.ts), as the export drives it. */
type ImageAssembly = {
  add(top: number, bitmap: ImageBitmap): void;
  /** Whether the worker has failed already (the image cannot be made): the drawing stops. */
  failed(): boolean;
  /** The encoded image, once every band is in; rejects with the worker's reason if it failed. */
  finish(): Promise<Blob>;
  /** Ends the worker, whether or not the image was finished. */
  end(): void;
};

function imageAssembly(width: number, height: number): ImageAssembly {
  const worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
  let failure: Error | null = null;
  const answer = new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PngResponse>) => {
      if (event.data.ok) resolve(event.data.image);
      else reject((failure = new Error(`The PNG image could not be made: ${event.data.message}`)));
    };
    worker.onerror = (event) => reject((failure = new Error(event.message || 'The PNG image worker failed.')));
  });
  // Rejections are read by `finish`; one that comes while bands are drawn only stops the drawing.
  answer.catch(() => {});
  const post = (request: PngRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  post({ kind: 'start', width, height });
  return {
    add: (top, bitmap) => post({ kind: 'band', top, bitmap }, [bitmap]),
    failed: () => failure !== null,
    finish() {
      post({ kind: 'finish' });
      return answer;
    },
    end: () => worker.terminate(),
  };
}

/**
 * Runs `draw` with Cytoscape drawing every label at least IMAGE_MIN_LABEL_PX high in the image, whatever the screen's
 * minimum; only while `draw` runs, so the frames drawn between slices keep their own.
 */
function withImageLabels(renderer: CanvasRenderer, draw: () => void): void {
  const test = renderer as { eleTextBiggerThanMin?: LabelTest };
  const own = test.eleTextBiggerThanMin;
  if (!own) return draw();
  test.eleTextBiggerThanMin = (element, scale = 1) =>
    (element as unknown as ParsedStyle).pstyle('font-size').pfValue * scale >= IMAGE_MIN_LABEL_PX;
  try {
    draw();
  } finally {
    test.eleTextBiggerThanMin = own;
  }
}
