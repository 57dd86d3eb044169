import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { RELAY_PG_MIGRATIONS, migratePg, openPgPool } from '../db/pg/index';
import { createPgStore, type PgStore } from '../store/pg-store';
import { runAdmin } from './cli';

/** `relay:admin --database`: the operator's tools on relays that run on PostgreSQL (issue 13). */
describe.skipIf(await withoutPostgres())('relay:admin on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PgStore;
  let written = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = openPgPool(database.url, { max: 2 });
    await migratePg(pool, RELAY_PG_MIGRATIONS);
    store = createPgStore(pool);
    await store.accounts.insertParent({
      id: 'p1',
      email: 'Grownup@Example.org',
      displayName: 'Sam',
      passwordHash: 'x',
      createdAt: 1,
    });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  async function admin(...args: string[]): Promise<number> {
    written = '';
    const capture = (chunk: string | Uint8Array): boolean => {
      written += chunk.toString();
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      return await runAdmin(args, {});
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('verifies an address on the database the relays share', async () => {
    expect(await admin('verify-email', '--email', 'grownup@example.org', '--database', database.url)).toBe(0);
    expect(written).toContain('is now verified');
    expect((await store.accounts.getParentById('p1'))?.emailVerifiedAt).not.toBeNull();
  });

  it('says so for an address with no account', async () => {
    expect(await admin('show-family', '--email', 'nobody@example.org', '--database', database.url)).toBe(1);
  });

  it('refuses a database at another schema version, and never migrates it', async () => {
    await pool.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 0)`);
    try {
      expect(await admin('verify-email', '--email', 'grownup@example.org', '--database', database.url)).toBe(1);
      expect(written).toMatch(/schema version 99; this relay:admin knows version \d+/);
    } finally {
      await pool.query(`DELETE FROM schema_migrations WHERE version = 99`);
    }
  });

  it('refuses an address that is not PostgreSQL without repeating it', async () => {
    expect(await admin('verify-email', '--email', 'grownup@example.org', '--database', 'mysql://root:secret@db/x')).toBe(1);
    expect(written).not.toContain('secret');
  });
});
