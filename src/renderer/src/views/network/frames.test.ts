import { describe, expect, it } from 'vitest';
import { drawsOnCpu } from './frames';

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
