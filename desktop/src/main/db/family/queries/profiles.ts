import type { ReadableDB, WritableDB } from '../../database';
import { prepare } from '../../prepared';

export type ProfileRow = Readonly<{
  childId: string;
  parentId: string;
  displayName: string;
  username: string;
  avatar: string | null;
  deviceToken: string;
  position: number;
  addedAt: number;
}>;

const COLUMNS = `child_id AS childId, parent_id AS parentId, display_name AS displayName, username, avatar,
  device_token AS deviceToken, position, added_at AS addedAt`;

/** Every profile on this PC, in picker order. */
export function listProfiles(db: ReadableDB): ProfileRow[] {
  return prepare(db, `SELECT ${COLUMNS} FROM profiles ORDER BY position, added_at`).all() as ProfileRow[];
}

/** One profile, or undefined when the child has none on this PC. */
export function getProfile(db: ReadableDB, childId: string): ProfileRow | undefined {
  return prepare(db, `SELECT ${COLUMNS} FROM profiles WHERE child_id = ?`).get(childId) as ProfileRow | undefined;
}

/** Adds a profile or replaces its credential and names (re-enrollment). */
export function upsertProfile(db: WritableDB, p: Omit<ProfileRow, 'position'>): void {
  prepare(
    db,
    `INSERT INTO profiles (child_id, parent_id, display_name, username, avatar, device_token, position, added_at)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM profiles), ?)
     ON CONFLICT (child_id) DO UPDATE SET parent_id = excluded.parent_id, display_name = excluded.display_name,
       username = excluded.username, avatar = COALESCE(excluded.avatar, profiles.avatar), device_token = excluded.device_token`,
  ).run(p.childId, p.parentId, p.displayName, p.username, p.avatar, p.deviceToken, p.addedAt);
}

/** Changes the shown name and/or picture (an absent field stays as it is). */
export function updateProfileDetails(
  db: WritableDB,
  childId: string,
  patch: Readonly<{ displayName?: string; avatar?: string | null }>,
): void {
  prepare(
    db,
    `UPDATE profiles SET display_name = COALESCE(?, display_name), avatar = CASE WHEN ? THEN ? ELSE avatar END WHERE child_id = ?`,
  ).run(patch.displayName ?? null, patch.avatar !== undefined ? 1 : 0, patch.avatar ?? null, childId);
}

/** Removes the profile (and its credential) from this PC. True if there was one. */
export function deleteProfile(db: WritableDB, childId: string): boolean {
  return prepare(db, `DELETE FROM profiles WHERE child_id = ?`).run(childId).changes > 0;
}
