import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import { openDatabase } from '@hearth/sqlite';
import { RELAY_PG_MIGRATIONS, migratePg, openPgPool } from '../db/pg/index';
import { createSqliteStore } from '../store/sqlite-store';
import { createBlobStoreFor, type BlobStore, type ReceivedBlob } from './blob-store';
import { createFolderBlobStore } from './folder-blob-store';
import { createPgBlobStore } from './pg-blob-store';

const NO_POSTGRES = await withoutPostgres();

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const MAX = 1024 * 1024;

/** An upload arriving in pieces of `piece` bytes, as a request body does. */
function streamOf(bytes: Buffer, piece = 7): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function put(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const blob = await blobs.receive(streamOf(bytes), MAX);
  await blobs.commit(blob);
  return blob.hash;
}

/** A PNG-headed file of `size` bytes made as it is read, never whole in memory; its SHA-256 comes after. */
function bigFile(size: number): { stream: Readable; hash: () => string } {
  const hasher = createHash('sha256');
  const piece = 64 * 1024;
  const stream = Readable.from(
    (function* () {
      for (let at = 0; at < size; at += piece) {
        const part = Buffer.alloc(Math.min(piece, size - at), at % 251);
        if (at === 0) PNG.copy(part);
        hasher.update(part);
        yield part;
      }
    })(),
  );
  return { stream, hash: () => hasher.digest('hex') };
}

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Memory the process keeps (JS heap and buffers, after a full collection, so garbage not yet
 * collected does not count), sampled while `work` runs; the peak above the start.
 */
async function peakGrowth(work: () => Promise<void>): Promise<number> {
  const held = (): number => {
    // Twice: buffers freed by one collection are swept (and uncounted) by the time the next ends.
    gc();
    gc();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const start = held();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, held())), 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, held()) - start;
}

type Adapter = Readonly<{
  name: string;
  skip: boolean;
  /** A fresh, empty store; `large`: sized for the large-file case (the production chunk size). */
  open: (large?: boolean) => Promise<BlobStore>;
  close: () => Promise<void>;
}>;

let dir = '';
let database: TestDatabase | undefined;
let pool: pg.Pool | undefined;

const adapters: Adapter[] = [
  {
    name: 'folder',
    skip: false,
    open: async () => {
      dir ||= await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-'));
      return createFolderBlobStore(dir);
    },
    close: async () => {
      await fs.rm(dir, { recursive: true, force: true });
      dir = '';
    },
  },
  {
    name: 'PostgreSQL',
    skip: NO_POSTGRES,
    open: async (large = false) => {
      database ??= await createTestDatabase();
      if (!pool) {
        pool = openPgPool(database.url, { max: 4 });
        await migratePg(pool, RELAY_PG_MIGRATIONS);
      }
      await pool.query('TRUNCATE attachment_blob_chunks');
      // Small chunks, so that even the small cases span several rows.
      return large ? createPgBlobStore(pool) : createPgBlobStore(pool, { chunkBytes: 32 });
    },
    close: async () => undefined,
  },
];

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

/** The same cases on each blob store: a difference between them is a failing test. */
for (const adapter of adapters) {
  describe.skipIf(adapter.skip)(`blob store (${adapter.name})`, () => {
    let blobs: BlobStore;
    beforeEach(async () => {
      blobs = await adapter.open();
    });
    afterEach(() => adapter.close());

    it('puts a blob by its SHA-256 and gives it back whole, as a stream, with its size', async () => {
      const bytes = Buffer.concat([PNG, Buffer.alloc(300, 7)]);
      const blob = await blobs.receive(streamOf(bytes), MAX);
      expect(blob).toMatchObject({ hash: sha256(bytes), size: bytes.length, mime: 'image/png' });
      expect(await blobs.open(blob.hash)).toBeUndefined(); // not before it is committed
      await blobs.commit(blob);
      expect(await readAll((await blobs.open(blob.hash)) as Readable)).toEqual(bytes);
      expect(await blobs.size(blob.hash)).toBe(bytes.length);
    });

    it('answers undefined for a blob it does not have, and deletes quietly', async () => {
      expect(await blobs.open('0'.repeat(64))).toBeUndefined();
      expect(await blobs.size('0'.repeat(64))).toBeUndefined();
      await blobs.remove('0'.repeat(64));
    });

    it('deletes a blob', async () => {
      const hash = await put(blobs, PNG);
      await blobs.remove(hash);
      expect(await blobs.open(hash)).toBeUndefined();
      expect(await blobs.size(hash)).toBeUndefined();
    });

    it('keeps the same bytes committed twice as one blob', async () => {
      const first = await blobs.receive(streamOf(PNG), MAX);
      const second = await blobs.receive(streamOf(PNG, 3), MAX);
      await blobs.commit(first);
      await blobs.commit(second);
      expect(await readAll((await blobs.open(first.hash)) as Readable)).toEqual(PNG);
      // Nothing of the second upload is left behind as an orphan.
      expect(await blobs.removeOrphans(new Set([first.hash]), Date.now() + 1)).toBe(0);
      expect(await blobs.size(first.hash)).toBe(PNG.length);
    });

    it('keeps the same bytes committed twice at once (two instances) as one blob', async () => {
      const uploads = await Promise.all([blobs.receive(streamOf(PNG), MAX), blobs.receive(streamOf(PNG, 5), MAX)]);
      await Promise.all(uploads.map((u) => blobs.commit(u)));
      const hash = (uploads[0] as ReceivedBlob).hash;
      expect(await readAll((await blobs.open(hash)) as Readable)).toEqual(PNG);
      expect(await blobs.removeOrphans(new Set([hash]), Date.now() + 1)).toBe(0);
      expect(await blobs.size(hash)).toBe(PNG.length);
    });

    it('refuses too large, unknown and empty uploads, keeping nothing of them', async () => {
      await expect(blobs.receive(streamOf(Buffer.concat([PNG, Buffer.alloc(200)])), 100)).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
      });
      await expect(blobs.receive(streamOf(Buffer.from('just some text, not a picture at all')), MAX)).rejects.toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      await expect(blobs.receive(streamOf(Buffer.alloc(0)), MAX)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await blobs.removeOrphans(new Set(), Date.now() + 1)).toBe(0);
    });

    it('discards a received upload', async () => {
      const blob = await blobs.receive(streamOf(PNG), MAX);
      await blobs.discard(blob);
      expect(await blobs.open(blob.hash)).toBeUndefined();
    });

    it('removes orphans (blobs not known) older than the given time, and leaves the young and the known', async () => {
      const known = await put(blobs, PNG);
      const orphan = await put(blobs, Buffer.concat([PNG, Buffer.from([1])]));
      expect(await blobs.removeOrphans(new Set([known]), Date.now() - 60_000)).toBe(0);
      expect(await blobs.removeOrphans(new Set([known]), Date.now() + 1_000)).toBe(1);
      expect(await blobs.size(orphan)).toBeUndefined();
      expect(await blobs.size(known)).toBe(PNG.length);
    });

    it('streams a large file in and out without holding it in memory', async () => {
      blobs = await adapter.open(true);
      const size = 24 * 1024 * 1024;
      const file = bigFile(size);
      let hash = '';
      const inGrowth = await peakGrowth(async () => {
        const blob = await blobs.receive(file.stream, size);
        await blobs.commit(blob);
        hash = blob.hash;
      });
      expect(hash).toBe(file.hash());
      expect(await blobs.size(hash)).toBe(size);
      const back = createHash('sha256');
      let read = 0;
      const outGrowth = await peakGrowth(async () => {
        for await (const part of (await blobs.open(hash)) as Readable) {
          back.update(part as Buffer);
          read += (part as Buffer).length;
        }
      });
      expect(read).toBe(size);
      expect(back.digest('hex')).toBe(hash);
      // A whole file in memory would be 24 MiB or more; what streams holds a few chunks.
      expect(inGrowth).toBeLessThan(size / 6);
      expect(outGrowth).toBeLessThan(size / 6);
    }, 120_000);
  });
}

describe('the blob store a relay uses', () => {
  it('is the data folder by default, and refuses PostgreSQL blobs on a SQLite relay with a sentence', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-for-'));
    const store = createSqliteStore(openDatabase(path.join(dataDir, 'relay.sqlite')));
    try {
      const blobs = createBlobStoreFor({ blobs: 'folder', dataDir }, store);
      expect(blobs.kind).toBe('folder');
      const blob = await blobs.receive(streamOf(PNG), MAX);
      await blobs.commit(blob);
      expect(await fs.readFile(path.join(dataDir, 'attachments', blob.hash.slice(0, 2), blob.hash))).toEqual(PNG);
      expect(() => createBlobStoreFor({ blobs: 'postgres', dataDir }, store)).toThrow(
        'Attachments can be kept in PostgreSQL only when the relay runs on PostgreSQL',
      );
    } finally {
      await store.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
