import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 22: the games switch (issue 16, F9). */
export async function games(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE games_off (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      turned_off_by TEXT NOT NULL,
      turned_off_at BIGINT NOT NULL
    );
  `);
}
