import { describe, expect, it } from 'vitest';
import { createMotionGate } from './motion-gate';

function thumb(values: readonly number[]): Uint8Array {
  const rgba = new Uint8Array(values.length * 4);
  values.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
  return rgba;
}

describe('motion gate (mask reuse)', () => {
  it('segments the first frame, then reuses the mask while nothing moves, at most maxReuse frames in a row', () => {
    const gate = createMotionGate({ threshold: 2, maxReuse: 2 });
    const still = thumb([10, 200, 30, 90]);
    expect([gate.reuse(still), gate.reuse(still), gate.reuse(still), gate.reuse(still)]).toEqual([false, true, true, false]);
  });

  it('segments as soon as the picture changes beyond the threshold', () => {
    const gate = createMotionGate({ threshold: 2, maxReuse: 10 });
    expect(gate.reuse(thumb([100, 100, 100, 100]))).toBe(false);
    expect(gate.reuse(thumb([101, 101, 100, 100]))).toBe(true);
    expect(gate.reuse(thumb([140, 100, 100, 100]))).toBe(false);
  });

  it('adds up slow motion against the last segmented frame', () => {
    const gate = createMotionGate({ threshold: 2.5, maxReuse: 10 });
    const decisions = [0, 1, 2, 3].map((step) => gate.reuse(thumb([100 + step, 100 + step])));
    // 1 and 2 away from the reference are below 2.5; 3 away is not.
    expect(decisions).toEqual([false, true, true, false]);
  });

  it('counts a skipped (predicted) frame toward maxReuse, so that the frame after the skipped ones is segmented', () => {
    const gate = createMotionGate({ threshold: 2, maxReuse: 2 });
    const still = thumb([10, 200, 30, 90]);
    expect(gate.reuse(still)).toBe(false);
    gate.skip();
    expect(gate.reuse(still)).toBe(true);
    expect(gate.reuse(still)).toBe(false);
    gate.skip();
    gate.skip();
    expect(gate.reuse(still)).toBe(false);
  });

  it('keeps the last segmented frame as the reference across skipped frames', () => {
    const gate = createMotionGate({ threshold: 2, maxReuse: 10 });
    expect(gate.reuse(thumb([100, 100]))).toBe(false);
    // The skipped frames moved on (to 104 and more); no thumbnail of theirs becomes the reference.
    gate.skip();
    gate.skip();
    // 101 is close to the segmented frame: reuse; 103 is not.
    expect(gate.reuse(thumb([101, 101]))).toBe(true);
    expect(gate.reuse(thumb([103, 103]))).toBe(false);
  });

  it('segments again after reset() and refuses a thumbnail that is not RGBA', () => {
    const gate = createMotionGate();
    gate.reuse(thumb([5]));
    gate.reset();
    expect(gate.reuse(thumb([5]))).toBe(false);
    expect(() => gate.reuse(new Uint8Array(3))).toThrow(RangeError);
  });
});
