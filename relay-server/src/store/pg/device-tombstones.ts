import type * as tombstones from '../../devices/tombstone-queries';
import type { LastSeenRow, ParentComputerRow } from '../../devices/tombstone-queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `devices/tombstone-queries.ts`: revoked credentials' tombstones and last-seen days. */
export const pgDeviceTombstones = {
  async tombstoneDeviceCredentials(q, deviceId, wipe, now) {
    const { rowCount } = await q.query(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, $1, $2 FROM device_credentials WHERE device_id = $3 AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
      [wipe, now, deviceId],
    );
    return rowCount ?? 0;
  },

  async tombstoneDeviceChildCredentials(q, deviceId, childId, wipe, now) {
    const { rowCount } = await q.query(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, $1, $2 FROM device_credentials WHERE device_id = $3 AND child_id = $4 AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
      [wipe, now, deviceId, childId],
    );
    return rowCount ?? 0;
  },

  async tombstoneChildCredentials(q, childId, wipe, now) {
    const { rowCount } = await q.query(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, $1, $2 FROM device_credentials WHERE child_id = $3 AND revoked_at IS NULL
       ON CONFLICT (token_hash) DO NOTHING`,
      [wipe, now, childId],
    );
    return rowCount ?? 0;
  },

  async tombstoneChildCredentialsEnrolledBy(q, childId, parentId, wipe, now) {
    const { rowCount } = await q.query(
      `INSERT INTO device_tombstones (token_hash, wipe, revoked_at)
       SELECT token_hash, $1, $2 FROM device_credentials WHERE child_id = $3 AND revoked_at IS NULL
         AND device_id IN (SELECT id FROM devices WHERE parent_id = $4)
       ON CONFLICT (token_hash) DO NOTHING`,
      [wipe, now, childId, parentId],
    );
    return rowCount ?? 0;
  },

  async getTombstone(q, tokenHash) {
    const { rows } = await q.query(`SELECT wipe, revoked_at AS "revokedAt" FROM device_tombstones WHERE token_hash = $1`, [
      tokenHash,
    ]);
    const row = rows[0] as { wipe: boolean; revokedAt: number } | undefined;
    return row && { wipe: row.wipe, revokedAt: row.revokedAt };
  },

  async sweepTombstones(q, before) {
    const { rowCount } = await q.query(`DELETE FROM device_tombstones WHERE revoked_at < $1`, [before]);
    return rowCount ?? 0;
  },

  async markDeviceSeen(q, deviceId, day) {
    const { rowCount } = await q.query(
      `UPDATE devices SET last_seen_day = $1 WHERE id = $2 AND (last_seen_day IS NULL OR last_seen_day < $1)`,
      [day, deviceId],
    );
    return (rowCount ?? 0) > 0;
  },

  async listLastSeen(q, parentId) {
    const { rows } = await q.query(
      `SELECT id AS "deviceId", last_seen_day AS "lastSeenDay" FROM devices d WHERE d.parent_id = $1 OR EXISTS (
         SELECT 1 FROM device_credentials dc JOIN guardians g ON g.child_id = dc.child_id
         WHERE dc.device_id = d.id AND g.parent_id = $1)
       ORDER BY id`,
      [parentId],
    );
    return rows as LastSeenRow[];
  },

  async updateDeviceInfo(q, deviceId, infoJson) {
    const { rowCount } = await q.query(`UPDATE devices SET info_json = $1 WHERE id = $2 AND revoked_at IS NULL`, [
      infoJson,
      deviceId,
    ]);
    return (rowCount ?? 0) > 0;
  },

  async markParentDeviceSeen(q, sessionId, day) {
    const { rowCount } = await q.query(
      `UPDATE parent_devices SET last_seen_day = $1 WHERE session_id = $2 AND (last_seen_day IS NULL OR last_seen_day < $1)`,
      [day, sessionId],
    );
    return (rowCount ?? 0) > 0;
  },

  async listParentComputers(q, parentId, now) {
    const { rows } = await q.query(
      `SELECT pd.id AS "deviceId", pd.session_id AS "sessionId", pd.created_at AS "createdAt", pd.last_seen_day AS "lastSeenDay"
       FROM parent_devices pd JOIN parent_sessions s ON s.id = pd.session_id
       WHERE pd.parent_id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND pd.session_expires_at > $2
       ORDER BY pd.created_at, pd.id`,
      [parentId, now],
    );
    return rows as ParentComputerRow[];
  },
} satisfies PgModule<typeof tombstones>;
