import type { MessageContent, MessageState, MessageView } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type NewMessage = Readonly<{
  id: string;
  contactId: string;
  direction: 'in' | 'out';
  content: MessageContent;
  sentAt: number;
  storedAt: number;
  state: MessageState;
}>;

type MessageRow = Readonly<{
  id: string;
  contactId: string;
  direction: 'in' | 'out';
  contentJson: string;
  sentAt: number;
  state: MessageState;
}>;

/**
 * Game moves (F9) are kept as messages (dedupe, delivery states, reports' evidence) but are no chat
 * bubbles: the chat's list, its unread count and its order leave them out (the renderer draws matches).
 */
export const NOT_GAME_MOVE = `json_extract(m.body_json, '$.kind') IS NOT 'game-move'`;

const COLUMNS = `m.id, m.contact_id AS contactId, m.direction, m.body_json AS contentJson, m.sent_at AS sentAt, m.state`;

function toView(row: MessageRow): MessageView {
  return {
    messageId: row.id,
    contactId: row.contactId,
    direction: row.direction,
    content: JSON.parse(row.contentJson) as MessageContent,
    sentAt: row.sentAt,
    state: row.state,
  };
}

/** The words of a message that search should find: its text, or a photo's caption. */
export function searchTextOf(content: MessageContent): string | null {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'photo':
      return content.caption ?? null;
    case 'voice':
    case 'video':
    case 'sticker':
    case 'gif':
    case 'game':
    case 'game-move':
    case 'call-log':
    case 'daily-summary':
      return null;
    default: {
      const never: never = content;
      throw new Error(`unknown message content ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Stores a message unless one with this id is already there, or was removed here (deleted or
 * taken back). True if it was new (dedupe by id).
 */
export function insertMessage(db: WritableDB, m: NewMessage): boolean {
  return (
    prepared(
      db,
      `INSERT INTO messages (id, contact_id, direction, body_json, search_text, sent_at, stored_at, state)
         SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM removed_messages WHERE id = ?)
         ON CONFLICT (id) DO NOTHING`,
    ).run(m.id, m.contactId, m.direction, JSON.stringify(m.content), searchTextOf(m.content), m.sentAt, m.storedAt, m.state, m.id)
      .changes > 0
  );
}

/**
 * Removes a message from this store for good ("delete for me", or taken back by its sender) and
 * remembers its id, so it is never stored again. The removed message, if there was one.
 */
export function removeMessage(db: WritableDB, id: string, reason: 'deleted' | 'unsent', now: number): MessageView | undefined {
  const m = getMessage(db, id);
  prepared(db, `INSERT INTO removed_messages (id, reason, removed_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`).run(
    id,
    reason,
    now,
  );
  if (!m) return undefined;
  prepared(db, `DELETE FROM outbox WHERE message_id = ?`).run(id);
  prepared(db, `DELETE FROM messages WHERE id = ?`).run(id);
  return m;
}

/** One message by id, or undefined. */
export function getMessage(db: ReadableDB, id: string): MessageView | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM messages m WHERE m.id = ?`).get(id) as MessageRow | undefined;
  return row && toView(row);
}

/** The newest `limit` messages of a conversation (older than `before` when given), newest first. */
export function listConversation(
  db: ReadableDB,
  contactId: string,
  options: Readonly<{ before?: string; limit: number }>,
): { messages: MessageView[]; hasMore: boolean } {
  const rows = (
    options.before === undefined
      ? prepared(db, `SELECT ${COLUMNS} FROM messages m WHERE m.contact_id = ? AND ${NOT_GAME_MOVE} ORDER BY m.id DESC LIMIT ?`).all(
          contactId,
          options.limit + 1,
        )
      : prepared(
          db,
          `SELECT ${COLUMNS} FROM messages m WHERE m.contact_id = ? AND m.id < ? AND ${NOT_GAME_MOVE} ORDER BY m.id DESC LIMIT ?`,
        ).all(
          contactId,
          options.before,
          options.limit + 1,
        )
  ) as MessageRow[];
  return { messages: rows.slice(0, options.limit).map(toView), hasMore: rows.length > options.limit };
}

/**
 * Turns what a child typed into an FTS5 query: every word must match, the last one as a
 * prefix (they may still be typing). Quoting each word keeps FTS operators out. Null when
 * nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Full-text search, newest first, optionally within one conversation. */
export function searchMessages(
  db: ReadableDB,
  input: string,
  options: Readonly<{ contactId?: string; limit: number }>,
): { message: MessageView; snippet: string }[] {
  const match = toFtsQuery(input);
  if (match === null) return [];
  const select = `SELECT ${COLUMNS}, snippet(messages_fts, 0, '', '', '…', 12) AS snippet
    FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid WHERE messages_fts MATCH ?`;
  const rows = (
    options.contactId === undefined
      ? prepared(db, `${select} ORDER BY messages_fts.rowid DESC LIMIT ?`).all(match, options.limit)
      : prepared(db, `${select} AND m.contact_id = ? ORDER BY messages_fts.rowid DESC LIMIT ?`).all(
          match,
          options.contactId,
          options.limit,
        )
  ) as (MessageRow & { snippet: string })[];
  return rows.map((r) => ({ message: toView(r), snippet: r.snippet }));
}

const STATE_RANK = `CASE state WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3
  WHEN 'expired' THEN 4 WHEN 'failed' THEN 4 ELSE 5 END`;
const RANK: Readonly<Record<MessageState, number>> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  expired: 4,
  failed: 4,
  received: 5,
};

/**
 * Moves an outgoing message's state forward (a late `sent` never overwrites `delivered`).
 * True if the state changed.
 */
export function advanceMessageState(db: WritableDB, id: string, state: MessageState): boolean {
  return (
    prepared(db, `UPDATE messages SET state = ? WHERE id = ? AND direction = 'out' AND ${STATE_RANK} < ?`).run(
      state,
      id,
      RANK[state],
    ).changes > 0
  );
}

/** Incoming messages newer than `afterId` (all when null). */
export function countUnread(db: ReadableDB, contactId: string, afterId: string | null): number {
  const row = prepared(db, `SELECT COUNT(*) AS n FROM messages m WHERE contact_id = ? AND direction = 'in' AND id > ? AND ${NOT_GAME_MOVE}`).get(
    contactId,
    afterId ?? '',
  ) as { n: number };
  return row.n;
}

/** When the newest message of a conversation was sent, or null for none. */
export function lastMessageAt(db: ReadableDB, contactId: string): number | null {
  const row = prepared(db, `SELECT sent_at AS at FROM messages m WHERE contact_id = ? AND ${NOT_GAME_MOVE} ORDER BY id DESC LIMIT 1`).get(contactId) as
    { at: number } | undefined;
  return row?.at ?? null;
}
