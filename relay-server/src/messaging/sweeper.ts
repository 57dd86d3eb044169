import type { RelayConfig } from '../config';
import type { Store } from '../store/port';
import type { BlobStore } from '../attachments/blob-store';
import type { Logger } from '../realtime/logger';
import type { GroupCommitter, Work } from './group-commit';

/** Expiry and cleanup of the queue: expired messages, forgotten ids, attachments nobody needs. */
export type Sweeper = Readonly<{
  /** One full pass; resolves when its work is committed and the senders were told. */
  sweep(): Promise<void>;
}>;

export type SweeperDeps = Readonly<{
  /** Asked, before a blob is deleted, whether it was uploaded again meanwhile. */
  store: Store;
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
  const { now, committer, blobs, log } = deps;
  const { messageTtlMs, unlinkedAttachmentTtlMs } = deps.config.messaging;

  /** Runs `work` in the queue's next batch, so it never interleaves with sends and acks. */
  function inBatch<T>(work: Work<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      committer.enqueue(work, (result) => (result.ok ? resolve(result.value) : reject(result.error)));
    });
  }

  async function removeFiles(hashes: readonly string[]): Promise<void> {
    for (const hash of hashes) {
      try {
        // The same bytes may have been uploaded again since the row went: then they stay.
        if (await deps.store.attachments.getAttachment(hash)) continue;
        await blobs.remove(hash);
      } catch (err) {
        log.warn({ err, hash }, 'could not delete an attachment file');
      }
    }
  }

  /** Rows of attachments no message needs any more, deleted; their hashes (the bytes go after the commit). */
  async function unreferenced(tx: Store, hashes: readonly (string | null)[]): Promise<string[]> {
    const dead: string[] = [];
    for (const hash of hashes) if (hash && (await tx.attachments.deleteAttachmentIfUnreferenced(hash))) dead.push(hash);
    return dead;
  }

  async function expireAll(): Promise<void> {
    for (;;) {
      const { expired, dead } = await inBatch(async (tx) => {
        const at = now();
        const expired = await tx.messages.expireDueMessages(at, at + messageTtlMs, EXPIRE_CHUNK);
        return {
          expired,
          dead: await unreferenced(
            tx,
            expired.map((m) => m.attachmentHash),
          ),
        };
      });
      await removeFiles(dead);
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
      const dead = await inBatch(async (tx) => {
        const at = now();
        await tx.messages.purgeOutcomes(at);
        // Devices that are gone leave delivered messages no one has queued: those go now, not at expiry.
        await tx.deviceQueues.deleteEndedParentDevices(at - messageTtlMs);
        const freed = await unreferenced(tx, await tx.messages.deleteDeliveredUnqueued(EXPIRE_CHUNK));
        return [...freed, ...(await tx.attachments.deleteDeadAttachments(at - unlinkedAttachmentTtlMs))];
      });
      await removeFiles(dead);
    },
  };
}
