import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, afterEach, describe } from 'vitest';
import { migrate, openDatabase } from '@hearth/sqlite';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { RELAY_MIGRATIONS } from '../../db/migrations/index';
import { RELAY_PG_MIGRATIONS, migratePg, openPgPool } from '../../db/pg/index';
import type { Store, StoreKind } from '../port';
import { createSqliteStore } from '../sqlite-store';
import { createPgStore } from '../pg-store';

/** Skips the PostgreSQL half where the server does not answer; fails it under `CI=true`. */
const NO_POSTGRES = await withoutPostgres();

/** What a conformance case gets: the store under test (fresh and empty for each case) and its kind. */
export type StoreUnderTest = Readonly<{ store: () => Store; kind: () => StoreKind }>;

/**
 * The storage conformance suite (issue 13): `describeStores('accounts', (t) => { it(…) })` runs the
 * same cases once on SQLite (a fresh migrated file per case) and once on PostgreSQL (one database
 * per file, every table emptied between cases). A case that passes on one and fails on the other
 * is the difference the suite exists to catch. PostgreSQL cases skip only where the server does
 * not answer and `CI` is not set (see `withoutPostgres`).
 */
export function describeStores(title: string, cases: (t: StoreUnderTest) => void): void {
  describe(`${title} (SQLite)`, () => {
    let dir = '';
    let current: Store | undefined;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-conformance-'));
      const db = openDatabase(path.join(dir, 'relay.sqlite'));
      migrate(db, RELAY_MIGRATIONS);
      current = createSqliteStore(db);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
      await fs.rm(dir, { recursive: true, force: true });
    });
    cases({ store: () => defined(current), kind: () => 'sqlite' });
  });

  describe.skipIf(NO_POSTGRES)(`${title} (PostgreSQL)`, () => {
    let database: TestDatabase | undefined;
    let pool: pg.Pool | undefined;
    let current: Store | undefined;
    let tables: string[] = [];
    beforeAll(async () => {
      database = await createTestDatabase();
      pool = openPgPool(database.url, { max: 4 });
      await migratePg(pool, RELAY_PG_MIGRATIONS);
      const rows = await pool.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
      );
      tables = rows.rows.map((r) => r.tablename);
      current = createPgStore(pool);
    });
    beforeEach(async () => {
      await defined(pool).query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
    });
    afterAll(async () => {
      await pool?.end();
      await database?.drop();
    });
    cases({ store: () => defined(current), kind: () => 'postgres' });
  });
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the store is not open (setup failed?)');
  return value;
}
