import type { WritableDB } from '@hearth/sqlite';

/**
 * Profile kinds and picture passwords. A `parent` profile exists only on a grown-up's own PC
 * (parent mode): its `device_token` is that parent's relay session, which is why no PC with a
 * child profile may hold one. A child's picture password is an argon2id hash, never the
 * pictures themselves; wrong tries slow the next one and survive a restart.
 */
export function updateToSchemaVersion2(db: WritableDB): void {
  db.exec(`
    ALTER TABLE profiles ADD COLUMN kind TEXT NOT NULL DEFAULT 'child' CHECK (kind IN ('child', 'parent'));
    ALTER TABLE profiles ADD COLUMN session_id TEXT;
    ALTER TABLE profiles ADD COLUMN token_expires_at INTEGER;
    ALTER TABLE profiles ADD COLUMN picture_hash TEXT;
    ALTER TABLE profiles ADD COLUMN picture_failures INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE profiles ADD COLUMN picture_retry_at INTEGER;
  `);
}
