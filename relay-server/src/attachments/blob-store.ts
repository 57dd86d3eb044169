import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentMime } from '@hearth/common';
import type { RelayConfig } from '../config';
import type { Store } from '../store/port';
import { createFolderBlobStore } from './folder-blob-store';
import { createPgBlobStore } from './pg-blob-store';

/** An upload received, checked and hashed, kept under a temporary `key`; not yet a blob. */
export type ReceivedBlob = Readonly<{ key: string; hash: string; size: number; mime: AttachmentMime }>;

export type BlobStoreKind = 'folder' | 'postgres';

/**
 * Where attachment bytes live (issue 13), one blob per SHA-256. Two adapters: a folder (the
 * default; also right on a mount several instances share) and PostgreSQL (chunked; for relays
 * on PostgreSQL without a shared folder). Neither holds a whole file in memory.
 */
export type BlobStore = Readonly<{
  kind: BlobStoreKind;
  /** Streams an upload to temporary storage; refuses (and deletes) it past `maxBytes` or when its bytes are no accepted type. */
  receive(stream: Readable, maxBytes: number): Promise<ReceivedBlob>;
  /** Makes a received upload the blob of its hash, all at once: no reader ever sees part of it. The same bytes twice are one blob. */
  commit(blob: ReceivedBlob): Promise<void>;
  /** Forgets a received upload that will not be committed. */
  discard(blob: ReceivedBlob): Promise<void>;
  /** The blob's bytes as a stream, or undefined when there is no such blob. */
  open(hash: string): Promise<Readable | undefined>;
  /** The blob's size in bytes, or undefined when there is no such blob. */
  size(hash: string): Promise<number | undefined>;
  /** Deletes a blob; nothing happens when there is none. */
  remove(hash: string): Promise<void>;
  /**
   * Deletes temporary uploads and blobs not in `known`, both only when older than `before` (ms):
   * on storage several instances share, a younger one may be another's upload under way.
   */
  removeOrphans(known: ReadonlySet<string>, before: number): Promise<number>;
}>;

/**
 * The blob store `config.blobs` names: the folder `<dataDir>/attachments`, or PostgreSQL, which
 * needs the relay's store to be on PostgreSQL too (its pool holds the chunks).
 */
export function createBlobStoreFor(config: Pick<RelayConfig, 'blobs' | 'dataDir'>, store: Store): BlobStore {
  switch (config.blobs) {
    case 'folder':
      return createFolderBlobStore(path.join(config.dataDir, 'attachments'));
    case 'postgres':
      if (store.kind !== 'postgres' || !('pool' in store)) {
        throw new Error(
          'Attachments can be kept in PostgreSQL only when the relay runs on PostgreSQL (--database postgres://…).',
        );
      }
      return createPgBlobStore((store as Store & { pool: Parameters<typeof createPgBlobStore>[0] }).pool);
    default: {
      const never: never = config.blobs;
      throw new Error(`unknown blob store ${String(never)}`);
    }
  }
}
