import pg from 'pg';
import { DatabaseError } from '@hearth/sqlite';

/** Every connection names itself so `pg_stat_activity` shows which rows are the relay's. */
export const PG_APPLICATION_NAME = 'hearth-relay';
/** A statement running longer than this is cancelled by PostgreSQL (migrations lift it). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export type PgPoolOptions = Readonly<{
  /** Connections at most (default 10). */
  max?: number;
  /** PostgreSQL cancels a statement running longer than this (default 10 s; 0: no limit). */
  statementTimeoutMs?: number;
  /** How long to wait for a connection before failing (default 5 s). */
  connectionTimeoutMs?: number;
  /**
   * Told when an idle connection fails (the server restarted, a network cut). The pool drops that
   * connection and opens another on the next query; without a listener `pg` would crash the process.
   */
  onIdleError?: (err: Error) => void;
}>;

const INT8_OID = 20;

/**
 * BIGINT as a JavaScript number: the relay's BIGINT columns are millisecond timestamps and
 * sequence numbers, far below 2^53. A value that would lose precision throws rather than
 * silently rounding. `pg` returns BIGINT as a string by default.
 */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${text} does not fit a JavaScript number`);
  return n;
}

const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A connection pool to the relay's PostgreSQL database (`postgres://` or `postgresql://` URL).
 * Each connection carries `application_name` 'hearth-relay' and a statement timeout, and reads
 * BIGINT as a number (see parseInt8). Opening connects nothing: the first query does. Throws
 * DatabaseError('cannot-open') for a URL that is not a PostgreSQL one; the message never
 * repeats the URL, which may hold a password.
 */
export function openPgPool(url: string, options: PgPoolOptions = {}): pg.Pool {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new DatabaseError('cannot-open', 'The PostgreSQL address is not a URL; write it as postgres://user@host:5432/database');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new DatabaseError(
      'cannot-open',
      `The PostgreSQL address must start with postgres:// or postgresql://, not ${protocol}//`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    application_name: PG_APPLICATION_NAME,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    types: TYPES,
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  return pool;
}
