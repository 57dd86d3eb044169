import type pg from 'pg';
import { DatabaseError } from '@hearth/sqlite';

/**
 * One numbered PostgreSQL schema change (the relay's PostgreSQL migrations are numbered on their
 * own, apart from the SQLite ones). Never edit a shipped one; add the next number instead.
 */
export type PgMigration = Readonly<{ version: number; name: string; up: (client: pg.ClientBase) => Promise<void> }>;

/**
 * The session advisory lock every relay takes while it migrates, so two relays starting together
 * migrate once: the second waits, then finds nothing left to do. ('Hearth' in ASCII, then 1;
 * issue 13's instance lock must use another key.)
 */
export const PG_MIGRATION_LOCK_KEY = '0x4865617274680001';
const LOCK_KEY_DECIMAL = BigInt(PG_MIGRATION_LOCK_KEY).toString();

function checkContiguous(migrations: readonly PgMigration[]): PgMigration[] {
  const sorted = [...migrations].sort((x, y) => x.version - y.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new DatabaseError(
        'migrations-not-contiguous',
        `PostgreSQL migrations must be numbered 1, 2, 3…; found ${m.version} at position ${i + 1}`,
        { found: m.version, position: i + 1 },
      );
    }
  });
  return sorted;
}

async function recordedVersions(client: pg.ClientBase): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => r.version);
}

/**
 * Brings a PostgreSQL database to the newest schema. Holding PG_MIGRATION_LOCK_KEY, it records
 * each applied migration in `schema_migrations` (version, name, applied_at in ms) and runs each
 * pending one in its own transaction, with its row written inside it: a failing step rolls back
 * to the last good version. Refuses a list not numbered 1, 2, 3…, a database whose recorded
 * versions have a gap, and a database newer than the code (DatabaseError, nothing changed).
 * Statement timeouts are lifted for the migrating connection. Returns the version now in force.
 */
export async function migratePg(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<number> {
  const sorted = checkContiguous(migrations);
  const latest = sorted.length;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1::bigint)', [LOCK_KEY_DECIMAL]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY CHECK (version > 0),
        name TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
      const recorded = await recordedVersions(client);
      const current = recorded.length === 0 ? 0 : Math.max(...recorded);
      if (current > latest) {
        throw new DatabaseError(
          'from-the-future',
          `This PostgreSQL database was migrated by a newer relay (schema ${current}, this relay knows ${latest}). Update this relay before starting it on this database.`,
          { current, latest },
        );
      }
      const gap = recorded.findIndex((v, i) => v !== i + 1);
      if (gap >= 0) {
        throw new DatabaseError(
          'migrations-not-contiguous',
          `This PostgreSQL database records schema versions ${recorded.join(', ')}: version ${gap + 1} is missing, so its schema cannot be trusted. Restore it from a backup.`,
          { recorded, missing: gap + 1 },
        );
      }
      for (const m of sorted.slice(current)) {
        await client.query('BEGIN');
        try {
          await m.up(client);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      return latest;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [LOCK_KEY_DECIMAL]);
      await client.query('RESET statement_timeout');
    }
  } catch (err) {
    // A connection left in an unknown state (a failed ROLLBACK or unlock) is closed, not reused:
    // closing it also frees the advisory lock.
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}
