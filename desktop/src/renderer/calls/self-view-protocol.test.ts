import { describe, expect, it } from 'vitest';
import { drawSize, nextDraw } from './self-view-protocol';

/** How many of `frames` arriving at `fpsIn` a second for `seconds` are drawn at a cap of `cap`. */
function drawnOf(fpsIn: number, seconds: number, cap: number, start = 0): number[] {
  const drawn: number[] = [];
  let due = -Infinity;
  for (let i = 0; i < fpsIn * seconds; i++) {
    const now = start + (i * 1000) / fpsIn;
    const turn = nextDraw(due, now, cap);
    if (turn === null) continue;
    due = turn;
    drawn.push(now);
  }
  return drawn;
}

describe('nextDraw', () => {
  it('draws about every other frame of a 30 fps camera at a cap of 15', () => {
    const drawn = drawnOf(30, 10, 15);
    expect(drawn.length).toBeGreaterThanOrEqual(145);
    expect(drawn.length).toBeLessThanOrEqual(151);
  });

  it('never goes over the cap in any second, whatever the camera gives', () => {
    for (const fpsIn of [24, 25, 29.97, 30, 60]) {
      const drawn = drawnOf(fpsIn, 10, 15);
      for (const t of drawn) expect(drawn.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(16);
      expect(drawn.length).toBeGreaterThanOrEqual(140);
    }
  });

  it('draws every frame of a camera slower than the cap', () => {
    expect(drawnOf(10, 5, 15)).toHaveLength(50);
  });

  it('draws the first frame after a pause at once', () => {
    const due = nextDraw(-Infinity, 0, 15)!;
    expect(nextDraw(due, 5_000, 15)).not.toBeNull();
    expect(nextDraw(due, 10, 15)).toBeNull();
  });
});

describe('drawSize', () => {
  it("draws as wide as the canvas is shown, keeping the frame's shape, never wider than the frame", () => {
    expect(drawSize(640, 480, 240)).toEqual({ width: 240, height: 180 });
    expect(drawSize(640, 480, 1000)).toEqual({ width: 640, height: 480 });
    expect(drawSize(1280, 720, 241)).toEqual({ width: 241, height: 136 });
  });
});
