import type * as quiet from '../../quiet/queries';
import type { ContactWindowsRow, HeldDeadlineRow, QuietSettingsRow } from '../../quiet/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `quiet/queries.ts`: quiet hours and daily time (issue 14). */
export const pgQuiet = {
  async getQuietSettings(q, childId) {
    const { rows } = await q.query(
      `SELECT child_id AS "childId", schedule_json AS "scheduleJson", time_zone AS "timeZone",
         quiet_now_until AS "quietNowUntil", updated_at AS "updatedAt"
       FROM quiet_settings WHERE child_id = $1`,
      [childId],
    );
    return rows[0] as QuietSettingsRow | undefined;
  },

  async saveQuietSchedule(q, childId, scheduleJson, now) {
    await q.query(
      `INSERT INTO quiet_settings (child_id, schedule_json, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (child_id) DO UPDATE SET schedule_json = excluded.schedule_json, updated_at = excluded.updated_at`,
      [childId, scheduleJson, now],
    );
  },

  async setQuietTimeZone(q, childId, timeZone, now) {
    await q.query(
      `INSERT INTO quiet_settings (child_id, time_zone, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (child_id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
      [childId, timeZone, now],
    );
  },

  async setQuietNowUntil(q, childId, until, now) {
    await q.query(
      `INSERT INTO quiet_settings (child_id, quiet_now_until, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (child_id) DO UPDATE SET quiet_now_until = excluded.quiet_now_until, updated_at = excluded.updated_at`,
      [childId, until, now],
    );
  },

  async enrolmentDeviceInfo(q, childId) {
    const { rows } = await q.query(
      `SELECT d.info_json AS "infoJson" FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = $1 ORDER BY dc.created_at, dc.token_hash LIMIT 1`,
      [childId],
    );
    return (rows[0] as { infoJson: string } | undefined)?.infoJson;
  },

  async listContactWindows(q, childId) {
    const { rows } = await q.query(
      `SELECT contact_id AS "contactId", allowed_json AS "allowedJson" FROM quiet_contact_windows
       WHERE child_id = $1 ORDER BY contact_id COLLATE "C"`,
      [childId],
    );
    return rows as ContactWindowsRow[];
  },

  async setContactWindows(q, childId, contactId, allowedJson) {
    if (allowedJson === null) {
      await q.query(`DELETE FROM quiet_contact_windows WHERE child_id = $1 AND contact_id = $2`, [childId, contactId]);
      return;
    }
    await q.query(
      `INSERT INTO quiet_contact_windows (child_id, contact_id, allowed_json) VALUES ($1, $2, $3)
       ON CONFLICT (child_id, contact_id) DO UPDATE SET allowed_json = excluded.allowed_json`,
      [childId, contactId, allowedJson],
    );
  },

  async listReachOff(q, childId) {
    const { rows } = await q.query(
      `SELECT parent_id AS "parentId" FROM quiet_reach_off WHERE child_id = $1 ORDER BY parent_id COLLATE "C"`,
      [childId],
    );
    return (rows as { parentId: string }[]).map((r) => r.parentId);
  },

  async setQuietReach(q, childId, parentId, reach) {
    if (reach) await q.query(`DELETE FROM quiet_reach_off WHERE child_id = $1 AND parent_id = $2`, [childId, parentId]);
    else {
      await q.query(`INSERT INTO quiet_reach_off (child_id, parent_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        childId,
        parentId,
      ]);
    }
  },

  async addExtraMinutes(q, childId, day, minutes) {
    const { rows } = await q.query(
      `INSERT INTO quiet_extra_minutes (child_id, day, minutes) VALUES ($1, $2, $3)
       ON CONFLICT (child_id, day) DO UPDATE SET minutes = quiet_extra_minutes.minutes + excluded.minutes
       RETURNING minutes`,
      [childId, day, minutes],
    );
    return (rows[0] as { minutes: number }).minutes;
  },

  async getExtraMinutes(q, childId, day) {
    const { rows } = await q.query(`SELECT minutes FROM quiet_extra_minutes WHERE child_id = $1 AND day = $2`, [childId, day]);
    return (rows[0] as { minutes: number } | undefined)?.minutes ?? 0;
  },

  async recordUsageMinutes(q, childId, minutes) {
    if (minutes.length === 0) return;
    // Nothing for a child deleted meanwhile (its last socket closes after the delete).
    await q.query(
      `INSERT INTO quiet_usage_minutes (child_id, minute)
       SELECT $1, unnest($2::bigint[]) WHERE EXISTS (SELECT 1 FROM children WHERE account_id = $1) ON CONFLICT DO NOTHING`,
      [childId, [...minutes]],
    );
  },

  async countUsageMinutes(q, childId, fromMinute, toMinute) {
    const { rows } = await q.query(
      `SELECT COUNT(*)::int AS n FROM quiet_usage_minutes WHERE child_id = $1 AND minute >= $2 AND minute < $3`,
      [childId, fromMinute, toMinute],
    );
    return (rows[0] as { n: number }).n;
  },

  async listUsageMinutes(q, childId, fromMinute, toMinute) {
    const { rows } = await q.query(
      `SELECT minute::float8 AS minute FROM quiet_usage_minutes WHERE child_id = $1 AND minute >= $2 AND minute < $3 ORDER BY minute`,
      [childId, fromMinute, toMinute],
    );
    return (rows as { minute: number }[]).map((r) => r.minute);
  },

  async purgeQuietUsage(q, beforeMinute, beforeDay) {
    await q.query(`DELETE FROM quiet_usage_minutes WHERE minute < $1`, [beforeMinute]);
    await q.query(`DELETE FROM quiet_extra_minutes WHERE day < $1`, [beforeDay]);
  },

  async listHeldDeadlines(q, childId) {
    const { rows } = await q.query(
      `SELECT seq, created_at AS "createdAt", expires_at AS "expiresAt", quiet_left_ms AS "leftMs", quiet_left_at AS "leftAt"
       FROM messages WHERE recipient_id = $1 AND NOT delivered ORDER BY seq`,
      [childId],
    );
    return rows as HeldDeadlineRow[];
  },

  async setHeldDeadline(q, seq, expiresAt, leftMs, leftAt) {
    await q.query(
      `UPDATE messages SET expires_at = $1, quiet_left_ms = $2, quiet_left_at = $3 WHERE seq = $4 AND NOT delivered`,
      [expiresAt, leftMs, leftAt, seq],
    );
  },
} satisfies PgModule<typeof quiet>;
