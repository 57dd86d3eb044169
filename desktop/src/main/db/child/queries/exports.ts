import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';
import { NOT_GAME_MOVE } from './messages';

/**
 * The family's export (issue 15 §4). "A grown-up saved a copy" is kept as a row of the activity
 * log (kind `copy-saved`, no contact), so it lives 30 days like the image-log opens and needs no
 * new table; the per-day counts skip rows without a contact.
 */
const COPY_SAVED = 'copy-saved';

/** Records that a grown-up saved a copy of the child's Hearth, so the child is told. */
export function logCopySaved(db: WritableDB, at: number): void {
  prepared(db, `INSERT INTO activity_log (at, kind, contact_id, minutes) VALUES (?, ?, NULL, 0)`).run(at, COPY_SAVED);
}

/** When a grown-up saved a copy, newest first, since `since`. */
export function copiesSaved(db: ReadableDB, since: number): number[] {
  return (
    prepared(db, `SELECT at FROM activity_log WHERE kind = ? AND at >= ? ORDER BY at DESC`).all(COPY_SAVED, since) as {
      at: number;
    }[]
  ).map((r) => r.at);
}

/** One message as the export reads it, with its attachment's type when this PC holds the file's row. */
export type ExportMessageRow = Readonly<{
  id: string;
  contactId: string;
  direction: 'in' | 'out';
  bodyJson: string;
  sentAt: number;
  state: string;
  month: string;
  mime: string | null;
  fileState: string | null;
}>;

/** Every message, by conversation then month then id: an iterator, never the whole store in memory. */
export function iterateMessagesForExport(db: ReadableDB): IterableIterator<ExportMessageRow> {
  return db
    .prepare(
      `SELECT m.id, m.contact_id AS contactId, m.direction, m.body_json AS bodyJson, m.sent_at AS sentAt, m.state,
              strftime('%Y-%m', m.sent_at / 1000, 'unixepoch') AS month, a.mime, a.state AS fileState
         FROM messages m LEFT JOIN attachments a ON a.hash = json_extract(m.body_json, '$.attachment.hash')
        WHERE ${NOT_GAME_MOVE} ORDER BY m.contact_id, month, m.id`,
    )
    .iterate() as IterableIterator<ExportMessageRow>;
}

/** Messages per conversation and month (a handful of rows: the index's links). */
export function conversationMonths(db: ReadableDB): { contactId: string; month: string; n: number }[] {
  return db
    .prepare(
      `SELECT contact_id AS contactId, strftime('%Y-%m', sent_at / 1000, 'unixepoch') AS month, COUNT(*) AS n
         FROM messages m WHERE ${NOT_GAME_MOVE} GROUP BY contact_id, month ORDER BY contact_id, month`,
    )
    .all() as { contactId: string; month: string; n: number }[];
}

export type ExportAttachmentRow = Readonly<{ hash: string; kind: string; mime: string; size: number; createdAt: number }>;

/** Attachments whose file this PC holds (not still downloading). */
export function iterateAttachmentsForExport(db: ReadableDB): IterableIterator<ExportAttachmentRow> {
  return db
    .prepare(`SELECT hash, kind, mime, size, created_at AS createdAt FROM attachments WHERE state != 'downloading' ORDER BY hash`)
    .iterate() as IterableIterator<ExportAttachmentRow>;
}

/** Counts for the progress bar: messages and attachments to write. */
export function exportCounts(db: ReadableDB): { messages: number; attachments: number } {
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    messages: one(`SELECT COUNT(*) AS n FROM messages m WHERE ${NOT_GAME_MOVE}`),
    attachments: one(`SELECT COUNT(*) AS n FROM attachments WHERE state != 'downloading'`),
  };
}

/** Any table of the child's store, row by row (calls, activity, history, image-log opens). */
export function iterateTable(
  db: ReadableDB,
  table: 'call_log' | 'activity_log' | 'friendship_history' | 'image_log_opens',
): IterableIterator<Record<string, unknown>> {
  const order: Record<typeof table, string> = {
    call_log: 'started_at',
    activity_log: 'at',
    friendship_history: 'at',
    image_log_opens: 'at',
  };
  // Table and column names come from the fixed list above, never from input.
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${order[table]}`).iterate() as IterableIterator<Record<string, unknown>>;
}
