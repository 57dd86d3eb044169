import type { WritableDB } from '@hearth/sqlite';

/**
 * Re-consent (F15, issue 14). `policy_versions`: each privacy-policy version this relay has
 * served, and when it first served it. The grace period of a new version (existing friendships
 * keep working while guardians re-consent) is counted from `first_seen_at`, so a restart does
 * not move it.
 */
export function updateToSchemaVersion14(db: WritableDB): void {
  db.exec(`
    CREATE TABLE policy_versions (
      version TEXT PRIMARY KEY,
      first_seen_at INTEGER NOT NULL
    ) STRICT;
  `);
}
