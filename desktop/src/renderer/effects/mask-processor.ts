/**
 * Smoothing and feathering of a mask that is already on the CPU (MediaPipe's CPU delegate), in
 * place, without allocating per frame. Same math as smoothMask() and the blur of featherMask(); the
 * smoothstep edge stays in the compositor's shader, after upsampling. On software-rendered WebGL
 * these few hundred thousand operations cost less than three GPU passes.
 */
import { DEFAULT_FEATHER, gaussianKernel, type FeatherParams } from './feathering';
import { DEFAULT_SMOOTHING, type SmoothingParams } from './temporal-smoothing';

export type MaskProcessor = {
  /** Smooths `current` against the previous frames and blurs it; returns 8-bit values (reused buffer). */
  process(current: Float32Array, width: number, height: number): Uint8Array;
  /** Forgets the previous frames. */
  reset(): void;
};

export function createMaskProcessor(
  feather: FeatherParams = DEFAULT_FEATHER,
  smoothing: SmoothingParams = DEFAULT_SMOOTHING,
): MaskProcessor {
  const kernel = feather.radius > 0 ? gaussianKernel(feather.radius, feather.sigma) : Float32Array.of(1);
  const radius = (kernel.length - 1) / 2;
  const { alphaStill, alphaMoving, motionLow, motionHigh } = smoothing;
  const span = motionHigh - motionLow;
  let previous: Float32Array | null = null;
  let tmp = new Float32Array(0);
  let out = new Uint8Array(0);

  return {
    reset(): void {
      previous = null;
    },
    process(current: Float32Array, width: number, height: number): Uint8Array {
      const n = width * height;
      if (current.length !== n) throw new RangeError('mask size does not match width × height');
      if (!previous || previous.length !== n) {
        previous = Float32Array.from(current);
        tmp = new Float32Array(n);
        out = new Uint8Array(n);
      } else {
        const prev = previous;
        for (let i = 0; i < n; i++) {
          const p = prev[i]!;
          const d = current[i]! - p;
          let t = ((d < 0 ? -d : d) - motionLow) / span;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          prev[i] = p + (alphaStill + (alphaMoving - alphaStill) * t * t * (3 - 2 * t)) * d;
        }
      }
      const src = previous;
      // Horizontal, then vertical, clamping at the borders as the GPU sampler does; the inner
      // pixels (all taps inside) without the clamps, which is most of the time spent.
      const r = radius;
      for (let y = 0; y < height; y++) {
        const row = y * width;
        for (let x = 0; x < width; x++) {
          let acc = 0;
          if (x >= r && x < width - r) {
            for (let k = 0; k < kernel.length; k++) acc += src[row + x - r + k]! * kernel[k]!;
          } else {
            for (let k = -r; k <= r; k++) {
              const sx = x + k < 0 ? 0 : x + k >= width ? width - 1 : x + k;
              acc += src[row + sx]! * kernel[k + r]!;
            }
          }
          tmp[row + x] = acc;
        }
      }
      for (let y = 0; y < height; y++) {
        const inner = y >= r && y < height - r;
        for (let x = 0; x < width; x++) {
          let acc = 0;
          if (inner) {
            for (let k = 0; k < kernel.length; k++) acc += tmp[(y - r + k) * width + x]! * kernel[k]!;
          } else {
            for (let k = -r; k <= r; k++) {
              const sy = y + k < 0 ? 0 : y + k >= height ? height - 1 : y + k;
              acc += tmp[sy * width + x]! * kernel[k + r]!;
            }
          }
          out[y * width + x] = acc * 255 + 0.5;
        }
      }
      return out;
    },
  };
}
