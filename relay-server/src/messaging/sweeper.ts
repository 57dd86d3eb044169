import type { RelayConfig } from '../config';
import type { WritableDB } from '@hearth/sqlite';
import { deleteAttachmentIfUnreferenced, deleteDeadAttachments } from '../attachments/queries';
import { deleteEndedParentDevices } from './device-queues';
import { deleteDeliveredUnqueued, expireDueMessages, purgeOutcomes } from './queries';
import type { BlobStore } from '../attachments/blob-store';
import type { Logger } from '../realtime/logger';
import type { GroupCommitter } from './group-commit';

/** Expiry and cleanup of the queue: expired messages, forgotten ids, attachments nobody needs. */
export type Sweeper = Readonly<{
  /** One full pass; resolves when its work is committed and the senders were told. */
  sweep(): Promise<void>;
}>;

export type SweeperDeps = Readonly<{
  db: WritableDB;
  now: () => number;
  config: Pick<RelayConfig, 'messaging'>;
  committer: GroupCommitter;
  blobs: BlobStore;
  /** These senders have new expiry notices. */
  onExpired: (senderIds: ReadonlySet<string>) => void;
  log: Logger;
}>;

const EXPIRE_CHUNK = 1000;

export function createSweeper(deps: SweeperDeps): Sweeper {
  const { db, now, committer, blobs, log } = deps;
  const { messageTtlMs, unlinkedAttachmentTtlMs } = deps.config.messaging;

  /** Runs `work` in the queue's next batch, so it never interleaves with sends and acks. */
  function inBatch<T>(work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      committer.enqueue(work, (result) => (result.ok ? resolve(result.value) : reject(result.error)));
    });
  }

  function removeFiles(hashes: readonly string[]): void {
    for (const hash of hashes) {
      try {
        blobs.remove(hash);
      } catch (err) {
        log.warn({ err, hash }, 'could not delete an attachment file');
      }
    }
  }

  async function expireAll(): Promise<void> {
    for (;;) {
      const { expired, dead } = await inBatch(() => {
        const at = now();
        const expired = expireDueMessages(db, at, at + messageTtlMs, EXPIRE_CHUNK);
        const dead = expired.flatMap((m) =>
          m.attachmentHash && deleteAttachmentIfUnreferenced(db, m.attachmentHash) ? [m.attachmentHash] : [],
        );
        return { expired, dead };
      });
      removeFiles(dead);
      const undelivered = expired.filter((m) => !m.delivered);
      if (undelivered.length > 0) {
        log.info({ count: undelivered.length }, 'messages expired undelivered');
        deps.onExpired(new Set(undelivered.map((m) => m.senderId)));
      }
      if (expired.length < EXPIRE_CHUNK) return;
    }
  }

  return {
    async sweep() {
      await expireAll();
      const dead = await inBatch(() => {
        const at = now();
        purgeOutcomes(db, at);
        // Devices that are gone leave delivered messages no one has queued: those go now, not at expiry.
        deleteEndedParentDevices(db, at - messageTtlMs);
        const freed = deleteDeliveredUnqueued(db, EXPIRE_CHUNK).flatMap((hash) =>
          hash && deleteAttachmentIfUnreferenced(db, hash) ? [hash] : [],
        );
        return [...freed, ...deleteDeadAttachments(db, at - unlinkedAttachmentTtlMs)];
      });
      removeFiles(dead);
    },
  };
}
