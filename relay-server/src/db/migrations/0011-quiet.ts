import type { WritableDB } from '@hearth/sqlite';

/**
 * Quiet hours and daily time (issue 14, F14), kept per child and changed only by a guardian.
 * `quiet_settings`: the weekly schedule and limit (`schedule_json`, a QuietSchedule), the child's
 * IANA zone (NULL: the enrolling PC's) and a guardian's "quiet now until" (an instant).
 * `quiet_contact_windows`: windows that narrow when one contact may reach the child.
 * `quiet_reach_off`: guardians who switched their own quiet-time reach off.
 * `quiet_extra_minutes`: "15 / 30 more minutes" given for one local day (`YYYY-MM-DD`).
 * `quiet_usage_minutes`: each minute (epoch minute) in which the child was online or in a call on
 * any PC: one row whatever the number of PCs, so counting is a COUNT over a day's minutes.
 */
export function updateToSchemaVersion11(db: WritableDB): void {
  db.exec(`
    CREATE TABLE quiet_settings (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      schedule_json TEXT,
      time_zone TEXT,
      quiet_now_until INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE quiet_contact_windows (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      contact_id TEXT NOT NULL,
      allowed_json TEXT NOT NULL,
      PRIMARY KEY (child_id, contact_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE quiet_reach_off (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      PRIMARY KEY (child_id, parent_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE quiet_extra_minutes (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      minutes INTEGER NOT NULL,
      PRIMARY KEY (child_id, day)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE quiet_usage_minutes (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      minute INTEGER NOT NULL,
      PRIMARY KEY (child_id, minute)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quiet_usage_minutes_by_minute ON quiet_usage_minutes(minute);
  `);
}
