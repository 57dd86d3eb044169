import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type DeviceRow = Readonly<{
  id: string;
  parentId: string;
  name: string;
  infoJson: string;
  enrolledAt: number;
  revokedAt: number | null;
}>;

export type DeviceChildRow = Readonly<{ deviceId: string; childId: string; displayName: string; revokedAt: number | null }>;

export type DeviceCaller = Readonly<{ deviceId: string; childId: string; parentId: string }>;

export function insertDevice(db: WritableDB, d: Omit<DeviceRow, 'revokedAt'>): void {
  db.prepare(`INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES (?, ?, ?, ?, ?)`).run(
    d.id,
    d.parentId,
    d.name,
    d.infoJson,
    d.enrolledAt,
  );
}

export function insertDeviceCredential(
  db: WritableDB,
  c: Readonly<{ tokenHash: Buffer; deviceId: string; childId: string; createdAt: number }>,
): void {
  db.prepare(`INSERT INTO device_credentials (token_hash, device_id, child_id, created_at) VALUES (?, ?, ?, ?)`).run(
    c.tokenHash,
    c.deviceId,
    c.childId,
    c.createdAt,
  );
}

export function getDevice(db: ReadableDB, id: string): DeviceRow | undefined {
  return db
    .prepare(
      `SELECT id, parent_id AS parentId, name, info_json AS infoJson, enrolled_at AS enrolledAt, revoked_at AS revokedAt
       FROM devices WHERE id = ?`,
    )
    .get(id) as DeviceRow | undefined;
}

/**
 * The PCs a parent sees (F18): those they enrolled, and every PC a child they guard was ever set up
 * on (a co-guardian sees the PCs the other guardian enrolled), revoked ones too.
 */
export function listDevicesOfParent(db: ReadableDB, parentId: string): DeviceRow[] {
  return db
    .prepare(
      `SELECT id, parent_id AS parentId, name, info_json AS infoJson, enrolled_at AS enrolledAt, revoked_at AS revokedAt
       FROM devices d WHERE d.parent_id = ? OR EXISTS (
         SELECT 1 FROM device_credentials dc JOIN guardians g ON g.child_id = dc.child_id
         WHERE dc.device_id = d.id AND g.parent_id = ?)
       ORDER BY enrolled_at, id`,
    )
    .all(parentId, parentId) as DeviceRow[];
}

/**
 * The credentials a parent sees (revoked ones too, for the parent's view): every one on a PC they
 * enrolled, and every one of a child they guard on any PC (a co-guardian's view of the other
 * guardian's PCs holds only their own children). Oldest first, so the last one per child is its
 * newest. Of two made in the same millisecond, a live one comes last; the hash settles any other
 * tie, the same on every adapter.
 */
export function listDeviceChildren(db: ReadableDB, parentId: string): DeviceChildRow[] {
  return db
    .prepare(
      `SELECT dc.device_id AS deviceId, dc.child_id AS childId, a.display_name AS displayName, dc.revoked_at AS revokedAt
       FROM device_credentials dc JOIN devices d ON d.id = dc.device_id JOIN accounts a ON a.id = dc.child_id
       WHERE (d.parent_id = ? OR EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = dc.child_id AND g.parent_id = ?))
         AND a.disabled_at IS NULL
       ORDER BY dc.created_at, dc.revoked_at IS NULL, dc.token_hash`,
    )
    .all(parentId, parentId) as DeviceChildRow[];
}

/** The children with a live credential on this device, whoever guards them. */
export function listLiveChildrenOnDevice(db: ReadableDB, deviceId: string): string[] {
  return (
    db
      .prepare(`SELECT child_id AS childId FROM device_credentials WHERE device_id = ? AND revoked_at IS NULL ORDER BY child_id`)
      .all(deviceId) as { childId: string }[]
  ).map((r) => r.childId);
}

export function hasLiveCredential(db: ReadableDB, deviceId: string, childId: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM device_credentials WHERE device_id = ? AND child_id = ? AND revoked_at IS NULL`)
      .get(deviceId, childId) !== undefined
  );
}

/** Who holds this device credential, if it is live (device and child not revoked or deleted). */
export function getDeviceCaller(db: ReadableDB, tokenHash: Buffer): DeviceCaller | undefined {
  return db
    .prepare(
      `SELECT dc.device_id AS deviceId, dc.child_id AS childId, c.parent_id AS parentId
       FROM device_credentials dc
       JOIN devices d ON d.id = dc.device_id
       JOIN children c ON c.account_id = dc.child_id
       JOIN accounts a ON a.id = dc.child_id
       WHERE dc.token_hash = ? AND dc.revoked_at IS NULL AND d.revoked_at IS NULL AND a.disabled_at IS NULL`,
    )
    .get(tokenHash) as DeviceCaller | undefined;
}

export function revokeDevice(db: WritableDB, deviceId: string, now: number): void {
  db.prepare(`UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(now, deviceId);
  db.prepare(`UPDATE device_credentials SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL`).run(now, deviceId);
}

export function revokeDeviceChild(db: WritableDB, deviceId: string, childId: string, now: number): boolean {
  return (
    db
      .prepare(`UPDATE device_credentials SET revoked_at = ? WHERE device_id = ? AND child_id = ? AND revoked_at IS NULL`)
      .run(now, deviceId, childId).changes > 0
  );
}
