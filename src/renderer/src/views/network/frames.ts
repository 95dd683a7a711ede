/** Waiting for the browser: between tasks, or until a frame has been drawn. */

/** Resolves after the next frame has been drawn, so the work that follows starts a new task. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves in a new task, without waiting for a frame (a message, not a timer: timers are clamped to 4 ms). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

let flushTarget: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * Makes the browser rasterise what has been drawn on a canvas so far, now: copying the canvas as an image needs its
 * pixels. Otherwise the browser rasterises a canvas's drawing after the task that drew it, in one go, however much
 * was drawn; a long drawing done in steps rasterises in steps this way.
 */
export function rasteriseNow(canvas: CanvasImageSource): void {
  flushTarget ??= new OffscreenCanvas(1, 1).getContext('2d');
  flushTarget?.drawImage(canvas, 0, 0, 1, 1, 0, 0, 1, 1);
}
