import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import {
  act,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  registerParentDevice,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import {
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  sentFor,
  settle,
  socketPool,
  text,
  type ErrorFrame,
  type MessageFrame,
  type TestSocket,
} from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';
import { outcomeOf } from '@hearth/test-kit/relay-rows';

const TTL = 60 * 60_000;

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
let friendshipId: string;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

/** A message still held, and what is remembered of it: an outcome, or its own row once done (migration 23). */
function rowsOf(id: string): { queued: unknown[]; outcome: unknown } {
  const db = sqliteOf(relay.app.relay);
  return {
    queued: db.prepare('SELECT id, withheld FROM messages WHERE id = ? AND done_at IS NULL').all(id),
    outcome: outcomeOf(db, id),
  };
}

beforeEach(async () => {
  relay = await buildTestApp({ messaging: { ...DEFAULT_CONFIG.messaging, messageTtlMs: TTL, messageBurst: 20 } });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  friendshipId = await befriend(relay.app, a, b);
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('messages', () => {
  it('stores, acknowledges, pushes, and deletes only after the recipient acknowledges', async () => {
    const sender = await socketFor(a.childToken);
    const recipient = await socketFor(b.childToken);
    const id = await sendAndAck(sender, b.child.childId, text('hello Bo'));
    const pushed = await recipient.take<MessageFrame>(messageWith(id));
    expect(pushed.message).toMatchObject({ id, from: a.child.childId, to: b.child.childId, content: text('hello Bo') });
    expect(rowsOf(id).queued).toHaveLength(1);

    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered' && f.ids.includes(id));
    expect(rowsOf(id)).toEqual({ queued: [], outcome: { outcome: 'delivered', notify: 0 } });
    // Only the id and who and when are remembered: no content, no kind, no attachment.
    const db = sqliteOf(relay.app.relay);
    const contents = db
      .prepare(`SELECT count(*) AS n FROM messages WHERE content_json <> '' OR kind <> '' OR attachment_hash IS NOT NULL`)
      .get() as { n: number };
    expect(contents.n).toBe(0);
  });

  it("zeroes a delivered message's content in the database file, where it had been written while it waited", async () => {
    const sender = await socketFor(a.childToken);
    const recipient = await socketFor(b.childToken);
    const story = `Once upon a time ${'a dragon baked a very tall cake, '.repeat(12)}the end.`;
    const id = await sendAndAck(sender, b.child.childId, text(story));
    await recipient.take<MessageFrame>(messageWith(id));
    const db = sqliteOf(relay.app.relay);
    const inFile = (): boolean => fs.readFileSync(db.name).includes(Buffer.from('a dragon baked'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(inFile()).toBe(true);

    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered' && f.ids.includes(id));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(inFile()).toBe(false);
  });

  it('never stores a re-sent id twice, before or after delivery', async () => {
    const sender = await socketFor(a.childToken);
    const id = newMessageId();
    sender.send({ type: 'send', id, to: b.child.childId, content: text('once') });
    sender.send({ type: 'send', id, to: b.child.childId, content: text('once') });
    await sender.take(sentFor(id));
    await sender.take(sentFor(id));
    expect(rowsOf(id).queued).toHaveLength(1);

    const recipient = await socketFor(b.childToken);
    await recipient.take(messageWith(id));
    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered');
    sender.send({ type: 'send', id, to: b.child.childId, content: text('once') });
    await sender.take(sentFor(id));
    await settle();
    expect(recipient.frames.filter(messageWith(id))).toHaveLength(1);
    expect(rowsOf(id).queued).toHaveLength(0);
  });

  it('refuses an id already used by another sender', async () => {
    const sender = await socketFor(a.childToken);
    const id = await sendAndAck(sender, b.child.childId);
    const other = await socketFor(b.childToken);
    other.send({ type: 'send', id, to: a.child.childId, content: text('mine?') });
    expect(await other.take(errorFor(id))).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses text that would show backwards or holds control characters, with the message id', async () => {
    const sender = await socketFor(a.childToken);
    for (const bad of ['\u202eevil', 'beep\u0007', 'esc\u001b[31m']) {
      const id = newMessageId();
      sender.send({ type: 'send', id, to: b.child.childId, content: text(bad) });
      expect(await sender.take(errorFor(id)), JSON.stringify(bad)).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    // Right-to-left writing with its marks goes through.
    await sendAndAck(sender, b.child.childId, text('مرحبا \u200f!'));
  });

  it('delivers a queue to a recipient who connects later, in order', async () => {
    const sender = await socketFor(a.childToken);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await sendAndAck(sender, b.child.childId, text(`m${i}`)));
    const recipient = await socketFor(b.childToken);
    for (const id of ids) await recipient.take(messageWith(id));
    const order = recipient.frames.filter((f) => f.type === 'message').map((f) => (f as MessageFrame).message.id);
    expect(order).toEqual(ids);
  });

  it('works between a parent and their own child, both ways', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const parent = await socketFor(a.parent.token);
    const kid = await socketFor(a.childToken);
    const down = await sendAndAck(parent, a.child.childId, text('dinner!'));
    await kid.take(messageWith(down));
    const up = await sendAndAck(kid, a.parent.parentId, { kind: 'sticker', stickerId: 'food/pizza' });
    await parent.take(messageWith(up));
  });

  it('refuses a non-friend with NOT_FRIENDS (another family’s parent too)', async () => {
    const c = await createFamily(relay.app);
    const sender = await socketFor(a.childToken);
    const id = newMessageId();
    sender.send({ type: 'send', id, to: c.child.childId, content: text('hi stranger') });
    expect(await sender.take(errorFor(id))).toMatchObject({ code: 'NOT_FRIENDS' });
    const id2 = newMessageId();
    sender.send({ type: 'send', id: id2, to: b.parent.parentId, content: text('hello') });
    expect(await sender.take(errorFor(id2))).toMatchObject({ code: 'NOT_FRIENDS' });
    expect(rowsOf(id).queued).toHaveLength(0);
  });

  it('accepts but never delivers what a blocked child sends; the blocker cannot send either', async () => {
    const blocked = await socketFor(a.childToken);
    const blocker = await socketFor(b.childToken);
    const pending = await sendAndAck(blocked, b.child.childId, text('before'));
    await blocker.take(messageWith(pending));
    expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);

    const id = await sendAndAck(blocked, b.child.childId, text('after the block'));
    await settle();
    expect(blocker.frames.filter(messageWith(id))).toHaveLength(0);
    expect(rowsOf(id).queued).toEqual([{ id, withheld: 1 }]);
    // A message pushed before the block but not yet acknowledged is withheld too (the new socket replaces the old one).
    const again = await socketFor(b.childToken);
    await settle();
    expect(again.frames.filter((f) => f.type === 'message')).toHaveLength(0);

    const back = newMessageId();
    again.send({ type: 'send', id: back, to: a.child.childId, content: text('go away') });
    expect(await again.take(errorFor(back))).toMatchObject({ code: 'NOT_FRIENDS' });
  });

  it('stops delivery at once when the friendship is removed, and refuses new messages', async () => {
    const sender = await socketFor(a.childToken);
    const queued = await sendAndAck(sender, b.child.childId, text('see you'));
    expectStatus(await act(relay.app, a.childToken, friendshipId, 'remove'), 200);
    const recipient = await socketFor(b.childToken);
    await settle();
    expect(recipient.frames.filter((f) => f.type === 'message')).toHaveLength(0);
    expect(rowsOf(queued).queued).toEqual([{ id: queued, withheld: 1 }]);
    const id = newMessageId();
    sender.send({ type: 'send', id, to: b.child.childId, content: text('hello?') });
    expect(await sender.take(errorFor(id))).toMatchObject({ code: 'NOT_FRIENDS' });
  });

  it('limits each sender’s rate with RATE_LIMITED and a retry time', async () => {
    const sender = await socketFor(a.childToken);
    const ids = Array.from({ length: 21 }, () => newMessageId());
    for (const id of ids) sender.send({ type: 'send', id, to: b.child.childId, content: text('spam') });
    const last = ids[20] as string;
    const refused = await sender.take<ErrorFrame>(errorFor(last));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    for (const id of ids.slice(0, 20)) await sender.take(sentFor(id));
  });
});

describe('expiry', () => {
  it('expires an undelivered message and tells the sender now, or when it next connects', async () => {
    const sender = await socketFor(a.childToken);
    const early = await sendAndAck(sender, b.child.childId, text('are you there?'));
    relay.clock.advance(TTL + 1);
    await relay.app.realtime.sweep();
    expect(await sender.take((f) => f.type === 'expired')).toEqual({ type: 'expired', ids: [early] });
    expect(rowsOf(early)).toEqual({ queued: [], outcome: { outcome: 'expired', notify: 1 } });

    // Offline sender: told on the next connection, until it acknowledges.
    const late = await sendAndAck(sender, b.child.childId, text('hello?'));
    await sender.close();
    relay.clock.advance(TTL + 1);
    await relay.app.realtime.sweep();
    const back = await socketFor(a.childToken);
    const notice = await back.take((f) => f.type === 'expired');
    expect(notice).toEqual({ type: 'expired', ids: [early, late] });
    back.send({ type: 'ack-expired', ids: [early, late] });
    await settle();
    await back.close();
    const third = await socketFor(a.childToken);
    await settle();
    expect(third.frames.filter((f) => f.type === 'expired')).toHaveLength(0);

    // The recipient never gets an expired message; a re-send of it is answered `expired`, not stored.
    const recipient = await socketFor(b.childToken);
    await settle();
    expect(recipient.frames.filter((f) => f.type === 'message')).toHaveLength(0);
    third.send({ type: 'send', id: late, to: b.child.childId, content: text('hello?') });
    expect(await third.take((f) => f.type === 'expired')).toEqual({ type: 'expired', ids: [late] });
  });

  it('expires a withheld message like any other, so a block looks like a friend who never came online', async () => {
    const sender = await socketFor(a.childToken);
    expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);
    const id = await sendAndAck(sender, b.child.childId, text('hi?'));
    relay.clock.advance(TTL + 1);
    await relay.app.realtime.sweep();
    expect(await sender.take((f) => f.type === 'expired')).toEqual({ type: 'expired', ids: [id] });
  });
});
