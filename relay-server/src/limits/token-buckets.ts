/**
 * Per-key token buckets: `burst` at once, refilled at `perMinute`. In memory; a restart refills them.
 * One set per limit: realtime messages per sender, signaling frames per socket (one key).
 */
export type TokenBuckets = Readonly<{
  /** Takes one token for `key`; 0 when allowed, else the milliseconds until one is available. */
  take(key: string, now: number): number;
  /** Forgets buckets that are full again, so idle keys cost no memory. */
  prune(now: number): void;
}>;

export function createTokenBuckets(limits: Readonly<{ perMinute: number; burst: number }>): TokenBuckets {
  const perMs = limits.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (b: { tokens: number; at: number }, now: number): number =>
    Math.min(limits.burst, b.tokens + Math.max(0, now - b.at) * perMs);

  return {
    take(key, now) {
      const bucket = buckets.get(key) ?? { tokens: limits.burst, at: now };
      const tokens = level(bucket, now);
      if (tokens < 1) {
        bucket.tokens = tokens;
        bucket.at = now;
        buckets.set(key, bucket);
        return Math.ceil((1 - tokens) / perMs);
      }
      bucket.tokens = tokens - 1;
      bucket.at = now;
      buckets.set(key, bucket);
      return 0;
    },
    prune(now) {
      for (const [key, bucket] of buckets) if (level(bucket, now) >= limits.burst) buckets.delete(key);
    },
  };
}
