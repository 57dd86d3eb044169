import type * as attachments from '../../attachments/queries';
import type { AttachmentRow } from '../../attachments/queries';
import type { PgModule } from '../port';

/**
 * Attachment metadata on PostgreSQL: the twin of attachments/queries.ts (the bytes are in the
 * blob store). `linked` is BOOLEAN here and in the row; sums are cast back to BIGINT (a SUM of
 * BIGINT is NUMERIC, which `pg` would give as a string).
 */
export const pgAttachments = {
  async recordUpload(q, a) {
    await q.query(
      `INSERT INTO attachments (hash, size, mime, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hash) DO UPDATE SET created_at = excluded.created_at, linked = false`,
      [a.hash, a.size, a.mime, a.now],
    );
    await q.query(
      `INSERT INTO attachment_uploads (hash, account_id, uploaded_at) VALUES ($1, $2, $3)
       ON CONFLICT (hash, account_id) DO UPDATE SET uploaded_at = excluded.uploaded_at`,
      [a.hash, a.accountId, a.now],
    );
  },

  async getAttachment(q, hash) {
    const { rows } = await q.query(
      `SELECT hash, size, mime, created_at AS "createdAt", linked FROM attachments WHERE hash = $1`,
      [hash],
    );
    return rows[0] as AttachmentRow | undefined;
  },

  async hasUploaded(q, hash, accountId) {
    const { rows } = await q.query(`SELECT 1 FROM attachment_uploads WHERE hash = $1 AND account_id = $2`, [hash, accountId]);
    return rows.length > 0;
  },

  async markAttachmentLinked(q, hash, accountId, freshAfter) {
    await q.query(
      `UPDATE attachments SET linked = true WHERE hash = $1 AND NOT linked
         AND NOT EXISTS (SELECT 1 FROM attachment_uploads WHERE hash = $1 AND account_id <> $2 AND uploaded_at > $3)`,
      [hash, accountId, freshAfter],
    );
  },

  async deleteAttachmentIfUnreferenced(q, hash) {
    const result = await q.query(
      `DELETE FROM attachments WHERE hash = $1 AND linked AND NOT EXISTS (SELECT 1 FROM messages WHERE attachment_hash = $1)`,
      [hash],
    );
    return (result.rowCount ?? 0) > 0;
  },

  async deleteDeadAttachments(q, unlinkedBefore) {
    const { rows } = await q.query(
      `DELETE FROM attachments WHERE (linked OR created_at < $1)
         AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.attachment_hash = attachments.hash)
       RETURNING hash`,
      [unlinkedBefore],
    );
    return (rows as { hash: string }[]).map((r) => r.hash);
  },

  async listAttachmentHashes(q) {
    const { rows } = await q.query(`SELECT hash FROM attachments`);
    return (rows as { hash: string }[]).map((r) => r.hash);
  },

  async accountAttachmentBytes(q, accountId) {
    const { rows } = await q.query(
      `SELECT COALESCE(SUM(a.size), 0)::bigint AS n FROM attachment_uploads u JOIN attachments a ON a.hash = u.hash
       WHERE u.account_id = $1`,
      [accountId],
    );
    return (rows[0] as { n: number }).n;
  },

  async totalAttachmentBytes(q) {
    const { rows } = await q.query(`SELECT COALESCE(SUM(size), 0)::bigint AS n FROM attachments`);
    return (rows[0] as { n: number }).n;
  },

  async attachmentHashesOfAccount(q, accountId) {
    const { rows } = await q.query(
      `SELECT hash FROM attachment_uploads WHERE account_id = $1
       UNION SELECT attachment_hash FROM messages WHERE (sender_id = $1 OR recipient_id = $1) AND attachment_hash IS NOT NULL
       ORDER BY 1`,
      [accountId],
    );
    return (rows as { hash: string }[]).map((r) => r.hash);
  },

  async deleteAttachmentIfOrphaned(q, hash) {
    const result = await q.query(
      `DELETE FROM attachments WHERE hash = $1
         AND NOT EXISTS (SELECT 1 FROM messages WHERE attachment_hash = $1)
         AND (linked OR NOT EXISTS (SELECT 1 FROM attachment_uploads WHERE hash = $1))`,
      [hash],
    );
    return (result.rowCount ?? 0) > 0;
  },
} satisfies PgModule<typeof attachments>;
