import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestRelay } from '../../test/helpers';
import { relayLoggerOptions } from '../plugins/request-log';

const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `hearth-test-${randomBytes(6).toString('hex')}:`;

/** Whether Redis answers; under CI=true a silent Redis fails the file instead of skipping it. */
async function withoutRedis(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return false;
  } catch {
    if (process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}; see TESTING.md to start it`);
    return true;
  } finally {
    probe.disconnect();
  }
}

const relays: TestRelay[] = [];
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
});
afterAll(async () => {
  if (await withoutRedis()) return;
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function relay(overrides: Parameters<typeof buildTestApp>[0]): Promise<TestRelay> {
  const built = await buildTestApp(overrides);
  relays.push(built);
  return built;
}

/** Status codes of `n` GET /docs/json, from `address` (through a trusted proxy, when given). */
async function hits(app: TestRelay['app'], n: number, forwardedFor?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const answer = await app.inject({
      url: '/docs/json',
      remoteAddress: '127.0.0.1',
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    statuses.push(answer.statusCode);
  }
  return statuses;
}

describe.skipIf(await withoutRedis())('rate limits with a bus (--bus)', () => {
  it('give an address one budget across instances sharing Redis', async () => {
    const shared = { busUrl: REDIS_URL, busPrefix: `${PREFIX}shared:`, rateLimits: { defaultPerMinute: 4 } };
    const a = await relay({ ...shared, instanceName: 'a' });
    const b = await relay({ ...shared, instanceName: 'b' });
    expect(await hits(a.app, 2)).toEqual([200, 200]);
    expect(await hits(b.app, 2)).toEqual([200, 200]);
    expect(await hits(a.app, 1)).toEqual([429]);
    expect(await hits(b.app, 1)).toEqual([429]);
  });

  it('are counted per instance without a bus', async () => {
    const a = await relay({ rateLimits: { defaultPerMinute: 4 } });
    const b = await relay({ rateLimits: { defaultPerMinute: 4 } });
    expect(await hits(a.app, 4)).toEqual([200, 200, 200, 200]);
    expect(await hits(b.app, 4)).toEqual([200, 200, 200, 200]);
  });

  it('refuse to start, naming the server but not the password, when Redis does not answer', async () => {
    const start = buildTestApp({ busUrl: 'redis://:hunter2@127.0.0.1:1' });
    await expect(start).rejects.toThrow(/^Cannot reach the Redis bus at 127\.0\.0\.1:1: /);
    await expect(start).rejects.not.toThrow(/hunter2/);
  });

  it('keep deployments with another prefix apart', async () => {
    const a = await relay({ busUrl: REDIS_URL, busPrefix: `${PREFIX}one:`, rateLimits: { defaultPerMinute: 2 } });
    const b = await relay({ busUrl: REDIS_URL, busPrefix: `${PREFIX}two:`, rateLimits: { defaultPerMinute: 2 } });
    expect(await hits(a.app, 2)).toEqual([200, 200]);
    expect(await hits(b.app, 2)).toEqual([200, 200]);
  });
});

describe('--trust-proxy', () => {
  it('counts each client behind the trusted load balancer apart, and logs no address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const behind = await relay({
      trustProxy: ['127.0.0.1'],
      rateLimits: { defaultPerMinute: 2 },
      logger: { ...relayLoggerOptions('info'), stream: sink },
    });
    expect(await hits(behind.app, 3, '203.0.113.7')).toEqual([200, 200, 429]);
    expect(await hits(behind.app, 2, '198.51.100.23')).toEqual([200, 200]);
    expect(lines.filter((l) => /"req":/.test(l)).length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).not.toMatch(/203\.0\.113|198\.51\.100|127\.0\.0\.1|x-forwarded|remoteAddress/i);
  });

  it('believes no X-Forwarded-For from an address it does not trust', async () => {
    const direct = await relay({ rateLimits: { defaultPerMinute: 2 } });
    expect(await hits(direct.app, 1, '203.0.113.7')).toEqual([200]);
    expect(await hits(direct.app, 2, '198.51.100.23')).toEqual([200, 429]);
  });
});
