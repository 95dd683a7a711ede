import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORED_ANSWER_KEY, drawsOnCpu } from './canvasBackend';

describe('drawsOnCpu', () => {
  it('reads a software WebGL renderer, or none, as canvases drawn on the CPU, and a GPU as not', () => {
    // As Chromium names them: headless with the GPU off, Mesa's software driver, and two real GPUs.
    expect(
      drawsOnCpu('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'),
    ).toBe(true);
    expect(drawsOnCpu('ANGLE (Mesa, llvmpipe (LLVM 15.0.6 256 bits), OpenGL 4.5)')).toBe(true);
    expect(drawsOnCpu(null)).toBe(true);
    expect(drawsOnCpu('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(drawsOnCpu('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBe(false);
  });
});

/** A worker as the page makes one: remembered, so a test can answer for it or make it fail. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: { renderer: string | null } }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
  answer(renderer: string | null) {
    this.onmessage?.({ data: { renderer } });
  }
}

const SOFTWARE = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('finding out where canvases are drawn', () => {
  let stored: Map<string, string>;
  let idle: (() => void)[];

  /** The module afresh (its answer is per start), with the page's storage, workers and idle callbacks faked. */
  async function start(storage: Partial<Storage> | 'throws' = {}) {
    vi.resetModules();
    FakeWorker.made = [];
    idle = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('OffscreenCanvas', class {});
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work));
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });
    if (storage === 'throws') {
      vi.stubGlobal('localStorage', {
        getItem: () => {
          throw new Error('storage is off');
        },
        setItem: () => {
          throw new Error('storage is off');
        },
      });
    } else {
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => void stored.set(key, value),
        ...storage,
      });
    }
    return import('./canvasBackend');
  }

  beforeEach(() => {
    stored = new Map();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks the worker at the first start, and keeps its answer for the next', async () => {
    const backend = await start();
    backend.findOutWhereCanvasesAreDrawn();
    expect(FakeWorker.made).toHaveLength(1);
    expect(backend.canvasesDrawnOnCpu()).toBeUndefined();
    FakeWorker.made[0]!.answer(SOFTWARE);
    await backend.whereCanvasesAreDrawnKnown();
    expect(backend.canvasesDrawnOnCpu()).toBe(true);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(stored.get(STORED_ANSWER_KEY)).toBe('cpu');
    // Once asked, never again in this start.
    backend.findOutWhereCanvasesAreDrawn();
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('uses the kept answer at once at a later start, and asks the worker again only once the app is idle', async () => {
    stored.set(STORED_ANSWER_KEY, 'gpu');
    const backend = await start();
    backend.findOutWhereCanvasesAreDrawn();
    expect(backend.canvasesDrawnOnCpu()).toBe(false);
    await backend.whereCanvasesAreDrawnKnown();
    expect(FakeWorker.made).toHaveLength(0);
    // Idle: the worker is asked again, and its answer (the GPU gone, say) is used and kept for the next start.
    idle.shift()!();
    expect(FakeWorker.made).toHaveLength(1);
    FakeWorker.made[0]!.answer(SOFTWARE);
    expect(backend.canvasesDrawnOnCpu()).toBe(true);
    expect(stored.get(STORED_ANSWER_KEY)).toBe('cpu');
  });

  it('reads a GPU as such, and a kept answer it does not know as none', async () => {
    stored.set(STORED_ANSWER_KEY, 'maybe');
    const backend = await start();
    backend.findOutWhereCanvasesAreDrawn();
    expect(FakeWorker.made).toHaveLength(1);
    FakeWorker.made[0]!.answer(GPU);
    expect(backend.canvasesDrawnOnCpu()).toBe(false);
    expect(stored.get(STORED_ANSWER_KEY)).toBe('gpu');
  });

  it('asks on the main thread, when idle, if the worker fails', async () => {
    const backend = await start();
    backend.findOutWhereCanvasesAreDrawn();
    FakeWorker.made[0]!.onerror?.();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(backend.canvasesDrawnOnCpu()).toBeUndefined();
    idle.shift()!();
    // The fake page has no WebGL: canvases are drawn on the CPU.
    await backend.whereCanvasesAreDrawnKnown();
    expect(backend.canvasesDrawnOnCpu()).toBe(true);
  });

  it('works without storage, asking the worker at every start', async () => {
    const backend = await start('throws');
    backend.findOutWhereCanvasesAreDrawn();
    expect(FakeWorker.made).toHaveLength(1);
    FakeWorker.made[0]!.answer(SOFTWARE);
    expect(backend.canvasesDrawnOnCpu()).toBe(true);
  });
});
