import pg from 'pg';
import { StartRefusal } from './start-refusal';
import { describeAddress } from './address';

/**
 * The session advisory lock every relay instance on PostgreSQL holds for its whole life ('Hearth'
 * in ASCII, then 2; the migration lock, PG_MIGRATION_LOCK_KEY, ends in 1). Instances with a bus
 * hold it SHARED, so any number run together; a relay without a bus holds it EXCLUSIVE, so it
 * runs alone: its presence, caches and signaling live in its own memory and would silently
 * disagree with a second instance's.
 */
export const PG_INSTANCE_LOCK_KEY = '0x4865617274680002';
const KEY = BigInt(PG_INSTANCE_LOCK_KEY);
/** How pg_locks shows a bigint advisory key: high and low 32 bits, objsubid 1. */
const KEY_HIGH = Number(KEY >> 32n);
const KEY_LOW = Number(KEY & 0xffffffffn);

export type PgInstanceLock = Readonly<{
  mode: 'shared' | 'exclusive';
  /** Ends the dedicated connection, which frees the lock. */
  release(): Promise<void>;
}>;

export type PgInstanceLockOptions = Readonly<{
  /** True for an instance with a bus (`--bus`): the lock is shared; false: exclusive. */
  shared: boolean;
  /** Shown in `pg_stat_activity.application_name` (`hearth-relay:<name>`), and in a refusal. */
  instanceName: string;
  /**
   * Told when the lock's connection ends unasked (PostgreSQL restarted, a network cut): the
   * instance no longer holds the lock and must stop, since another may now start beside it.
   */
  onLost: (err: Error) => void;
}>;

type Holder = Readonly<{ mode: string; name: string }>;

async function holders(client: pg.Client): Promise<Holder[]> {
  const { rows } = await client.query<Holder>(
    `SELECT l.mode, coalesce(a.application_name, '') AS name
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 1 AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [KEY_HIGH, KEY_LOW],
  );
  return rows;
}

function names(list: readonly Holder[]): string {
  const shown = list.map((h) => h.name.replace(/^hearth-relay:/, '')).filter(Boolean);
  return shown.length > 0 ? ` (${[...new Set(shown)].join(', ')})` : '';
}

function refusal(shared: boolean, found: readonly Holder[]): StartRefusal {
  const lone = found.filter((h) => h.mode === 'ExclusiveLock');
  if (lone.length > 0) {
    return new StartRefusal(
      'database-has-lone-relay',
      `A relay without --bus${names(lone)} is already running on this PostgreSQL database, and a relay without a bus must be the only one. ` +
        (shared
          ? 'Stop it, then start every instance with the same --bus redis://….'
          : 'Stop it first, or start every instance with the same --bus redis://….'),
    );
  }
  return new StartRefusal(
    'database-has-relays',
    `Relays with --bus${names(found)} are already running on this PostgreSQL database; a relay without a bus cannot run beside them. ` +
      'Start this one with the same --bus redis://… as the others.',
  );
}

/**
 * Takes the instance lock on a connection of its own, kept open (with TCP keepalive) for the
 * life of the instance; refuses with StartRefusal, naming the instances in the way, when
 * the lock is held in the other mode (or exclusively). Never waits: a refused start is immediate.
 */
export async function takePgInstanceLock(url: string, options: PgInstanceLockOptions): Promise<PgInstanceLock> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `hearth-relay:${options.instanceName}`.slice(0, 63),
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  // Until the lock is ours, a failing connection is reported by the awaited query, not here.
  let released = false;
  let held = false;
  const lost = (err: Error): void => {
    if (released || !held) return;
    released = true;
    options.onLost(err);
  };
  client.on('error', lost);
  client.on('end', () => lost(new Error('the instance lock connection ended')));
  try {
    await client.connect();
  } catch (err) {
    throw new StartRefusal(
      'database-unreachable',
      `Cannot reach the PostgreSQL database ${describeAddress(url)}: ${(err as Error).message}`,
    );
  }
  try {
    const fn = options.shared ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
    const { rows } = await client.query<{ ok: boolean }>(`SELECT ${fn}($1::bigint) AS ok`, [KEY.toString()]);
    if (rows[0]?.ok !== true) throw refusal(options.shared, await holders(client));
    held = true;
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return Object.freeze({
    mode: options.shared ? 'shared' : 'exclusive',
    async release() {
      if (released) return;
      released = true;
      await client.end().catch(() => undefined);
    },
  });
}
