import type * as accounts from '../../accounts/queries';
import type { AccountRow, ChildRow, ConsentRow, ParentRow } from '../../accounts/queries';
import type { PgModule, PgQueryable } from '../port';

/**
 * The accounts port on PostgreSQL, twin of `accounts/queries.ts`. Emails: SQLite's `COLLATE NOCASE`
 * folds ASCII letters only, so an address is looked up by `lower(email COLLATE "C")` (ASCII-only,
 * the same) after `lower(email)` (which lets the `parents_email_lower` index find the candidates).
 * Text ordered for ties (`id`) is ordered `COLLATE "C"`, byte order as SQLite's BINARY.
 */
const PARENT_COLUMNS = `a.id AS id, p.email AS email, a.display_name AS "displayName", p.password_hash AS "passwordHash",
  a.created_at AS "createdAt", p.email_verified_at AS "emailVerifiedAt"`;

const CHILD_COLUMNS = `a.id AS id, c.parent_id AS "parentId", a.display_name AS "displayName", c.username AS username,
  c.birthday AS birthday, c.gender AS gender, c.avatar AS avatar, a.created_at AS "createdAt"`;

async function one<T>(q: PgQueryable, text: string, values: unknown[]): Promise<T | undefined> {
  const { rows } = await q.query(text, values);
  return rows[0] as T | undefined;
}

export const pgAccounts = {
  async insertParent(q, p) {
    // One statement: both rows or neither, as the SQLite function's transaction.
    await q.query(
      `WITH account AS (INSERT INTO accounts (id, kind, display_name, created_at) VALUES ($1, 'parent', $2, $3) RETURNING id)
       INSERT INTO parents (account_id, email, password_hash) SELECT id, $4, $5 FROM account`,
      [p.id, p.displayName, p.createdAt, p.email, p.passwordHash],
    );
  },

  async getParentByEmail(q, email) {
    return one<ParentRow>(
      q,
      `SELECT ${PARENT_COLUMNS} FROM parents p JOIN accounts a ON a.id = p.account_id
       WHERE lower(p.email) = lower($1) AND lower(p.email COLLATE "C") = lower($1 COLLATE "C") AND a.disabled_at IS NULL`,
      [email],
    );
  },

  async getParentById(q, id) {
    return one<ParentRow>(
      q,
      `SELECT ${PARENT_COLUMNS} FROM parents p JOIN accounts a ON a.id = p.account_id WHERE p.account_id = $1 AND a.disabled_at IS NULL`,
      [id],
    );
  },

  async insertChild(q, c) {
    await q.query(
      `WITH account AS (INSERT INTO accounts (id, kind, display_name, created_at) VALUES ($1, 'child', $2, $3) RETURNING id)
       INSERT INTO children (account_id, parent_id, username, birthday, gender, avatar) SELECT id, $4, $5, $6, $7, $8 FROM account`,
      [c.id, c.displayName, c.createdAt, c.parentId, c.username, c.birthday, c.gender, c.avatar],
    );
  },

  async getChild(q, id) {
    return one<ChildRow>(
      q,
      `SELECT ${CHILD_COLUMNS} FROM children c JOIN accounts a ON a.id = c.account_id WHERE c.account_id = $1 AND a.disabled_at IS NULL`,
      [id],
    );
  },

  async listChildrenOfParent(q, parentId) {
    const { rows } = await q.query(
      `SELECT ${CHILD_COLUMNS} FROM children c JOIN accounts a ON a.id = c.account_id
       WHERE c.account_id IN (SELECT child_id FROM guardians WHERE parent_id = $1) AND a.disabled_at IS NULL
       ORDER BY a.created_at, a.id COLLATE "C"`,
      [parentId],
    );
    return rows as ChildRow[];
  },

  async usernameExists(q, username) {
    const { rows } = await q.query(`SELECT 1 FROM children WHERE username = $1`, [username]);
    return rows.length > 0;
  },

  async updateChild(q, id, patch) {
    if (patch.displayName !== undefined) {
      await q.query(`UPDATE accounts SET display_name = $1 WHERE id = $2`, [patch.displayName, id]);
    }
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [column, value] of [
      ['birthday', patch.birthday],
      ['gender', patch.gender],
      ['avatar', patch.avatar],
    ] as const) {
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (sets.length === 0) return;
    values.push(id);
    await q.query(`UPDATE children SET ${sets.join(', ')} WHERE account_id = $${values.length}`, values);
  },

  async getAccount(q, id) {
    return one<AccountRow>(
      q,
      `SELECT a.id AS id, a.kind AS kind, a.display_name AS "displayName", c.parent_id AS "parentId", c.avatar AS avatar
       FROM accounts a LEFT JOIN children c ON c.account_id = a.id WHERE a.id = $1 AND a.disabled_at IS NULL`,
      [id],
    );
  },

  async insertConsent(q, c) {
    await q.query(
      `INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.consentId, c.parentId, c.childId, c.policyVersion, c.method, c.givenAt],
    );
  },

  async listConsents(q, parentId) {
    const { rows } = await q.query(
      `SELECT id AS "consentId", parent_id AS "parentId", child_id AS "childId", policy_version AS "policyVersion",
              method, given_at AS "givenAt"
       FROM consents WHERE parent_id = $1 ORDER BY given_at, id COLLATE "C"`,
      [parentId],
    );
    return rows as ConsentRow[];
  },
} satisfies PgModule<typeof accounts>;
