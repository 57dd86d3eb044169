import type { AttachmentInfo, AttachmentKind, AttachmentMime } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type AttachmentRow = AttachmentInfo & Readonly<{ uploaded: boolean; createdAt: number }>;

type Row = Omit<AttachmentRow, 'uploaded'> & { uploaded: number };
const SELECT = `SELECT hash, kind, mime, size, state, uploaded, created_at AS createdAt FROM attachments`;
const toRow = (r: Row): AttachmentRow => ({ ...r, uploaded: r.uploaded === 1 });

/** Records an attachment unless it is already known (same bytes, same hash). True if new. */
export function insertAttachment(
  db: WritableDB,
  a: Readonly<{
    hash: string;
    kind: AttachmentKind;
    mime: AttachmentMime;
    size: number;
    state: AttachmentInfo['state'];
    now: number;
  }>,
): boolean {
  return (
    prepared(
      db,
      `INSERT INTO attachments (hash, kind, mime, size, state, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
    ).run(a.hash, a.kind, a.mime, a.size, a.state, a.now).changes > 0
  );
}

/** One attachment by hash, or undefined. */
export function getAttachment(db: ReadableDB, hash: string): AttachmentRow | undefined {
  const row = prepared(db, `${SELECT} WHERE hash = ?`).get(hash) as Row | undefined;
  return row && toRow(row);
}

/**
 * A downloaded attachment's file is complete. `size` is the stored file's size when it differs from
 * what was sent (a picture whose metadata was removed on receipt).
 */
export function markAttachmentReady(db: WritableDB, hash: string, size?: number): void {
  prepared(db, `UPDATE attachments SET state = 'ready', size = coalesce(?, size) WHERE hash = ? AND state = 'downloading'`).run(
    size ?? null,
    hash,
  );
}

/**
 * Was this attachment changed on receipt (a picture's metadata removed)? Stripping only ever takes
 * bytes away, so the stored file is smaller than the size its message says was sent.
 */
export function changedOnReceipt(db: ReadableDB, hash: string, sentSize: number): boolean {
  const row = getAttachment(db, hash);
  return row !== undefined && row.state === 'ready' && row.size < sentSize;
}

/** The relay holds these bytes: a re-send need not upload them again. */
export function markAttachmentUploaded(db: WritableDB, hash: string): void {
  prepared(db, `UPDATE attachments SET uploaded = 1 WHERE hash = ?`).run(hash);
}

/** Friends' attachments still to fetch from the relay (also after a crash mid-download). */
export function pendingDownloads(db: ReadableDB): AttachmentRow[] {
  return (prepared(db, `${SELECT} WHERE state = 'downloading' ORDER BY created_at`).all() as Row[]).map(toRow);
}
