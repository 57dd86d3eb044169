import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** One consent record of a child, with the name of the grown-up who gave it (F15's history). */
export type ConsentHistoryRow = Readonly<{
  consentId: string;
  parentId: string;
  displayName: string;
  policyVersion: string;
  method: string;
  givenAt: number;
  withdrawnAt: number | null;
}>;

/**
 * Notes that this relay serves `version` from `at` on, unless it did before; returns when it was
 * first served (the start of that version's grace period).
 */
export function notePolicySeen(db: WritableDB, version: string, at: number): number {
  db.prepare(`INSERT INTO policy_versions (version, first_seen_at) VALUES (?, ?) ON CONFLICT (version) DO NOTHING`).run(
    version,
    at,
  );
  const row = db.prepare(`SELECT first_seen_at AS firstSeenAt FROM policy_versions WHERE version = ?`).get(version) as
    { firstSeenAt: number } | undefined;
  return row?.firstSeenAt ?? at;
}

/** Every consent record of this child, newest first (withdrawn ones too). */
export function consentHistory(db: ReadableDB, childId: string): ConsentHistoryRow[] {
  return db
    .prepare(
      `SELECT c.id AS consentId, c.parent_id AS parentId, a.display_name AS displayName, c.policy_version AS policyVersion,
              c.method AS method, c.given_at AS givenAt, c.withdrawn_at AS withdrawnAt
       FROM consents c JOIN accounts a ON a.id = c.parent_id
       WHERE c.child_id = ? ORDER BY c.given_at DESC, c.id DESC`,
    )
    .all(childId) as ConsentHistoryRow[];
}

/** Whether a current guardian's consent to any version stands for this child (a policy change's grace period keeps it). */
export function consentToAnyVersionStands(db: ReadableDB, childId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM consents c JOIN guardians g ON g.child_id = c.child_id AND g.parent_id = c.parent_id
         WHERE c.child_id = ? AND c.withdrawn_at IS NULL LIMIT 1`,
      )
      .get(childId) !== undefined
  );
}

/**
 * The children of this guardian that wait for their re-consent: the guardian's consent to an
 * earlier version stands for the child, and none to `version`. Sorted by id.
 */
export function childrenAwaitingReconsent(db: ReadableDB, parentId: string, version: string): string[] {
  const rows = db
    .prepare(
      `SELECT g.child_id AS childId FROM guardians g
       WHERE g.parent_id = ?
         AND EXISTS (SELECT 1 FROM consents c WHERE c.child_id = g.child_id AND c.parent_id = g.parent_id
                     AND c.withdrawn_at IS NULL AND c.policy_version <> ?)
         AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.child_id = g.child_id AND c.parent_id = g.parent_id
                         AND c.withdrawn_at IS NULL AND c.policy_version = ?)
       ORDER BY g.child_id`,
    )
    .all(parentId, version, version) as { childId: string }[];
  return rows.map((r) => r.childId);
}
