/**
 * Deciding whether a frame needs a fresh mask: the frame shrunk to a thumbnail (luma), compared
 * with the thumbnail of the last frame that was segmented. Little change and a recent mask: the
 * previous mask still fits and the segmenter can rest. Compared against the last *segmented*
 * frame, not the previous one, so that slow motion adds up and cannot slip through frame by frame.
 */

export type MotionGateParams = Readonly<{
  /** Mean absolute luma change (0…255) below which the mask is reused. */
  threshold: number;
  /** Frames in a row that may reuse one mask. */
  maxReuse: number;
}>;

export const DEFAULT_MOTION_GATE: MotionGateParams = Object.freeze({ threshold: 3, maxReuse: 2 });

export type MotionGate = {
  /**
   * `rgba`: the current thumbnail's pixels. True when the previous mask may be reused; false when
   * the frame must be segmented (the gate then remembers this thumbnail as the reference).
   */
  reuse(rgba: Uint8ClampedArray | Uint8Array): boolean;
  /**
   * A frame that is not segmented for another reason (its mask predicted, see mask-motion.ts),
   * looked at without a thumbnail: it counts toward `maxReuse` like a reused one, and the
   * reference stays the last segmented frame.
   */
  skip(): void;
  /** Forgets the reference (no mask to reuse). */
  reset(): void;
};

export function createMotionGate(params: MotionGateParams = DEFAULT_MOTION_GATE): MotionGate {
  let reference: Float32Array | null = null;
  let reused = 0;
  return {
    reuse(rgba: Uint8ClampedArray | Uint8Array): boolean {
      if (rgba.length % 4 !== 0 || rgba.length === 0) throw new RangeError('thumbnail must be non-empty RGBA');
      const n = rgba.length / 4;
      const luma = new Float32Array(n);
      for (let i = 0; i < n; i++) luma[i] = 0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!;
      if (reference && reference.length === n && reused < params.maxReuse) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += Math.abs(luma[i]! - reference[i]!);
        if (sum / n < params.threshold) {
          reused += 1;
          return true;
        }
      }
      reference = luma;
      reused = 0;
      return false;
    },
    skip(): void {
      reused += 1;
    },
    reset(): void {
      reference = null;
      reused = 0;
    },
  };
}
