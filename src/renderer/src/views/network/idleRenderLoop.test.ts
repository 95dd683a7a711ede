import type cytoscape from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_FRAMES_BEFORE_SLEEP, sleepWhenIdle, type LoopRenderer } from './idleRenderLoop';

/** Animation frames asked for and not yet run. */
let frameQueue: ((time: number) => void)[] = [];
let clock = 0;

/** Runs the frames asked for so far (one browser frame); returns how many callbacks ran. */
function nextFrame(): number {
  const due = frameQueue;
  frameQueue = [];
  clock += 16;
  for (const callback of due) callback(clock);
  return due.length;
}

/** Runs frames until none is asked for (at most `limit`); returns how many ran. */
function runUntilAsleep(limit = 200): number {
  let frames = 0;
  while (frameQueue.length > 0 && frames < limit) frames += nextFrame();
  return frames;
}

/** A copy of Cytoscape as far as the loop goes: its canvas renderer class and its Animation class. */
function fakeCytoscape() {
  class FakeAnimation {
    played = 0;
    constructor(public _private: { target: { cy?(): unknown } }) {}
    play() {
      this.played++;
      return this;
    }
    run() {
      return this.play();
    }
  }
  class FakeRenderer {
    drawn = 0;
    beforeFrame: boolean[] = [];
    cy: FakeCore;
    destroyed = false;
    requestedFrame = false;
    skipFrame = false;
    renderLoopStarted?: boolean;
    renderOptions: unknown;
    beforeRenderCallbacks = [{ fn: (willDraw: boolean) => void this.beforeFrame.push(willDraw) }];
    lastRedrawTime?: number;
    averageRedrawTime?: number;
    redrawCount?: number;
    data = { eleTxrCache: { eleCacheQueue: { size: 0, empty: () => this.data.eleTxrCache.eleCacheQueue.size === 0 } } };
    constructor(cy: FakeCore) {
      this.cy = cy;
      this.startRenderLoop();
    }
    redraw(options?: unknown) {
      this.requestedFrame = true;
      this.renderOptions = options;
    }
    render() {
      this.drawn++;
    }
    startRenderLoop() {
      throw new Error("Cytoscape's own loop ran.");
    }
  }
  class FakeCore {
    batchDepth = 0;
    renderer: () => FakeRenderer;
    _private = { aniEles: [] as unknown[], animation: { current: [] as unknown[], queue: [] as unknown[] } };
    constructor() {
      const renderer = new FakeRenderer(this);
      this.renderer = () => renderer;
    }
    batching() {
      return this.batchDepth > 0;
    }
    animation() {
      return new FakeAnimation({ target: this });
    }
  }
  const lib = ((type: string, name: string) => {
    if (type !== 'renderer' || name !== 'canvas') throw new Error(`Unexpected extension ${type}/${name}.`);
    return FakeRenderer;
  }) as unknown as typeof cytoscape;
  return { lib, FakeCore, FakeAnimation };
}

describe('the drawing loop that sleeps when idle', () => {
  let fake: ReturnType<typeof fakeCytoscape>;

  beforeEach(() => {
    frameQueue = [];
    vi.stubGlobal('requestAnimationFrame', (callback: (time: number) => void) => frameQueue.push(callback));
    fake = fakeCytoscape();
    sleepWhenIdle(fake.lib);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('draws in the frame after a redraw, keeps Cytoscape’s drawing times, then stops asking for frames', () => {
    const cy = new fake.FakeCore();
    const renderer = cy.renderer();
    renderer.redraw({ forcedContext: undefined });
    expect(nextFrame()).toBe(1);
    expect(renderer.drawn).toBe(1);
    expect(renderer.beforeFrame).toEqual([true]);
    expect((renderer as unknown as LoopRenderer).redrawCount).toBe(1);
    expect((renderer as unknown as LoopRenderer).averageRedrawTime).toBeGreaterThanOrEqual(0);
    // The work before each frame goes on for a while, as in Cytoscape's loop, then the frames stop.
    expect(runUntilAsleep()).toBe(IDLE_FRAMES_BEFORE_SLEEP);
    expect(renderer.beforeFrame.slice(1)).toEqual(Array(IDLE_FRAMES_BEFORE_SLEEP).fill(false));
    expect(renderer.drawn).toBe(1);
    expect(nextFrame()).toBe(0);
  });

  it('wakes on a redraw and draws in the next frame', () => {
    const cy = new fake.FakeCore();
    runUntilAsleep();
    expect(frameQueue).toHaveLength(0);
    cy.renderer().redraw();
    cy.renderer().redraw();
    // One frame asked for, however many redraws.
    expect(frameQueue).toHaveLength(1);
    nextFrame();
    expect(cy.renderer().drawn).toBe(1);
  });

  it('draws nothing during a batch and draws once it is over', () => {
    const cy = new fake.FakeCore();
    runUntilAsleep();
    const framesWorked = cy.renderer().beforeFrame.length;
    cy.batchDepth = 1;
    cy.renderer().redraw();
    // A redraw asked for keeps the loop going through the batch, without drawing or the work before a frame.
    expect(runUntilAsleep(IDLE_FRAMES_BEFORE_SLEEP * 3)).toBe(IDLE_FRAMES_BEFORE_SLEEP * 3);
    expect(cy.renderer().drawn).toBe(0);
    expect(cy.renderer().beforeFrame).toHaveLength(framesWorked);
    cy.batchDepth = 0;
    nextFrame();
    expect(cy.renderer().drawn).toBe(1);
  });

  it('lets a frame asked to pass go by without drawing, and draws in the next', () => {
    const cy = new fake.FakeCore();
    const renderer = cy.renderer();
    renderer.redraw();
    renderer.skipFrame = true;
    nextFrame();
    expect(renderer.drawn).toBe(0);
    expect(renderer.skipFrame).toBe(false);
    nextFrame();
    expect(renderer.drawn).toBe(1);
  });

  it('stays awake while pictures are queued to draw or an animation goes on', () => {
    const cy = new fake.FakeCore();
    const queue = cy.renderer().data.eleTxrCache.eleCacheQueue;
    queue.size = 3;
    expect(runUntilAsleep(IDLE_FRAMES_BEFORE_SLEEP * 4)).toBe(IDLE_FRAMES_BEFORE_SLEEP * 4);
    queue.size = 0;
    cy._private.animation.current.push({});
    expect(runUntilAsleep(IDLE_FRAMES_BEFORE_SLEEP * 4)).toBe(IDLE_FRAMES_BEFORE_SLEEP * 4);
    cy._private.animation.current.pop();
    cy._private.aniEles.push({});
    expect(runUntilAsleep(IDLE_FRAMES_BEFORE_SLEEP * 4)).toBe(IDLE_FRAMES_BEFORE_SLEEP * 4);
    cy._private.aniEles.pop();
    expect(runUntilAsleep()).toBe(IDLE_FRAMES_BEFORE_SLEEP);
  });

  it('wakes when an animation of the core or of an element starts playing', () => {
    const cy = new fake.FakeCore();
    runUntilAsleep();
    const viewport = cy.animation();
    expect(viewport.play()).toBe(viewport);
    expect(viewport.played).toBe(1);
    expect(frameQueue).toHaveLength(1);
    runUntilAsleep();
    const element = new fake.FakeAnimation({ target: { cy: () => cy } });
    element.run();
    expect(element.played).toBe(1);
    expect(frameQueue).toHaveLength(1);
  });

  it('asks for no frame once its renderer is destroyed', () => {
    const cy = new fake.FakeCore();
    cy.renderer().destroyed = true;
    cy.renderer().redraw();
    nextFrame();
    expect(cy.renderer().drawn).toBe(0);
    expect(frameQueue).toHaveLength(0);
  });

  it('changes the classes once however often it is asked', () => {
    const Renderer = (fake.lib as unknown as (type: string, name: string) => { prototype: LoopRenderer })(
      'renderer',
      'canvas',
    );
    const { redraw, startRenderLoop } = Renderer.prototype;
    sleepWhenIdle(fake.lib);
    expect(Renderer.prototype.redraw).toBe(redraw);
    expect(Renderer.prototype.startRenderLoop).toBe(startRenderLoop);
    const cy = new fake.FakeCore();
    const { play } = Object.getPrototypeOf(cy.animation()) as { play: unknown };
    new fake.FakeCore();
    expect((Object.getPrototypeOf(cy.animation()) as { play: unknown }).play).toBe(play);
  });
});
