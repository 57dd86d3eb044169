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
} from '@hearth/common';
import type { Static } from 'typebox';
import type { RelayConfig } from '../config';
import type { WritableDB } from '@hearth/sqlite';
import { deleteAttachmentIfUnreferenced, getAttachment, hasUploaded, markAttachmentLinked } from '../attachments/queries';
import { ACCOUNT_QUEUE, enqueueForDevice, listDeliveryDevices } from './device-queues';
import { acknowledgeMessage, clearExpiryNotice, findMessageId, insertMessage, markMessageRead, unsendMessage } from './queries';
import type { Connection, ConnectionRegistry } from '../realtime/connection';
import type { FriendGraph } from '../realtime/friend-graph';
import type { TokenBuckets } from '../limits/token-buckets';
import type { BlobStore } from '../attachments/blob-store';
import type { Delivery, QueuedCopy } from './delivery';
import type { GroupCommitter } from './group-commit';
import { errorFrame } from '../realtime/error-frame';
import type { Logger } from '../realtime/logger';

/** What the WebSocket frames about messages do. Each answers on the connection it came from. */
export type MessageService = Readonly<{
  send(conn: Connection, frame: Static<typeof WsSendFrame>): void;
  received(conn: Connection, frame: Static<typeof WsReceivedFrame>): void;
  read(conn: Connection, frame: Static<typeof WsReadFrame>): void;
  ackExpired(conn: Connection, frame: Static<typeof WsAckExpiredFrame>): void;
  unsend(conn: Connection, frame: Static<typeof WsUnsendFrame>): void;
}>;

export type MessageServiceDeps = Readonly<{
  db: WritableDB;
  now: () => number;
  config: Pick<RelayConfig, 'messaging'>;
  committer: GroupCommitter;
  graph: FriendGraph;
  delivery: Delivery;
  registry: ConnectionRegistry;
  blobs: BlobStore;
  /** Per-sender message buckets. */
  buckets: TokenBuckets;
  log: Logger;
}>;

type Stored =
  | Readonly<{ kind: 'stored'; createdAt: number; copies: readonly QueuedCopy[] }>
  | Readonly<{ kind: 'duplicate'; at: number }>
  | Readonly<{ kind: 'expired' }>;

const NOT_FRIENDS = 'You can only send messages to your friends and family.';

export function createMessageService(deps: MessageServiceDeps): MessageService {
  const { db, now, committer, graph, delivery, registry, blobs, log } = deps;
  const ttl = deps.config.messaging.messageTtlMs;

  function checkAttachment(senderId: string, ref: AttachmentRef): void {
    const row = getAttachment(db, ref.hash);
    if (!row || row.size !== ref.size || row.mime !== ref.mime || !hasUploaded(db, ref.hash, senderId)) {
      throw new HearthError(ErrorCode.NotFound, 'That attachment is not on the relay (any more). Please upload it again.');
    }
    markAttachmentLinked(db, ref.hash);
  }

  /** Runs inside the group-commit transaction. */
  function store(
    senderId: string,
    sendingDevice: string | undefined,
    frame: Static<typeof WsSendFrame>,
    contentJson: string,
  ): Stored {
    const known = findMessageId(db, frame.id);
    if (known) {
      if (known.senderId !== senderId) throw new HearthError(ErrorCode.Conflict, 'This message id is taken. Make a new one.');
      return known.state === 'expired' ? { kind: 'expired' } : { kind: 'duplicate', at: known.createdAt };
    }
    // Checked again at commit time: a block may have arrived since the frame did.
    const verdict = graph.sendVerdictNow(senderId, frame.to);
    if (verdict === 'refuse') throw new HearthError(ErrorCode.NotFriends, NOT_FRIENDS);
    const attachment = 'attachment' in frame.content ? frame.content.attachment : undefined;
    if (attachment) checkAttachment(senderId, attachment);
    const at = now();
    const withheld = verdict === 'withhold';
    const seq = insertMessage(db, {
      id: frame.id,
      senderId,
      recipientId: frame.to,
      kind: frame.content.kind,
      contentJson,
      attachmentHash: attachment?.hash ?? null,
      withheld,
      createdAt: at,
      expiresAt: at + ttl,
    });
    const row = { id: frame.id, senderId, recipientId: frame.to, contentJson, createdAt: at };
    const copies: QueuedCopy[] = [];
    const queue = (accountId: string, deviceId: string, own: boolean): void => {
      enqueueForDevice(db, seq, accountId, deviceId, own);
      const queued = { seq, ...row, own: own ? (1 as const) : (0 as const) };
      // A withheld message waits (for its sender's sake) but is pushed to no recipient device.
      if (own || !withheld) copies.push({ accountId, deviceId, row: queued });
    };
    const recipientDevices = listDeliveryDevices(db, frame.to, at - ttl);
    if (recipientDevices.length === 0) queue(frame.to, ACCOUNT_QUEUE, false);
    for (const device of recipientDevices) queue(frame.to, device, false);
    // The sender's other devices get an outgoing copy; the one it came from has it already.
    for (const device of listDeliveryDevices(db, senderId, at - ttl)) if (device !== sendingDevice) queue(senderId, device, true);
    return { kind: 'stored', createdAt: at, copies };
  }

  /** Tells each sender, on all its sockets, which of its messages were just delivered. */
  function tellDelivered(delivered: readonly Readonly<{ id: string; senderId: string }>[]): void {
    const bySender = new Map<string, string[]>();
    for (const t of delivered) bySender.set(t.senderId, [...(bySender.get(t.senderId) ?? []), t.id]);
    for (const [senderId, ids] of bySender) {
      const conns = registry.ofAccount(senderId);
      if (conns.length === 0) continue;
      const notice = JSON.stringify({ type: 'delivered', ids });
      for (const c of conns) c.send(notice);
    }
  }

  return {
    send(conn, frame) {
      const wait = deps.buckets.take(conn.accountId, now());
      if (wait > 0) {
        conn.send(errorFrame(ErrorCode.RateLimited, 'That is a lot of messages! Please wait a moment.', frame.id, wait));
        return;
      }
      if (graph.sendVerdictNow(conn.accountId, frame.to) === 'refuse') {
        conn.send(errorFrame(ErrorCode.NotFriends, NOT_FRIENDS, frame.id));
        return;
      }
      const content = frame.content;
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
      committer.enqueue(
        () => store(conn.accountId, conn.queueDevice, frame, contentJson),
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
        () => {
          const at = now();
          const delivered: { id: string; senderId: string }[] = [];
          const dead: string[] = [];
          for (const id of frame.ids) {
            const done = acknowledgeMessage(db, accountId, device, id, at, at + ttl);
            if (!done) continue;
            if (done.deliveredTo !== undefined) delivered.push({ id, senderId: done.deliveredTo });
            const hash = done.freed?.attachmentHash;
            if (hash && deleteAttachmentIfUnreferenced(db, hash)) dead.push(hash);
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
          for (const hash of result.value.dead) blobs.remove(hash);
          delivery.received(conn, frame.ids);
          tellDelivered(result.value.delivered);
        },
      );
    },
    read(conn, frame) {
      const accountId = conn.accountId;
      committer.enqueue(
        () => {
          const at = now();
          const delivered: { id: string; senderId: string }[] = [];
          for (const id of frame.ids) {
            const senderId = markMessageRead(db, accountId, id, at, at + ttl);
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
        () => {
          const outcome = unsendMessage(db, senderId, frame.id, now(), UNSEND_WINDOW_MS);
          const hash = outcome.ok ? outcome.attachmentHash : null;
          const dead = hash !== null && deleteAttachmentIfUnreferenced(db, hash) ? hash : undefined;
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
          if (dead !== undefined) blobs.remove(dead);
          conn.send({ type: 'unsend-result', id: frame.id, ok: true });
          const unsent = JSON.stringify({ type: 'unsent', id: frame.id });
          // The sender's other sockets hide their copy; a recipient socket that was pushed it (not
          // yet acknowledged) hides it too, and its delivery window is freed.
          for (const other of registry.ofAccount(senderId)) if (other !== conn) other.send(unsent);
          for (const r of registry.ofAccount(outcome.recipientId)) {
            if (!r.delivery.inFlight.has(frame.id)) continue;
            r.send(unsent);
            delivery.received(r, [frame.id]);
          }
        },
      );
    },
    ackExpired(conn, frame) {
      const senderId = conn.accountId;
      committer.enqueue(
        () => {
          for (const id of frame.ids) clearExpiryNotice(db, senderId, id);
        },
        (result) => {
          if (!result.ok) log.error({ err: result.error }, 'recording expiry acknowledgements failed');
        },
      );
    },
  };
}
