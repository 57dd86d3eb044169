import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 13: the daily summary's opt-in (issue 14, F10). */
export async function dailySummary(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE daily_summary_optins (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      enabled_by TEXT NOT NULL,
      enabled_at BIGINT NOT NULL
    );
  `);
}
