/**
 * Mask feathering: a small separable gaussian over the person mask, then a smoothstep that turns the
 * soft model output into a crisp but anti-aliased edge. The GPU shaders take their weights and
 * edges from these functions; the array versions are the reference the shaders are checked against.
 */

/** How the mask edge is softened. */
export type FeatherParams = Readonly<{
  /** Taps either side of the centre of the gaussian (0 disables the blur). Default 2. */
  radius: number;
  /** Gaussian sigma in mask texels. Default 1.2. */
  sigma: number;
  /** Mask value at and below which a pixel is pure background. Default 0.3. */
  edgeLow: number;
  /** Mask value at and above which a pixel is pure person. Default 0.7. */
  edgeHigh: number;
}>;

export const DEFAULT_FEATHER: FeatherParams = Object.freeze({ radius: 2, sigma: 1.2, edgeLow: 0.3, edgeHigh: 0.7 });

/** Normalized 1-D gaussian weights, `2 * radius + 1` of them, centre in the middle. */
export function gaussianKernel(radius: number, sigma: number): Float32Array {
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be a non-negative integer, got ${radius}`);
  if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
  const weights = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    weights[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / sum;
  return weights;
}

/** A kernel folded so that each GPU tap reads two texels through bilinear filtering. */
export type LinearKernel = Readonly<{ offsets: readonly number[]; weights: readonly number[] }>;

/**
 * Folds a symmetric discrete kernel into bilinear taps: the centre tap stays, then each pair of
 * neighbours (i, i+1) becomes one tap at their weighted position. Halves the texture reads; for a
 * linearly filtered texture the result equals the discrete convolution.
 */
export function linearSampledKernel(kernel: Float32Array): LinearKernel {
  const radius = (kernel.length - 1) / 2;
  if (!Number.isInteger(radius)) throw new RangeError('kernel length must be odd');
  const offsets = [0];
  const weights = [kernel[radius]!];
  for (let i = 1; i <= radius; i += 2) {
    const w1 = kernel[radius + i]!;
    const w2 = i + 1 <= radius ? kernel[radius + i + 1]! : 0;
    const w = w1 + w2;
    offsets.push(w === 0 ? i : (i * w1 + (i + 1) * w2) / w);
    weights.push(w);
  }
  return { offsets, weights };
}

/** GLSL's smoothstep, same clamping. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/** Separable convolution with clamp-to-edge borders, as the GPU's CLAMP_TO_EDGE sampler does. */
export function blurSeparable(src: Float32Array, width: number, height: number, kernel: Float32Array): Float32Array {
  if (src.length !== width * height) throw new RangeError('mask size does not match width × height');
  return blurPass(blurPass(src, width, height, kernel, 'x'), width, height, kernel, 'y');
}

/** One direction of the blur, along rows (`x`) or columns (`y`), clamped at the edges. */
function blurPass(src: Float32Array, width: number, height: number, kernel: Float32Array, along: 'x' | 'y'): Float32Array {
  const radius = (kernel.length - 1) / 2;
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        const at =
          along === 'x'
            ? y * width + Math.min(width - 1, Math.max(0, x + k))
            : Math.min(height - 1, Math.max(0, y + k)) * width + x;
        acc += src[at]! * kernel[k + radius]!;
      }
      out[y * width + x] = acc;
    }
  }
  return out;
}

/** Reference of the whole feathering step: blur, then the smoothstep edge. Values in [0, 1]. */
export function featherMask(
  mask: Float32Array,
  width: number,
  height: number,
  params: FeatherParams = DEFAULT_FEATHER,
): Float32Array {
  const blurred = params.radius > 0 ? blurSeparable(mask, width, height, gaussianKernel(params.radius, params.sigma)) : mask;
  const out = new Float32Array(blurred.length);
  for (let i = 0; i < blurred.length; i++) out[i] = smoothstep(params.edgeLow, params.edgeHigh, blurred[i]!);
  return out;
}
