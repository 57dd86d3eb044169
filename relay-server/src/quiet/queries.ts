import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** A child's quiet settings as kept (db/migrations/0011-quiet.ts). */
export type QuietSettingsRow = Readonly<{
  childId: string;
  scheduleJson: string | null;
  timeZone: string | null;
  quietNowUntil: number | null;
  updatedAt: number;
}>;

export type ContactWindowsRow = Readonly<{ contactId: string; allowedJson: string }>;

export function getQuietSettings(db: ReadableDB, childId: string): QuietSettingsRow | undefined {
  return db
    .prepare(
      `SELECT child_id AS childId, schedule_json AS scheduleJson, time_zone AS timeZone,
         quiet_now_until AS quietNowUntil, updated_at AS updatedAt
       FROM quiet_settings WHERE child_id = ?`,
    )
    .get(childId) as QuietSettingsRow | undefined;
}

export function saveQuietSchedule(db: WritableDB, childId: string, scheduleJson: string, now: number): void {
  db.prepare(
    `INSERT INTO quiet_settings (child_id, schedule_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (child_id) DO UPDATE SET schedule_json = excluded.schedule_json, updated_at = excluded.updated_at`,
  ).run(childId, scheduleJson, now);
}

export function setQuietTimeZone(db: WritableDB, childId: string, timeZone: string, now: number): void {
  db.prepare(
    `INSERT INTO quiet_settings (child_id, time_zone, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (child_id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
  ).run(childId, timeZone, now);
}

export function setQuietNowUntil(db: WritableDB, childId: string, until: number | null, now: number): void {
  db.prepare(
    `INSERT INTO quiet_settings (child_id, quiet_now_until, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (child_id) DO UPDATE SET quiet_now_until = excluded.quiet_now_until, updated_at = excluded.updated_at`,
  ).run(childId, until, now);
}

/** The device info of the first PC the child was enrolled on (its zone is the default), if any. */
export function enrolmentDeviceInfo(db: ReadableDB, childId: string): string | undefined {
  return db
    .prepare(
      `SELECT d.info_json FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = ? ORDER BY dc.created_at, dc.token_hash LIMIT 1`,
    )
    .pluck()
    .get(childId) as string | undefined;
}

export function listContactWindows(db: ReadableDB, childId: string): ContactWindowsRow[] {
  return db
    .prepare(
      `SELECT contact_id AS contactId, allowed_json AS allowedJson FROM quiet_contact_windows
       WHERE child_id = ? ORDER BY contact_id`,
    )
    .all(childId) as ContactWindowsRow[];
}

/** `allowedJson` null removes the narrowing. */
export function setContactWindows(db: WritableDB, childId: string, contactId: string, allowedJson: string | null): void {
  if (allowedJson === null) {
    db.prepare(`DELETE FROM quiet_contact_windows WHERE child_id = ? AND contact_id = ?`).run(childId, contactId);
    return;
  }
  db.prepare(
    `INSERT INTO quiet_contact_windows (child_id, contact_id, allowed_json) VALUES (?, ?, ?)
     ON CONFLICT (child_id, contact_id) DO UPDATE SET allowed_json = excluded.allowed_json`,
  ).run(childId, contactId, allowedJson);
}

/** The guardians of this child who switched their own quiet-time reach off. */
export function listReachOff(db: ReadableDB, childId: string): string[] {
  return db
    .prepare(`SELECT parent_id FROM quiet_reach_off WHERE child_id = ? ORDER BY parent_id`)
    .pluck()
    .all(childId) as string[];
}

export function setQuietReach(db: WritableDB, childId: string, parentId: string, reach: boolean): void {
  if (reach) db.prepare(`DELETE FROM quiet_reach_off WHERE child_id = ? AND parent_id = ?`).run(childId, parentId);
  else
    db.prepare(`INSERT INTO quiet_reach_off (child_id, parent_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(childId, parentId);
}

/** Adds minutes to a local day's extra time; the day's total. */
export function addExtraMinutes(db: WritableDB, childId: string, day: string, minutes: number): number {
  return db
    .prepare(
      `INSERT INTO quiet_extra_minutes (child_id, day, minutes) VALUES (?, ?, ?)
       ON CONFLICT (child_id, day) DO UPDATE SET minutes = quiet_extra_minutes.minutes + excluded.minutes
       RETURNING minutes`,
    )
    .pluck()
    .get(childId, day, minutes) as number;
}

export function getExtraMinutes(db: ReadableDB, childId: string, day: string): number {
  return (db.prepare(`SELECT minutes FROM quiet_extra_minutes WHERE child_id = ? AND day = ?`).pluck().get(childId, day) ??
    0) as number;
}

/**
 * Records minutes (epoch minutes) in which the child was counting; a minute already counted stays
 * one. Nothing for a child deleted meanwhile (its last socket closes after the delete).
 */
export function recordUsageMinutes(db: WritableDB, childId: string, minutes: readonly number[]): void {
  const insert = db.prepare(
    `INSERT INTO quiet_usage_minutes (child_id, minute)
     SELECT ?, ? WHERE EXISTS (SELECT 1 FROM children WHERE account_id = ?) ON CONFLICT DO NOTHING`,
  );
  for (const m of minutes) insert.run(childId, m, childId);
}

/** Minutes counted in `[fromMinute, toMinute)`. */
export function countUsageMinutes(db: ReadableDB, childId: string, fromMinute: number, toMinute: number): number {
  return db
    .prepare(`SELECT COUNT(*) FROM quiet_usage_minutes WHERE child_id = ? AND minute >= ? AND minute < ?`)
    .pluck()
    .get(childId, fromMinute, toMinute) as number;
}

/** The minutes counted in `[fromMinute, toMinute)`, oldest first (the activity view splits them into local days). */
export function listUsageMinutes(db: ReadableDB, childId: string, fromMinute: number, toMinute: number): number[] {
  return db
    .prepare(`SELECT minute FROM quiet_usage_minutes WHERE child_id = ? AND minute >= ? AND minute < ? ORDER BY minute`)
    .pluck()
    .all(childId, fromMinute, toMinute) as number[];
}

/** Forgets minutes and extra days older than these. */
export function purgeQuietUsage(db: WritableDB, beforeMinute: number, beforeDay: string): void {
  db.prepare(`DELETE FROM quiet_usage_minutes WHERE minute < ?`).run(beforeMinute);
  db.prepare(`DELETE FROM quiet_extra_minutes WHERE day < ?`).run(beforeDay);
}

/**
 * A message still waiting for a child (not yet delivered) and what its deadline was placed from
 * (db/migrations/0016-held-deadlines.ts): `leftMs` of non-quiet time left as of `leftAt`, both
 * null for the whole allowance as of `createdAt`.
 */
export type HeldDeadlineRow = Readonly<{
  seq: number;
  createdAt: number;
  expiresAt: number;
  leftMs: number | null;
  leftAt: number | null;
}>;

export function listHeldDeadlines(db: ReadableDB, childId: string): HeldDeadlineRow[] {
  return db
    .prepare(
      `SELECT seq, created_at AS createdAt, expires_at AS expiresAt, quiet_left_ms AS leftMs, quiet_left_at AS leftAt
       FROM messages WHERE recipient_id = ? AND delivered = 0 ORDER BY seq`,
    )
    .all(childId) as HeldDeadlineRow[];
}

/** Places a waiting message's deadline again (a change of the child's quiet settings). */
export function setHeldDeadline(db: WritableDB, seq: number, expiresAt: number, leftMs: number, leftAt: number): void {
  db.prepare(`UPDATE messages SET expires_at = ?, quiet_left_ms = ?, quiet_left_at = ? WHERE seq = ? AND delivered = 0`).run(
    expiresAt,
    leftMs,
    leftAt,
    seq,
  );
}
