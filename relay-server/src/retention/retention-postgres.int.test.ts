import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, RETENTION_DAYS } from '@hearth/common';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { api, buildTestApp, registerParent, type TestRelay } from '../../test/helpers';
import type {} from './plugin';

/**
 * Every instance of a cluster runs the retention sweeps: on one PostgreSQL database, two instances
 * sweeping at the same moment delete each thing once between them, and neither fails.
 */
describe.skipIf((await withoutPostgres()) || (await withoutRedis()))(
  'retention sweeps on PostgreSQL, two instances at once',
  () => {
    let database: TestDatabase;
    let one: TestRelay;
    let two: TestRelay;
    beforeAll(async () => {
      database = await createTestDatabase();
      const cluster = { databaseUrl: database.url, busUrl: REDIS_TEST_URL, busPrefix: testRedisPrefix() };
      one = await buildTestApp({ ...cluster, instanceName: 'one' });
      two = await buildTestApp({ ...cluster, instanceName: 'two' });
    });
    afterAll(async () => {
      await two?.close();
      await one?.close();
      await database?.drop();
    });

    it('deletes sign-in failures a day old once, whichever instance gets there', async () => {
      const emails: string[] = [];
      for (let i = 0; i < 5; i++) {
        const parent = await registerParent(one.app);
        expect(
          (await api(one.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: 'wrong one' } })).status,
        ).toBe(401);
        emails.push(parent.email);
      }
      for (const relay of [one, two]) relay.clock.advance(RETENTION_DAYS.signInFailures * DAY_MS + 1);
      const passes = await Promise.all([one.app.retention.sweepNow(), two.app.retention.sweepNow()]);
      expect(passes.flatMap((p) => p.failed)).toEqual([]);
      expect(passes.reduce((sum, p) => sum + (p.deleted['sign-in-failures'] ?? 0), 0)).toBe(emails.length);
      for (const email of emails) expect(await two.app.relay.store.sessions.getSignInFailures(email)).toBeUndefined();
    });
  },
);
