import type * as keys from '../../keys/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `keys/queries.ts`: the relay's own secret keys. */
export const pgKeys = {
  async getRelayKey(q, name) {
    const { rows } = await q.query(`SELECT secret FROM relay_keys WHERE name = $1`, [name]);
    return (rows[0] as { secret: Buffer } | undefined)?.secret;
  },

  async insertRelayKeyIfAbsent(q, name, secret, now) {
    await q.query(`INSERT INTO relay_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
      name,
      secret,
      now,
    ]);
  },
} satisfies PgModule<typeof keys>;
