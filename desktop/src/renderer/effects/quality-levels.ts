/**
 * The quality ladder the adaptive controller walks: from the best level the machine can start at
 * down to the cheapest. Cheaper means a smaller mask and blur, the CPU delegate instead of a
 * struggling GPU, and finally segmenting every other frame.
 */
import { fitWithin, type Size } from './cover-fit';
import type { Delegate } from './types';

export type QualityLevel = Readonly<{
  delegate: Delegate;
  /** Largest size of the smoothed mask (the model itself sees 256×144). */
  maskMax: Size;
  /** Background blur resolution as a fraction of the output. */
  blurFraction: number;
  /** Hand the segmenter a frame shrunk on the CPU instead of the full frame. */
  reducedInput: boolean;
  /** Segment every n-th frame; frames between reuse the last mask. */
  segmentEvery: 1 | 2;
}>;

/**
 * Size of the frame handed to the segmenter at `reducedInput` levels: the landscape selfie model's
 * own input (it stretches any frame to it; its mask maps back onto the whole frame).
 */
export const MODEL_INPUT: Size = Object.freeze({ width: 256, height: 144 });

/**
 * The ladder for a machine whose best delegate is `start`. With a real GPU the ladder tries the CPU
 * before giving up; with software GL (where the "GPU" is the CPU too) it never goes to the GPU.
 */
export function buildLadder(start: Delegate): readonly QualityLevel[] {
  const high = { maskMax: { width: 256, height: 256 }, blurFraction: 1 / 4 };
  const low = { maskMax: { width: 160, height: 160 }, blurFraction: 1 / 6 };
  const cpu: QualityLevel[] = [
    { delegate: 'CPU', ...high, reducedInput: true, segmentEvery: 1 },
    { delegate: 'CPU', ...low, reducedInput: true, segmentEvery: 1 },
    { delegate: 'CPU', ...low, reducedInput: true, segmentEvery: 2 },
  ];
  if (start === 'CPU') return cpu;
  return [
    { delegate: 'GPU', ...high, reducedInput: false, segmentEvery: 1 },
    { delegate: 'GPU', ...low, reducedInput: false, segmentEvery: 1 },
    ...cpu.slice(1),
  ];
}

/** Working sizes for an output size at a level. */
export function levelSizes(output: Size, level: QualityLevel): Readonly<{ output: Size; mask: Size; blur: Size }> {
  return {
    output,
    mask: fitWithin(output, level.maskMax),
    blur: {
      width: Math.max(1, Math.round(output.width * level.blurFraction)),
      height: Math.max(1, Math.round(output.height * level.blurFraction)),
    },
  };
}

/** Whether WebGL runs in software (SwiftShader, llvmpipe): then MediaPipe's GPU delegate is CPU work too. */
export function isSoftwareRenderer(rendererName: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(rendererName);
}

/** {@link isSoftwareRenderer} of a WebGL context's renderer (unknown, without the debug extension: taken as a GPU). */
export function softwareWebGl(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return isSoftwareRenderer(info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '');
}
