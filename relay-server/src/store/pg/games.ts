import type * as games from '../../games/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `games/queries.ts`: the games switch. */
export const pgGames = {
  async areGamesOff(q, childId) {
    const { rows } = await q.query(`SELECT 1 FROM games_off WHERE child_id = $1`, [childId]);
    return rows.length > 0;
  },

  async setGamesOff(q, childId, off) {
    if (off === null) {
      await q.query(`DELETE FROM games_off WHERE child_id = $1`, [childId]);
      return;
    }
    await q.query(
      `INSERT INTO games_off (child_id, turned_off_by, turned_off_at) VALUES ($1, $2, $3)
       ON CONFLICT (child_id) DO UPDATE SET turned_off_by = excluded.turned_off_by, turned_off_at = excluded.turned_off_at`,
      [childId, off.by, off.now],
    );
  },
} satisfies PgModule<typeof games>;
