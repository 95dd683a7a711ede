/** Waiting for the browser: between tasks, or until a frame has been drawn; and how long a task may take. */
import { canvasesDrawnOnCpu } from './canvasBackend';

/**
 * How long one slice of work done in slices (a change of the graph, marking or patching its pictures, sorting its
 * drawing order) may keep the main thread before it lets input and painting through. A slice's allocations bring
 * young-generation garbage collections into it: at five thousand records each took 16 to 36 ms of wall time in
 * traces of an open on two cores (V8 shares it out to three helper threads, which wait for a core too), and a slice
 * ends only after the collection. Five milliseconds leaves more room for one under the 50 ms a task may take: over
 * nine opens of each at ~5,000 records, in turn, 10 ms left a task over 50 ms after the first second in five opens
 * (51 to 79 ms), 5 ms in two (54 and 80 ms), and the graph was drawn no later.
 */
export const SLICE_BUDGET_MS = 5;

/** Resolves after the next frame has been drawn, so the work that follows starts a new task. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves inside the next frame's callbacks, so that what follows is drawn in that frame. */
export function inNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The channel every {@link nextTask} posts through, and the waits on it in the order they were asked for: one
 * message, one task, one wait resolved. One channel for all: a channel each (one per slice, thousands a load at
 * ~5,000 records) left as many pairs of ports for the browser to collect and close.
 */
let taskChannel: MessageChannel | null = null;
const waitingForTask: (() => void)[] = [];

/** Resolves in a new task, without waiting for a frame (a message, not a timer: timers are clamped to 4 ms). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (!taskChannel) {
      taskChannel = new MessageChannel();
      taskChannel.port1.onmessage = () => waitingForTask.shift()?.();
    }
    waitingForTask.push(resolve);
    taskChannel.port2.postMessage(null);
  });
}

/**
 * Calls `visit` on each item in order, in slices of about {@link SLICE_BUDGET_MS} (the clock read every `chunk`
 * items), each slice after the first in a task of its own. Resolves to false as soon as `visit` returns false, to
 * 'superseded' as soon as `superseded()`, asked after each slice, says a newer change replaced this one, and to true
 * once every item is visited.
 */
export async function visitInSlices<T>(
  items: readonly T[],
  visit: (item: T) => boolean | void,
  superseded: () => boolean,
  chunk: number,
): Promise<boolean | 'superseded'> {
  for (let next = 0; next < items.length;) {
    const sliceStart = performance.now();
    do {
      const until = Math.min(items.length, next + chunk);
      for (; next < until; next++) if (visit(items[next]!) === false) return false;
    } while (next < items.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
    if (next < items.length) await nextTask();
    if (superseded()) return 'superseded';
  }
  return true;
}

let flushTarget: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * Makes the browser rasterise what has been drawn on a canvas so far, now. Otherwise the browser rasterises a
 * canvas's drawing after the task that drew it, in one go, however much was drawn; a long drawing done in steps
 * rasterises in steps this way. Copying the canvas as an image needs its pixels: with a GPU that copy is cheap. On
 * the CPU it snapshots the whole canvas, and the next drawing copies it again (60 to 80 ms a slice for a layer 4,000
 * pixels square, against 18 ms, measured here; 14 to 20 ms a step for the opening sketch, 710 pixels square, against
 * 0.5 ms), so one pixel is read back instead; with a GPU, frequent read-backs could move the canvas off it. Until
 * it is known which, the canvas is copied.
 */
export function rasteriseNow(canvas: CanvasImageSource): void {
  if (canvasesDrawnOnCpu() && 'getContext' in canvas) {
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (context) {
      context.getImageData(0, 0, 1, 1);
      return;
    }
  }
  flushTarget ??= new OffscreenCanvas(1, 1).getContext('2d');
  flushTarget?.drawImage(canvas, 0, 0, 1, 1, 0, 0, 1, 1);
}

/**
 * Has the browser allocate `canvas`'s pixels in a task of its own, before anything is drawn on it: a fresh
 * canvas's first raster allocates and clears them, 25–45 ms for one 3,200 to 4,000 pixels square (measured here), on
 * top of whatever the first slice of drawing costs.
 */
export async function allocateNow(canvas: CanvasImageSource): Promise<void> {
  await nextTask();
  rasteriseNow(canvas);
  await nextTask();
}
