import type pg from 'pg';
import type { AnyFn, PgModule, PgQueryable, Store, StoreModules, StorePorts } from './port';
import { PG_MODULES } from './pg/index';

export type PgStore = Store & Readonly<{ kind: 'postgres'; pool: pg.Pool }>;

/** The PostgreSQL adapter modules, one per port, each the twin of a SQLite query module. */
export type PgModules = { readonly [P in keyof StoreModules]: PgModule<StoreModules[P]> };

function bindModules(q: PgQueryable): StorePorts {
  const ports = {} as Record<string, Record<string, AnyFn>>;
  for (const [name, mod] of Object.entries(PG_MODULES)) {
    const port: Record<string, AnyFn> = {};
    for (const [fnName, fn] of Object.entries(mod as Record<string, AnyFn>)) {
      if (typeof fn === 'function') port[fnName] = (...args: unknown[]) => fn(q, ...args);
    }
    ports[name] = port;
  }
  return ports as unknown as StorePorts;
}

/**
 * The store on PostgreSQL (`--database postgres://…`): the pool for single queries; a transaction
 * checks out one client, runs BEGIN … COMMIT on it (ROLLBACK on a throw) and gives the callback
 * a store bound to that client. Nested transactions are savepoints on the same client.
 */
export function createPgStore(pool: pg.Pool): PgStore {
  const onClient = (client: pg.PoolClient): PgStore => {
    let savepoints = 0;
    const tx: PgStore = Object.freeze({
      ...bindModules(client),
      kind: 'postgres' as const,
      pool,
      async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
        const name = `hearth_sp_${++savepoints}`;
        await client.query(`SAVEPOINT ${name}`);
        try {
          const result = await fn(tx);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (err) {
          await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          throw err;
        }
      },
      ping: () => store.ping(),
      eraseDeleted: () => store.eraseDeleted(),
      close: () => store.close(),
    });
    return tx;
  };

  const store: PgStore = Object.freeze({
    ...bindModules(pool),
    kind: 'postgres' as const,
    pool,
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(onClient(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true; // the connection itself failed: do not hand it out again
          }
          throw err;
        }
      } finally {
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async eraseDeleted() {
      // Nothing to do here: PostgreSQL keeps deleted rows in its WAL and backups until recycled.
    },
    async close() {
      await pool.end();
    },
  });
  return store;
}
