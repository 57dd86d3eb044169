import type pg from 'pg';

/**
 * The PostgreSQL twin of SQLite migration 21: a grown-up's consent and withdrawal records outlive
 * their account (ids only), and `notices.by_id` names who did it.
 */
export async function grownUpDelete(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE consents DROP CONSTRAINT consents_parent_id_fkey;
    ALTER TABLE notices ADD COLUMN by_id TEXT;
    CREATE INDEX notices_by_actor ON notices(by_id) WHERE by_id IS NOT NULL;
    CREATE INDEX notices_by_about ON notices(about_id) WHERE about_id IS NOT NULL;
  `);
}
