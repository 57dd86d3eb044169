/** Throwaway PostgreSQL databases for tests, on the server TESTING.md says every machine runs. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database of the machine's PostgreSQL (trust auth on loopback). */
export const POSTGRES_ADMIN_URL = process.env.HEARTH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const TEST_DB_PREFIX = 'hearth_test_';

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers a query at `adminUrl` (within 3 s). */
export async function postgresAnswers(adminUrl: string = POSTGRES_ADMIN_URL): Promise<boolean> {
  try {
    await withAdmin(adminUrl, (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * For `describe.skipIf(await withoutPostgres())`: true where PostgreSQL does not answer, so a
 * developer without it skips the PostgreSQL tests. Under `CI=true` a silent PostgreSQL throws
 * instead: CI fails rather than passing with those tests skipped.
 */
export async function withoutPostgres(options: Readonly<{ env?: NodeJS.ProcessEnv; adminUrl?: string }> = {}): Promise<boolean> {
  const adminUrl = options.adminUrl ?? POSTGRES_ADMIN_URL;
  if (await postgresAnswers(adminUrl)) return false;
  if ((options.env ?? process.env).CI === 'true') {
    throw new Error(
      `PostgreSQL does not answer at ${new URL(adminUrl).host}; start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (see TESTING.md). Under CI=true PostgreSQL tests must run, not skip`,
    );
  }
  return true;
}

export type TestDatabase = Readonly<{
  /** `hearth_test_<random>`. */
  name: string;
  /** A URL to it, as the relay would be given. */
  url: string;
  /** Ends every connection still open to it, then drops it. Safe to call twice. */
  drop: () => Promise<void>;
}>;

/**
 * Creates an empty database `hearth_test_<random>` (so parallel files and runs never meet) and
 * returns its URL; `drop()` removes it, ending its connections first (a pool a test forgot to
 * close does not keep it alive).
 */
export async function createTestDatabase(options: Readonly<{ adminUrl?: string }> = {}): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? POSTGRES_ADMIN_URL;
  const name = `${TEST_DB_PREFIX}${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
          name,
        ]);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}
