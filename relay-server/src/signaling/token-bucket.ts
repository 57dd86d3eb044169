/** A per-socket frame budget: `burst` at once, refilled at `perSecond`. */
export type TokenBucket = Readonly<{ take(): boolean }>;

export function createTokenBucket(perSecond: number, burst: number, now: () => number): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      if (t > last) {
        tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
        last = t;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
