import type { FriendshipView } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type ContactRow = Readonly<{
  accountId: string;
  friendship: FriendshipView;
  lastReadId: string | null;
  /** When this PC learnt the contact's account was deleted (issue 15 §3); null while it exists. */
  goneAt: number | null;
}>;

const UPSERT = `INSERT INTO contacts (account_id, friendship_id, status, friendship_json, updated_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (account_id) DO UPDATE SET friendship_id = excluded.friendship_id, status = excluded.status,
    friendship_json = excluded.friendship_json, updated_at = excluded.updated_at, gone_at = NULL`;

/** Stores one friendship as the relay shows it now, keyed by the other side's account. */
export function upsertContact(db: WritableDB, f: FriendshipView, now: number): void {
  prepared(db, UPSERT).run(f.friend.accountId, f.friendshipId, f.status, JSON.stringify(f), now);
}

/**
 * Replaces the contact list with what the relay says now. The relay keeps every friendship,
 * ended ones too, until an account is deleted: a friendship that vanished means the other side's
 * account is gone, so the contact stays, marked gone ("no longer here"), with its messages.
 * True when anything changed, so that callers tell the UI only then.
 */
export function replaceContacts(db: WritableDB, friendships: readonly FriendshipView[], now: number): boolean {
  return db.transaction(() => {
    const before = new Map(
      (
        prepared(db, `SELECT account_id AS id, friendship_json AS json FROM contacts`).all() as { id: string; json: string }[]
      ).map((r) => [r.id, r.json]),
    );
    let changed = false;
    const keep = new Set<string>();
    for (const f of friendships) {
      if (before.get(f.friend.accountId) !== JSON.stringify(f)) {
        upsertContact(db, f, now);
        changed = true;
      }
      keep.add(f.friend.accountId);
    }
    const gone = prepared(db, `UPDATE contacts SET gone_at = ? WHERE account_id = ? AND gone_at IS NULL`);
    for (const id of before.keys()) {
      if (!keep.has(id) && gone.run(now, id).changes > 0) changed = true;
    }
    return changed;
  })();
}

type Row = { accountId: string; friendshipJson: string; lastReadId: string | null; goneAt: number | null };

/** A friendship stored before the relay sent pictures has none: `avatar` null until the next sync. */
function readFriendship(json: string): FriendshipView {
  const f = JSON.parse(json) as FriendshipView;
  return { ...f, me: { ...f.me, avatar: f.me.avatar ?? null }, friend: { ...f.friend, avatar: f.friend.avatar ?? null } };
}

const toContact = (r: Row): ContactRow => ({
  accountId: r.accountId,
  friendship: readFriendship(r.friendshipJson),
  lastReadId: r.lastReadId,
  goneAt: r.goneAt,
});

/** Every contact with its friendship as last seen and the read mark. */
export function listContacts(db: ReadableDB): ContactRow[] {
  const rows = prepared(
    db,
    `SELECT account_id AS accountId, friendship_json AS friendshipJson, last_read_id AS lastReadId, gone_at AS goneAt FROM contacts`,
  ).all() as Row[];
  return rows.map(toContact);
}

/** One contact by the other side's account id, or undefined. */
export function getContact(db: ReadableDB, accountId: string): ContactRow | undefined {
  const row = prepared(
    db,
    `SELECT account_id AS accountId, friendship_json AS friendshipJson, last_read_id AS lastReadId, gone_at AS goneAt
     FROM contacts WHERE account_id = ?`,
  ).get(accountId) as Row | undefined;
  return row && toContact(row);
}

/** Moves the read mark forward (never back). */
export function markReadUpTo(db: WritableDB, accountId: string, messageId: string): void {
  prepared(db, `UPDATE contacts SET last_read_id = ? WHERE account_id = ? AND (last_read_id IS NULL OR last_read_id < ?)`).run(
    messageId,
    accountId,
    messageId,
  );
}
