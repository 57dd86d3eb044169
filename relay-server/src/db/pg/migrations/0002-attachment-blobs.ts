import type pg from 'pg';

/**
 * Attachments kept in PostgreSQL (`--blobs postgres`, issue 13): fixed-size chunks of each blob,
 * keyed by its SHA-256 once committed (`upload:<random>` while it arrives). PostgreSQL only:
 * a SQLite relay keeps its attachments in its data folder, so this table has no SQLite twin
 * (schema-parity.int.test.ts knows why).
 */
export async function attachmentBlobs(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE attachment_blob_chunks (
      blob_key TEXT NOT NULL,
      idx INTEGER NOT NULL,
      data BYTEA NOT NULL,
      written_at BIGINT NOT NULL,
      PRIMARY KEY (blob_key, idx)
    );
    CREATE INDEX attachment_blob_chunks_by_age ON attachment_blob_chunks(written_at);
  `);
}
