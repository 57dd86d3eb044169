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
    expect((await api(relay.app, 'GET', '/health')).body).toEqual({ ok: true, database: 'ok', bus: 'ok', draining: false });
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
        ok: false,
        database: 'failing',
        draining: false,
        error: { code: 'UNAVAILABLE', message: 'The relay is not healthy: database.' },
      });
      broken = false;
      await expect.poll(async () => (await app.inject('/health')).statusCode, { timeout: 5_000 }).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 503 while the instance drains, naming each part', async () => {
    let draining = false;
    const app = Fastify();
    await app.register(healthPlugin, { checks: { database: () => undefined, bus: () => undefined }, draining: () => draining });
    try {
      expect((await app.inject('/health')).json()).toEqual({ ok: true, database: 'ok', bus: 'ok', draining: false });
      draining = true;
      const answer = await app.inject('/health');
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({
        ok: false,
        database: 'ok',
        bus: 'ok',
        draining: true,
        error: { code: 'UNAVAILABLE', message: 'This relay instance is stopping.' },
      });
    } finally {
      await app.close();
    }
  });
});
