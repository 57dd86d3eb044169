/**
 * Temporal smoothing of the person mask: an exponential moving average whose weight depends on how
 * much a pixel changed. Small changes (model noise, the edge flickering between frames) are damped
 * hard; large changes (the child moved) pass quickly so that no ghost trails behind.
 */

/** How strongly the mask is smoothed over time. */
export type SmoothingParams = Readonly<{
  /** Weight of the new frame where the mask barely changed. Default 0.15. */
  alphaStill: number;
  /** Weight of the new frame where the mask changed a lot. Default 0.95. */
  alphaMoving: number;
  /** Change at and below which a pixel counts as still. Default 0.04. */
  motionLow: number;
  /** Change at and above which a pixel counts as moving. Default 0.35. */
  motionHigh: number;
}>;

export const DEFAULT_SMOOTHING: SmoothingParams = Object.freeze({
  alphaStill: 0.15,
  alphaMoving: 0.95,
  motionLow: 0.04,
  motionHigh: 0.35,
});

/** Weight given to the new value for a change of `delta` (absolute difference, 0…1). */
export function emaAlpha(delta: number, params: SmoothingParams = DEFAULT_SMOOTHING): number {
  const t = Math.min(1, Math.max(0, (Math.abs(delta) - params.motionLow) / (params.motionHigh - params.motionLow)));
  const s = t * t * (3 - 2 * t);
  return params.alphaStill + (params.alphaMoving - params.alphaStill) * s;
}

/** One pixel's smoothed value. */
export function smoothValue(previous: number, current: number, params: SmoothingParams = DEFAULT_SMOOTHING): number {
  return previous + emaAlpha(current - previous, params) * (current - previous);
}

/**
 * Reference of the GPU smoothing pass over a whole mask. Without a previous mask (first frame, or
 * after a size change) the current mask is taken as is.
 */
export function smoothMask(
  previous: Float32Array | null,
  current: Float32Array,
  params: SmoothingParams = DEFAULT_SMOOTHING,
): Float32Array {
  if (previous === null || previous.length !== current.length) return Float32Array.from(current);
  const out = new Float32Array(current.length);
  for (let i = 0; i < current.length; i++) out[i] = smoothValue(previous[i]!, current[i]!, params);
  return out;
}
