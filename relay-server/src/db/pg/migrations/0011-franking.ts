import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 19: the relay's franking records (id, MAC, time; nothing else). */
export async function franking(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE message_franks (
      message_id TEXT NOT NULL,
      mac BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (message_id, mac)
    );
    CREATE INDEX message_franks_created ON message_franks (created_at);
  `);
}
