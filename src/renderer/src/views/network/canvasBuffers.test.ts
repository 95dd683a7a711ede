import type { Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLING_FRAMES, TOUCHED_FRAMES, canvasesPrimed, primeCanvases } from './canvasBuffers';

/** Frames run by hand: each runs the callbacks asked for before it, then lets promises settle. */
let queued: (() => void)[] = [];
let frameNumber = 0;
async function runFrame(): Promise<void> {
  frameNumber++;
  const callbacks = queued;
  queued = [];
  for (const callback of callbacks) callback();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** An instance as Cytoscape's canvas renderer: three on-screen canvases that log the frames they were touched in. */
function fakeInstance() {
  const touchedIn: number[][] = [[], [], []];
  const canvases = touchedIn.map((frames) => ({
    getContext: () => ({
      save() {},
      restore() {},
      setTransform() {},
      clearRect: (x: number, y: number, w: number, h: number) => {
        expect([x, y, w, h]).toEqual([0, 0, 1, 1]);
        frames.push(frameNumber);
      },
    }),
  }));
  const rendered: unknown[] = [];
  const redrawn: unknown[] = [];
  const renderer = {
    data: { canvases },
    render: (options?: unknown) => void rendered.push(options),
    redraw: (options?: unknown) => void redrawn.push(options),
  };
  let destroyed = false;
  const cy = { renderer: () => renderer, destroyed: () => destroyed } as unknown as Core;
  return { cy, renderer, touchedIn, rendered, redrawn, destroy: () => (destroyed = true) };
}

const FRAMES_PER_CANVAS = TOUCHED_FRAMES + SETTLING_FRAMES;

beforeEach(() => {
  queued = [];
  frameNumber = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => queued.push(callback));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('priming a new instance’s canvases', () => {
  it('touches one canvas at a time, in frames of its own, holding the instance’s drawing until done', async () => {
    const instance = fakeInstance();
    primeCanvases(instance.cy);
    let primed = false;
    void canvasesPrimed(instance.cy).then(() => (primed = true));
    // Cytoscape's frames ask to draw meanwhile: none reaches its drawing, the last one is remembered.
    instance.renderer.render({ frame: 'first' });
    for (let frame = 0; frame < 3 * FRAMES_PER_CANVAS - 1; frame++) await runFrame();
    instance.renderer.render({ frame: 'later' });
    expect(instance.rendered).toEqual([]);
    expect(primed).toBe(false);
    await runFrame();
    expect(primed).toBe(true);
    const inFrames = (first: number) => Array.from({ length: TOUCHED_FRAMES }, (_, i) => first + i);
    expect(instance.touchedIn).toEqual([
      inFrames(1),
      inFrames(1 + FRAMES_PER_CANVAS),
      inFrames(1 + 2 * FRAMES_PER_CANVAS),
    ]);
    // What Cytoscape asked for is drawn in its next frame, and from then on it draws as before.
    expect(instance.redrawn).toEqual([{ frame: 'later' }]);
    instance.renderer.render({ frame: 'after' });
    expect(instance.rendered).toEqual([{ frame: 'after' }]);
  });

  it('lets a drawing into a context of its own (an export) through while it holds the rest', async () => {
    const instance = fakeInstance();
    primeCanvases(instance.cy);
    const exported = { forcedContext: {} };
    instance.renderer.render(exported);
    instance.renderer.render({});
    expect(instance.rendered).toEqual([exported]);
  });

  it('stops when the instance is destroyed, touching and redrawing nothing more', async () => {
    const instance = fakeInstance();
    primeCanvases(instance.cy);
    instance.renderer.render({});
    await runFrame();
    instance.destroy();
    for (let frame = 0; frame < 3 * FRAMES_PER_CANVAS; frame++) await runFrame();
    await canvasesPrimed(instance.cy);
    expect(instance.touchedIn).toEqual([[1], [], []]);
    expect(instance.redrawn).toEqual([]);
  });

  it('holds nothing where the renderer is not the one it knows', async () => {
    const cy = { renderer: () => ({ data: {} }), destroyed: () => false } as unknown as Core;
    primeCanvases(cy);
    await canvasesPrimed(cy);
    expect(queued).toEqual([]);
  });
});
