import type pg from 'pg';

/** The twin of SQLite migration 11 (`db/migrations/0011-quiet.ts`): quiet hours and daily time. */
export async function quietHours(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE quiet_settings (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      schedule_json TEXT,
      time_zone TEXT,
      quiet_now_until BIGINT,
      updated_at BIGINT NOT NULL
    );
    CREATE TABLE quiet_contact_windows (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      contact_id TEXT NOT NULL,
      allowed_json TEXT NOT NULL,
      PRIMARY KEY (child_id, contact_id)
    );
    CREATE TABLE quiet_reach_off (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      PRIMARY KEY (child_id, parent_id)
    );
    CREATE TABLE quiet_extra_minutes (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      minutes INTEGER NOT NULL,
      PRIMARY KEY (child_id, day)
    );
    CREATE TABLE quiet_usage_minutes (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      minute BIGINT NOT NULL,
      PRIMARY KEY (child_id, minute)
    );
    CREATE INDEX quiet_usage_minutes_by_minute ON quiet_usage_minutes(minute);
  `);
}
