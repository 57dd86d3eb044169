import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blurSeparable, gaussianKernel, DEFAULT_FEATHER } from './feathering';
import { createMaskProcessor } from './mask-processor';
import { smoothMask } from './temporal-smoothing';

describe('mask processor (CPU masks)', () => {
  it('computes what smoothMask then the feathering blur compute, frame after frame, to 8 bits', () => {
    const [w, h] = [9, 7];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: w * h, maxLength: w * h }), {
          minLength: 1,
          maxLength: 5,
        }),
        (frames) => {
          const processor = createMaskProcessor();
          let reference: Float32Array | null = null;
          for (const frame of frames) {
            const current = Float32Array.from(frame);
            const got = processor.process(current, w, h);
            reference = smoothMask(reference, current);
            const expected = blurSeparable(reference, w, h, gaussianKernel(DEFAULT_FEATHER.radius, DEFAULT_FEATHER.sigma));
            for (let i = 0; i < expected.length; i++)
              expect(Math.abs(got[i]! - expected[i]! * 255)).toBeLessThanOrEqual(0.5 + 1e-3);
          }
        },
      ),
    );
  });

  it('starts afresh after reset() and when the size changes', () => {
    const processor = createMaskProcessor();
    processor.process(new Float32Array(4).fill(1), 2, 2);
    processor.reset();
    expect(Array.from(processor.process(new Float32Array(4), 2, 2))).toEqual([0, 0, 0, 0]);
    processor.process(new Float32Array(4).fill(1), 2, 2);
    expect(Array.from(processor.process(new Float32Array(6), 3, 2))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses a mask whose length does not match its size', () => {
    expect(() => createMaskProcessor().process(new Float32Array(5), 2, 2)).toThrow(RangeError);
  });
});
