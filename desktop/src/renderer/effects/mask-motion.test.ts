import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMaskPredictor, maskCentroid, shiftMask } from './mask-motion';

/** A w × h mask with a filled rectangle (value 255) at [x0, x1) × [y0, y1). */
function box(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = 255;
  return m;
}

describe('mask centre of mass', () => {
  it('is the middle of the person, and null for an empty mask', () => {
    expect(maskCentroid(box(10, 8, 2, 1, 6, 5), 10, 8)).toEqual({ x: 3.5, y: 2.5 });
    expect(maskCentroid(new Uint8Array(80), 10, 8)).toBeNull();
  });
});

describe('shifting a mask', () => {
  it('moves it by whole texels, clamping at the edges as the sampler does', () => {
    const out = shiftMask(box(10, 8, 2, 1, 6, 5), 10, 8, 3, 2, new Uint8Array(80));
    expect(Array.from(out)).toEqual(Array.from(box(10, 8, 5, 3, 9, 7)));
  });

  it('interpolates sub-texel shifts, and a shift there and back by whole texels gives the mask again', () => {
    const half = shiftMask(box(6, 1, 2, 0, 4, 1), 6, 1, 0.5, 0, new Uint8Array(6));
    expect(Array.from(half)).toEqual([0, 0, 128, 255, 128, 0]);
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }), (dx, dy) => {
        const src = box(12, 10, 4, 3, 8, 7);
        const there = shiftMask(src, 12, 10, dx, dy, new Uint8Array(120));
        const back = shiftMask(there, 12, 10, -dx, -dy, new Uint8Array(120));
        expect(Array.from(back)).toEqual(Array.from(src));
      }),
    );
  });

  it('refuses a mask whose length does not match its size', () => {
    expect(() => shiftMask(new Uint8Array(5), 2, 2, 0, 0, new Uint8Array(5))).toThrow(RangeError);
  });
});

describe('mask prediction between segmented frames', () => {
  const [w, h] = [40, 20];
  const at = (x: number): Uint8Array => box(w, h, x, 5, x + 8, 15);

  it('moves the last mask on at the steady speed it saw, for at most maxAhead frames', () => {
    const predictor = createMaskPredictor({ steadiness: 0.5, maxAhead: 2 });
    // 2 texels a frame, segmented every frame, then every other frame.
    predictor.observe(1, at(2), w, h);
    predictor.observe(2, at(4), w, h);
    predictor.observe(4, at(8), w, h);
    expect(Array.from(predictor.predict(5)?.data ?? [])).toEqual(Array.from(at(10)));
    expect(Array.from(predictor.predict(6)?.data ?? [])).toEqual(Array.from(at(12)));
    expect(predictor.predict(7)).toBeNull();
  });

  it('predicts nothing before it has seen the speed twice, nor where the speed changed', () => {
    const predictor = createMaskPredictor({ steadiness: 0.5, maxAhead: 2 });
    predictor.observe(1, at(2), w, h);
    expect(predictor.predict(2)).toBeNull();
    predictor.observe(2, at(4), w, h);
    expect(predictor.predict(3)).toBeNull();
    predictor.observe(3, at(6), w, h);
    expect(predictor.predict(4)).not.toBeNull();
    // From 2 texels a frame to 6: not steady.
    predictor.observe(4, at(12), w, h);
    expect(predictor.predict(5)).toBeNull();
  });

  it('forgets the motion on reset() and when the mask size changes', () => {
    const predictor = createMaskPredictor({ steadiness: 0.5, maxAhead: 2 });
    for (let f = 1; f <= 3; f++) predictor.observe(f, at(2 * f), w, h);
    predictor.reset();
    expect(predictor.predict(4)).toBeNull();
    for (let f = 1; f <= 3; f++) predictor.observe(f, at(2 * f), w, h);
    predictor.observe(4, box(20, 10, 2, 2, 6, 6), 20, 10);
    expect(predictor.predict(5)).toBeNull();
  });
});
