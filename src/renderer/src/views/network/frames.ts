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
