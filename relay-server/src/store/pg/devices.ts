import type * as devices from '../../devices/queries';
import type { DeviceCaller, DeviceChildRow, DeviceRow } from '../../devices/queries';
import type { PgModule } from '../port';

const DEVICE_COLUMNS = `id, parent_id AS "parentId", name, info_json AS "infoJson", enrolled_at AS "enrolledAt",
  revoked_at AS "revokedAt"`;

/** The PostgreSQL twin of `devices/queries.ts`: enrolled PCs and the per-child credentials on them. */
export const pgDevices = {
  async insertDevice(q, d) {
    await q.query(`INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES ($1, $2, $3, $4, $5)`, [
      d.id,
      d.parentId,
      d.name,
      d.infoJson,
      d.enrolledAt,
    ]);
  },

  async insertDeviceCredential(q, c) {
    await q.query(`INSERT INTO device_credentials (token_hash, device_id, child_id, created_at) VALUES ($1, $2, $3, $4)`, [
      c.tokenHash,
      c.deviceId,
      c.childId,
      c.createdAt,
    ]);
  },

  async getDevice(q, id) {
    const { rows } = await q.query(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [id]);
    return rows[0] as DeviceRow | undefined;
  },

  async listDevicesOfParent(q, parentId) {
    const { rows } = await q.query(
      `SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.parent_id = $1 OR EXISTS (
         SELECT 1 FROM device_credentials dc JOIN guardians g ON g.child_id = dc.child_id
         WHERE dc.device_id = d.id AND g.parent_id = $1)
       ORDER BY enrolled_at, id`,
      [parentId],
    );
    return rows as DeviceRow[];
  },

  async listDeviceChildren(q, parentId) {
    const { rows } = await q.query(
      `SELECT dc.device_id AS "deviceId", dc.child_id AS "childId", a.display_name AS "displayName", dc.revoked_at AS "revokedAt"
       FROM device_credentials dc JOIN devices d ON d.id = dc.device_id JOIN accounts a ON a.id = dc.child_id
       WHERE (d.parent_id = $1 OR EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = dc.child_id AND g.parent_id = $1))
         AND a.disabled_at IS NULL
       ORDER BY dc.created_at, dc.revoked_at IS NULL, dc.token_hash`,
      [parentId],
    );
    return rows as DeviceChildRow[];
  },

  async listLiveChildrenOnDevice(q, deviceId) {
    const { rows } = await q.query(
      `SELECT child_id AS "childId" FROM device_credentials WHERE device_id = $1 AND revoked_at IS NULL ORDER BY child_id`,
      [deviceId],
    );
    return (rows as { childId: string }[]).map((r) => r.childId);
  },

  async hasLiveCredential(q, deviceId, childId) {
    const { rows } = await q.query(
      `SELECT 1 FROM device_credentials WHERE device_id = $1 AND child_id = $2 AND revoked_at IS NULL`,
      [deviceId, childId],
    );
    return rows.length > 0;
  },

  async getDeviceCaller(q, tokenHash) {
    const { rows } = await q.query(
      `SELECT dc.device_id AS "deviceId", dc.child_id AS "childId", c.parent_id AS "parentId"
       FROM device_credentials dc
       JOIN devices d ON d.id = dc.device_id
       JOIN children c ON c.account_id = dc.child_id
       JOIN accounts a ON a.id = dc.child_id
       WHERE dc.token_hash = $1 AND dc.revoked_at IS NULL AND d.revoked_at IS NULL AND a.disabled_at IS NULL`,
      [tokenHash],
    );
    return rows[0] as DeviceCaller | undefined;
  },

  async revokeDevice(q, deviceId, now) {
    // One statement, so the device and its credentials are revoked together even outside a transaction.
    await q.query(
      `WITH revoked AS (UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL)
       UPDATE device_credentials SET revoked_at = $1 WHERE device_id = $2 AND revoked_at IS NULL`,
      [now, deviceId],
    );
  },

  async revokeDeviceChild(q, deviceId, childId, now) {
    const { rowCount } = await q.query(
      `UPDATE device_credentials SET revoked_at = $1 WHERE device_id = $2 AND child_id = $3 AND revoked_at IS NULL`,
      [now, deviceId, childId],
    );
    return (rowCount ?? 0) > 0;
  },
} satisfies PgModule<typeof devices>;
