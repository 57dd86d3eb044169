import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 17: the relay's own secret keys (issue 15). */
export async function relayKeys(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE relay_keys (
      name TEXT PRIMARY KEY,
      secret BYTEA NOT NULL,
      created_at BIGINT NOT NULL
    );
  `);
}
