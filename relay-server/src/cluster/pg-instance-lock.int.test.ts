import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { PG_MIGRATION_LOCK_KEY } from '../db/pg/index';
import { PG_INSTANCE_LOCK_KEY, takePgInstanceLock, type PgInstanceLock } from './pg-instance-lock';
import type { StartRefusal } from './start-refusal';

let database: TestDatabase;
const held: PgInstanceLock[] = [];
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  await database.drop();
});

async function take(
  shared: boolean,
  instanceName: string,
  onLost: (err: Error) => void = () => undefined,
): Promise<PgInstanceLock> {
  const lock = await takePgInstanceLock(database.url, { shared, instanceName, onLost });
  held.push(lock);
  return lock;
}

async function refusal(shared: boolean, instanceName: string): Promise<StartRefusal> {
  try {
    await take(shared, instanceName);
  } catch (err) {
    return err as StartRefusal;
  }
  throw new Error(`${instanceName} took the lock`);
}

describe.skipIf(await withoutPostgres())('the PostgreSQL instance lock', () => {
  it('uses another key than the migration lock', () => {
    expect(PG_INSTANCE_LOCK_KEY).not.toBe(PG_MIGRATION_LOCK_KEY);
  });

  it('lets one relay without a bus run, and refuses a second one, naming the first', async () => {
    expect((await take(false, 'alone')).mode).toBe('exclusive');
    const second = await refusal(false, 'second');
    expect(second.code).toBe('database-has-lone-relay');
    expect(second.message).toBe(
      'A relay without --bus (alone) is already running on this PostgreSQL database, and a relay without a bus must be the only one. ' +
        'Stop it first, or start every instance with the same --bus redis://….',
    );
    const withBus = await refusal(true, 'with-bus');
    expect(withBus.code).toBe('database-has-lone-relay');
    expect(withBus.message).toMatch(/^A relay without --bus \(alone\) is already running.+Stop it, then start every instance/);
  });

  it('lets any number of relays with a bus run together, and refuses one without a bus beside them', async () => {
    expect((await take(true, 'relay-a')).mode).toBe('shared');
    expect((await take(true, 'relay-b')).mode).toBe('shared');
    const lone = await refusal(false, 'lone');
    expect(lone.code).toBe('database-has-relays');
    expect(lone.message).toMatch(
      /^Relays with --bus \((relay-a, relay-b|relay-b, relay-a)\) are already running on this PostgreSQL database; /,
    );
    expect(lone.message).toMatch(/Start this one with the same --bus redis:\/\/… as the others\.$/);
  });

  it('is free again once released', async () => {
    const first = await take(false, 'first');
    await first.release();
    expect((await take(false, 'next')).mode).toBe('exclusive');
  });

  it('is not shared between databases', async () => {
    const other = await createTestDatabase();
    try {
      await take(false, 'here');
      const there = await takePgInstanceLock(other.url, { shared: false, instanceName: 'there', onLost: () => undefined });
      await there.release();
    } finally {
      await other.drop();
    }
  });

  it('tells the instance when its connection ends unasked (the lock is gone with it)', async () => {
    let lost: Error | undefined;
    await take(false, 'doomed', (err) => (lost = err));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hearth-relay:doomed'`);
    } finally {
      await admin.end();
    }
    await expect.poll(() => lost, { timeout: 5_000 }).toBeInstanceOf(Error);
    // Another relay may now start: this is why the instance that lost it stops.
    expect((await take(false, 'successor')).mode).toBe('exclusive');
  });

  it('refuses with a sentence naming the server, not the password, when PostgreSQL does not answer', async () => {
    const url = 'postgres://hearth:hunter2@127.0.0.1:1/hearth';
    const err = await takePgInstanceLock(url, { shared: false, instanceName: 'x', onLost: () => undefined }).catch(
      (e: unknown) => e,
    );
    expect((err as StartRefusal).code).toBe('database-unreachable');
    expect((err as Error).message).toMatch(/^Cannot reach the PostgreSQL database 127\.0\.0\.1:1\/hearth: /);
    expect((err as Error).message).not.toContain('hunter2');
  });
});
