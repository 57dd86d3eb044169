import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestRelay } from '../../test/helpers';
import { healthPlugin } from './health';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

describe('/health', () => {
  it('is exempt from the per-address rate limit that refuses other requests', async () => {
    relay = await buildTestApp({ rateLimits: { defaultPerMinute: 5 } });
    const docs: number[] = [];
    const health: number[] = [];
    for (let i = 0; i < 10; i++) {
      docs.push((await api(relay.app, 'GET', '/docs/json')).status);
      health.push((await api(relay.app, 'GET', '/health')).status);
    }
    expect(docs.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(health).toEqual(Array.from({ length: 10 }, () => 200));
    expect((await api(relay.app, 'GET', '/health')).body).toEqual({ ok: true });
  });

  it('answers from the status the background check last found, without running a check per request', async () => {
    let broken = false;
    let runs = 0;
    const app = Fastify();
    await app.register(healthPlugin, {
      intervalMs: 200,
      checks: {
        database: () => {
          runs++;
          if (broken) throw new Error('disk gone');
        },
      },
    });
    try {
      expect((await app.inject('/health')).statusCode).toBe(200);
      const before = runs;
      for (let i = 0; i < 50; i++) await app.inject('/health');
      expect(runs - before).toBeLessThan(25); // a check per request would be 50

      broken = true;
      await expect.poll(async () => (await app.inject('/health')).statusCode, { timeout: 5_000 }).toBe(503);
      expect((await app.inject('/health')).json()).toEqual({
        error: { code: 'UNAVAILABLE', message: 'The relay is not healthy: database.' },
      });
      broken = false;
      await expect.poll(async () => (await app.inject('/health')).statusCode, { timeout: 5_000 }).toBe(200);
    } finally {
      await app.close();
    }
  });
});
