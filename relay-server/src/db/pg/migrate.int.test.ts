import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '@hearth/sqlite';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { migratePg, type PgMigration } from './migrate';
import { RELAY_PG_MIGRATIONS } from './migrations/index';
import { PG_APPLICATION_NAME, openPgPool } from './pool';

const LATEST = RELAY_PG_MIGRATIONS.length;
let database: TestDatabase;
const pools: pg.Pool[] = [];
const open = (options?: Parameters<typeof openPgPool>[1]): pg.Pool => {
  const pool = openPgPool(database.url, options);
  pools.push(pool);
  return pool;
};
const tables = async (pool: pg.Pool): Promise<string[]> =>
  (
    await pool.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
  ).rows.map((r) => r.t);
const recorded = async (pool: pg.Pool): Promise<{ version: number; name: string }[]> =>
  (await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;

describe.skipIf(await withoutPostgres())('PostgreSQL migrations', () => {
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await database.drop();
  });

  it('numbers the relay’s PostgreSQL migrations 1, 2, 3… with no gap or repeat', () => {
    expect(RELAY_PG_MIGRATIONS.map((m) => m.version)).toEqual(RELAY_PG_MIGRATIONS.map((_, i) => i + 1));
  });

  it('brings a new database to the latest version, records it, and does nothing the second time', async () => {
    const pool = open();
    expect(await migratePg(pool, RELAY_PG_MIGRATIONS)).toBe(LATEST);
    expect(await tables(pool)).toEqual(
      expect.arrayContaining(['accounts', 'parents', 'children', 'messages', 'message_queue', 'schema_migrations']),
    );
    const first = await recorded(pool);
    expect(first).toEqual(RELAY_PG_MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const appliedAt = (await pool.query<{ at: number }>('SELECT applied_at AS at FROM schema_migrations')).rows[0]?.at;
    expect(typeof appliedAt).toBe('number'); // BIGINT reads as a number
    expect(await migratePg(pool, RELAY_PG_MIGRATIONS)).toBe(LATEST);
    expect(await recorded(pool)).toEqual(first);
    expect((await pool.query('SELECT applied_at AS at FROM schema_migrations')).rows[0]?.at).toBe(appliedAt);
  });

  it('migrates once when two relays start together on two pools', async () => {
    const runs: string[] = [];
    const slow: PgMigration[] = [
      ...RELAY_PG_MIGRATIONS,
      {
        version: LATEST + 1,
        name: 'slow',
        up: async (client) => {
          runs.push('slow');
          await client.query('SELECT pg_sleep(0.3)');
          await client.query('CREATE TABLE slow_marker (id INTEGER PRIMARY KEY)');
        },
      },
    ];
    const [a, b] = [open(), open()];
    await expect(Promise.all([migratePg(a, slow), migratePg(b, slow)])).resolves.toEqual([LATEST + 1, LATEST + 1]);
    expect(runs).toEqual(['slow']);
    expect((await recorded(a)).map((r) => r.version)).toEqual(slow.map((m) => m.version));
    expect((await tables(b)).filter((t) => t === 'accounts' || t === 'slow_marker')).toEqual(['accounts', 'slow_marker']);
  });

  it('refuses a database migrated by a newer relay, naming both versions, and leaves it untouched', async () => {
    const pool = open();
    await migratePg(pool, RELAY_PG_MIGRATIONS);
    await pool.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'future', 1)`, [LATEST + 1]);
    const refusal = migratePg(pool, RELAY_PG_MIGRATIONS);
    await expect(refusal).rejects.toBeInstanceOf(DatabaseError);
    await expect(migratePg(pool, RELAY_PG_MIGRATIONS)).rejects.toThrow(
      `migrated by a newer relay (schema ${LATEST + 1}, this relay knows ${LATEST})`,
    );
    expect((await recorded(pool)).map((r) => r.version)).toEqual([...RELAY_PG_MIGRATIONS.map((m) => m.version), LATEST + 1]);
  });

  it('refuses a gap in the migrations it is given, and in the versions a database records', async () => {
    const pool = open();
    const gapped: PgMigration[] = [
      { version: 1, name: 'one', up: async () => {} },
      { version: 3, name: 'three', up: async () => {} },
    ];
    await expect(migratePg(pool, gapped)).rejects.toThrow('numbered 1, 2, 3…; found 3 at position 2');
    expect(await tables(pool)).toEqual([]);

    await migratePg(pool, RELAY_PG_MIGRATIONS);
    // Every version recorded but the first: a gap.
    await pool.query(`DELETE FROM schema_migrations WHERE version = 1`);
    await expect(migratePg(pool, RELAY_PG_MIGRATIONS)).rejects.toThrow('version 1 is missing');
  });

  it('rolls a failing migration back to the last good version, and frees the lock', async () => {
    const pool = open();
    const failing: PgMigration[] = [
      ...RELAY_PG_MIGRATIONS,
      {
        version: LATEST + 1,
        name: 'broken',
        up: async (client) => {
          await client.query('CREATE TABLE half_done (id INTEGER)');
          await client.query('SELECT no_such_column FROM accounts');
        },
      },
    ];
    await expect(migratePg(pool, failing)).rejects.toThrow(/no_such_column/);
    expect((await recorded(pool)).map((r) => r.version)).toEqual(RELAY_PG_MIGRATIONS.map((m) => m.version));
    expect(await tables(pool)).not.toContain('half_done');
    // The lock went with the failed connection: another pool migrates at once.
    await expect(migratePg(open(), RELAY_PG_MIGRATIONS)).resolves.toBe(LATEST);
  });

  it('names its connections hearth-relay and cancels statements past the timeout', async () => {
    const pool = open({ statementTimeoutMs: 200 });
    const { rows } = await pool.query<{ app: string }>(`SELECT current_setting('application_name') AS app`);
    expect(rows[0]?.app).toBe(PG_APPLICATION_NAME);
    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    // Migrations lift the timeout for their own connection only.
    const slow: PgMigration[] = [
      { version: 1, name: 'slow', up: async (client) => void (await client.query('SELECT pg_sleep(0.4)')) },
    ];
    await expect(migratePg(pool, slow)).resolves.toBe(1);
    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
  });

  it('reads BIGINT as a number, and refuses one a number cannot hold exactly', async () => {
    const pool = open();
    const { rows } = await pool.query<{ ms: number }>(`SELECT 1764774000123::bigint AS ms`);
    expect(rows[0]?.ms).toBe(1764774000123);
    await expect(pool.query(`SELECT 9007199254740993::bigint AS n`)).rejects.toThrow(/does not fit a JavaScript number/);
  });

  it('refuses an address that is not a PostgreSQL URL, without repeating it', () => {
    expect(() => openPgPool('mysql://root:secret@host/db')).toThrow(/must start with postgres:\/\//);
    expect(() => openPgPool('mysql://root:secret@host/db')).not.toThrow(/secret/);
    expect(() => openPgPool('not a url')).toThrow(DatabaseError);
  });
});
