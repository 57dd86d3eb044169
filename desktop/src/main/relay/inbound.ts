import fs from 'node:fs';
import path from 'node:path';
import { HearthError, type AttachmentMime, type RelayedMessage, type WsServerFrame } from '@hearth/common';
import { getAttachment, insertAttachment, markAttachmentReady } from '../db/child/queries/attachments';
import { getContact, upsertContact } from '../db/child/queries/contacts';
import { advanceMessageState, getMessage, insertMessage, removeMessage } from '../db/child/queries/messages';
import { makeOutboxDue, removeFromOutbox } from '../db/child/queries/outbox';
import { logActivity } from '../db/child/queries/activity';
import { reportedNotYetAccepted, setMessageRaw } from '../db/child/queries/reports';
import { writeFileAtomic } from '../services/attachments';
import { stripPictureMetadata, stripVideoMetadata, VIDEO_CONTAINERS } from '../services/strip-metadata';
import type { ConnectionContext } from './connection-context';
import { onSendRefused } from './outbound';
import { receiveGameMove } from './inbound-games';

/** Tells the UI about a state change of one of the child's messages. */
function emitState(ctx: ConnectionContext, messageId: string): void {
  const m = getMessage(ctx.db, messageId);
  if (m) ctx.events.emitForChild(ctx.childId, 'messageState', { messageId, contactId: m.contactId, state: m.state });
}

/** A message taken back by its sender leaves this store (and the screen); unknown ids are only remembered. */
function removeUnsent(ctx: ConnectionContext, id: string): void {
  const gone = ctx.db.transaction(() => removeMessage(ctx.db, id, 'unsent', ctx.now()))();
  if (gone)
    ctx.events.emitForChild(ctx.childId, 'messageRemoved', { messageId: id, contactId: gone.contactId, reason: 'unsent' });
}

/** Is the sender an active friend here? Asks the relay once when this PC's list may be stale. */
async function senderIsActiveFriend(ctx: ConnectionContext, from: string): Promise<boolean> {
  // Reported here and not yet accepted by the relay (F11): nothing of theirs is kept meanwhile.
  if (reportedNotYetAccepted(ctx.db).has(from)) return false;
  if (getContact(ctx.db, from)?.friendship.status === 'active') return true;
  await ctx.refreshContacts().catch((err: unknown) => ctx.log.warn({ err }, 'could not refresh friends'));
  return getContact(ctx.db, from)?.friendship.status === 'active';
}

/**
 * Downloads a photo, or a video (or voice) message in an MP4 or WebM container, and strips its
 * metadata (EXIF with GPS, XMP, comments, text; MP4 `udta`/`meta` with `©xyz` location; WebM Tags)
 * into this PC's file for it; null, logged, when the file is broken or not the type it claims (it
 * is dropped).
 */
async function fetchCleanPicture(
  ctx: ConnectionContext,
  messageId: string,
  a: Readonly<{ hash: string; mime: AttachmentMime }>,
): Promise<Readonly<{ size: number; changed: boolean }> | null> {
  const bytes = await ctx.blobs.download(ctx.token(), a.hash);
  const video = VIDEO_CONTAINERS.has(a.mime);
  try {
    const clean = video ? stripVideoMetadata(bytes, a.mime) : stripPictureMetadata(bytes, a.mime);
    const what = video ? 'video' : 'picture';
    if (clean.changed) ctx.log.info({ messageId, hash: a.hash }, `${what} changed on receipt (metadata removed)`);
    writeFileAtomic(path.join(ctx.attachmentsDir, a.hash), clean.bytes);
    return { size: clean.bytes.length, changed: clean.changed };
  } catch (err) {
    if (!(err instanceof HearthError)) throw err;
    ctx.log.warn(
      { messageId, code: err.code, details: err.details },
      `dropped a ${video ? 'video' : 'photo'} that could not be cleaned`,
    );
    return null;
  }
}

/** Attachments cleaned before anything of their message is stored: every photo, and every video in a container we clean. */
const cleanedOnReceipt = (
  c: RelayedMessage['content'],
): c is Extract<RelayedMessage['content'], { kind: 'photo' | 'voice' | 'video' }> =>
  c.kind === 'photo' || ((c.kind === 'video' || c.kind === 'voice') && VIDEO_CONTAINERS.has(c.attachment.mime));

/**
 * Stores one incoming message (deduped by id) and, for a photo, voice or video message, its
 * attachment; only then acknowledges it. A failure leaves it unacknowledged, so the relay
 * delivers it again. `raw` is the frame's text exactly as the relay sent it, kept for reports (F11).
 */
async function receive(
  ctx: ConnectionContext,
  m: RelayedMessage,
  ack: (id: string) => void,
  raw: string | undefined,
): Promise<void> {
  // An outgoing copy: what this account sent from another PC (or the grown-ups' pane), kept as sent by me.
  const outgoing = m.outgoing === true;
  if ((outgoing ? m.from : m.to) !== ctx.childId) {
    ctx.log.warn({ messageId: m.id }, 'a message for someone else arrived; ignored');
    return;
  }
  if (!outgoing && !(await senderIsActiveFriend(ctx, m.from))) {
    // Checked on the receiving side too: nothing from outside an active friendship is kept.
    ctx.log.warn({ messageId: m.id }, 'dropped a message from someone who is not an active friend');
    ack(m.id);
    return;
  }
  const c = m.content;
  if (c.kind === 'game-move') {
    receiveGameMove(ctx, { ...m, content: c }, outgoing, raw);
    ack(m.id);
    return;
  }
  // A photo or video is fetched and cleaned before anything of the message is stored, so one that
  // cannot be cleaned is neither stored nor shown.
  let picture: Readonly<{ size: number; changed: boolean }> | null = null;
  const held = cleanedOnReceipt(c) ? getAttachment(ctx.db, c.attachment.hash) : undefined;
  if (cleanedOnReceipt(c) && (held === undefined || held.state === 'downloading')) {
    picture = await fetchCleanPicture(ctx, m.id, c.attachment);
    if (picture === null) {
      ack(m.id);
      return;
    }
  }
  const now = ctx.now();
  const isNew = ctx.db.transaction(() => {
    const inserted = insertMessage(ctx.db, {
      id: m.id,
      contactId: outgoing ? m.to : m.from,
      direction: outgoing ? 'out' : 'in',
      content: c,
      sentAt: m.sentAt,
      storedAt: now,
      state: outgoing ? 'sent' : 'received',
    });
    if (inserted && raw !== undefined) setMessageRaw(ctx.db, m.id, raw, picture?.changed === true);
    // The PC it was sent from logged the sending.
    if (inserted && !outgoing) logActivity(ctx.db, { at: now, kind: 'message-received', contactId: m.from });
    if (c.kind === 'photo' || c.kind === 'voice' || c.kind === 'video') {
      const a = c.attachment;
      // A cleaned photo's row has its stored size: smaller than the sent size when metadata was removed.
      const size = picture?.size ?? a.size;
      insertAttachment(ctx.db, { hash: a.hash, kind: c.kind, mime: a.mime, size, state: picture ? 'ready' : 'downloading', now });
      if (picture) markAttachmentReady(ctx.db, a.hash, size);
    }
    return inserted;
  })();
  if (c.kind === 'photo' || c.kind === 'voice' || c.kind === 'video') {
    const row = getAttachment(ctx.db, c.attachment.hash);
    if (row?.state === 'downloading') {
      const bytes = await ctx.blobs.download(ctx.token(), row.hash);
      writeFileAtomic(path.join(ctx.attachmentsDir, row.hash), bytes);
      markAttachmentReady(ctx.db, row.hash);
    } else if (row && !fs.existsSync(path.join(ctx.attachmentsDir, row.hash))) {
      ctx.log.error({ hash: row.hash }, 'an attachment file is missing');
    }
  }
  ack(m.id);
  const view = getMessage(ctx.db, m.id);
  if (isNew && view) ctx.events.emitForChild(ctx.childId, 'message', view);
}

/**
 * The child's own sent message in the form the relay's franking record covers (F11): id, sender,
 * recipient, the relay's `sentAt` from its `sent` frame, and the content as sent.
 */
function keepSentRaw(ctx: ConnectionContext, id: string, sentAt: number): void {
  const m = getMessage(ctx.db, id);
  if (m?.direction !== 'out') return;
  const raw = JSON.stringify({ id, from: ctx.childId, to: m.contactId, sentAt, content: m.content });
  setMessageRaw(ctx.db, id, raw);
}

/** Handles one frame from the relay. `ack` queues a `received` for a stored message. */
export async function handleServerFrame(
  ctx: ConnectionContext,
  frame: WsServerFrame,
  hooks: Readonly<{ ack: (id: string) => void; onWelcome: () => void; kick?: () => void; raw?: string | undefined }>,
): Promise<void> {
  switch (frame.type) {
    case 'welcome':
      ctx.presence.clear();
      for (const p of frame.presence) ctx.presence.set(p.accountId, p.state);
      hooks.onWelcome();
      return;
    case 'presence':
      ctx.presence.set(frame.accountId, frame.state);
      ctx.events.emitForChild(ctx.childId, 'presence', { contactId: frame.accountId, presence: frame.state });
      return;
    case 'friendship': {
      const f = frame.friendship;
      // A parent hears about their children's friendships too; those are not the parent's contacts.
      if (f.me.accountId !== ctx.childId) return;
      // An ended friendship keeps the name the child knew: a deleted child's last frame may be built
      // after its account went (its name then reads "?"), and the contact stays as "no longer here".
      const known = getContact(ctx.db, f.friend.accountId);
      const ended = f.status === 'removed' || f.status === 'declined' || f.status === 'blocked';
      const kept = known && ended ? { ...f, friend: { ...f.friend, displayName: known.friendship.friend.displayName } } : f;
      upsertContact(ctx.db, kept, ctx.now());
      if (f.status !== 'active') ctx.presence.delete(f.friend.accountId);
      ctx.events.emitForChild(ctx.childId, 'friendsChanged', {});
      return;
    }
    case 'sent':
      ctx.db.transaction(() => {
        removeFromOutbox(ctx.db, frame.id);
        advanceMessageState(ctx.db, frame.id, 'sent');
        keepSentRaw(ctx, frame.id, frame.at);
      })();
      emitState(ctx, frame.id);
      return;
    case 'delivered':
      for (const id of frame.ids) {
        if (advanceMessageState(ctx.db, id, 'delivered')) emitState(ctx, id);
      }
      return;
    case 'expired':
      for (const id of frame.ids) {
        ctx.db.transaction(() => {
          removeFromOutbox(ctx.db, id);
          advanceMessageState(ctx.db, id, 'expired');
        })();
        emitState(ctx, id);
      }
      ctx.send({ type: 'ack-expired', ids: frame.ids });
      return;
    case 'message':
      await receive(ctx, frame.message, hooks.ack, hooks.raw);
      return;
    case 'error':
      if (frame.ref !== undefined) onSendRefused(ctx, frame.ref, frame.code, frame.retryAfterMs);
      else ctx.log.warn({ code: frame.code, message: frame.message }, 'the relay refused a frame');
      return;
    case 'unsend-result': {
      if (frame.ok) {
        removeUnsent(ctx, frame.id);
        return;
      }
      const m = getMessage(ctx.db, frame.id);
      if (m)
        ctx.events.emitForChild(ctx.childId, 'unsendRefused', { messageId: frame.id, contactId: m.contactId, code: frame.code });
      return;
    }
    case 'unsent':
      // The relay sends it only to the sender's other PCs and to the recipient's PCs it pushed the message to.
      removeUnsent(ctx, frame.id);
      return;
    case 'pong':
      return;
    case 'notice':
      // To guardians' parent-mode PCs (issue 12): told to parent mode's screen at once, nothing stored.
      ctx.events.emitForChild(ctx.childId, 'notice', { notice: frame.notice });
      return;
    case 'quiet':
      // The relay sends it only to apps of 0.3.0 on, on connect and at each change.
      if (frame.childId !== ctx.childId) {
        // A parent-mode connection: the relay tells a guardian where each of their children stands.
        ctx.events.emitForChild(ctx.childId, 'childQuiet', { childId: frame.childId, status: frame.status });
        return;
      }
      ctx.quiet.set(ctx.childId, frame.status);
      ctx.events.emitForChild(ctx.childId, 'quiet', { status: ctx.quiet.get(ctx.childId) });
      if (!frame.status.quiet) {
        // What waited in the outbox for morning goes now.
        makeOutboxDue(ctx.db, ctx.now());
        hooks.kick?.();
      }
      return;
    case 'reconsent':
      // F15: the child waits for a grown-up to look at a new policy; the child's screens show it in kid words.
      ctx.events.emitForChild(ctx.childId, 'reconsent', { waiting: frame.waiting });
      return;
    case 'suspension':
      // F16: a moderator suspended (or lifted the suspension of) this child; the child's screens say so in kid words.
      ctx.log.info({ suspended: frame.suspended, category: frame.category }, 'the relay says the child is suspended or not');
      ctx.suspension?.set(ctx.childId, { suspended: frame.suspended, category: frame.category });
      ctx.events.emitForChild(
        ctx.childId,
        'suspension',
        ctx.suspension?.get(ctx.childId) ?? {
          suspended: frame.suspended,
          category: frame.suspended ? frame.category : null,
        },
      );
      return;
    case 'games':
      // F9: the child's games switch on the relay (the games service keeps it and tells the screens).
      ctx.log.info({ enabled: frame.enabled }, 'the relay says whether games are on for this child');
      ctx.games?.switchChanged(ctx.childId, frame.enabled);
      return;
    case 'call-ice':
      // Issue 18: a friend's ICE restart for a call; the calls service checks the contact again.
      if (ctx.callIce) ctx.callIce(frame);
      else ctx.log.info({ from: frame.from }, 'an ICE restart arrived but calls are not wired here');
      return;
    default: {
      const never: never = frame;
      ctx.log.warn({ frame: never }, 'unknown frame');
    }
  }
}
