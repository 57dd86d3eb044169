import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { PgQueryable } from '../store/port';
import type { BlobStore, ReceivedBlob } from './blob-store';
import { createUploadCheck } from './upload-check';

/** Bytes per stored chunk: small enough to hold one in memory per upload or download, large enough for few rows. */
export const PG_BLOB_CHUNK_BYTES = 256 * 1024;

const UPLOAD_PREFIX = 'upload:';

export type PgBlobStoreOptions = Readonly<{
  /** Bytes per chunk row. Default {@link PG_BLOB_CHUNK_BYTES}. */
  chunkBytes?: number;
  /** Clock for `written_at`. Default Date.now. */
  now?: () => number;
}>;

/**
 * Attachments in PostgreSQL (`--blobs postgres`), in the table `attachment_blob_chunks` (PostgreSQL
 * migration 2): fixed-size chunks, written one by one as the upload streams in and read back
 * one by one as the download streams out, so no file is ever whole in memory. While it arrives
 * an upload's chunks are keyed `upload:<random>`; committing renames the key to the hash in one
 * UPDATE, so a reader sees all of a blob or none of it.
 */
export function createPgBlobStore(pool: PgQueryable, options: PgBlobStoreOptions = {}): BlobStore {
  const chunkBytes = options.chunkBytes ?? PG_BLOB_CHUNK_BYTES;
  const now = options.now ?? Date.now;

  const writeChunk = async (key: string, idx: number, data: Buffer): Promise<void> => {
    await pool.query(`INSERT INTO attachment_blob_chunks (blob_key, idx, data, written_at) VALUES ($1, $2, $3, $4)`, [
      key,
      idx,
      data,
      now(),
    ]);
  };

  const readChunk = async (key: string, idx: number): Promise<Buffer | undefined> => {
    const { rows } = await pool.query(`SELECT data FROM attachment_blob_chunks WHERE blob_key = $1 AND idx = $2`, [key, idx]);
    return (rows[0] as { data: Buffer } | undefined)?.data;
  };

  const drop = async (key: string): Promise<void> => {
    await pool.query(`DELETE FROM attachment_blob_chunks WHERE blob_key = $1`, [key]);
  };

  async function receive(stream: Readable, maxBytes: number): Promise<ReceivedBlob> {
    const key = `${UPLOAD_PREFIX}${randomBytes(12).toString('hex')}`;
    const check = createUploadCheck(maxBytes);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let idx = 0;
    const writeFull = async (): Promise<void> => {
      while (pendingBytes >= chunkBytes) {
        const all = Buffer.concat(pending, pendingBytes);
        await writeChunk(key, idx++, all.subarray(0, chunkBytes));
        pending = [all.subarray(chunkBytes)];
        pendingBytes -= chunkBytes;
      }
    };
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        check.add(bytes);
        pending.push(bytes);
        pendingBytes += bytes.length;
        await writeFull();
      }
      const done = check.finish();
      if (pendingBytes > 0) await writeChunk(key, idx, Buffer.concat(pending, pendingBytes));
      return { key, ...done };
    } catch (err) {
      stream.destroy();
      await drop(key);
      throw err;
    }
  }

  return {
    kind: 'postgres',
    receive,
    async commit(blob) {
      const exists = await pool.query(`SELECT 1 FROM attachment_blob_chunks WHERE blob_key = $1 AND idx = 0`, [blob.hash]);
      if (exists.rows.length > 0) return drop(blob.key);
      try {
        await pool.query(`UPDATE attachment_blob_chunks SET blob_key = $2 WHERE blob_key = $1`, [blob.key, blob.hash]);
      } catch (err) {
        // Another instance committed the same bytes a moment ago: theirs is the blob, ours goes.
        if ((err as { code?: string }).code !== '23505') throw err;
        await drop(blob.key);
      }
    },
    discard: (blob) => drop(blob.key),
    async open(hash) {
      const first = await readChunk(hash, 0);
      if (first === undefined) return undefined;
      async function* chunks(): AsyncGenerator<Buffer> {
        yield first as Buffer;
        for (let idx = 1; ; idx++) {
          const data = await readChunk(hash, idx);
          if (data === undefined) return;
          yield data;
        }
      }
      // Byte mode: the stream asks for the next chunk only once the reader took the last one.
      return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
    },
    async size(hash) {
      const { rows } = await pool.query(
        `SELECT count(*) AS n, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes FROM attachment_blob_chunks WHERE blob_key = $1`,
        [hash],
      );
      const row = rows[0] as { n: number; bytes: number };
      return row.n === 0 ? undefined : row.bytes;
    },
    remove: drop,
    async removeOrphans(known, before) {
      const { rows } = await pool.query(
        `DELETE FROM attachment_blob_chunks WHERE written_at < $1 AND (blob_key LIKE $2 OR NOT (blob_key = ANY($3)))
         RETURNING blob_key AS key, idx`,
        [before, `${UPLOAD_PREFIX}%`, [...known]],
      );
      return (rows as { key: string; idx: number }[]).filter((r) => r.idx === 0 && !r.key.startsWith(UPLOAD_PREFIX)).length;
    },
  };
}
