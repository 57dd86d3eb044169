import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blurSeparable, featherMask, gaussianKernel, linearSampledKernel, smoothstep, DEFAULT_FEATHER } from './feathering';

/** A 1-D signal read at a fractional position with linear interpolation and clamped ends (a GPU sampler). */
function sampleLinear(signal: readonly number[], x: number): number {
  const clamped = Math.min(signal.length - 1, Math.max(0, x));
  const i = Math.floor(clamped);
  const f = clamped - i;
  return signal[i]! * (1 - f) + signal[Math.min(signal.length - 1, i + 1)]! * f;
}

describe('gaussianKernel', () => {
  it('gives normalized, symmetric weights that peak in the middle', () => {
    const k = gaussianKernel(4, 2);
    expect(k).toHaveLength(9);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    for (let i = 0; i < 4; i++) {
      expect(k[i]).toBeCloseTo(k[8 - i]!, 7);
      expect(k[i]!).toBeLessThan(k[i + 1]!);
    }
  });

  it('refuses a negative or fractional radius and a non-positive sigma', () => {
    expect(() => gaussianKernel(-1, 1)).toThrow(RangeError);
    expect(() => gaussianKernel(1.5, 1)).toThrow(RangeError);
    expect(() => gaussianKernel(2, 0)).toThrow(RangeError);
  });
});

describe('linearSampledKernel', () => {
  it('halves the taps and still equals the discrete convolution on a linearly filtered texture', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (signal, radius) => {
          const kernel = gaussianKernel(radius, radius / 2 + 0.5);
          const folded = linearSampledKernel(kernel);
          expect(folded.offsets.length).toBe(1 + Math.ceil(radius / 2));
          // Side taps are read on both sides.
          expect(folded.weights.reduce((a, b) => a + 2 * b, -folded.weights[0]!)).toBeCloseTo(1, 5);
          for (let x = radius + 1; x < signal.length - radius - 1; x++) {
            let discrete = 0;
            for (let k = -radius; k <= radius; k++) discrete += signal[x + k]! * kernel[k + radius]!;
            let gpu = signal[x]! * folded.weights[0]!;
            for (let t = 1; t < folded.offsets.length; t++) {
              gpu +=
                (sampleLinear(signal, x + folded.offsets[t]!) + sampleLinear(signal, x - folded.offsets[t]!)) *
                folded.weights[t]!;
            }
            expect(gpu).toBeCloseTo(discrete, 5);
          }
        },
      ),
    );
  });
});

describe('smoothstep', () => {
  it('clamps outside the edges and is 0.5 half way, as GLSL defines it', () => {
    expect(smoothstep(0.3, 0.7, 0)).toBe(0);
    expect(smoothstep(0.3, 0.7, 0.3)).toBe(0);
    expect(smoothstep(0.3, 0.7, 0.5)).toBeCloseTo(0.5, 10);
    expect(smoothstep(0.3, 0.7, 0.7)).toBe(1);
    expect(smoothstep(0.3, 0.7, 2)).toBe(1);
  });
});

describe('blurSeparable', () => {
  it('leaves a uniform mask unchanged, borders included', () => {
    const mask = new Float32Array(12 * 8).fill(0.6);
    const out = blurSeparable(mask, 12, 8, gaussianKernel(3, 1.5));
    for (const v of out) expect(v).toBeCloseTo(0.6, 5);
  });

  it('refuses a mask whose length does not match its size', () => {
    expect(() => blurSeparable(new Float32Array(10), 4, 4, gaussianKernel(1, 1))).toThrow(RangeError);
  });
});

describe('featherMask', () => {
  const width = 32;
  const height = 16;
  // Person on the right half: a hard vertical edge between x = 15 and x = 16.
  const edge = Float32Array.from({ length: width * height }, (_, i) => (i % width >= 16 ? 1 : 0));

  it('turns a hard edge into a short monotonic ramp, keeping background 0 and person 1 away from it', () => {
    const out = featherMask(edge, width, height);
    const row = Array.from(out.subarray(8 * width, 9 * width));
    expect(row[0]).toBe(0);
    expect(row[width - 1]).toBe(1);
    for (let x = 1; x < width; x++) expect(row[x]!).toBeGreaterThanOrEqual(row[x - 1]!);
    const soft = row.filter((v) => v > 0 && v < 1);
    expect(soft.length).toBeGreaterThan(0);
    expect(soft.length).toBeLessThanOrEqual(2 * DEFAULT_FEATHER.radius);
  });

  it('removes an isolated speck of "person" in the background', () => {
    const speck = new Float32Array(width * height);
    speck[8 * width + 5] = 1;
    const out = featherMask(speck, width, height);
    expect(Math.max(...out)).toBe(0);
  });

  it('keeps every value between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }), (values) => {
        const out = featherMask(Float32Array.from(values), 8, 8);
        for (const v of out) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
