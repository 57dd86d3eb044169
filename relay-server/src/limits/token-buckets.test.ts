import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-buckets';

describe('token buckets', () => {
  it('allow a burst, then refill at the sustained rate, and say how long to wait', () => {
    const buckets = createTokenBuckets({ perMinute: 600, burst: 3 }); // 10 a second
    const take = (t: number): number => buckets.take('a', t);
    expect([take(0), take(0), take(0)]).toEqual([0, 0, 0]);
    expect(take(0)).toBe(100);
    expect([take(100), take(100)]).toEqual([0, 100]);
    expect([take(10_100), take(10_100), take(10_100), take(10_100)]).toEqual([0, 0, 0, 100]);
  });

  it('keep each key apart, and forget the keys that are full again', () => {
    const buckets = createTokenBuckets({ perMinute: 60, burst: 1 });
    expect([buckets.take('a', 0), buckets.take('b', 0), buckets.take('a', 0)]).toEqual([0, 0, 1000]);
    buckets.prune(500);
    expect(buckets.take('a', 500)).toBe(500); // still half empty: kept
    buckets.prune(10_000);
    expect(buckets.take('b', 10_000)).toBe(0);
  });
});
