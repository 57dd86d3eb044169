/** Comparing person masks of different sizes: upscaled (bilinear) to one size, thresholded, IoU. */
import type { Size } from '../src/renderer/effects/cover-fit';

export type MaskData = Readonly<{
  data: ArrayLike<number>;
  width: number;
  height: number;
  /** Value of "certainly person". */ one: number;
}>;

/** `mask` bilinearly upscaled to `to` (pixel centres, clamped at the borders), 1 where ≥ 0.5. */
export function thresholdUpscaled(mask: MaskData, to: Size): Uint8Array {
  const { data, width, height, one } = mask;
  if (data.length !== width * height) throw new RangeError('mask size does not match width × height');
  const out = new Uint8Array(to.width * to.height);
  const cut = 0.5 * one;
  for (let y = 0; y < to.height; y++) {
    const sy = Math.min(Math.max(((y + 0.5) * height) / to.height - 0.5, 0), height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sy - y0;
    for (let x = 0; x < to.width; x++) {
      const sx = Math.min(Math.max(((x + 0.5) * width) / to.width - 0.5, 0), width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sx - x0;
      const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx;
      const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx;
      out[y * to.width + x] = top * (1 - fy) + bottom * fy >= cut ? 1 : 0;
    }
  }
  return out;
}

/** Intersection over union of two binary masks of one size; 1 when both are empty. */
export function iou(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError('masks differ in size');
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += a[i]! & b[i]!;
    either += a[i]! | b[i]!;
  }
  return either === 0 ? 1 : both / either;
}

/** The `p`-th percentile (0…100, nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
