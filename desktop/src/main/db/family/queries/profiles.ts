import { ErrorCode, HearthError, type ProfileKind } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';
import { vaultOf } from '../../../stores/credential-vault';

export type ProfileRow = Readonly<{
  childId: string;
  kind: ProfileKind;
  parentId: string;
  displayName: string;
  username: string;
  avatar: string | null;
  /** A child's device credential; in parent mode, the parent's relay session token. */
  deviceToken: string;
  /** The parent session's id (parent mode only), to end it on the relay. */
  sessionId: string | null;
  /** When the parent session ends (parent mode only). */
  tokenExpiresAt: number | null;
  position: number;
  addedAt: number;
  /** argon2id hash of the child's picture password, or null when there is none. */
  pictureHash: string | null;
  pictureFailures: number;
  pictureRetryAt: number | null;
}>;

/** What enrollment knows of a child's profile. */
export type NewChildProfile = Readonly<{
  childId: string;
  parentId: string;
  displayName: string;
  username: string;
  avatar: string | null;
  deviceToken: string;
  addedAt: number;
}>;

const COLUMNS = `child_id AS childId, kind, parent_id AS parentId, display_name AS displayName, username, avatar,
  device_token AS deviceToken, session_id AS sessionId, token_expires_at AS tokenExpiresAt, position, added_at AS addedAt,
  picture_hash AS pictureHash, picture_failures AS pictureFailures, picture_retry_at AS pictureRetryAt`;

/** The credential as main uses it: sealed at rest (issue 17 §4), opened only here. */
function opened(db: ReadableDB, row: ProfileRow | undefined): ProfileRow | undefined {
  return row && { ...row, deviceToken: vaultOf(db).open(row.deviceToken) };
}

/** Every profile on this PC, in picker order. */
export function listProfiles(db: ReadableDB): ProfileRow[] {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM profiles ORDER BY position, added_at`).all() as ProfileRow[];
  return rows.map((r) => opened(db, r) as ProfileRow);
}

/** One profile, or undefined when the account has none on this PC. */
export function getProfile(db: ReadableDB, childId: string): ProfileRow | undefined {
  return opened(db, prepared(db, `SELECT ${COLUMNS} FROM profiles WHERE child_id = ?`).get(childId) as ProfileRow | undefined);
}

/** One profile; NOT_FOUND when the account has none on this PC. */
export function requireProfile(db: ReadableDB, childId: string): ProfileRow {
  const p = getProfile(db, childId);
  if (!p) throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
  return p;
}

/** True when this PC holds a parent-mode profile (a parent's relay session). */
export function hasParentProfile(db: ReadableDB): boolean {
  return prepared(db, `SELECT 1 FROM profiles WHERE kind = 'parent' LIMIT 1`).get() !== undefined;
}

/** True when this PC holds at least one child profile. */
export function hasChildProfile(db: ReadableDB): boolean {
  return prepared(db, `SELECT 1 FROM profiles WHERE kind = 'child' LIMIT 1`).get() !== undefined;
}

/** Adds a child's profile or replaces its credential and names (re-enrollment). */
export function upsertProfile(db: WritableDB, p: NewChildProfile): void {
  prepared(
    db,
    `INSERT INTO profiles (child_id, kind, parent_id, display_name, username, avatar, device_token, position, added_at)
     VALUES (?, 'child', ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM profiles), ?)
     ON CONFLICT (child_id) DO UPDATE SET parent_id = excluded.parent_id, display_name = excluded.display_name,
       username = excluded.username, avatar = COALESCE(excluded.avatar, profiles.avatar), device_token = excluded.device_token
     WHERE profiles.kind = 'child'`,
  ).run(p.childId, p.parentId, p.displayName, p.username, p.avatar, vaultOf(db).seal(p.deviceToken), p.addedAt);
}

/** Stores (or renews) the parent-mode profile: the parent's account and the relay session kept for it. */
export function putParentProfile(
  db: WritableDB,
  p: Readonly<{ parentId: string; displayName: string; token: string; sessionId: string; expiresAt: number; addedAt: number }>,
): void {
  prepared(
    db,
    `INSERT INTO profiles (child_id, kind, parent_id, display_name, username, avatar, device_token, session_id,
       token_expires_at, position, added_at)
     VALUES (?, 'parent', ?, ?, '', NULL, ?, ?, ?, 0, ?)
     ON CONFLICT (child_id) DO UPDATE SET display_name = excluded.display_name, device_token = excluded.device_token,
       session_id = excluded.session_id, token_expires_at = excluded.token_expires_at
     WHERE profiles.kind = 'parent'`,
  ).run(p.parentId, p.parentId, p.displayName, vaultOf(db).seal(p.token), p.sessionId, p.expiresAt, p.addedAt);
}

/** Changes the shown name and/or picture (an absent field stays as it is). */
export function updateProfileDetails(
  db: WritableDB,
  childId: string,
  patch: Readonly<{ displayName?: string; avatar?: string | null }>,
): void {
  prepared(
    db,
    `UPDATE profiles SET display_name = COALESCE(?, display_name), avatar = CASE WHEN ? THEN ? ELSE avatar END WHERE child_id = ?`,
  ).run(patch.displayName ?? null, patch.avatar !== undefined ? 1 : 0, patch.avatar ?? null, childId);
}

/** Sets or (null) removes a child's picture password hash, and clears its wrong tries. */
export function setPictureHash(db: WritableDB, childId: string, hash: string | null): void {
  prepared(
    db,
    `UPDATE profiles SET picture_hash = ?, picture_failures = 0, picture_retry_at = NULL WHERE child_id = ? AND kind = 'child'`,
  ).run(hash, childId);
}

/** Records wrong picture passwords in a row and when the next try is allowed. */
export function setPictureFailures(db: WritableDB, childId: string, failures: number, retryAt: number | null): void {
  prepared(db, `UPDATE profiles SET picture_failures = ?, picture_retry_at = ? WHERE child_id = ?`).run(
    failures,
    retryAt,
    childId,
  );
}

/** Removes the profile (and its credential) from this PC. True if there was one. */
export function deleteProfile(db: WritableDB, childId: string): boolean {
  return prepared(db, `DELETE FROM profiles WHERE child_id = ?`).run(childId).changes > 0;
}

/** Seals every credential still kept in plaintext (an older Hearth, or before a keyring existed). */
export function sealPlaintextCredentials(db: WritableDB): number {
  const vault = vaultOf(db);
  const rows = prepared(db, `SELECT child_id AS childId, device_token AS token FROM profiles`).all() as {
    childId: string;
    token: string;
  }[];
  let sealed = 0;
  for (const r of rows) {
    if (!vault.wantsSealing(r.token)) continue;
    prepared(db, `UPDATE profiles SET device_token = ? WHERE child_id = ?`).run(vault.seal(r.token), r.childId);
    sealed++;
  }
  return sealed;
}
