import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 14: each policy version served and when first (F15). */
export async function policyVersions(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE policy_versions (
      version TEXT PRIMARY KEY,
      first_seen_at BIGINT NOT NULL
    );
  `);
}
