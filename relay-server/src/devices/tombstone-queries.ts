import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** A revoked device credential (F18): whether its PC should erase the child's data, and when. No name. */
export type TombstoneRow = Readonly<{ wipe: boolean; revokedAt: number }>;

/** Each PC's last-seen day (UTC `YYYY-MM-DD`), for the parent's list. */
export type LastSeenRow = Readonly<{ deviceId: string; lastSeenDay: string | null }>;

/**
 * A tombstone for every live credential on this device (call before revoking them); a credential
 * tombstoned already keeps its first one. Returns how many were written.
 */
export function tombstoneDeviceCredentials(db: WritableDB, deviceId: string, wipe: boolean, now: number): number {
  return db
    .prepare(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, ?, ? FROM device_credentials WHERE device_id = ? AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .run(wipe ? 1 : 0, now, deviceId).changes;
}

/** As {@link tombstoneDeviceCredentials}, for one child's live credential on this device. */
export function tombstoneDeviceChildCredentials(
  db: WritableDB,
  deviceId: string,
  childId: string,
  wipe: boolean,
  now: number,
): number {
  return db
    .prepare(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, ?, ? FROM device_credentials WHERE device_id = ? AND child_id = ? AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .run(wipe ? 1 : 0, now, deviceId, childId).changes;
}

/**
 * As {@link tombstoneDeviceCredentials}, for every live credential of one child on any PC: the
 * child's account is about to be deleted, so each of those PCs is told to erase (`wipe`).
 */
export function tombstoneChildCredentials(db: WritableDB, childId: string, wipe: boolean, now: number): number {
  return db
    .prepare(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, ?, ? FROM device_credentials WHERE child_id = ? AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .run(wipe ? 1 : 0, now, childId).changes;
}

/**
 * As {@link tombstoneChildCredentials}, for the child's live credentials on the PCs one grown-up
 * enrolled: that grown-up stopped being the child's guardian, so those PCs are told to erase the
 * child's data (`wipe`) even if they were off.
 */
export function tombstoneChildCredentialsEnrolledBy(
  db: WritableDB,
  childId: string,
  parentId: string,
  wipe: boolean,
  now: number,
): number {
  return db
    .prepare(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, ?, ? FROM device_credentials WHERE child_id = ? AND revoked_at IS NULL
         AND device_id IN (SELECT id FROM devices WHERE parent_id = ?)
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .run(wipe ? 1 : 0, now, childId, parentId).changes;
}

export function getTombstone(db: ReadableDB, tokenHash: Buffer): TombstoneRow | undefined {
  const row = db.prepare(`SELECT wipe, revoked_at AS revokedAt FROM device_tombstones WHERE token_hash = ?`).get(tokenHash) as
    { wipe: number; revokedAt: number } | undefined;
  return row && { wipe: row.wipe === 1, revokedAt: row.revokedAt };
}

/** Deletes the tombstones written before `before`; returns how many. */
export function sweepTombstones(db: WritableDB, before: number): number {
  return db.prepare(`DELETE FROM device_tombstones WHERE revoked_at < ?`).run(before).changes;
}

/** Records that this PC reached the relay on `day` (`YYYY-MM-DD`); false when that day (or a later one) was known. */
export function markDeviceSeen(db: WritableDB, deviceId: string, day: string): boolean {
  return (
    db
      .prepare(`UPDATE devices SET last_seen_day = ? WHERE id = ? AND (last_seen_day IS NULL OR last_seen_day < ?)`)
      .run(day, deviceId, day).changes > 0
  );
}

/** Last seen of the PCs this parent sees (as `listDevicesOfParent`: enrolled by them or holding a child they guard). */
export function listLastSeen(db: ReadableDB, parentId: string): LastSeenRow[] {
  return db
    .prepare(
      `SELECT id AS deviceId, last_seen_day AS lastSeenDay FROM devices d WHERE d.parent_id = ? OR EXISTS (
         SELECT 1 FROM device_credentials dc JOIN guardians g ON g.child_id = dc.child_id
         WHERE dc.device_id = d.id AND g.parent_id = ?)
       ORDER BY id`,
    )
    .all(parentId, parentId) as LastSeenRow[];
}

/** Replaces a live device's info (JSON, validated by the route); false when it is unknown or revoked. */
export function updateDeviceInfo(db: WritableDB, deviceId: string, infoJson: string): boolean {
  return db.prepare(`UPDATE devices SET info_json = ? WHERE id = ? AND revoked_at IS NULL`).run(infoJson, deviceId).changes > 0;
}

/** A guardian's own parent-mode PC (F18): the session it runs on, since when, and its last-seen day. */
export type ParentComputerRow = Readonly<{ deviceId: string; sessionId: string; createdAt: number; lastSeenDay: string | null }>;

/**
 * Records that the parent-mode PC of this session reached the relay on `day`; false when the
 * session is no parent device, or that day (or a later one) was known.
 */
export function markParentDeviceSeen(db: WritableDB, sessionId: string, day: string): boolean {
  return (
    db
      .prepare(
        `UPDATE parent_devices SET last_seen_day = ? WHERE session_id = ? AND (last_seen_day IS NULL OR last_seen_day < ?)`,
      )
      .run(day, sessionId, day).changes > 0
  );
}

/** A guardian's parent-mode PCs whose session is still on at `now` (not signed out, not ended), oldest first. */
export function listParentComputers(db: ReadableDB, parentId: string, now: number): ParentComputerRow[] {
  return db
    .prepare(
      `SELECT pd.id AS deviceId, pd.session_id AS sessionId, pd.created_at AS createdAt, pd.last_seen_day AS lastSeenDay
       FROM parent_devices pd JOIN parent_sessions s ON s.id = pd.session_id
       WHERE pd.parent_id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND pd.session_expires_at > ?
       ORDER BY pd.created_at, pd.id`,
    )
    .all(parentId, now, now) as ParentComputerRow[];
}
