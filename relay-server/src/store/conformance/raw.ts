import type { Store } from '../port';
import type { SqliteStore } from '../sqlite-store';
import type { PgStore } from '../pg-store';

/**
 * Runs one statement on the store's database directly, for a conformance case's setup where no
 * port function writes what it needs (an account disabled; a guardian row before the family port's
 * own case makes one). Write it with `?` placeholders; PostgreSQL gets `$1…$n`.
 */
export async function runRaw(store: Store, sql: string, ...values: unknown[]): Promise<void> {
  if (store.kind === 'sqlite') {
    (store as SqliteStore).db.prepare(sql).run(...values);
    return;
  }
  let n = 0;
  await (store as PgStore).pool.query(
    sql.replace(/\?/g, () => `$${++n}`),
    values,
  );
}
