import type * as franking from '../../franking/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `franking/queries.ts`: the relay's franking records (id, MAC, time). */
export const pgFranking = {
  async insertFrank(q, messageId, mac, createdAt) {
    await q.query(
      `INSERT INTO message_franks (message_id, mac, created_at) VALUES ($1, $2, $3) ON CONFLICT (message_id, mac) DO NOTHING`,
      [messageId, mac, createdAt],
    );
  },

  async listFrankMacs(q, messageId) {
    const { rows } = await q.query(`SELECT mac FROM message_franks WHERE message_id = $1`, [messageId]);
    return (rows as { mac: Buffer }[]).map((r) => r.mac);
  },

  async deleteFranksUpTo(q, madeAtOrBefore, limit) {
    const { rowCount } = await q.query(
      `DELETE FROM message_franks WHERE (message_id, mac) IN
         (SELECT message_id, mac FROM message_franks WHERE created_at <= $1 LIMIT $2)`,
      [madeAtOrBefore, limit],
    );
    return rowCount ?? 0;
  },
} satisfies PgModule<typeof franking>;
