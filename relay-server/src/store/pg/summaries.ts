import type * as summaries from '../../summaries/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `summaries/queries.ts`: the daily summary's opt-in. */
export const pgSummaries = {
  async isDailySummaryOn(q, childId) {
    const { rows } = await q.query(`SELECT 1 FROM daily_summary_optins WHERE child_id = $1`, [childId]);
    return rows.length > 0;
  },

  async setDailySummary(q, childId, on) {
    if (on === null) {
      await q.query(`DELETE FROM daily_summary_optins WHERE child_id = $1`, [childId]);
      return;
    }
    await q.query(
      `INSERT INTO daily_summary_optins (child_id, enabled_by, enabled_at) VALUES ($1, $2, $3)
       ON CONFLICT (child_id) DO UPDATE SET enabled_by = excluded.enabled_by, enabled_at = excluded.enabled_at`,
      [childId, on.enabledBy, on.now],
    );
  },
} satisfies PgModule<typeof summaries>;
