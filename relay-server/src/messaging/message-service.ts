import {
  ErrorCode,
  HearthError,
  MIME_TYPES_FOR_KIND,
  UNSEND_WINDOW_MS,
  type AttachmentRef,
  type WsAckExpiredFrame,
  type WsReadFrame,
  type WsReceivedFrame,
  type WsSendFrame,
  type WsUnsendFrame,
  unsendableText,
} from '@hearth/common';
import type { Static } from 'typebox';
import type { RelayConfig } from '../config';
import type { Store } from '../store/port';
import type { MessageIdRecord } from './queries';
import type { Connection } from '../realtime/connection';
import type { MessageWaiting } from '../realtime/message-waiting';
import type { FriendGraph } from '../realtime/friend-graph';
import type { TokenBuckets } from '../limits/token-buckets';
import type { BlobStore } from '../attachments/blob-store';
import type { Delivery, QueuedCopy } from './delivery';
import type { GroupCommitter } from './group-commit';
import { errorFrame } from '../realtime/error-frame';
import type { Logger } from '../realtime/logger';
import type { ChildQuiet, QuietGate } from '../quiet/gate';
import { deadlineSettings, placeDeadline } from '../quiet/deadlines';
import { contentDigest, frankMac } from '../franking/frank';
import { relayKey } from '../keys/relay-keys';
import { checkGamesOn, refuseGameContent } from './game-moves';

/** What the WebSocket frames about messages do. Each answers on the connection it came from. */
export type MessageService = Readonly<{
  send(conn: Connection, frame: Static<typeof WsSendFrame>): void;
  received(conn: Connection, frame: Static<typeof WsReceivedFrame>): void;
  read(conn: Connection, frame: Static<typeof WsReadFrame>): void;
  ackExpired(conn: Connection, frame: Static<typeof WsAckExpiredFrame>): void;
  unsend(conn: Connection, frame: Static<typeof WsUnsendFrame>): void;
}>;

export type MessageServiceDeps = Readonly<{
  now: () => number;
  config: Pick<RelayConfig, 'messaging'>;
  committer: GroupCommitter;
  graph: FriendGraph;
  delivery: Delivery;
  /** The sockets of other accounts and devices, on this instance and the others (`realtime/message-waiting.ts`). */
  others: Pick<MessageWaiting, 'tell' | 'unsent'>;
  blobs: BlobStore;
  /** Per-sender message buckets. */
  buckets: TokenBuckets;
  /** Quiet time (issue 14): refuses a quiet child's sends to anyone but its own grown-ups; held messages live longer. */
  quiet?: Pick<QuietGate, 'keeps' | 'keepsNow' | 'settings' | 'settingsNow' | 'floorNow' | 'keepsOnDevice'>;
  log: Logger;
  /**
   * Franking (F11): the relay's franking key from memory, read at start. Undefined until then: the
   * message's own transaction reads it (and the next one again, until the start has it in memory).
   */
  frankingKey: () => Buffer | undefined;
}>;

type Stored =
  | Readonly<{ kind: 'stored'; createdAt: number; copies: readonly QueuedCopy[] }>
  | Readonly<{ kind: 'duplicate'; at: number }>
  | Readonly<{ kind: 'expired' }>;

const NOT_FRIENDS = 'You can only send messages to your friends and family.';
const QUIET_HOURS = "It's quiet time now. Your message can wait until quiet time ends.";
const RECONSENT_REQUIRED = 'Ask your grown-up to look at something new. Until then you can talk to your grown-ups.';
const ACCOUNT_SUSPENDED = 'For now you can talk only to your grown-ups.';

export function createMessageService(deps: MessageServiceDeps): MessageService {
  const { now, committer, graph, delivery, others, blobs, log } = deps;
  const ttl = deps.config.messaging.messageTtlMs;

  async function checkAttachment(tx: Store, senderId: string, ref: AttachmentRef): Promise<void> {
    const row = await tx.attachments.getAttachment(ref.hash);
    if (!row || row.size !== ref.size || row.mime !== ref.mime || !(await tx.attachments.hasUploaded(ref.hash, senderId))) {
      throw new HearthError(ErrorCode.NotFound, 'That attachment is not on the relay (any more). Please upload it again.');
    }
    await tx.attachments.markAttachmentLinked(ref.hash, senderId, now() - deps.config.messaging.unlinkedAttachmentTtlMs);
  }

  /**
   * A counts-only daily summary (issue 14) goes from a child to one of the child's own guardians,
   * and only while a guardian has it switched on.
   */
  async function checkDailySummary(tx: Store, senderId: string, to: string): Promise<void> {
    if (!(await tx.family.isGuardian(senderId, to)) || !(await tx.summaries.isDailySummaryOn(senderId))) {
      throw new HearthError(ErrorCode.Forbidden, 'A daily summary goes only to your own grown-ups, when they switched it on.');
    }
  }

  /** An id already used: the same sender's again (answered as before), or another's (refused). */
  function known(record: MessageIdRecord, senderId: string): Stored {
    if (record.senderId !== senderId) throw new HearthError(ErrorCode.Conflict, 'This message id is taken. Make a new one.');
    return record.state === 'expired' ? { kind: 'expired' } : { kind: 'duplicate', at: record.createdAt };
  }

  /**
   * A message may wait through the recipient's quiet time (the windows and a guardian's "quiet
   * now"): it expires after the TTL of the recipient's non-quiet time, and in any case after twice
   * the TTL (15 and 30 days by default). Placed again when the child's settings change (`quiet/deadlines.ts`).
   */
  function expiryOf(settings: ChildQuiet | null, at: number): number {
    if (!settings) return at + ttl;
    return placeDeadline(deadlineSettings(settings), at, ttl, at, ttl);
  }

  /** The recipient's quiet settings (null: not a child): from memory when known, so the hot path awaits no promise of its own. */
  function settingsOf(
    quiet: NonNullable<MessageServiceDeps['quiet']>,
    childId: string,
  ): ChildQuiet | null | Promise<ChildQuiet | null> {
    const known = quiet.settingsNow(childId);
    return known !== undefined ? known : quiet.settings(childId).then((q) => q ?? null);
  }

  /**
   * Runs inside the group-commit transaction. The common case is one store call: the verdict is
   * known from memory (no block since), there is no attachment, the quiet gate answers from memory,
   * and `acceptMessage` looks the id up, stores the message and queues its copies at once.
   * Otherwise the id is looked up first (a duplicate is answered as before whatever the friendship
   * or quiet time became), the verdict loaded and the attachment checked.
   */
  async function store(
    tx: Store,
    senderId: string,
    sendingDevice: string | undefined,
    frame: Static<typeof WsSendFrame>,
    contentJson: string,
    contentSha256: string,
  ): Promise<Stored> {
    const attachment = 'attachment' in frame.content ? frame.content.attachment : undefined;
    // Checked again at commit time: a block may have arrived since the frame did.
    // From memory when known (no promise on the hot path), else loaded.
    let verdict = graph.cachedVerdict(senderId, frame.to);
    const summary = frame.content.kind === 'daily-summary';
    // A game move reads the sender's and recipient's games switch (issue 16) in this transaction.
    const game = frame.content.kind === 'game-move';
    if (
      verdict === undefined ||
      verdict === 'refuse' ||
      verdict === 'reconsent' ||
      verdict === 'suspended' ||
      attachment ||
      summary ||
      game
    ) {
      const seen = await tx.messages.findMessageId(frame.id);
      if (seen) return known(seen, senderId);
      verdict ??= await graph.sendVerdict(senderId, frame.to);
      if (verdict === 'refuse') throw new HearthError(ErrorCode.NotFriends, NOT_FRIENDS);
      if (verdict === 'reconsent') throw new HearthError(ErrorCode.ReconsentRequired, RECONSENT_REQUIRED);
      if (verdict === 'suspended') throw new HearthError(ErrorCode.AccountSuspended, ACCOUNT_SUSPENDED);
      if (summary) await checkDailySummary(tx, senderId, frame.to);
      if (game) await checkGamesOn(tx, senderId, frame.to);
      if (attachment) await checkAttachment(tx, senderId, attachment);
    }
    const quiet = deps.quiet;
    // A daily summary (counts, to the child's own guardian) is never held by quiet time, not even
    // when that guardian switched their own quiet-time reach off: it is no conversation.
    if (
      verdict === 'deliver' &&
      !summary &&
      quiet &&
      ((quiet.keepsNow(senderId, frame.to) ?? (await quiet.keeps(senderId, frame.to))) ||
        // The sending PC's quiet-hours floor (issue 17); nothing to await where it has none known.
        (sendingDevice !== undefined &&
          quiet.floorNow(sendingDevice) !== null &&
          (await quiet.keepsOnDevice(senderId, frame.to, sendingDevice))))
    ) {
      // A message sent before quiet time and sent again is answered as before.
      const seen = await tx.messages.findMessageId(frame.id);
      if (seen) return known(seen, senderId);
      throw new HearthError(ErrorCode.QuietHours, QUIET_HOURS);
    }
    const at = now();
    const withheld = verdict === 'withhold';
    const settings = quiet === undefined ? null : settingsOf(quiet, frame.to);
    const accepted = await tx.messages.acceptMessage({
      id: frame.id,
      senderId,
      recipientId: frame.to,
      kind: frame.content.kind,
      contentJson,
      attachmentHash: attachment?.hash ?? null,
      withheld,
      createdAt: at,
      expiresAt: quiet === undefined ? at + ttl : expiryOf(settings instanceof Promise ? await settings : settings, at),
      sendingDevice,
      parentSessionAfter: at - ttl,
    });
    if (accepted.kind === 'known') return known(accepted.record, senderId);
    // The franking record (F11), in the same transaction: a message is never relayed without one.
    const key = deps.frankingKey() ?? (await relayKey(tx, 'franking', at));
    const mac = frankMac(key, { id: frame.id, from: senderId, to: frame.to, sentAt: at, contentSha256 });
    await tx.franking.insertFrank(frame.id, mac, at);
    const { seq, queues } = accepted;
    const copies: QueuedCopy[] = [];
    for (const { accountId, deviceId, own } of queues) {
      // A withheld message waits (for its sender's sake) but is pushed to no recipient device.
      if (!own && withheld) continue;
      const row = {
        seq,
        id: frame.id,
        senderId,
        recipientId: frame.to,
        contentJson,
        createdAt: at,
        own: own ? (1 as const) : (0 as const),
      };
      copies.push({ accountId, deviceId, row });
    }
    return { kind: 'stored', createdAt: at, copies };
  }

  /** Deletes an attachment's bytes once its row is gone (committed); a failure leaves an orphan for the next start. */
  function removeBlob(hash: string): void {
    blobs.remove(hash).catch((err: unknown) => log.warn({ err, hash }, 'could not delete an attachment'));
  }

  /** Tells each sender, on all its sockets, which of its messages were just delivered. */
  function tellDelivered(delivered: readonly Readonly<{ id: string; senderId: string }>[]): void {
    const bySender = new Map<string, string[]>();
    for (const t of delivered) {
      const ids = bySender.get(t.senderId);
      if (ids) ids.push(t.id);
      else bySender.set(t.senderId, [t.id]);
    }
    for (const [senderId, ids] of bySender) others.tell(senderId, JSON.stringify({ type: 'delivered', ids }));
  }

  return {
    send(conn, frame) {
      const wait = deps.buckets.take(conn.accountId, now());
      if (wait > 0) {
        conn.send(errorFrame(ErrorCode.RateLimited, 'That is a lot of messages! Please wait a moment.', frame.id, wait));
        return;
      }
      // From memory when known; otherwise the commit's own check (in `store`) answers.
      const early = graph.cachedVerdict(conn.accountId, frame.to);
      if (early === 'suspended') {
        conn.send(errorFrame(ErrorCode.AccountSuspended, ACCOUNT_SUSPENDED, frame.id));
        return;
      }
      if (early === 'refuse' || early === 'reconsent') {
        conn.send(
          early === 'refuse'
            ? errorFrame(ErrorCode.NotFriends, NOT_FRIENDS, frame.id)
            : errorFrame(ErrorCode.ReconsentRequired, RECONSENT_REQUIRED, frame.id),
        );
        return;
      }
      const content = frame.content;
      const unsendable = unsendableText(content);
      const refused = refuseGameContent(content) ?? (unsendable && { code: ErrorCode.ValidationFailed, message: unsendable });
      if (refused) return conn.send(errorFrame(refused.code, refused.message, frame.id));
      if ('attachment' in content && !MIME_TYPES_FOR_KIND[content.kind].includes(content.attachment.mime)) {
        conn.send(
          errorFrame(
            ErrorCode.UnsupportedMediaType,
            `A ${content.kind} message cannot carry ${content.attachment.mime}.`,
            frame.id,
          ),
        );
        return;
      }
      const contentJson = JSON.stringify(content);
      // Hashed here, outside the transaction: only the MAC needs the relay's sentAt.
      const contentSha256 = contentDigest(content);
      committer.enqueue(
        (tx) => store(tx, conn.accountId, conn.queueDevice, frame, contentJson, contentSha256),
        (result) => {
          if (!result.ok) {
            const err = result.error;
            if (err instanceof HearthError) conn.send(errorFrame(err.code, err.message, frame.id));
            else {
              log.error({ err, messageId: frame.id }, 'storing a message failed');
              conn.send(
                errorFrame(ErrorCode.Unavailable, 'The message could not be stored just now. It will be sent again.', frame.id),
              );
            }
            return;
          }
          const stored = result.value;
          switch (stored.kind) {
            case 'stored':
              conn.send({ type: 'sent', id: frame.id, at: stored.createdAt });
              delivery.stored(stored.copies);
              return;
            case 'duplicate':
              conn.send({ type: 'sent', id: frame.id, at: stored.at });
              return;
            case 'expired':
              conn.send({ type: 'expired', ids: [frame.id] });
              return;
            default: {
              const never: never = stored;
              throw new Error(`unexpected store result ${String(never)}`);
            }
          }
        },
      );
    },

    received(conn, frame) {
      const device = conn.queueDevice;
      // A session that is no device has nothing queued: there is nothing to take.
      if (device === undefined) return;
      const accountId = conn.accountId;
      committer.enqueue(
        async (tx) => {
          const at = now();
          const delivered: { id: string; senderId: string }[] = [];
          const dead: string[] = [];
          // One store call for the frame's ids; an attachment freed by the last device is rare.
          for (const done of await tx.messages.acknowledgeMessages(accountId, device, frame.ids, at, at + ttl)) {
            if (done.deliveredTo !== undefined) delivered.push({ id: done.id, senderId: done.deliveredTo });
            const hash = done.freed?.attachmentHash;
            if (hash && (await tx.attachments.deleteAttachmentIfUnreferenced(hash))) dead.push(hash);
          }
          return { delivered, dead };
        },
        (result) => {
          if (!result.ok) {
            // Nothing was deleted: the messages stay queued and are pushed again on the next connection.
            // The window is freed all the same, so the rest of the queue keeps flowing.
            log.error({ err: result.error }, 'recording received messages failed');
            delivery.received(conn, frame.ids);
            return;
          }
          for (const hash of result.value.dead) removeBlob(hash);
          delivery.received(conn, frame.ids);
          tellDelivered(result.value.delivered);
        },
      );
    },
    read(conn, frame) {
      const accountId = conn.accountId;
      committer.enqueue(
        async (tx) => {
          const at = now();
          const delivered: { id: string; senderId: string }[] = [];
          for (const id of frame.ids) {
            const senderId = await tx.messages.markMessageRead(accountId, id, at, at + ttl);
            if (senderId !== undefined) delivered.push({ id, senderId });
          }
          return delivered;
        },
        (result) => {
          if (!result.ok) log.error({ err: result.error }, 'recording read messages failed');
          else tellDelivered(result.value);
        },
      );
    },
    unsend(conn, frame) {
      const senderId = conn.accountId;
      committer.enqueue(
        async (tx) => {
          const outcome = await tx.messages.unsendMessage(senderId, frame.id, now(), UNSEND_WINDOW_MS);
          const hash = outcome.ok ? outcome.attachmentHash : null;
          const dead = hash !== null && (await tx.attachments.deleteAttachmentIfUnreferenced(hash)) ? hash : undefined;
          return { outcome, dead };
        },
        (result) => {
          if (!result.ok) {
            log.error({ err: result.error, messageId: frame.id }, 'taking a message back failed');
            conn.send(errorFrame(ErrorCode.Unavailable, 'That could not be done just now. Try again.', frame.id));
            return;
          }
          const { outcome, dead } = result.value;
          if (!outcome.ok) {
            conn.send({ type: 'unsend-result', id: frame.id, ok: false, code: outcome.code });
            return;
          }
          if (dead !== undefined) removeBlob(dead);
          conn.send({ type: 'unsend-result', id: frame.id, ok: true });
          const unsent = JSON.stringify({ type: 'unsent', id: frame.id });
          // The sender's other sockets hide their copy; a recipient socket that was pushed it (not
          // yet acknowledged) hides it too, and its delivery window is freed.
          others.tell(senderId, unsent, conn);
          others.unsent(outcome.recipientId, frame.id);
        },
      );
    },
    ackExpired(conn, frame) {
      const senderId = conn.accountId;
      committer.enqueue(
        async (tx) => {
          for (const id of frame.ids) await tx.messages.clearExpiryNotice(senderId, id);
        },
        (result) => {
          if (!result.ok) log.error({ err: result.error }, 'recording expiry acknowledgements failed');
        },
      );
    },
  };
}
