import type pg from 'pg';

/** The PostgreSQL twin of SQLite's 0012: each PC's last-seen day and the revoked credentials' tombstones. */
export async function deviceTombstones(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE devices ADD COLUMN last_seen_day TEXT;
    CREATE TABLE device_tombstones (
      token_hash BYTEA PRIMARY KEY,
      wipe BOOLEAN NOT NULL,
      revoked_at BIGINT NOT NULL
    );
    CREATE INDEX device_tombstones_by_age ON device_tombstones(revoked_at);
  `);
}
