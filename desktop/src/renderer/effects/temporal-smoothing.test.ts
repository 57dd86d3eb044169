import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SMOOTHING, emaAlpha, smoothMask, smoothValue } from './temporal-smoothing';

describe('emaAlpha', () => {
  it('trusts a new frame little where the mask barely changed and a lot where it changed much', () => {
    expect(emaAlpha(0.02)).toBeCloseTo(DEFAULT_SMOOTHING.alphaStill, 10);
    expect(emaAlpha(0.9)).toBeCloseTo(DEFAULT_SMOOTHING.alphaMoving, 10);
    expect(emaAlpha(0.2)).toBeGreaterThan(DEFAULT_SMOOTHING.alphaStill);
    expect(emaAlpha(0.2)).toBeLessThan(DEFAULT_SMOOTHING.alphaMoving);
  });

  it('depends only on the size of the change, and grows with it', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 1, noNaN: true }), fc.float({ min: 0, max: 1, noNaN: true }), (a, b) => {
        expect(emaAlpha(-a)).toBe(emaAlpha(a));
        if (a <= b) expect(emaAlpha(a)).toBeLessThanOrEqual(emaAlpha(b));
      }),
    );
  });
});

describe('smoothValue', () => {
  it('lands between the previous and the current value', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 1, noNaN: true }), fc.float({ min: 0, max: 1, noNaN: true }), (previous, current) => {
        const v = smoothValue(previous, current);
        expect(v).toBeGreaterThanOrEqual(Math.min(previous, current) - 1e-6);
        expect(v).toBeLessThanOrEqual(Math.max(previous, current) + 1e-6);
      }),
    );
  });
});

describe('smoothMask', () => {
  it('takes the first mask as it is', () => {
    const current = Float32Array.from([0, 0.5, 1]);
    expect(Array.from(smoothMask(null, current))).toEqual([0, 0.5, 1]);
  });

  it('starts afresh when the mask size changed', () => {
    const current = Float32Array.from([0.2, 0.4]);
    expect(Array.from(smoothMask(Float32Array.from([1, 1, 1]), current))).toEqual(Array.from(current));
  });

  it('damps edge flicker: a pixel jittering by ±0.1 moves far less than that', () => {
    let mask: Float32Array | null = null;
    const outputs: number[] = [];
    for (let frame = 0; frame < 40; frame++) {
      mask = smoothMask(mask, Float32Array.of(frame % 2 === 0 ? 0.6 : 0.4));
      if (frame >= 20) outputs.push(mask[0]!);
    }
    const swing = Math.max(...outputs) - Math.min(...outputs);
    // A quarter of the input's swing (0.2) or less.
    expect(swing).toBeLessThan(0.05);
  });

  it('follows a real movement within three frames, so no ghost trails behind the child', () => {
    let mask = smoothMask(null, Float32Array.of(0));
    for (let frame = 0; frame < 3; frame++) mask = smoothMask(mask, Float32Array.of(1));
    expect(mask[0]!).toBeGreaterThan(0.95);
  });
});
