import { describe, expect, it } from 'vitest';
import { buildLadder, isSoftwareRenderer, levelSizes, softwareWebGl } from './quality-levels';

describe('quality ladder', () => {
  it('with a real GPU, tries cheaper GPU work, then the CPU, then skipping frames', () => {
    const ladder = buildLadder('GPU');
    expect(ladder.map((l) => l.delegate)).toEqual(['GPU', 'GPU', 'CPU', 'CPU']);
    expect(ladder[1]!.maskMax.width).toBeLessThan(ladder[0]!.maskMax.width);
    expect(ladder.at(-1)!.segmentEvery).toBe(2);
  });

  it('with software GL, never uses the "GPU" delegate (it would be the CPU, only slower)', () => {
    expect(buildLadder('CPU').every((l) => l.delegate === 'CPU')).toBe(true);
  });

  it('gets cheaper at every step', () => {
    for (const start of ['GPU', 'CPU'] as const) {
      const ladder = buildLadder(start);
      for (let i = 1; i < ladder.length; i++) {
        const [a, b] = [ladder[i - 1]!, ladder[i]!];
        const cheaper =
          b.maskMax.width < a.maskMax.width ||
          b.blurFraction < a.blurFraction ||
          b.segmentEvery > a.segmentEvery ||
          b.delegate !== a.delegate;
        expect(cheaper).toBe(true);
      }
    }
  });

  it('sizes the mask and blur from the output, keeping its shape', () => {
    const sizes = levelSizes({ width: 1280, height: 720 }, buildLadder('CPU')[0]!);
    expect(sizes.mask).toEqual({ width: 256, height: 144 });
    expect(sizes.blur).toEqual({ width: 320, height: 180 });
  });

  it('recognises software renderers', () => {
    expect(
      isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
  });

  it("reads a WebGL context's renderer, and takes one that hides it for a GPU", () => {
    // No GPU here: the context is the little of WebGL the check reads.
    const UNMASKED = 0x9246;
    const context = (renderer: string | null): WebGLRenderingContext =>
      ({
        getExtension: (name: string) =>
          name === 'WEBGL_debug_renderer_info' && renderer !== null ? { UNMASKED_RENDERER_WEBGL: UNMASKED } : null,
        getParameter: (p: number) => (p === UNMASKED ? renderer : 'WebKit WebGL'),
      }) as unknown as WebGLRenderingContext;
    expect(softwareWebGl(context('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'))).toBe(true);
    expect(softwareWebGl(context('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)'))).toBe(false);
    expect(softwareWebGl(context(null))).toBe(false);
  });
});
