import type pg from 'pg';

/** How often an instance on PostgreSQL looks for a newer schema. */
export const SCHEMA_POLL_MS = 5_000;

export type SchemaWatchOptions = Readonly<{
  /** The newest schema version this relay knows (its migrations' count). */
  known: number;
  /** Told once, with the version found, when the database is newer than `known`. */
  onNewer: (found: number) => void;
  /** Told when a poll fails (the database is down: `/health` says so; the watch goes on). */
  onError: (err: Error) => void;
  intervalMs?: number;
}>;

/**
 * Polls `schema_migrations` for a version this relay does not know. The upgrade procedure
 * (README) starts one new relay, which migrates; every old instance still running sees the newer
 * version here within one interval and drains, rather than write rows in a shape the new schema
 * no longer means. Returns the function that stops the watch.
 */
export function watchPgSchema(pool: pg.Pool, options: SchemaWatchOptions): () => void {
  let stopped = false;
  let busy = false;
  const poll = async (): Promise<void> => {
    if (busy || stopped) return;
    busy = true;
    try {
      const { rows } = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      const found = rows[0]?.version ?? 0;
      if (found > options.known && !stopped) {
        stopped = true;
        clearInterval(timer);
        options.onNewer(found);
      }
    } catch (err) {
      if (!stopped) options.onError(err as Error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), options.intervalMs ?? SCHEMA_POLL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
