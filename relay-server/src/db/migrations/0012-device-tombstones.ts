import type { WritableDB } from '@hearth/sqlite';

/**
 * Computers (F18): the day (UTC, `YYYY-MM-DD`, no finer) each PC last reached the relay, and a
 * tombstone per revoked device credential (its token's hash, whether the PC should erase the
 * child's data, when): no name, no device, no child; swept after 90 days. A PC that was off when
 * it was signed out learns it (`DEVICE_REVOKED`) the next time it calls.
 */
export function updateToSchemaVersion12(db: WritableDB): void {
  db.exec(`
    ALTER TABLE devices ADD COLUMN last_seen_day TEXT;
    CREATE TABLE device_tombstones (
      token_hash BLOB PRIMARY KEY,
      wipe INTEGER NOT NULL CHECK (wipe IN (0, 1)),
      revoked_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX device_tombstones_by_age ON device_tombstones(revoked_at);
  `);
}
