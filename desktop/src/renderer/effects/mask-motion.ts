/**
 * The mask of a frame that is not segmented, predicted from the segmented ones: the last mask moved
 * on by the person's own motion (the shift of the mask's centre of mass between the last two
 * segmented frames, per frame), as a video codec predicts a block from its motion vector. Only the
 * translation: a turn or a wave of the arm shows up at the next segmented frame.
 */

export type Point = Readonly<{ x: number; y: number }>;

/** Centre of mass of a mask (values weigh), in texels; `null` for an empty mask. */
export function maskCentroid(data: Uint8Array, width: number, height: number): Point | null {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let rowSum = 0;
    for (let x = 0; x < width; x++) {
      const v = data[row + x]! >= 128 ? 1 : 0;
      rowSum += v;
      sx += v * x;
    }
    sum += rowSum;
    sy += rowSum * y;
  }
  return sum === 0 ? null : { x: sx / sum, y: sy / sum };
}

/**
 * `src` moved by (`dx`, `dy`) texels into `out`, bilinearly (sub-texel shifts), edges clamped as
 * the GPU sampler does. `out[x, y] = src[x - dx, y - dy]`.
 */
export function shiftMask(src: Uint8Array, width: number, height: number, dx: number, dy: number, out: Uint8Array): Uint8Array {
  if (src.length !== width * height || out.length !== src.length) throw new RangeError('mask size does not match width × height');
  const ix = Math.floor(dx);
  const iy = Math.floor(dy);
  const fx = dx - ix;
  const fy = dy - iy;
  // Weights of the four source texels around (x - dx, y - dy): x - ix - 1 and x - ix, same in y.
  const w00 = fx * fy;
  const w01 = (1 - fx) * fy;
  const w10 = fx * (1 - fy);
  const w11 = (1 - fx) * (1 - fy);
  const clampX = (x: number): number => (x < 0 ? 0 : x >= width ? width - 1 : x);
  for (let y = 0; y < height; y++) {
    const sy0 = y - iy - 1;
    const r0 = (sy0 < 0 ? 0 : sy0 >= height ? height - 1 : sy0) * width;
    const sy1 = y - iy;
    const r1 = (sy1 < 0 ? 0 : sy1 >= height ? height - 1 : sy1) * width;
    for (let x = 0; x < width; x++) {
      const x0 = clampX(x - ix - 1);
      const x1 = clampX(x - ix);
      out[y * width + x] = w00 * src[r0 + x0]! + w01 * src[r0 + x1]! + w10 * src[r1 + x0]! + w11 * src[r1 + x1]! + 0.5;
    }
  }
  return out;
}

export type PredictorParams = Readonly<{
  /**
   * Largest change of the person's velocity between the last two pairs of segmented frames, in
   * mask texels per frame, at which the motion counts as steady enough to predict. Default 1.
   */
  steadiness: number;
  /** Frames in a row that may be predicted after a segmented one. Default 2. */
  maxAhead: number;
}>;

export const DEFAULT_PREDICTOR: PredictorParams = Object.freeze({ steadiness: 1, maxAhead: 2 });

export type MaskPredictor = {
  /** Frame number `frame`'s segmented mask (kept by reference: pass a buffer that is not reused). */
  observe(frame: number, data: Uint8Array, width: number, height: number): void;
  /**
   * The mask predicted for frame number `frame`, or `null` where the motion is not steady enough
   * (or too many frames were predicted since the last segmented one): segment that frame.
   */
  predict(frame: number): Readonly<{ data: Uint8Array; width: number; height: number }> | null;
  reset(): void;
};

type Observed = Readonly<{ frame: number; data: Uint8Array; width: number; height: number; centre: Point | null }>;

export function createMaskPredictor(params: PredictorParams = DEFAULT_PREDICTOR): MaskPredictor {
  let last: Observed | null = null;
  let velocity: Point | null = null;
  let steady = false;
  let out = new Uint8Array(0);
  return {
    observe(frame: number, data: Uint8Array, width: number, height: number): void {
      const centre = maskCentroid(data, width, height);
      const gap = last ? frame - last.frame : 0;
      const next =
        last?.centre && centre && last.width === width && last.height === height && gap > 0
          ? { x: (centre.x - last.centre.x) / gap, y: (centre.y - last.centre.y) / gap }
          : null;
      steady = next !== null && velocity !== null && Math.hypot(next.x - velocity.x, next.y - velocity.y) <= params.steadiness;
      velocity = next;
      last = { frame, data, width, height, centre };
    },
    predict(frame: number): Readonly<{ data: Uint8Array; width: number; height: number }> | null {
      if (!last || !velocity || !steady) return null;
      const ahead = frame - last.frame;
      if (ahead < 1 || ahead > params.maxAhead) return null;
      const { data, width, height } = last;
      if (out.length !== data.length) out = new Uint8Array(data.length);
      return { data: shiftMask(data, width, height, velocity.x * ahead, velocity.y * ahead, out), width, height };
    },
    reset(): void {
      last = null;
      velocity = null;
      steady = false;
    },
  };
}
