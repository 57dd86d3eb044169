/** Rolling measurements behind `stats()`: medians of recent frame times and the output rate. */

export type FrameStats = {
  record(nowMs: number, frameMs: number, segmentMs: number | null): void;
  dropped(count: number): void;
  readonly framesProcessed: number;
  readonly framesDropped: number;
  /** Frames per second over the last `fpsWindowMs` before `nowMs`. */
  fps(nowMs: number): number;
  frameMs(): number;
  segmentMs(): number;
};

/** Median of a list; 0 for an empty one. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function createFrameStats(keep = 60, fpsWindowMs = 2000): FrameStats {
  const frameTimes: number[] = [];
  const segmentTimes: number[] = [];
  const outputTimes: number[] = [];
  let processed = 0;
  let dropped = 0;
  const push = (list: number[], value: number, max: number): void => {
    list.push(value);
    if (list.length > max) list.shift();
  };
  return {
    record(nowMs: number, frameMs: number, segmentMs: number | null): void {
      processed += 1;
      push(frameTimes, frameMs, keep);
      if (segmentMs !== null) push(segmentTimes, segmentMs, keep);
      push(outputTimes, nowMs, 240);
    },
    dropped(count: number): void {
      dropped += count;
    },
    get framesProcessed() {
      return processed;
    },
    get framesDropped() {
      return dropped;
    },
    fps(nowMs: number): number {
      const recent = outputTimes.filter((t) => nowMs - t <= fpsWindowMs);
      if (recent.length < 2) return 0;
      return ((recent.length - 1) * 1000) / (recent[recent.length - 1]! - recent[0]!);
    },
    frameMs: () => median(frameTimes),
    segmentMs: () => median(segmentTimes),
  };
}
