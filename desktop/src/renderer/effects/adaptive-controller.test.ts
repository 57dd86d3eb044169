import { describe, expect, it } from 'vitest';
import { createAdaptiveController, percentile, type AdaptiveDecision } from './adaptive-controller';

const BUDGET = 1000 / 30;

function feed(controller: ReturnType<typeof createAdaptiveController>, frameMs: number, count: number): AdaptiveDecision[] {
  const decisions: AdaptiveDecision[] = [];
  for (let i = 0; i < count; i++) {
    const d = controller.record(frameMs);
    if (d.kind !== 'keep') decisions.push(d);
  }
  return decisions;
}

describe('percentile', () => {
  it('picks by nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.8)).toBe(4);
    expect(percentile([5, 1, 4, 2, 3], 1)).toBe(5);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('adaptive controller', () => {
  it('keeps the best level while frames fit the budget with room to spare', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3 });
    expect(feed(c, 15, 300)).toEqual([]);
    expect(c.level).toBe(0);
  });

  it('steps down after a window whose slow frames eat most of the budget, before frames are dropped', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3, windowFrames: 30, settleFrames: 10 });
    // 28 ms: still under the 33 ms budget, but over 80 % of it.
    const decisions = feed(c, 28, 40);
    expect(decisions).toEqual([{ kind: 'step-down', level: 1 }]);
    expect(c.level).toBe(1);
  });

  it('ignores the first frames after a change, while caches warm up', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3, windowFrames: 30, settleFrames: 10 });
    feed(c, 1000, 10);
    expect(c.level).toBe(0);
    expect(feed(c, 10, 30)).toEqual([]);
  });

  it('reacts at once to a burst of very slow frames instead of waiting for the window', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3, settleFrames: 0, spikeFrames: 4 });
    feed(c, 10, 5);
    const decisions = feed(c, 3 * BUDGET, 4);
    expect(decisions).toEqual([{ kind: 'step-down', level: 1 }]);
  });

  it('turns the effect off below the cheapest level, then stays quiet', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 2, windowFrames: 10, settleFrames: 0 });
    expect(feed(c, 40, 10)).toEqual([{ kind: 'step-down', level: 1 }]);
    expect(feed(c, 40, 10)).toEqual([{ kind: 'turn-off' }]);
    expect(c.level).toBeNull();
    expect(feed(c, 40, 100)).toEqual([]);
  });

  it('steps back up after a long calm, and waits twice as long for a level that already failed', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3, windowFrames: 10, settleFrames: 0, upshiftWindows: 2 });
    feed(c, 40, 10);
    expect(c.level).toBe(1);
    // Level 0 failed once: 2 × 2 calm windows needed.
    expect(feed(c, 5, 30)).toEqual([]);
    expect(feed(c, 5, 10)).toEqual([{ kind: 'step-up', level: 0 }]);
    // It fails again: now 2 × 4 windows.
    feed(c, 40, 10);
    expect(c.level).toBe(1);
    expect(feed(c, 5, 70)).toEqual([]);
    expect(feed(c, 5, 10)).toEqual([{ kind: 'step-up', level: 0 }]);
  });

  it('does not step up from a window that is merely fine', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 3, windowFrames: 10, settleFrames: 0, upshiftWindows: 1 });
    feed(c, 40, 10);
    // 20 ms is within budget but not calm (over 45 %).
    expect(feed(c, 20, 200)).toEqual([]);
    expect(c.level).toBe(1);
  });

  it('starts afresh at a given level when the child turns the effect on again', () => {
    const c = createAdaptiveController({ budgetMs: BUDGET, levelCount: 2, windowFrames: 10, settleFrames: 0 });
    feed(c, 100, 20);
    expect(c.level).toBeNull();
    c.reset(1);
    expect(c.level).toBe(1);
    expect(feed(c, 10, 20)).toEqual([]);
  });

  it('refuses an empty ladder', () => {
    expect(() => createAdaptiveController({ budgetMs: BUDGET, levelCount: 0 })).toThrow(RangeError);
  });
});
