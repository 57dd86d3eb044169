import { quietStatusAfter, type QuietStatus } from '@hearth/common';

/**
 * Each child's quiet time as the relay last said it (the `quiet` frame). The relay speaks in
 * durations; they are turned into deadlines on a monotonic clock, so a PC clock that is wrong, or
 * changed meanwhile, never moves quiet time.
 */
export type QuietTracker = Readonly<{
  /** What the relay just said for a child. */
  set: (childId: string, status: QuietStatus) => void;
  /** The status with its durations counted down to now; null until the relay has said. */
  get: (childId: string) => QuietStatus | null;
  /** Quiet now, as far as this PC can tell (the relay decides anyway). */
  isQuiet: (childId: string) => boolean;
  forget: (childId: string) => void;
}>;

/** A monotonic clock in milliseconds (`performance.now` by default). */
export type MonotonicClock = () => number;

type Said = Readonly<{ status: QuietStatus; at: number }>;

export function createQuietTracker(monotonic: MonotonicClock = () => performance.now()): QuietTracker {
  const said = new Map<string, Said>();
  const get = (childId: string): QuietStatus | null => {
    const s = said.get(childId);
    return s ? quietStatusAfter(s.status, monotonic() - s.at) : null;
  };
  return Object.freeze({
    set: (childId, status) => {
      said.set(childId, { status, at: monotonic() });
    },
    get,
    isQuiet: (childId) => get(childId)?.quiet === true,
    forget: (childId) => {
      said.delete(childId);
    },
  });
}
