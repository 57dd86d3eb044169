/** How wrong grown-ups' passwords slow the next try. */
export type LockBackoffPolicy = Readonly<{
  /** Wait after the first wrong password; doubles with each further one. Default 1 s. */
  baseDelayMs: number;
  /** Wrong passwords in a row after which the pane stays locked for `lockoutMs`. Default 5. */
  failuresBeforeLockout: number;
  /** How long the lock-out lasts (each further wrong password starts it again). Default 15 min. */
  lockoutMs: number;
}>;

export const DEFAULT_LOCK_BACKOFF: LockBackoffPolicy = Object.freeze({
  baseDelayMs: 1_000,
  failuresBeforeLockout: 5,
  lockoutMs: 15 * 60_000,
});

/**
 * How long to wait after `failures` wrong passwords in a row: 1 s, 2 s, 4 s, 8 s, then (from the
 * fifth) the lock-out.
 */
export function delayAfterFailures(failures: number, policy: LockBackoffPolicy = DEFAULT_LOCK_BACKOFF): number {
  if (failures <= 0) return 0;
  if (failures >= policy.failuresBeforeLockout) return policy.lockoutMs;
  return policy.baseDelayMs * 2 ** (failures - 1);
}
