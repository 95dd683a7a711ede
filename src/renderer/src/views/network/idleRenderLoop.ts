/**
 * Cytoscape's canvas renderer (3.x, `startRenderLoop`) asks for an animation frame in every frame for as long as it
 * lives. It draws in the frames where something asked for a redraw; in the others it runs its work before a frame
 * (texture caches filled in spare time, animations) and asks again. So a window that shows the graph and does
 * nothing had Chromium make sixty frames a second: 92 to 118 ms of CPU a second over all of Chromium's processes
 * (38 to 49 ms of it on the page's main thread), at ~1,000 and ~5,000 records.
 *
 * The loop here does in each frame what Cytoscape's does, and stops asking for frames once there is nothing left to
 * draw, no animation and no picture queued. A redraw asked for (every change, gesture and resize asks for one) or an
 * animation started brings it back. Idle, the same pages then took 8 to 14 ms a second (2 to 3 ms on the main
 * thread): 5 s measured, three opens of each build. The long tasks of a re-layout at ~5,000 records came as before
 * (young-generation collections while the moves go in, and waits for a core).
 */
import type cytoscape from 'cytoscape';

/**
 * Frames the loop runs on after its last piece of work before it sleeps: slack for work before a frame that this
 * module cannot see (a quarter of a second).
 */
export const IDLE_FRAMES_BEFORE_SLEEP = 15;

/** A texture cache's queue of pictures still to draw (Cytoscape's heap). */
interface DrawQueue {
  empty(): boolean;
}

/** The fields of Cytoscape's renderer that its loop reads and writes. */
export interface LoopRenderer {
  cy: LoopCore;
  destroyed?: boolean;
  renderLoopStarted?: boolean;
  /** Set by `redraw()`: the next frame draws. */
  requestedFrame?: boolean;
  /** Set by Cytoscape's input handlers to let one frame pass without drawing. */
  skipFrame?: boolean;
  renderOptions?: unknown;
  beforeRenderCallbacks: { fn(willDraw: boolean, frameTime: number): void }[];
  render(options: unknown): void;
  redraw(options?: unknown): void;
  startRenderLoop(): void;
  /** Drawing times, which the texture caches read to decide how much to do in a frame. */
  lastDrawTime?: number;
  lastRedrawTime?: number;
  averageRedrawTime?: number;
  redrawCount?: number;
  redrawTotalTime?: number;
  data?: {
    eleTxrCache?: { eleCacheQueue?: DrawQueue };
    lblTxrCache?: { eleCacheQueue?: DrawQueue };
    slbTxrCache?: { eleCacheQueue?: DrawQueue };
    tlbTxrCache?: { eleCacheQueue?: DrawQueue };
    lyrTxrCache?: { layersQueue?: DrawQueue };
  };
}

/** The fields of Cytoscape's core that tell whether an animation is going on. */
interface LoopCore {
  batching(): boolean;
  renderer(): unknown;
  animation(properties: object): unknown;
  _private: {
    /** Elements with animations running or queued. */
    aniEles: { length: number };
    /** The core's own (viewport) animations. */
    animation: { current: unknown[]; queue: unknown[] };
  };
}

/** Cytoscape's Animation, as far as `play` goes: what it animates is a core or an element. */
interface PlayableAnimation {
  play(): unknown;
  _private: { target: { cy?(): unknown } };
}

/** How to wake each renderer's loop, by renderer. */
const wakers = new WeakMap<object, () => void>();
const patched = new WeakSet<object>();

/**
 * Makes every canvas renderer of this copy of Cytoscape draw through a loop that sleeps when idle. Call before the
 * first instance with a container is made; idempotent.
 */
export function sleepWhenIdle(cytoscapeLib: typeof cytoscape): void {
  const Renderer = (cytoscapeLib as unknown as (type: string, name: string) => { prototype: LoopRenderer })(
    'renderer',
    'canvas',
  );
  const proto = Renderer.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const redraw = proto.redraw;
  proto.redraw = function (this: LoopRenderer, options?: unknown) {
    redraw.call(this, options);
    wakers.get(this)?.();
  };
  proto.startRenderLoop = function (this: LoopRenderer) {
    if (this.renderLoopStarted) return;
    this.renderLoopStarted = true;
    wakeOnAnimations(this.cy);
    wakers.set(this, runLoop(this));
  };
}

/** Starts the loop of `r`; returns what wakes it. */
function runLoop(r: LoopRenderer): () => void {
  let scheduled = false;
  let idleFrames = 0;
  const frame = (frameTime: number) => {
    scheduled = false;
    if (r.destroyed) return;
    // As in Cytoscape's loop: no drawing during a batch, nor in a frame asked to pass.
    const batching = r.cy.batching();
    const willDraw = !batching && Boolean(r.requestedFrame) && !r.skipFrame;
    if (willDraw) {
      r.requestedFrame = false;
      runBeforeFrame(r, true, frameTime);
      drawTimed(r);
    } else if (!batching) {
      runBeforeFrame(r, false, frameTime);
    }
    r.skipFrame = false;
    idleFrames = willDraw || hasWork(r) ? 0 : idleFrames + 1;
    if (idleFrames < IDLE_FRAMES_BEFORE_SLEEP) wake();
  };
  const wake = () => {
    if (scheduled || r.destroyed) return;
    scheduled = true;
    requestAnimationFrame(frame);
  };
  wake();
  return wake;
}

/** Cytoscape's work before a frame: its element styles, animations and texture caches, and this project's hooks. */
function runBeforeFrame(r: LoopRenderer, willDraw: boolean, frameTime: number): void {
  for (const callback of r.beforeRenderCallbacks) callback.fn(willDraw, frameTime);
}

/** Draws, keeping Cytoscape's drawing times as its own loop does. */
function drawTimed(r: LoopRenderer): void {
  const start = performance.now();
  r.render(r.renderOptions);
  const end = (r.lastDrawTime = performance.now());
  const duration = end - start;
  r.redrawCount = (r.redrawCount ?? 0) + 1;
  r.redrawTotalTime = (r.redrawTotalTime ?? 0) + duration;
  r.lastRedrawTime = duration;
  // Cytoscape's running average: half the one before, half this frame's time.
  r.averageRedrawTime = (r.averageRedrawTime ?? duration) / 2 + duration / 2;
}

/** Whether a frame still has something to do: a redraw asked for, an animation, pictures queued to draw. */
function hasWork(r: LoopRenderer): boolean {
  if (r.requestedFrame) return true;
  const { aniEles, animation } = r.cy._private;
  if (aniEles.length > 0 || animation.current.length > 0 || animation.queue.length > 0) return true;
  const caches = r.data ?? {};
  const queues = [
    caches.eleTxrCache?.eleCacheQueue,
    caches.lblTxrCache?.eleCacheQueue,
    caches.slbTxrCache?.eleCacheQueue,
    caches.tlbTxrCache?.eleCacheQueue,
    caches.lyrTxrCache?.layersQueue,
  ];
  return queues.some((queue) => queue !== undefined && !queue.empty());
}

/**
 * Wakes the loop whenever an animation of this copy of Cytoscape starts playing: an animation is stepped in the
 * loop's frames and asks for no redraw until its first step. Cytoscape keeps its Animation class to itself, so its
 * prototype is taken from an animation made for that and never played.
 */
function wakeOnAnimations(cy: LoopCore): void {
  const proto = Object.getPrototypeOf(cy.animation({})) as PlayableAnimation & { run?: unknown };
  if (patched.has(proto) || typeof proto.play !== 'function') return;
  patched.add(proto);
  const play = proto.play;
  // `run` is Cytoscape's other name for `play`.
  proto.run = proto.play = function (this: PlayableAnimation) {
    const result = play.call(this);
    const target = this._private.target;
    // The core's animations (the viewport's) target the core; an element's, the element.
    const core = (typeof target.cy === 'function' ? target.cy() : target) as LoopCore;
    const renderer = core.renderer() as object | undefined;
    if (renderer) wakers.get(renderer)?.();
    return result;
  };
}
