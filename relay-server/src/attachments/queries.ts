import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type AttachmentRow = Readonly<{ hash: string; size: number; mime: string; createdAt: number; linked: boolean }>;

/**
 * Records an upload (the bytes are on disk already). The same bytes uploaded twice are one
 * attachment; a new upload counts as fresh (unlinked), so it is not deleted with an older message.
 */
export function recordUpload(
  db: WritableDB,
  a: Readonly<{ hash: string; size: number; mime: string; accountId: string; now: number }>,
): void {
  prepared(
    db,
    `INSERT INTO attachments (hash, size, mime, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (hash) DO UPDATE SET created_at = excluded.created_at, linked = 0`,
  ).run(a.hash, a.size, a.mime, a.now);
  prepared(
    db,
    `INSERT INTO attachment_uploads (hash, account_id, uploaded_at) VALUES (?, ?, ?)
     ON CONFLICT (hash, account_id) DO UPDATE SET uploaded_at = excluded.uploaded_at`,
  ).run(a.hash, a.accountId, a.now);
}

export function getAttachment(db: ReadableDB, hash: string): AttachmentRow | undefined {
  const row = prepared(db, `SELECT hash, size, mime, created_at AS createdAt, linked FROM attachments WHERE hash = ?`).get(
    hash,
  ) as (Omit<AttachmentRow, 'linked'> & { linked: number }) | undefined;
  return row && { ...row, linked: row.linked === 1 };
}

export function hasUploaded(db: ReadableDB, hash: string, accountId: string): boolean {
  return prepared(db, `SELECT 1 FROM attachment_uploads WHERE hash = ? AND account_id = ?`).get(hash, accountId) !== undefined;
}

/**
 * `accountId` sends the attachment: linked, it goes with the last message that carries it. Not
 * while another account's upload of the same bytes made after `freshAfter` waits to be sent (two
 * families may upload one picture): linked, it would go with this message and that upload with it;
 * it is then left to the sweeper, as an upload not yet sent.
 */
export function markAttachmentLinked(db: WritableDB, hash: string, accountId: string, freshAfter: number): void {
  prepared(
    db,
    `UPDATE attachments SET linked = 1 WHERE hash = ? AND linked = 0
       AND NOT EXISTS (SELECT 1 FROM attachment_uploads WHERE hash = ? AND account_id <> ? AND uploaded_at > ?)`,
  ).run(hash, hash, accountId, freshAfter);
}

/** Deletes a linked attachment's row once no queued message references it; true when it did. */
export function deleteAttachmentIfUnreferenced(db: WritableDB, hash: string): boolean {
  return (
    prepared(
      db,
      `DELETE FROM attachments WHERE hash = ? AND linked = 1 AND NOT EXISTS (SELECT 1 FROM messages WHERE attachment_hash = ?)`,
    ).run(hash, hash).changes > 0
  );
}

/**
 * Deletes the rows of attachments no message references any more: those that were linked, and
 * uploads never linked before `unlinkedBefore`. Returns their hashes, for the files to go too.
 */
export function deleteDeadAttachments(db: WritableDB, unlinkedBefore: number): string[] {
  const rows = prepared(
    db,
    `DELETE FROM attachments WHERE (linked = 1 OR created_at < ?)
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.attachment_hash = attachments.hash)
     RETURNING hash`,
  ).all(unlinkedBefore) as { hash: string }[];
  return rows.map((r) => r.hash);
}

export function listAttachmentHashes(db: ReadableDB): string[] {
  return (prepared(db, `SELECT hash FROM attachments`).all() as { hash: string }[]).map((r) => r.hash);
}

/** Bytes of the stored attachments this account uploaded (each counted once, however often uploaded). */
export function accountAttachmentBytes(db: ReadableDB, accountId: string): number {
  return (
    prepared(
      db,
      `SELECT COALESCE(SUM(a.size), 0) AS n FROM attachment_uploads u JOIN attachments a ON a.hash = u.hash WHERE u.account_id = ?`,
    ).get(accountId) as { n: number }
  ).n;
}

/** Bytes of every stored attachment. */
export function totalAttachmentBytes(db: ReadableDB): number {
  return (prepared(db, `SELECT COALESCE(SUM(size), 0) AS n FROM attachments`).get() as { n: number }).n;
}

/**
 * The attachments an account uploaded or that a queued message to or from it carries: what may
 * have to go when the account is deleted (F12). Sorted.
 */
export function attachmentHashesOfAccount(db: ReadableDB, accountId: string): string[] {
  return (
    prepared(
      db,
      `SELECT hash FROM attachment_uploads WHERE account_id = ?
       UNION SELECT attachment_hash FROM messages WHERE (sender_id = ? OR recipient_id = ?) AND attachment_hash IS NOT NULL
       ORDER BY 1`,
    ).all(accountId, accountId, accountId) as { hash: string }[]
  ).map((r) => r.hash);
}

/**
 * Deletes an attachment's row once no queued message carries it, and it was sent (linked) or
 * nobody's upload of it is left (an account deleted: its uploads went with it); a fresh upload
 * of the same bytes by someone else keeps it. True when it did, and the bytes may go.
 */
export function deleteAttachmentIfOrphaned(db: WritableDB, hash: string): boolean {
  return (
    prepared(
      db,
      `DELETE FROM attachments WHERE hash = ?
         AND NOT EXISTS (SELECT 1 FROM messages WHERE attachment_hash = ?)
         AND (linked = 1 OR NOT EXISTS (SELECT 1 FROM attachment_uploads WHERE hash = ?))`,
    ).run(hash, hash, hash).changes > 0
  );
}
