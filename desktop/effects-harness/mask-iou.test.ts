import { describe, expect, it } from 'vitest';
import { iou, percentile, thresholdUpscaled } from './mask-iou';

describe('mask IoU (the bench figure)', () => {
  it('upscales bilinearly and thresholds at half of "certainly person"', () => {
    // Left column person (255), right column not: the cut falls in the middle of the output.
    const up = thresholdUpscaled({ data: [255, 0, 255, 0], width: 2, height: 2, one: 255 }, { width: 8, height: 2 });
    expect(Array.from(up)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    const floats = thresholdUpscaled({ data: [0.4, 0.6], width: 2, height: 1, one: 1 }, { width: 2, height: 1 });
    expect(Array.from(floats)).toEqual([0, 1]);
  });

  it('counts intersection over union; two empty masks agree fully', () => {
    expect(iou(Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 1, 0))).toBeCloseTo(1 / 3);
    expect(iou(Uint8Array.of(0, 0), Uint8Array.of(0, 0))).toBe(1);
    expect(() => iou(Uint8Array.of(1), Uint8Array.of(1, 0))).toThrow(RangeError);
    expect(() => thresholdUpscaled({ data: [1, 0, 1], width: 2, height: 2, one: 1 }, { width: 4, height: 4 })).toThrow(
      RangeError,
    );
  });

  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
    expect(percentile(values, 5)).toBe(0.05);
    expect(percentile([0.9, 0.2, 0.5], 50)).toBe(0.5);
    expect(percentile([], 5)).toBeNaN();
  });
});
