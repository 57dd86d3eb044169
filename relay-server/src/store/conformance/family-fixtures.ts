import type { Store } from '../port';
import type { SqliteStore } from '../sqlite-store';
import type { PgStore } from '../pg-store';

/**
 * Rows the family cases stand on (accounts, parents, children, consents, devices), written with
 * plain SQL on either adapter (`?` placeholders; `$n` on PostgreSQL), so that the family ports are
 * tested on their own, not through the accounts and devices ports. Flags are never bound here
 * (SQLite has no booleans to bind): the rows use only text, numbers and NULL.
 */
export async function sql(store: Store, text: string, ...values: unknown[]): Promise<unknown[]> {
  if (store.kind === 'sqlite') {
    const stmt = (store as SqliteStore).db.prepare(text);
    if (stmt.reader) return stmt.all(...values);
    stmt.run(...values);
    return [];
  }
  let n = 0;
  const pgText = text.replace(/\?/g, () => `$${++n}`);
  return (await (store as PgStore).pool.query(pgText, values)).rows;
}

export async function addParent(
  store: Store,
  id: string,
  name: string,
  opts: Readonly<{ createdAt?: number; disabledAt?: number; verifiedAt?: number }> = {},
): Promise<void> {
  await sql(
    store,
    `INSERT INTO accounts (id, kind, display_name, created_at, disabled_at) VALUES (?, 'parent', ?, ?, ?)`,
    id,
    name,
    opts.createdAt ?? 1_000,
    opts.disabledAt ?? null,
  );
  await sql(
    store,
    `INSERT INTO parents (account_id, email, password_hash, email_verified_at) VALUES (?, ?, 'hash', ?)`,
    id,
    `${id.toLowerCase()}@example.test`,
    opts.verifiedAt ?? null,
  );
}

export async function addChild(
  store: Store,
  id: string,
  name: string,
  parentId: string,
  opts: Readonly<{ createdAt?: number; disabledAt?: number }> = {},
): Promise<void> {
  await sql(
    store,
    `INSERT INTO accounts (id, kind, display_name, created_at, disabled_at) VALUES (?, 'child', ?, ?, ?)`,
    id,
    name,
    opts.createdAt ?? 2_000,
    opts.disabledAt ?? null,
  );
  await sql(store, `INSERT INTO children (account_id, parent_id, username) VALUES (?, ?, ?)`, id, parentId, `user-${id}`);
}

export async function addConsent(
  store: Store,
  c: Readonly<{ id: string; parentId: string; childId: string; policyVersion: string; withdrawnAt?: number }>,
): Promise<void> {
  await sql(
    store,
    `INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at, withdrawn_at) VALUES (?, ?, ?, ?, 'checkbox', 5000, ?)`,
    c.id,
    c.parentId,
    c.childId,
    c.policyVersion,
    c.withdrawnAt ?? null,
  );
}

/** A PC enrolled by `parentId`, with a credential for each child (revoked where `revokedAt` says so). */
export async function addDevice(
  store: Store,
  id: string,
  parentId: string,
  children: readonly Readonly<{ childId: string; revokedAt?: number }>[],
): Promise<void> {
  await sql(
    store,
    `INSERT INTO devices (id, parent_id, name, info_json, enrolled_at) VALUES (?, ?, 'PC', '{}', 3000)`,
    id,
    parentId,
  );
  for (const c of children) {
    await sql(
      store,
      `INSERT INTO device_credentials (token_hash, device_id, child_id, created_at, revoked_at) VALUES (?, ?, ?, 3000, ?)`,
      Buffer.from(`${id}:${c.childId}:${c.revokedAt ?? 'live'}`),
      id,
      c.childId,
      c.revokedAt ?? null,
    );
  }
}
