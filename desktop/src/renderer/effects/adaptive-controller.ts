/**
 * Decides, from the pipeline's own frame times, when to make the effect cheaper before the call
 * stutters. Levels form a ladder from best (0) to cheapest (`levelCount - 1`); below the cheapest
 * the effect turns off. The controller only decides; the engine applies and tells the child.
 */

export type AdaptiveOptions = Readonly<{
  /** Time one frame may take, in ms (1000 / camera frame rate). */
  budgetMs: number;
  /** Number of quality levels on the ladder (at least 1). */
  levelCount: number;
  /** Frames per measurement window. Default 30 (about a second). */
  windowFrames?: number;
  /** Percentile of a window that stands for its load. Default 0.8. */
  loadPercentile?: number;
  /** Step down when the load exceeds this fraction of the budget. Default 0.8. */
  downshiftAt?: number;
  /** A window counts as calm when its load is under this fraction of the budget. Default 0.45. */
  upshiftAt?: number;
  /** Calm windows in a row before stepping up; doubles each time that level proved too slow. Default 5. */
  upshiftWindows?: number;
  /** Frames ignored after a change while caches and shaders warm up. Default 10. */
  settleFrames?: number;
  /** Frames over twice the budget, within one window, that trigger a step down at once. Default 4. */
  spikeFrames?: number;
}>;

export type AdaptiveDecision =
  | Readonly<{ kind: 'keep' }>
  | Readonly<{ kind: 'step-down'; level: number }>
  | Readonly<{ kind: 'step-up'; level: number }>
  | Readonly<{ kind: 'turn-off' }>;

export type AdaptiveController = {
  /** Feeds one frame's processing time; returns what to do now. */
  record(frameMs: number): AdaptiveDecision;
  /** Current ladder level, or `null` once turned off. */
  readonly level: number | null;
  /** Starts measuring afresh at `level` (after the child picks an effect again). */
  reset(level: number): void;
};

const KEEP: AdaptiveDecision = Object.freeze({ kind: 'keep' });

/** The `p`-quantile (0…1) of `values` by nearest rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export function createAdaptiveController(options: AdaptiveOptions): AdaptiveController {
  const windowFrames = options.windowFrames ?? 30;
  const loadPercentile = options.loadPercentile ?? 0.8;
  const downshiftMs = options.budgetMs * (options.downshiftAt ?? 0.8);
  const upshiftMs = options.budgetMs * (options.upshiftAt ?? 0.45);
  const upshiftWindows = options.upshiftWindows ?? 5;
  const settleFrames = options.settleFrames ?? 10;
  const spikeFrames = options.spikeFrames ?? 4;
  if (options.levelCount < 1) throw new RangeError('levelCount must be at least 1');

  let level: number | null = 0;
  // How often each level proved too slow: going back up to it needs exponentially longer calm, so
  // the ladder does not oscillate between two levels.
  let failures: number[] = new Array<number>(options.levelCount).fill(0);
  let samples: number[] = [];
  let spikes = 0;
  let calmWindows = 0;
  let settle = settleFrames;

  function restart(): void {
    samples = [];
    spikes = 0;
    settle = settleFrames;
  }

  function stepDown(): AdaptiveDecision {
    if (level === null) return KEEP;
    calmWindows = 0;
    failures[level] = (failures[level] ?? 0) + 1;
    restart();
    if (level + 1 >= options.levelCount) {
      level = null;
      return { kind: 'turn-off' };
    }
    level += 1;
    return { kind: 'step-down', level };
  }

  return {
    get level() {
      return level;
    },
    reset(next: number): void {
      level = Math.min(options.levelCount - 1, Math.max(0, next));
      failures = new Array<number>(options.levelCount).fill(0);
      calmWindows = 0;
      restart();
    },
    record(frameMs: number): AdaptiveDecision {
      if (level === null) return KEEP;
      if (settle > 0) {
        settle -= 1;
        return KEEP;
      }
      samples.push(frameMs);
      if (frameMs > 2 * options.budgetMs) spikes += 1;
      if (spikes >= spikeFrames) return stepDown();
      if (samples.length < windowFrames) return KEEP;

      const load = percentile(samples, loadPercentile);
      samples = [];
      spikes = 0;
      if (load > downshiftMs) return stepDown();
      calmWindows = load < upshiftMs ? calmWindows + 1 : 0;
      if (level > 0 && calmWindows >= upshiftWindows * 2 ** (failures[level - 1] ?? 0)) {
        calmWindows = 0;
        level -= 1;
        restart();
        return { kind: 'step-up', level };
      }
      return KEEP;
    },
  };
}
