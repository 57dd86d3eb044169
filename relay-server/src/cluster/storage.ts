import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { migrate, openDatabase } from '@hearth/sqlite';
import type { RelayConfig } from '../config';
import { RELAY_MIGRATIONS } from '../db/migrations/index';
import { RELAY_PG_MIGRATIONS, migratePg, openPgPool } from '../db/pg/index';
import type { Store } from '../store/port';
import { createSqliteStore } from '../store/sqlite-store';
import { createPgStore } from '../store/pg-store';
import type { Bus } from '../bus/port';
import { createInProcessBus } from '../bus/in-process';
import { createRedisBus } from '../bus/redis';
import { lockDataFolder } from './folder-lock';
import { takePgInstanceLock } from './pg-instance-lock';
import { watchPgSchema } from './schema-watch';
import { openRateLimitRedis } from './shared-limits';
import type { StopReason } from './draining';

/** What the relay keeps its state in and talks to the other instances through, chosen by the config. */
export type Storage = Readonly<{
  store: Store;
  bus: Bus;
  /** With `--bus`: the Redis client of the shared rate limits. */
  limitsRedis: Redis | null;
  /** Stops the schema watch, closes the bus, Redis and the store, then frees the instance lock. */
  close(): Promise<void>;
}>;

export type StorageOptions = Readonly<{
  log: FastifyBaseLogger;
  now: () => number;
  /** Told when this instance must stop by itself (a newer schema, a lost lock): the app drains. */
  onStop: (reason: StopReason) => void;
  /** How often to look for a newer schema on PostgreSQL. Default 5 s. */
  schemaPollMs?: number;
  /**
   * A bus made by the caller (tests of several instances in one process), used instead of the one
   * `config.busUrl` names, and left open on close: its maker closes it. A Redis one counts as a bus
   * for the instance lock.
   */
  bus?: Bus;
}>;

/** Whether this instance shares its state through a bus: then its instance lock is shared. */
function hasBus(config: RelayConfig, options: StorageOptions): boolean {
  return config.busUrl !== null || options.bus?.kind === 'redis';
}

/**
 * The relay's WAL is folded into its file every 4,000 pages (16 MiB), not SQLite's 1,000: the
 * durable queue's hot index pages are copied once per checkpoint rather than four times, and the
 * file is synced a quarter as often (issue 18, `bench:relay`: about 5 % more messages a second).
 * A deletion that must leave nothing still truncates the WAL at once (`eraseDeleted`).
 */
export const RELAY_WAL_CHECKPOINT_PAGES = 4000;

async function openSqlite(config: RelayConfig, options: StorageOptions): Promise<{ store: Store; release: () => Promise<void> }> {
  // Opened first (it creates the folder and names the file in its error), then locked, then migrated:
  // a second relay on the folder stops before it touches the schema.
  const db = openDatabase(path.join(config.dataDir, 'relay.sqlite'), { logger: options.log.child({ component: 'sqlite' }) });
  let lock;
  try {
    lock = lockDataFolder(config.dataDir, { shared: hasBus(config, options) });
    migrate(db, RELAY_MIGRATIONS);
    db.pragma(`wal_autocheckpoint = ${RELAY_WAL_CHECKPOINT_PAGES}`);
  } catch (err) {
    db.close();
    lock?.release();
    throw err;
  }
  const store = createSqliteStore(db);
  return {
    store,
    release: async () => {
      await store.close();
      lock.release();
    },
  };
}

async function openPostgres(
  url: string,
  config: RelayConfig,
  options: StorageOptions,
): Promise<{ store: Store; release: () => Promise<void> }> {
  const { log, onStop } = options;
  // The instance lock first: a relay that may not run here refuses before it migrates anything.
  const lock = await takePgInstanceLock(url, {
    shared: hasBus(config, options),
    instanceName: config.instanceName,
    onLost: (err) =>
      onStop({
        code: 'instance-lock-lost',
        message: `This instance lost its PostgreSQL instance lock (${err.message}) and stops: another relay may now run beside it.`,
      }),
  });
  const pool = openPgPool(url, { onIdleError: (err) => log.warn({ err: err.message }, 'an idle PostgreSQL connection failed') });
  const known = RELAY_PG_MIGRATIONS.length;
  try {
    await migratePg(pool, RELAY_PG_MIGRATIONS);
  } catch (err) {
    await pool.end().catch(() => undefined);
    await lock.release();
    throw err;
  }
  const stopWatch = watchPgSchema(pool, {
    known,
    ...(options.schemaPollMs !== undefined ? { intervalMs: options.schemaPollMs } : {}),
    onError: (err) => log.warn({ err: err.message }, 'could not read the schema version'),
    onNewer: (found) =>
      onStop({
        code: 'schema-newer',
        message: `A newer relay migrated the database to schema ${found} (this relay knows ${known}); this instance drains and stops. Update it before starting it again.`,
      }),
  });
  const store = createPgStore(pool);
  return {
    store,
    release: async () => {
      stopWatch();
      await store.close();
      await lock.release();
    },
  };
}

/**
 * Opens the relay's storage: the SQLite file in the data folder (locked against a second relay)
 * by default, or PostgreSQL with `--database` (instance lock, migrations, schema watch); the
 * in-process bus, or Redis with `--bus` (plus the shared rate-limit client). Everything opened is
 * closed again if a later step fails.
 */
export async function openStorage(config: RelayConfig, options: StorageOptions): Promise<Storage> {
  const { log, now } = options;
  let store: Store;
  let release: () => Promise<void>;
  if (config.databaseUrl === null) {
    ({ store, release } = await openSqlite(config, options));
  } else {
    ({ store, release } = await openPostgres(config.databaseUrl, config, options));
  }
  let limitsRedis: Redis | null = null;
  let bus: Bus;
  try {
    if (config.busUrl !== null) limitsRedis = await openRateLimitRedis(config.busUrl, log.child({ component: 'limits' }));
    bus =
      options.bus ??
      (config.busUrl !== null
        ? await createRedisBus({
            url: config.busUrl,
            prefix: config.busPrefix,
            instance: config.instanceName,
            log: log.child({ component: 'bus' }),
          })
        : createInProcessBus(config.instanceName, now));
  } catch (err) {
    limitsRedis?.disconnect();
    await release();
    throw err;
  }
  return Object.freeze({
    store,
    bus,
    limitsRedis,
    async close() {
      if (bus !== options.bus) await bus.close();
      if (limitsRedis) await limitsRedis.quit().catch(() => limitsRedis?.disconnect());
      await release();
    },
  });
}
