/**
 * Whether canvases are drawn on the CPU here (no GPU, or a software one), which decides how this view has the browser
 * rasterise a drawing at once (frames.ts: rasteriseNow).
 *
 * The browser does not say; the name of the WebGL renderer a new context gets does. Making that context takes 18 to
 * 52 ms in software, so it is made in a worker (canvasBackendWorker.ts). The worker still takes a core for 40 to 70 ms
 * while the app starts, and on a machine with two that slowed the app's own start-up tasks (measured in traces). So
 * the answer is kept for the next start: a start that finds one uses it at once, and asks the worker again once the
 * app is idle, for the start after (a new GPU or driver changes the answer; a wrong one costs speed, not pictures).
 */

/** Where the last answer is kept between starts: "cpu" or "gpu". Not about the user or their data. */
export const STORED_ANSWER_KEY = 'atlas.canvasesDrawnOn';

/** How long after a start that had an answer the worker may wait for an idle moment to ask again. */
const RECHECK_TIMEOUT_MS = 30_000;

/** The answer, once known. */
let drawnOnCpu: boolean | undefined;
/** Settles once this start has an answer, or has failed to get one. */
let answered: Promise<void> | null = null;

/**
 * The name of the WebGL renderer a new context on `canvas` gets, or null without WebGL; the context is let go at
 * once. Used here and by the worker.
 */
export function webglRendererOn(canvas: HTMLCanvasElement | OffscreenCanvas): string | null {
  const gl = canvas.getContext('webgl') as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** Whether a WebGL renderer (its name, or null without WebGL) means that canvases are drawn on the CPU. */
export function drawsOnCpu(renderer: string | null): boolean {
  return renderer === null || /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

function storedAnswer(): boolean | undefined {
  try {
    const stored = localStorage.getItem(STORED_ANSWER_KEY);
    return stored === 'cpu' ? true : stored === 'gpu' ? false : undefined;
  } catch {
    return undefined;
  }
}

function learn(onCpu: boolean): void {
  drawnOnCpu = onCpu;
  try {
    localStorage.setItem(STORED_ANSWER_KEY, onCpu ? 'cpu' : 'gpu');
  } catch {
    // Without storage, the next start asks the worker again.
  }
}

function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout });
  else setTimeout(work, 1000);
}

/** Asks the worker (or, without one, the main thread in an idle moment); settles once answered or failed. */
function ask(): Promise<void> {
  const askHere = (done: () => void) =>
    whenIdle(() => {
      learn(drawsOnCpu(webglRendererOn(document.createElement('canvas'))));
      done();
    }, 5000);
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') {
    return new Promise((resolve) => askHere(resolve));
  }
  return new Promise<void>((resolve) => {
    const worker = new Worker(new URL('./canvasBackendWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ renderer: string | null }>) => {
      learn(drawsOnCpu(event.data.renderer));
      worker.terminate();
      resolve();
    };
    worker.onerror = () => {
      worker.terminate();
      askHere(resolve);
    };
  });
}

/**
 * Starts finding out where canvases are drawn, once; the app calls it as it starts, so the answer is in before the
 * first picture is drawn.
 */
export function findOutWhereCanvasesAreDrawn(): void {
  if (answered) return;
  const stored = storedAnswer();
  if (stored === undefined) {
    answered = ask();
    return;
  }
  drawnOnCpu = stored;
  answered = Promise.resolve();
  whenIdle(() => void ask(), RECHECK_TIMEOUT_MS);
}

/** Whether canvases are drawn on the CPU here; undefined until known (and the finding out is started). */
export function canvasesDrawnOnCpu(): boolean | undefined {
  if (drawnOnCpu === undefined) findOutWhereCanvasesAreDrawn();
  return drawnOnCpu;
}

/**
 * Resolves once it is known where canvases are drawn, or after `timeoutMs` if the worker has not said by then. A
 * drawing in steps that starts while it is unknown copies its canvas at every step, which on the CPU cost the
 * opening sketch 14 to 20 ms a step (measured here): worth a short wait.
 */
export function whereCanvasesAreDrawnKnown(timeoutMs = 500): Promise<void> {
  findOutWhereCanvasesAreDrawn();
  if (drawnOnCpu !== undefined) return Promise.resolve();
  return Promise.race([answered!, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
