import type pg from 'pg';

/**
 * The PostgreSQL twin of SQLite migration 23 (`done_at`, `messages_delivered_held`). On SQLite a
 * message delivered at its only device becomes its own record, to save that file's page writes.
 * PostgreSQL keeps deleting it and remembering the id in `message_outcomes` (its cost is round
 * trips, not pages), so `done_at` stays NULL here; the store conformance tests hold both to the
 * same answers.
 */
export async function deliveredRows(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE messages ADD COLUMN done_at BIGINT;
    CREATE INDEX messages_delivered_held ON messages(seq) WHERE delivered AND done_at IS NULL;
  `);
}
