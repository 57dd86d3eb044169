import { describe, expect, it } from 'vitest';
import { createFrameStats, median } from './frame-stats';

describe('frame stats', () => {
  it('medians', () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts output frames per second over the recent window only', () => {
    const stats = createFrameStats(60, 2000);
    for (let i = 0; i <= 30; i++) stats.record(i * 100, 5, 3); // 10 fps for 3 s
    for (let i = 1; i <= 60; i++) stats.record(3000 + i * 25, 5, null); // then 40 fps for 1.5 s
    expect(stats.fps(4500)).toBeGreaterThan(25);
    expect(stats.fps(4500)).toBeLessThan(40);
    expect(stats.framesProcessed).toBe(91);
    expect(stats.segmentMs()).toBe(3);
  });
});
