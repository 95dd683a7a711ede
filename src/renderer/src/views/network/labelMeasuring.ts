/**
 * Cytoscape measures each label (and, wrapping one, each line it tries) on a canvas of its own that it keeps for the
 * instance's life. Chromium keeps what that canvas's context has shaped, every string, for as long as the context
 * lives: a context that never shows a frame never lets any go (up to 32,768 strings). At ~5,000 records that was
 * 24,027 shaped strings (29 MB, the largest kind of Blink's objects in the page's heap, in a heap snapshot after the
 * bench's steps), for a full collection to mark, much of it in its final pause on the main thread: 48 ms of a 74 ms
 * pause as a re-layout's places went in (a trace at ~5,000).
 *
 * So the measuring canvas is let go once the script that measured returns, and the next measurement makes a new one.
 * Cytoscape measures a label again only when its text or font changed; shaping a string anew costs about 5 µs
 * (25–30 ms for 5,000 labels in Chromium here, against 6–7 ms with them shaped before).
 *
 * Reached through optional fields of Cytoscape's canvas renderer (3.x); without them, nothing changes.
 */
import type { Core } from 'cytoscape';

/** The part of Cytoscape's canvas renderer that measures labels. */
type MeasuringRenderer = {
  calculateLabelDimensions?: (...args: unknown[]) => unknown;
  labelCalcCanvas?: unknown;
  labelCalcCanvasContext?: unknown;
};

/** Has `cy`'s renderer measure labels on a canvas it lets go after each run of script that measured. */
export function measureLabelsOnFreshCanvases(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): MeasuringRenderer }).renderer();
  const measure = renderer.calculateLabelDimensions;
  if (!measure) return;
  let dropQueued = false;
  const dropCanvas = () => {
    dropQueued = false;
    renderer.labelCalcCanvas = null;
    renderer.labelCalcCanvasContext = null;
  };
  renderer.calculateLabelDimensions = function (this: MeasuringRenderer, ...args: unknown[]) {
    if (!dropQueued) {
      dropQueued = true;
      queueMicrotask(dropCanvas);
    }
    return measure.apply(this, args);
  };
}
