import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 16: what is left of a held message's non-quiet time, and as of when. */
export async function heldDeadlines(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE messages ADD COLUMN quiet_left_ms BIGINT;
    ALTER TABLE messages ADD COLUMN quiet_left_at BIGINT;
  `);
}
