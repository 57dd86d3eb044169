import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type WritableDB } from '@hearth/sqlite';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { RELAY_MIGRATIONS } from '../migrations/index';
import { migratePg } from './migrate';
import { RELAY_PG_MIGRATIONS } from './migrations/index';
import { openPgPool } from './pool';

/**
 * The PostgreSQL schema must stay the SQLite one's twin: every table, column (name, nullability,
 * a matching type) and named index of a freshly migrated SQLite file exists in PostgreSQL, and the
 * other way round. A failure is a sentence saying what to add to which side.
 */
type Column = Readonly<{ name: string; type: string; notNull: boolean }>;
type Index = Readonly<{ name: string; unique: boolean }>;
type Schema = ReadonlyMap<string, Readonly<{ columns: Column[]; indexes: Index[] }>>;

/**
 * Tables only PostgreSQL has, each with the reason: nothing else may differ.
 * - attachment_blob_chunks: attachments kept in PostgreSQL (`--blobs postgres`, migration 2); a
 *   SQLite relay keeps them as files in its data folder.
 */
const POSTGRES_ONLY_TABLES: ReadonlySet<string> = new Set(['attachment_blob_chunks']);

/** SQLite's declared type → the PostgreSQL types that may stand for it. */
const PG_TYPES_FOR: Readonly<Record<string, readonly string[]>> = {
  INTEGER: ['bigint', 'integer', 'smallint', 'boolean'],
  TEXT: ['text'],
  BLOB: ['bytea'],
};

function sqliteSchema(db: WritableDB): Schema {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return new Map(
    names.map((table) => {
      const info = db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[];
      const indexes = db.pragma(`index_list(${table})`) as { name: string; unique: number; origin: string }[];
      return [
        table,
        {
          columns: info.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 || c.pk > 0 })),
          indexes: indexes.filter((i) => i.origin === 'c').map((i) => ({ name: i.name, unique: i.unique === 1 })),
        },
      ];
    }),
  );
}

async function postgresSchema(pool: pg.Pool): Promise<Schema> {
  const columns = await pool.query<{ t: string; name: string; type: string; nullable: string }>(
    `SELECT table_name AS t, column_name AS name, data_type AS type, is_nullable AS nullable
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const indexes = await pool.query<{ t: string; name: string; unique: boolean }>(
    `SELECT t.relname AS t, i.relname AS name, x.indisunique AS unique
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`,
  );
  const schema = new Map<string, { columns: Column[]; indexes: Index[] }>();
  const entry = (t: string): { columns: Column[]; indexes: Index[] } => {
    const found = schema.get(t) ?? { columns: [], indexes: [] };
    schema.set(t, found);
    return found;
  };
  for (const c of columns.rows) entry(c.t).columns.push({ name: c.name, type: c.type, notNull: c.nullable === 'NO' });
  for (const i of indexes.rows) entry(i.t).indexes.push({ name: i.name, unique: i.unique });
  return schema;
}

/** Every difference between the two schemas, each as a sentence saying what to add where. */
function differences(lite: Schema, postgres: Schema): string[] {
  const out: string[] = [];
  const twin = 'relay-server/src/db/pg/migrations';
  for (const [table, { columns, indexes }] of lite) {
    const pgTable = postgres.get(table);
    if (!pgTable) {
      out.push(`SQLite has table ${table} but PostgreSQL does not: add it in a new migration in ${twin}`);
      continue;
    }
    for (const c of columns) {
      const p = pgTable.columns.find((x) => x.name === c.name);
      if (!p) out.push(`SQLite has column ${table}.${c.name} but PostgreSQL does not: add it in a new migration in ${twin}`);
      else if (!(PG_TYPES_FOR[c.type] ?? []).includes(p.type))
        out.push(`${table}.${c.name} is ${c.type} in SQLite but ${p.type} in PostgreSQL`);
      else if (p.notNull !== c.notNull)
        out.push(`${table}.${c.name} is ${c.notNull ? 'NOT NULL' : 'nullable'} in SQLite but not in PostgreSQL`);
    }
    for (const c of pgTable.columns) {
      if (!columns.some((x) => x.name === c.name))
        out.push(`PostgreSQL has column ${table}.${c.name} that SQLite lacks: add it to both or neither`);
    }
    for (const i of indexes) {
      const p = pgTable.indexes.find((x) => x.name === i.name);
      if (!p) out.push(`SQLite has index ${i.name} on ${table} but PostgreSQL does not: add it in ${twin}`);
      else if (p.unique !== i.unique)
        out.push(`index ${i.name} is ${i.unique ? '' : 'not '}unique in SQLite but not in PostgreSQL`);
    }
  }
  for (const table of postgres.keys()) {
    if (table !== 'schema_migrations' && !POSTGRES_ONLY_TABLES.has(table) && !lite.has(table))
      out.push(`PostgreSQL has table ${table} that SQLite lacks: add it to both or neither`);
  }
  return out;
}

describe.skipIf(await withoutPostgres())('the PostgreSQL schema is the SQLite schema’s twin', () => {
  let dir: string;
  let db: WritableDB;
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-schema-parity-'));
    db = openDatabase(path.join(dir, 'relay.sqlite'));
    migrate(db, RELAY_MIGRATIONS);
    database = await createTestDatabase();
    pool = openPgPool(database.url);
    await migratePg(pool, RELAY_PG_MIGRATIONS);
  });
  afterAll(async () => {
    db?.close();
    await pool?.end();
    await database?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('has every SQLite table, column and named index, and nothing SQLite lacks', async () => {
    const lite = sqliteSchema(db);
    expect(lite.size).toBeGreaterThan(20);
    expect(differences(lite, await postgresSchema(pool))).toEqual([]);
  });

  it('says what to add when SQLite gains a column, a table or an index without its twin', async () => {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN nickname TEXT;
      CREATE TABLE stickers (id TEXT PRIMARY KEY) STRICT;
      CREATE INDEX accounts_by_kind ON accounts(kind);
    `);
    expect(differences(sqliteSchema(db), await postgresSchema(pool))).toEqual([
      'SQLite has column accounts.nickname but PostgreSQL does not: add it in a new migration in relay-server/src/db/pg/migrations',
      'SQLite has index accounts_by_kind on accounts but PostgreSQL does not: add it in relay-server/src/db/pg/migrations',
      'SQLite has table stickers but PostgreSQL does not: add it in a new migration in relay-server/src/db/pg/migrations',
    ]);
  });

  it('keeps the case-insensitive unique email, the cascades and the partial unique index', async () => {
    const q = (sql: string, values: unknown[] = []): Promise<pg.QueryResult> => pool.query(sql, values);
    await q(
      `INSERT INTO accounts (id, kind, display_name, created_at) VALUES ('P1', 'parent', 'Sam', 1), ('P2', 'parent', 'Kim', 1)`,
    );
    await q(`INSERT INTO parents (account_id, email, password_hash) VALUES ('P1', 'Sam@Example.test', 'h')`);
    await expect(
      q(`INSERT INTO parents (account_id, email, password_hash) VALUES ('P2', 'sam@example.TEST', 'h')`),
    ).rejects.toThrow(/parents_email_lower/);
    await expect(q(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES ('X', 'robot', 'R', 1)`)).rejects.toThrow(
      /check constraint/,
    );
    await q(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES ('K1', 'child', 'Robin', 1)`);
    await q(`INSERT INTO children (account_id, parent_id, username) VALUES ('K1', 'P1', 'robin')`);
    await q(`INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES ('D1', 'P1', 'pc', '{}', 1)`);
    const credential = `INSERT INTO device_credentials (token_hash, device_id, child_id, created_at, revoked_at) VALUES ($1, 'D1', 'K1', 1, $2)`;
    await q(credential, [Buffer.from([1]), 5]);
    await q(credential, [Buffer.from([2]), null]);
    await expect(q(credential, [Buffer.from([3]), null])).rejects.toThrow(/device_credentials_live/);
    await q(`DELETE FROM accounts WHERE id = 'P1'`);
    const left = await q(`SELECT (SELECT count(*) FROM children) + (SELECT count(*) FROM device_credentials) AS n`);
    expect(left.rows[0]).toEqual({ n: 0 });
  });
});
