import { describe, expect, it } from 'vitest';
import { redisAnswers, testRedisPrefix, withoutRedis } from './redis';

const answers = await redisAnswers();

describe('withoutRedis', () => {
  // Port 1 on loopback: nothing answers there.
  const silent = 'redis://127.0.0.1:1';

  it('skips where Redis does not answer, outside CI', async () => {
    await expect(withoutRedis({ url: silent, env: {} })).resolves.toBe(true);
  });

  it('fails under CI=true with a sentence saying how to start it', async () => {
    await expect(withoutRedis({ url: silent, env: { CI: 'true' } })).rejects.toThrow(
      /Redis does not answer at 127\.0\.0\.1:1; start it with: redis-server/,
    );
  });

  it.skipIf(!answers)('runs where Redis answers', async () => {
    await expect(withoutRedis()).resolves.toBe(false);
  });
});

describe('testRedisPrefix', () => {
  it('gives each test a prefix of its own', () => {
    const prefixes = new Set(Array.from({ length: 50 }, testRedisPrefix));
    expect(prefixes.size).toBe(50);
    for (const p of prefixes) expect(p).toMatch(/^hearth_test_[0-9a-f]{12}:$/);
  });
});
