import type { AccountId, ChildId, Notice, NoticeKind } from '@hearth/common';
import type { ReadableDB, WritableDB } from '@hearth/sqlite';
import type { RelayContext } from '../context';
import { guardianIdsOf } from './queries';

type Ctx = Pick<RelayContext, 'db' | 'now' | 'newId' | 'events'>;

export type NoticeInput = Readonly<{
  kind: NoticeKind;
  childId: string;
  /** The grown-up who did it (null: the child, the other family, the operator). */
  byId: string | null;
  /** The other account concerned: the friend, the grown-up added or removed. */
  aboutId?: string | null;
  /** Who is told; default: every guardian of the child now. */
  recipients?: readonly string[];
}>;

function nameOf(db: ReadableDB, accountId: string): string | undefined {
  const row = db.prepare(`SELECT display_name AS n FROM accounts WHERE id = ?`).get(accountId) as { n: string } | undefined;
  return row?.n;
}

type NoticeRow = {
  id: string;
  kind: string;
  child_id: string;
  child_name: string;
  by_name: string | null;
  about_id: string | null;
  about_name: string | null;
  at: number;
};

function toNotice(r: NoticeRow): Notice {
  return {
    noticeId: r.id,
    kind: r.kind as NoticeKind,
    childId: r.child_id as ChildId,
    childName: r.child_name,
    byName: r.by_name,
    about: r.about_id !== null ? { accountId: r.about_id as AccountId, displayName: r.about_name ?? '?' } : null,
    at: r.at,
  };
}

function insertNotice(db: WritableDB, recipientId: string, r: NoticeRow): void {
  db.prepare(
    `INSERT INTO notices (id, recipient_parent_id, kind, child_id, child_name, by_name, about_id, about_name, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, recipientId, r.kind, r.child_id, r.child_name, r.by_name, r.about_id, r.about_name, r.at);
}

/**
 * Tells every guardian of a child (or `recipients`) what happened: a row each in `notices`, and a
 * `notice` frame at once to their live sockets (the `noticeCreated` event). Runs inside the
 * caller's transaction, before anything that removes a recipient (a deleted child's guardians).
 */
export function noticeGuardians(ctx: Ctx, input: NoticeInput): void {
  const childName = nameOf(ctx.db, input.childId);
  if (childName === undefined) return;
  const recipients = input.recipients ?? guardianIdsOf(ctx.db, input.childId);
  const byName = input.byId !== null ? (nameOf(ctx.db, input.byId) ?? null) : null;
  const aboutId = input.aboutId ?? null;
  const aboutName = aboutId !== null ? (nameOf(ctx.db, aboutId) ?? '?') : null;
  const at = ctx.now();
  for (const recipientId of new Set(recipients)) {
    const row: NoticeRow = {
      id: ctx.newId(),
      kind: input.kind,
      child_id: input.childId,
      child_name: childName,
      by_name: byName,
      about_id: aboutId,
      about_name: aboutName,
      at,
    };
    insertNotice(ctx.db, recipientId, row);
    ctx.events.emit('noticeCreated', { recipientId, notice: toNotice(row) });
  }
}

/** A grown-up's notices, newest first. */
export function listNotices(db: ReadableDB, parentId: string, limit: number): Notice[] {
  const rows = db
    .prepare(
      `SELECT id, kind, child_id, child_name, by_name, about_id, about_name, at FROM notices
       WHERE recipient_parent_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(parentId, limit) as NoticeRow[];
  return rows.map(toNotice);
}
