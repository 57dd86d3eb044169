import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverFit, coverFitSourcePoint, fitWithin } from './cover-fit';

describe('coverFit', () => {
  it('shows the whole picture when the aspect ratios match', () => {
    expect(coverFit({ width: 1280, height: 960 }, { width: 640, height: 480 })).toEqual({
      scaleU: 1,
      scaleV: 1,
      offsetU: 0,
      offsetV: 0,
    });
  });

  it('crops the sides of a wide picture on a 4:3 output, keeping the middle', () => {
    const fit = coverFit({ width: 1280, height: 720 }, { width: 640, height: 480 });
    expect(fit.scaleV).toBe(1);
    expect(fit.scaleU).toBeCloseTo(0.75, 10);
    expect(fit.offsetU).toBeCloseTo(0.125, 10);
    expect(fit.offsetV).toBe(0);
  });

  it('crops top and bottom of a tall picture', () => {
    const fit = coverFit({ width: 600, height: 1200 }, { width: 640, height: 480 });
    expect(fit.scaleU).toBe(1);
    expect(fit.scaleV).toBeCloseTo(0.375, 10);
    expect(fit.offsetV).toBeCloseTo(0.3125, 10);
  });

  it('never distorts, never leaves the picture, and stays centred', () => {
    const size = fc.record({ width: fc.integer({ min: 1, max: 5000 }), height: fc.integer({ min: 1, max: 5000 }) });
    fc.assert(
      fc.property(size, size, (source, target) => {
        const fit = coverFit(source, target);
        // The part of the picture shown has the output's aspect ratio.
        const shownW = fit.scaleU * source.width;
        const shownH = fit.scaleV * source.height;
        expect(shownW / shownH).toBeCloseTo(target.width / target.height, 6);
        expect(Math.max(fit.scaleU, fit.scaleV)).toBeCloseTo(1, 10);
        expect(fit.offsetU).toBeGreaterThanOrEqual(0);
        expect(fit.offsetV).toBeGreaterThanOrEqual(0);
        expect(fit.offsetU * 2 + fit.scaleU).toBeCloseTo(1, 10);
        expect(fit.offsetV * 2 + fit.scaleV).toBeCloseTo(1, 10);
      }),
    );
  });

  it('refuses empty sizes', () => {
    expect(() => coverFit({ width: 0, height: 10 }, { width: 10, height: 10 })).toThrow(RangeError);
  });
});

describe('coverFitSourcePoint', () => {
  it('maps the output centre to the picture centre and output columns to picture columns', () => {
    const source = { width: 1280, height: 720 };
    const target = { width: 640, height: 480 };
    const fit = coverFit(source, target);
    const centre = coverFitSourcePoint(fit, source, target, 319.5, 239.5);
    expect(centre.x).toBeCloseTo(639.5, 6);
    expect(centre.y).toBeCloseTo(359.5, 6);
    // 1.5 picture pixels per output pixel, 160 picture pixels cropped on the left.
    expect(coverFitSourcePoint(fit, source, target, 0, 0).x).toBeCloseTo(160 + 0.75 - 0.5, 6);
  });
});

describe('fitWithin', () => {
  it('shrinks keeping the aspect ratio and never enlarges', () => {
    expect(fitWithin({ width: 640, height: 480 }, { width: 256, height: 256 })).toEqual({ width: 256, height: 192 });
    expect(fitWithin({ width: 1280, height: 720 }, { width: 256, height: 192 })).toEqual({ width: 256, height: 144 });
    expect(fitWithin({ width: 100, height: 50 }, { width: 256, height: 256 })).toEqual({ width: 100, height: 50 });
  });
});
