/**
 * A script for the page: wraps `requestAnimationFrame` so that `window.__inAnimationFrame` says whether an animation
 * frame's callbacks are running (Cytoscape's frame: its work before drawing, and the drawing). Add it with
 * `page.addInitScript`, or evaluate it in a page already running: the frames asked for from then on are marked.
 */
export const MARK_ANIMATION_FRAMES = `(() => {
  if (window.__inAnimationFrame !== undefined) return;
  window.__inAnimationFrame = false;
  const requestFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback) =>
    requestFrame.call(window, (time) => {
      window.__inAnimationFrame = true;
      try {
        return callback(time);
      } finally {
        window.__inAnimationFrame = false;
      }
    });
})()`;

declare global {
  interface Window {
    /** Whether an animation frame's callbacks are running (see {@link MARK_ANIMATION_FRAMES}). */
    __inAnimationFrame?: boolean;
  }
}
