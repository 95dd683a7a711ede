/**
 * A new Cytoscape instance's on-screen canvases are given their pixels and their buffers one canvas at a time, before
 * its first frame draws.
 *
 * A canvas makes its pixels with its first drawing call, and each frame that shows it changed while the compositor
 * still holds its earlier buffers makes it a new one: three for each canvas here, in the frame of a change and the
 * one or two after it. Where canvases are drawn on the CPU, a buffer cost 7 to 9 ms for a canvas 710 pixels square
 * (measured in traces), and Cytoscape changes its three canvases together: its first frame clears them all, and its
 * first frames with the graph draw into all of them. Those frames took 35 to 60 ms of the main thread each, mostly
 * making buffers, at a thousand records.
 *
 * So the instance's drawing is held back while one canvas at a time has a pixel cleared that is already clear (a
 * change, with nothing seen to change), in frames in a row, then is left a frame; no frame then makes more than two
 * buffers. Its drawing then goes on as before (the wrapper stays, passing every call through). A load waits for this
 * before it says the graph is drawn (graphController.ts). The view primes instances of the large style only, whose
 * load has elements to add for longer than the twelve frames (about 200 ms) take: a small graph is drawn within a few
 * frames, and holding it for twelve would show an empty canvas at every filter change.
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is: without what it
 * needs, nothing is held.
 */
import type { Core } from 'cytoscape';
import { inNextFrame } from './frames';

/** Frames in a row each canvas is touched in: a canvas had three buffers in flight in traces here. */
export const TOUCHED_FRAMES = 3;
/** Frames left alone after a canvas's last touch: the frame after a change still made a buffer in traces. */
export const SETTLING_FRAMES = 1;

type Touchable = {
  getContext(kind: '2d'): Pick<CanvasRenderingContext2D, 'save' | 'restore' | 'setTransform' | 'clearRect'> | null;
};

/** What this module needs of Cytoscape's canvas renderer. */
type HeldRenderer = {
  render?(options?: RenderOptions): void;
  redraw?(options?: RenderOptions): void;
  data?: { canvases?: Touchable[] };
};

/** Cytoscape's options for a render; one with its own context (an export) draws there, not on screen. */
type RenderOptions = { forcedContext?: unknown } | undefined;

const priming = new WeakMap<Core, Promise<void>>();

/** Clears a pixel that is clear already: a change to show, with nothing seen to change. */
function touch(canvas: Touchable): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, 1, 1);
  context.restore();
}

/**
 * Holds back `cy`'s frames while its canvases are touched, one canvas at a time, each in {@link TOUCHED_FRAMES}
 * frames in a row and then left {@link SETTLING_FRAMES}; call it right after making the instance, before its first
 * frame.
 */
export function primeCanvases(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): HeldRenderer }).renderer();
  const canvases = renderer.data?.canvases;
  const render = renderer.render;
  const redraw = renderer.redraw;
  if (!canvases?.length || !render || !redraw) return;
  let held = true;
  // What Cytoscape last asked to draw while held (an object: it is set from the wrapper below).
  const wanted: { asked: boolean; options?: RenderOptions } = { asked: false };
  renderer.render = function (this: HeldRenderer, options?: RenderOptions) {
    if (!held || options?.forcedContext) return render.call(this, options);
    // Cytoscape has marked what to draw; that stays marked until a frame draws it.
    wanted.asked = true;
    wanted.options = options;
  };
  const primed = (async () => {
    try {
      for (const canvas of canvases) {
        for (let frame = 0; frame < TOUCHED_FRAMES + SETTLING_FRAMES; frame++) {
          await inNextFrame();
          if (cy.destroyed()) return;
          if (frame < TOUCHED_FRAMES) touch(canvas);
        }
      }
    } finally {
      held = false;
      if (wanted.asked && !cy.destroyed()) redraw.call(renderer, wanted.options);
    }
  })();
  priming.set(cy, primed);
}

/** Resolves once `cy`'s frames are no longer held (at once if they never were). */
export function canvasesPrimed(cy: Core): Promise<void> {
  return priming.get(cy) ?? Promise.resolve();
}
