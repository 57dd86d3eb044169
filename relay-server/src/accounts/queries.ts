import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type ParentRow = Readonly<{
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: number;
  /** When the grown-up proved the mailbox (issue 12); null if never. */
  emailVerifiedAt: number | null;
}>;
export type ChildRow = Readonly<{
  id: string;
  parentId: string;
  displayName: string;
  username: string;
  birthday: string | null;
  gender: string | null;
  avatar: string | null;
  createdAt: number;
}>;
export type AccountRow = Readonly<{
  id: string;
  kind: 'parent' | 'child';
  displayName: string;
  parentId: string | null;
  /** A child's picture id; null for a parent. */
  avatar: string | null;
}>;

export function insertParent(
  db: WritableDB,
  p: Readonly<{ id: string; email: string; displayName: string; passwordHash: string; createdAt: number }>,
): void {
  // Both rows or neither (a taken email leaves no half account), as the PostgreSQL twin's one statement.
  db.transaction(() => {
    db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'parent', ?, ?)`).run(
      p.id,
      p.displayName,
      p.createdAt,
    );
    db.prepare(`INSERT INTO parents (account_id, email, password_hash) VALUES (?, ?, ?)`).run(p.id, p.email, p.passwordHash);
  })();
}

const PARENT_COLUMNS = `a.id AS id, p.email AS email, a.display_name AS displayName, p.password_hash AS passwordHash, a.created_at AS createdAt,
  p.email_verified_at AS emailVerifiedAt`;

export function getParentByEmail(db: ReadableDB, email: string): ParentRow | undefined {
  return db
    .prepare(
      `SELECT ${PARENT_COLUMNS} FROM parents p JOIN accounts a ON a.id = p.account_id WHERE p.email = ? AND a.disabled_at IS NULL`,
    )
    .get(email) as ParentRow | undefined;
}

export function getParentById(db: ReadableDB, id: string): ParentRow | undefined {
  return db
    .prepare(
      `SELECT ${PARENT_COLUMNS} FROM parents p JOIN accounts a ON a.id = p.account_id WHERE p.account_id = ? AND a.disabled_at IS NULL`,
    )
    .get(id) as ParentRow | undefined;
}

export function insertChild(
  db: WritableDB,
  c: Readonly<{
    id: string;
    parentId: string;
    displayName: string;
    username: string;
    birthday: string | null;
    gender: string | null;
    avatar: string | null;
    createdAt: number;
  }>,
): void {
  // Both rows or neither (a taken username leaves no half account), as the PostgreSQL twin's one statement.
  db.transaction(() => {
    db.prepare(`INSERT INTO accounts (id, kind, display_name, created_at) VALUES (?, 'child', ?, ?)`).run(
      c.id,
      c.displayName,
      c.createdAt,
    );
    db.prepare(`INSERT INTO children (account_id, parent_id, username, birthday, gender, avatar) VALUES (?, ?, ?, ?, ?, ?)`).run(
      c.id,
      c.parentId,
      c.username,
      c.birthday,
      c.gender,
      c.avatar,
    );
  })();
}

const CHILD_COLUMNS = `a.id AS id, c.parent_id AS parentId, a.display_name AS displayName, c.username AS username,
  c.birthday AS birthday, c.gender AS gender, c.avatar AS avatar, a.created_at AS createdAt`;

export function getChild(db: ReadableDB, id: string): ChildRow | undefined {
  return db
    .prepare(
      `SELECT ${CHILD_COLUMNS} FROM children c JOIN accounts a ON a.id = c.account_id WHERE c.account_id = ? AND a.disabled_at IS NULL`,
    )
    .get(id) as ChildRow | undefined;
}

/** The children this grown-up is a guardian of (issue 12: a child may have several guardians). */
export function listChildrenOfParent(db: ReadableDB, parentId: string): ChildRow[] {
  return db
    .prepare(
      `SELECT ${CHILD_COLUMNS} FROM children c JOIN accounts a ON a.id = c.account_id
       WHERE c.account_id IN (SELECT child_id FROM guardians WHERE parent_id = ?) AND a.disabled_at IS NULL
       ORDER BY a.created_at, a.id`,
    )
    .all(parentId) as ChildRow[];
}

export function usernameExists(db: ReadableDB, username: string): boolean {
  return db.prepare(`SELECT 1 FROM children WHERE username = ?`).get(username) !== undefined;
}

export function updateChild(
  db: WritableDB,
  id: string,
  patch: Readonly<{ displayName?: string; birthday?: string | null; gender?: string | null; avatar?: string | null }>,
): void {
  if (patch.displayName !== undefined) db.prepare(`UPDATE accounts SET display_name = ? WHERE id = ?`).run(patch.displayName, id);
  if (patch.birthday !== undefined) db.prepare(`UPDATE children SET birthday = ? WHERE account_id = ?`).run(patch.birthday, id);
  if (patch.gender !== undefined) db.prepare(`UPDATE children SET gender = ? WHERE account_id = ?`).run(patch.gender, id);
  if (patch.avatar !== undefined) db.prepare(`UPDATE children SET avatar = ? WHERE account_id = ?`).run(patch.avatar, id);
}

export function getAccount(db: ReadableDB, id: string): AccountRow | undefined {
  return db
    .prepare(
      `SELECT a.id AS id, a.kind AS kind, a.display_name AS displayName, c.parent_id AS parentId, c.avatar AS avatar
       FROM accounts a LEFT JOIN children c ON c.account_id = a.id WHERE a.id = ? AND a.disabled_at IS NULL`,
    )
    .get(id) as AccountRow | undefined;
}

export type ConsentRow = Readonly<{
  consentId: string;
  parentId: string;
  childId: string;
  policyVersion: string;
  method: string;
  givenAt: number;
}>;

export function insertConsent(db: WritableDB, c: ConsentRow): void {
  db.prepare(`INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    c.consentId,
    c.parentId,
    c.childId,
    c.policyVersion,
    c.method,
    c.givenAt,
  );
}

export function listConsents(db: ReadableDB, parentId: string): ConsentRow[] {
  return db
    .prepare(
      `SELECT id AS consentId, parent_id AS parentId, child_id AS childId, policy_version AS policyVersion,
              method, given_at AS givenAt
       FROM consents WHERE parent_id = ? ORDER BY given_at, id`,
    )
    .all(parentId) as ConsentRow[];
}
