/** Runs the fcose layout in its worker; the returned handle can cancel it (the worker is simply ended). */
import { positionsOf, requestTransfer, type LayoutRequest, type LayoutResponse } from './layoutProtocol';

/** A running layout. */
export interface LayoutJob {
  result: Promise<Record<string, { x: number; y: number }>>;
  cancel(): void;
}

/** Thrown into {@link LayoutJob.result} when the job was cancelled. */
export class LayoutCancelled extends Error {
  override readonly name = 'LayoutCancelled';
}

/** Starts a layout in a new worker, which takes `request`'s typed arrays (its ids stay readable here). */
export function runLayout(request: LayoutRequest): LayoutJob {
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  let settle: ((error: Error) => void) | null = null;
  const result = new Promise<Record<string, { x: number; y: number }>>((resolve, reject) => {
    settle = reject;
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(positionsOf(request, event.data.places));
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The layout worker failed.'));
    };
  });
  // Its typed arrays handed over, not copied: the request is the worker's from here on.
  worker.postMessage(request, requestTransfer(request));
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.(new LayoutCancelled('Layout cancelled.'));
    },
  };
}
