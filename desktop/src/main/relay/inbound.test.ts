import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import type { EventName, WsClientFrame, WsMessageFrame, WsServerFrame } from '@hearth/common';
import { ACTIVE_FRIENDSHIP as friendship, FIXTURE_FRIEND as FRIEND, FIXTURE_ME as ME } from '../db/child/friendship-fixture';
import { replaceContacts } from '../db/child/queries/contacts';
import { listConversation } from '../db/child/queries/messages';
import { enqueueOutbox, allOutbox } from '../db/child/queries/outbox';
import { insertMessage, getMessage } from '../db/child/queries/messages';
import { silentLogger } from '../logging/logger';
import { createEventHub } from '../services/event-hub';
import { createChildStores, type ChildStores } from '../stores/child-stores';
import type { ConnectionContext } from './connection-context';
import { handleServerFrame } from './inbound';
import { changedOnReceipt, getAttachment } from '../db/child/queries/attachments';
import { sha256Hex } from '../services/attachments';
import { GPS_LATITUDE, fixture, jpegWithGps } from '../services/strip-metadata/test-pictures';
import { createQuietTracker } from './quiet-tracker';

const STRANGER = '01J00000000000000000000BAD';
let dir: string;
let stores: ChildStores;
let ctx: ConnectionContext;
let sent: WsClientFrame[];
let events: EventName[];
let acks: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-inbound-'));
  stores = createChildStores({ dataDir: dir });
  const store = stores.get(ME);
  replaceContacts(store.db, [friendship], 1);
  sent = [];
  events = [];
  acks = [];
  const hub = createEventHub(() => ME);
  hub.subscribe((e) => events.push(e));
  ctx = {
    childId: ME,
    db: store.db,
    attachmentsDir: store.attachmentsDir,
    token: () => 'dc_test_token_000000',
    blobs: { upload: () => Promise.reject(new Error('offline')), download: () => Promise.reject(new Error('offline')) },
    events: hub,
    now: () => 1_000,
    log: silentLogger(),
    send: (f) => {
      sent.push(f);
      return true;
    },
    presence: new Map(),
    refreshContacts: async () => undefined,
    becomeDevice: async () => undefined,
    credentialRefused: () => undefined,
    ackTimeoutMs: 1_000,
    quiet: createQuietTracker(),
  };
});
afterEach(() => {
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hooks = { ack: (id: string) => acks.push(id), onWelcome: () => undefined };
type Relayed = Static<typeof WsMessageFrame>['message'];
/** A message frame from `from` to me saying "hi", unless `extra` says otherwise. */
const message = (id: string, from: string, extra: Partial<Relayed> = {}): WsServerFrame => ({
  type: 'message',
  message: { id, from, to: ME, sentAt: 5, content: { kind: 'text', text: 'hi' }, ...extra },
});
/** One of my messages to the friend, stored in `state`. */
const storedOut = (id: string, state: 'queued' | 'sent') =>
  insertMessage(ctx.db, {
    id,
    contactId: FRIEND,
    direction: 'out',
    content: { kind: 'text', text: 'x' },
    sentAt: 1,
    storedAt: 1,
    state,
  });

describe('inbound frames', () => {
  it('stores a redelivered message once, tells the UI once, and acknowledges both copies', async () => {
    await handleServerFrame(ctx, message('01J000000000000000000MSG01', FRIEND), hooks);
    await handleServerFrame(ctx, message('01J000000000000000000MSG01', FRIEND), hooks);
    expect(listConversation(ctx.db, FRIEND, { limit: 10 }).messages).toHaveLength(1);
    expect(events.filter((e) => e === 'message')).toHaveLength(1);
    expect(acks).toEqual(['01J000000000000000000MSG01', '01J000000000000000000MSG01']);
  });

  it('stores an outgoing copy from another PC as sent by me, in the conversation with its recipient', async () => {
    const copy = message('01J000000000000000000MSG07', ME, {
      to: FRIEND,
      content: { kind: 'text', text: 'mine' },
      outgoing: true,
    });
    await handleServerFrame(ctx, copy, hooks);
    await handleServerFrame(ctx, copy, hooks);
    expect(listConversation(ctx.db, FRIEND, { limit: 10 }).messages).toMatchObject([
      { messageId: '01J000000000000000000MSG07', direction: 'out', state: 'sent', content: { text: 'mine' } },
    ]);
    expect(events.filter((e) => e === 'message')).toHaveLength(1);
    expect(acks).toEqual(['01J000000000000000000MSG07', '01J000000000000000000MSG07']);
    // A later `delivered` moves it on like one sent here.
    await handleServerFrame(ctx, { type: 'delivered', ids: ['01J000000000000000000MSG07'] }, hooks);
    expect(getMessage(ctx.db, '01J000000000000000000MSG07')?.state).toBe('delivered');
  });

  it('ignores an outgoing copy that claims another sender', async () => {
    const copy = message('01J000000000000000000MSG08', FRIEND, { content: { kind: 'text', text: 'x' }, outgoing: true });
    await handleServerFrame(ctx, copy, hooks);
    expect(listConversation(ctx.db, FRIEND, { limit: 10 }).messages).toEqual([]);
  });

  it('keeps nothing from someone who is not an active friend', async () => {
    await handleServerFrame(ctx, message('01J000000000000000000MSG02', STRANGER), hooks);
    expect(listConversation(ctx.db, STRANGER, { limit: 10 }).messages).toEqual([]);
    expect(events).toEqual([]);
  });

  it('does not acknowledge a photo until its file is here', async () => {
    const frame = message('01J000000000000000000MSG03', FRIEND, {
      content: { kind: 'photo', attachment: { hash: 'a'.repeat(64), size: 10, mime: 'image/png' } },
    });
    await expect(handleServerFrame(ctx, frame, hooks)).rejects.toThrow('offline');
    expect(acks).toEqual([]);
  });

  it('stores a photo only with its metadata removed, and records that it changed on receipt', async () => {
    const dirty = jpegWithGps();
    const hash = sha256Hex(dirty);
    ctx = { ...ctx, blobs: { ...ctx.blobs, download: () => Promise.resolve(new Uint8Array(dirty)) } };
    const frame = message('01J000000000000000000MSG10', FRIEND, {
      content: { kind: 'photo', attachment: { hash, size: dirty.length, mime: 'image/jpeg' } },
    });
    await handleServerFrame(ctx, frame, hooks);
    expect(acks).toEqual(['01J000000000000000000MSG10']);
    const stored = fs.readFileSync(path.join(ctx.attachmentsDir, hash));
    expect(stored.includes(GPS_LATITUDE)).toBe(false);
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(getAttachment(ctx.db, hash)).toMatchObject({ state: 'ready', size: stored.length });
    expect(changedOnReceipt(ctx.db, hash, dirty.length)).toBe(true);
    expect(events).toEqual(['message']);
  });

  it('neither stores nor shows a photo that cannot be cleaned, and acknowledges it so it does not come back', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.from('GPS 51.5N')]);
    const hash = sha256Hex(broken);
    ctx = { ...ctx, blobs: { ...ctx.blobs, download: () => Promise.resolve(new Uint8Array(broken)) } };
    const frame = message('01J000000000000000000MSG11', FRIEND, {
      content: { kind: 'photo', attachment: { hash, size: broken.length, mime: 'image/jpeg' } },
    });
    await handleServerFrame(ctx, frame, hooks);
    expect(acks).toEqual(['01J000000000000000000MSG11']);
    expect(getMessage(ctx.db, '01J000000000000000000MSG11')).toBeUndefined();
    expect(getAttachment(ctx.db, hash)).toBeUndefined();
    expect(fs.existsSync(path.join(ctx.attachmentsDir, hash))).toBe(false);
    expect(events).toEqual([]);
  });

  it.each([
    ['gps.mov', 'video/mp4'],
    ['live.webm', 'video/webm'],
  ] as const)('stores a video message (%s) only with its location and title removed (issue 15 §5)', async (name, mime) => {
    const dirty = fixture(name);
    const hash = sha256Hex(dirty);
    ctx = { ...ctx, blobs: { ...ctx.blobs, download: () => Promise.resolve(new Uint8Array(dirty)) } };
    const frame = message('01J000000000000000000MSG12', FRIEND, {
      content: { kind: 'video', attachment: { hash, size: dirty.length, mime }, durationMs: 1000 },
    });
    await handleServerFrame(ctx, frame, hooks);
    expect(acks).toEqual(['01J000000000000000000MSG12']);
    const stored = fs.readFileSync(path.join(ctx.attachmentsDir, hash)).toString('latin1');
    expect(dirty.toString('latin1')).toContain('Secretplace');
    expect(stored).not.toContain('Secretplace');
    expect(stored).not.toContain('+48.8584');
    expect(getAttachment(ctx.db, hash)).toMatchObject({ state: 'ready' });
    expect(events).toEqual(['message']);
  });

  it('neither stores nor shows a video that is not the container it claims (UNSUPPORTED_MEDIA_TYPE), and acknowledges it', async () => {
    const wrong = fixture('gps.webm');
    const hash = sha256Hex(wrong);
    ctx = { ...ctx, blobs: { ...ctx.blobs, download: () => Promise.resolve(new Uint8Array(wrong)) } };
    const frame = message('01J000000000000000000MSG13', FRIEND, {
      content: { kind: 'video', attachment: { hash, size: wrong.length, mime: 'video/mp4' }, durationMs: 1000 },
    });
    await handleServerFrame(ctx, frame, hooks);
    expect(acks).toEqual(['01J000000000000000000MSG13']);
    expect(getMessage(ctx.db, '01J000000000000000000MSG13')).toBeUndefined();
    expect(fs.existsSync(path.join(ctx.attachmentsDir, hash))).toBe(false);
    expect(events).toEqual([]);
  });

  it('takes a message out of the outbox on `sent`, fails it for good on NOT_FRIENDS', async () => {
    for (const id of ['01J000000000000000000MSG04', '01J000000000000000000MSG05']) {
      storedOut(id, 'queued');
      enqueueOutbox(ctx.db, { messageId: id, contactId: FRIEND, payload: {}, now: 1 });
    }
    await handleServerFrame(ctx, { type: 'sent', id: '01J000000000000000000MSG04', at: 2 }, hooks);
    await handleServerFrame(ctx, { type: 'error', code: 'NOT_FRIENDS', message: 'no', ref: '01J000000000000000000MSG05' }, hooks);
    expect(allOutbox(ctx.db)).toEqual([]);
    expect(getMessage(ctx.db, '01J000000000000000000MSG04')?.state).toBe('sent');
    expect(getMessage(ctx.db, '01J000000000000000000MSG05')?.state).toBe('failed');
  });

  it('marks expired messages and acknowledges the notice', async () => {
    storedOut('01J000000000000000000MSG06', 'sent');
    await handleServerFrame(ctx, { type: 'expired', ids: ['01J000000000000000000MSG06'] }, hooks);
    expect(getMessage(ctx.db, '01J000000000000000000MSG06')?.state).toBe('expired');
    expect(sent).toEqual([{ type: 'ack-expired', ids: ['01J000000000000000000MSG06'] }]);
  });

  it('hides a message its sender took back (`unsent`) and never stores it again', async () => {
    const id = '01J000000000000000000MSG09';
    await handleServerFrame(ctx, message(id, FRIEND), hooks);
    events = [];
    await handleServerFrame(ctx, { type: 'unsent', id }, hooks);
    expect(getMessage(ctx.db, id)).toBeUndefined();
    expect(events).toEqual(['messageRemoved']);
    // Pushed again (its acknowledgement was lost): acknowledged, not stored, not shown.
    await handleServerFrame(ctx, message(id, FRIEND), hooks);
    expect(getMessage(ctx.db, id)).toBeUndefined();
    expect(events).toEqual(['messageRemoved']);
    expect(acks).toEqual([id, id]);
  });

  it('remembers an `unsent` id that has not arrived yet, so it is never shown', async () => {
    const id = '01J000000000000000000MSG10';
    await handleServerFrame(ctx, { type: 'unsent', id }, hooks);
    expect(events).toEqual([]);
    await handleServerFrame(ctx, message(id, FRIEND), hooks);
    expect(listConversation(ctx.db, FRIEND, { limit: 10 }).messages).toEqual([]);
    expect(events).toEqual([]);
  });

  it('removes my message when the relay took it back, and says so when it refused', async () => {
    for (const id of ['01J000000000000000000MSG11', '01J000000000000000000MSG12']) {
      insertMessage(ctx.db, {
        id,
        contactId: FRIEND,
        direction: 'out',
        content: { kind: 'text', text: 'oops' },
        sentAt: 1,
        storedAt: 1,
        state: 'sent',
      });
    }
    const payloads: unknown[] = [];
    ctx.events.subscribe((e, p) => payloads.push({ e, p }));
    await handleServerFrame(ctx, { type: 'unsend-result', id: '01J000000000000000000MSG11', ok: true }, hooks);
    await handleServerFrame(
      ctx,
      { type: 'unsend-result', id: '01J000000000000000000MSG12', ok: false, code: 'ALREADY_DELIVERED' },
      hooks,
    );
    expect(getMessage(ctx.db, '01J000000000000000000MSG11')).toBeUndefined();
    expect(getMessage(ctx.db, '01J000000000000000000MSG12')?.state).toBe('sent');
    expect(payloads).toEqual([
      { e: 'messageRemoved', p: { messageId: '01J000000000000000000MSG11', contactId: FRIEND, reason: 'unsent' } },
      { e: 'unsendRefused', p: { messageId: '01J000000000000000000MSG12', contactId: FRIEND, code: 'ALREADY_DELIVERED' } },
    ]);
  });
});

describe('the quiet frame (issue 14)', () => {
  const status = {
    quiet: true,
    reason: 'schedule' as const,
    startsInMs: null,
    endsInMs: 3_600_000,
    endsAt: '07:00',
    minutesLeftToday: null,
    timeZone: 'Europe/Madrid',
  };

  it('keeps what the relay said for this child, tells the UI, and keeps nothing of a frame about another child', async () => {
    await handleServerFrame(ctx, { type: 'quiet', childId: STRANGER, status }, hooks);
    expect(ctx.quiet.get(ME)).toBeNull();
    expect(ctx.quiet.get(STRANGER)).toBeNull();
    await handleServerFrame(ctx, { type: 'quiet', childId: ME, status }, hooks);
    expect(ctx.quiet.get(ME)).toMatchObject({ quiet: true, endsAt: '07:00' });
    // A frame about another child comes only to a guardian's parent-mode connection: parent mode's screen hears it.
    expect(events).toEqual(['childQuiet', 'quiet']);
  });

  it('holds a message the relay refused for quiet time until quiet ends, then sends it at once', async () => {
    await handleServerFrame(ctx, { type: 'quiet', childId: ME, status }, hooks);
    storedOut('01J000000000000000000MSG20', 'queued');
    enqueueOutbox(ctx.db, { messageId: '01J000000000000000000MSG20', contactId: FRIEND, payload: {}, now: 1_000 });
    await handleServerFrame(
      ctx,
      { type: 'error', ref: '01J000000000000000000MSG20', code: 'QUIET_HOURS', message: 'quiet' },
      hooks,
    );
    expect(getMessage(ctx.db, '01J000000000000000000MSG20')?.state).toBe('queued');
    // Due when the relay said quiet ends (an hour on), not before.
    expect(allOutbox(ctx.db)[0]?.nextAttemptAt).toBeGreaterThan(1_000 + 3_500_000);
    let kicked = 0;
    await handleServerFrame(
      ctx,
      { type: 'quiet', childId: ME, status: { ...status, quiet: false, reason: null, endsInMs: null, endsAt: null } },
      { ...hooks, kick: () => (kicked += 1) },
    );
    expect(allOutbox(ctx.db)[0]?.nextAttemptAt).toBe(1_000);
    expect(kicked).toBe(1);
  });
});
