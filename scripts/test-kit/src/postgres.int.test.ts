import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL, createTestDatabase, withoutPostgres } from './postgres';

const exists = async (name: string): Promise<boolean> => {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
};

describe('withoutPostgres', () => {
  // Port 1 on loopback: nothing answers there.
  const silent = 'postgres://postgres@127.0.0.1:1/postgres';

  it('skips where PostgreSQL does not answer, outside CI', async () => {
    await expect(withoutPostgres({ adminUrl: silent, env: {} })).resolves.toBe(true);
  });

  it('fails under CI=true with a sentence saying how to start it', async () => {
    await expect(withoutPostgres({ adminUrl: silent, env: { CI: 'true' } })).rejects.toThrow(
      /PostgreSQL does not answer at 127\.0\.0\.1:1; start it with: pg_ctlcluster/,
    );
  });
});

describe.skipIf(await withoutPostgres())('createTestDatabase', () => {
  it('makes a fresh hearth_test_ database and drops it, even with a connection left open', async () => {
    const [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(one.name).toMatch(/^hearth_test_[0-9a-f]{12}$/);
    expect(one.name).not.toBe(two.name);
    expect(new URL(one.url).pathname).toBe(`/${one.name}`);
    const forgotten = new pg.Client({ connectionString: one.url });
    forgotten.on('error', () => {}); // it is about to be terminated
    await forgotten.connect();
    expect((await forgotten.query('SELECT current_database() AS db')).rows[0]).toEqual({ db: one.name });
    await one.drop();
    await one.drop(); // twice is fine
    expect(await exists(one.name)).toBe(false);
    expect(await exists(two.name)).toBe(true);
    await two.drop();
    expect(await exists(two.name)).toBe(false);
    await forgotten.end().catch(() => {});
  });
});
