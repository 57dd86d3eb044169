import { ErrorCode, HearthError } from '@hearth/common';
import fs from 'node:fs';
import path from 'node:path';
import { getAttachment, markAttachmentUploaded } from '../db/child/queries/attachments';
import { advanceMessageState, getMessage } from '../db/child/queries/messages';
import { dueOutbox, noteOutboxAttempt, removeFromOutbox } from '../db/child/queries/outbox';
import type { OutboxPayload } from '../services/messages';
import type { ConnectionContext } from './connection-context';

/** Codes after which sending again cannot help: the message fails for good. */
const PERMANENT = new Set<string>([
  ErrorCode.NotFriends,
  ErrorCode.ValidationFailed,
  ErrorCode.MalformedRequest,
  ErrorCode.PayloadTooLarge,
  ErrorCode.UnsupportedMediaType,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  // A guardian turned games off (F9): that game move is not sent later either.
  ErrorCode.GamesOff,
]);

/** A message refused for quiet time, when the relay says no end, is tried again after this long. */
const QUIET_RETRY_MS = 15 * 60_000;

/** Marks an outgoing message as failed for good and tells the UI. */
export function failMessage(ctx: ConnectionContext, messageId: string, reason: string): void {
  ctx.db.transaction(() => {
    removeFromOutbox(ctx.db, messageId);
    advanceMessageState(ctx.db, messageId, 'failed');
  })();
  ctx.log.warn({ messageId, reason }, 'message refused for good');
  const m = getMessage(ctx.db, messageId);
  if (m) ctx.events.emitForChild(ctx.childId, 'messageState', { messageId, contactId: m.contactId, state: m.state });
}

/** A refusal of one message by the relay: fail it, or try again later. */
export function onSendRefused(ctx: ConnectionContext, messageId: string, code: string, retryAfterMs: number | undefined): void {
  if (code === ErrorCode.AccountSuspended) {
    // F16: the relay says this child is paused; the message fails and the child's screens say why.
    ctx.suspension?.set(ctx.childId, { suspended: true, category: ctx.suspension.get(ctx.childId).category });
    ctx.events.emitForChild(ctx.childId, 'suspension', ctx.suspension?.get(ctx.childId) ?? { suspended: true, category: null });
    failMessage(ctx, messageId, code);
  } else if (PERMANENT.has(code)) failMessage(ctx, messageId, code);
  else if (code === ErrorCode.QuietHours) {
    // It waits for morning: the relay's next `quiet` frame saying the end makes it due again.
    const endsIn = ctx.quiet.get(ctx.childId)?.endsInMs ?? null;
    noteOutboxAttempt(ctx.db, messageId, ctx.now() + (retryAfterMs ?? endsIn ?? QUIET_RETRY_MS));
  } else noteOutboxAttempt(ctx.db, messageId, ctx.now() + (retryAfterMs ?? 5_000));
}

async function ensureUploaded(ctx: ConnectionContext, payload: OutboxPayload): Promise<void> {
  const c = payload.content;
  if (c.kind !== 'photo' && c.kind !== 'voice' && c.kind !== 'video') return;
  const row = getAttachment(ctx.db, c.attachment.hash);
  if (!row) throw new HearthError(ErrorCode.NotFound, 'attachment missing from this PC');
  if (row.uploaded) return;
  const bytes = fs.readFileSync(path.join(ctx.attachmentsDir, row.hash));
  const ref = await ctx.blobs.upload(ctx.token(), bytes, row.mime, (sent, total) =>
    ctx.events.emitForChild(ctx.childId, 'attachmentProgress', { hash: row.hash, sent, total }),
  );
  if (ref.hash !== row.hash) throw new HearthError(ErrorCode.Internal, 'the relay stored different bytes');
  markAttachmentUploaded(ctx.db, row.hash);
}

/**
 * Sends every due outbox entry, oldest first, uploading attachments before their message.
 * Each sent entry stays in the outbox until the relay answers `sent`; if that answer does not
 * come within the ack timeout the same id goes again (the relay and the recipient dedupe).
 * Returns when nothing more is due or the socket closed.
 */
export async function flushOutbox(ctx: ConnectionContext, isOpen: () => boolean): Promise<void> {
  for (;;) {
    const due = dueOutbox(ctx.db, ctx.now(), 64);
    if (due.length === 0 || !isOpen()) return;
    for (const entry of due) {
      if (!isOpen()) return;
      const payload = entry.payload as OutboxPayload;
      try {
        await ensureUploaded(ctx, payload);
      } catch (err) {
        const code = err instanceof HearthError ? err.code : ErrorCode.Internal;
        onSendRefused(
          ctx,
          entry.messageId,
          code === ErrorCode.Internal ? ErrorCode.Unavailable : code,
          5_000 * 2 ** Math.min(entry.attempts, 6),
        );
        continue;
      }
      if (!ctx.send({ type: 'send', id: payload.id, to: payload.to, content: payload.content })) return;
      noteOutboxAttempt(ctx.db, entry.messageId, ctx.now() + ctx.ackTimeoutMs);
    }
  }
}
