import type { PgStore } from '../pg-store';
import type { Store } from '../port';
import type { SqliteStore } from '../sqlite-store';

/**
 * Rows the friendship, invite, device and signaling cases stand on (accounts, children, parent
 * sessions), written with plain SQL on the store's own connection rather than through the accounts
 * and sessions ports: each port's cases then test that port alone, and a fault in another adapter
 * fails its own suite, not these. `?` placeholders become `$1…$n` on PostgreSQL.
 */
export async function seedSql(store: Store, sql: string, params: readonly unknown[] = []): Promise<void> {
  if (store.kind === 'sqlite') {
    (store as SqliteStore).db.prepare(sql).run(...params);
    return;
  }
  let n = 0;
  await (store as PgStore).pool.query(
    sql.replace(/\?/g, () => `$${++n}`),
    [...params],
  );
}

export async function seedParent(store: Store, id: string, createdAt = 1_000): Promise<void> {
  await seedSql(store, `INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'parent', ?, ?)`, [
    id,
    `Parent ${id}`,
    createdAt,
  ]);
  await seedSql(store, `INSERT INTO parents (account_id, email, password_hash) VALUES (?, ?, 'hash')`, [id, `${id}@example.org`]);
}

export async function seedChild(store: Store, id: string, parentId: string, createdAt = 1_000): Promise<void> {
  await seedSql(store, `INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'child', ?, ?)`, [
    id,
    `Child ${id}`,
    createdAt,
  ]);
  await seedSql(store, `INSERT INTO children (account_id, parent_id, username) VALUES (?, ?, ?)`, [id, parentId, `user-${id}`]);
}

export async function disableAccount(store: Store, id: string, at = 5_000): Promise<void> {
  await seedSql(store, `UPDATE accounts SET disabled_at = ? WHERE id = ?`, [at, id]);
}

export async function seedParentSession(
  store: Store,
  s: Readonly<{ id: string; parentId: string; expiresAt: number; revokedAt?: number }>,
): Promise<void> {
  await seedSql(
    store,
    `INSERT INTO parent_sessions (id, parent_id, token_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, 1000, ?, ?)`,
    [s.id, s.parentId, Buffer.from(`session-${s.id}`), s.expiresAt, s.revokedAt ?? null],
  );
}
