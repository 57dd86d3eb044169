import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** Whether a child's guardians switched the counts-only daily summary on (off by default). */
export function isDailySummaryOn(db: ReadableDB, childId: string): boolean {
  return db.prepare(`SELECT 1 FROM daily_summary_optins WHERE child_id = ?`).get(childId) !== undefined;
}

/** Switches a child's daily summary on (recording who and when) or off. */
export function setDailySummary(db: WritableDB, childId: string, on: Readonly<{ enabledBy: string; now: number }> | null): void {
  if (on === null) {
    db.prepare(`DELETE FROM daily_summary_optins WHERE child_id = ?`).run(childId);
    return;
  }
  db.prepare(
    `INSERT INTO daily_summary_optins (child_id, enabled_by, enabled_at) VALUES (?, ?, ?)
     ON CONFLICT (child_id) DO UPDATE SET enabled_by = excluded.enabled_by, enabled_at = excluded.enabled_at`,
  ).run(childId, on.enabledBy, on.now);
}
