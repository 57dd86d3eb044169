import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCode, HearthError, type AttachmentMime } from '@hearth/common';
import { SNIFF_BYTES, sniffAttachmentType } from './magic-bytes';

/** An upload written to a temporary file, checked and hashed, not yet in the store. */
export type ReceivedBlob = Readonly<{ tempFile: string; hash: string; size: number; mime: AttachmentMime }>;

/** Attachments on disk, one file per SHA-256 (`<dir>/ab/abcd…`), written through a temp folder. */
export type BlobStore = Readonly<{
  pathOf(hash: string): string;
  /** Streams an upload to a temp file; refuses (and deletes) it past `maxBytes` or when its bytes are no accepted type. */
  receive(stream: Readable, maxBytes: number): Promise<ReceivedBlob>;
  /** Moves a received upload to its place (atomic; the same bytes twice are one file). Synchronous on purpose. */
  commit(blob: ReceivedBlob): void;
  discard(blob: ReceivedBlob): void;
  remove(hash: string): void;
  /** Deletes temp files and files the database does not know; run at start, before uploads begin. */
  removeOrphans(known: ReadonlySet<string>): number;
}>;

const tooLarge = (maxBytes: number): HearthError =>
  new HearthError(ErrorCode.PayloadTooLarge, `This file is too big. The largest is ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
const wrongType = (): HearthError =>
  new HearthError(
    ErrorCode.UnsupportedMediaType,
    'Only photos (JPEG, PNG, GIF, WebP) and voice or video (WebM, Ogg, MP4) can be sent.',
  );

export function createBlobStore(dir: string): BlobStore {
  const tmp = path.join(dir, 'tmp');
  const pathOf = (hash: string): string => path.join(dir, hash.slice(0, 2), hash);

  async function receive(stream: Readable, maxBytes: number): Promise<ReceivedBlob> {
    fs.mkdirSync(tmp, { recursive: true });
    const tempFile = path.join(tmp, randomBytes(12).toString('hex'));
    const file = await fs.promises.open(tempFile, 'wx');
    const hasher = createHash('sha256');
    let size = 0;
    let head: Buffer | undefined = Buffer.alloc(0);
    let mime: AttachmentMime | undefined;
    const sniff = (): void => {
      mime = sniffAttachmentType(head as Buffer);
      if (!mime) throw wrongType();
      head = undefined;
    };
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        if (head) {
          head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES)]);
          if (head.length >= SNIFF_BYTES) sniff();
        }
        hasher.update(bytes);
        await file.write(bytes);
      }
      if (size === 0) throw new HearthError(ErrorCode.ValidationFailed, 'The upload is empty.');
      if (head) sniff();
      await file.sync();
    } catch (err) {
      stream.destroy();
      await file.close();
      fs.rmSync(tempFile, { force: true });
      throw err;
    }
    await file.close();
    return { tempFile, hash: hasher.digest('hex'), size, mime: mime as AttachmentMime };
  }

  return {
    pathOf,
    receive,
    commit(blob) {
      fs.mkdirSync(path.dirname(pathOf(blob.hash)), { recursive: true });
      fs.renameSync(blob.tempFile, pathOf(blob.hash));
    },
    discard(blob) {
      fs.rmSync(blob.tempFile, { force: true });
    },
    remove(hash) {
      fs.rmSync(pathOf(hash), { force: true });
    },
    removeOrphans(known) {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(dir)) return 0;
      let removed = 0;
      for (const shard of fs.readdirSync(dir)) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        for (const name of fs.readdirSync(path.join(dir, shard))) {
          if (known.has(name)) continue;
          fs.rmSync(path.join(dir, shard, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
