import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  enrollDevice,
  expectStatus,
  registerParentDevice,
  signIn,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import {
  listenForWs,
  messageWith,
  sendAndAck as send,
  settle,
  socketPool,
  text,
  type MessageFrame,
  type TestSocket,
} from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';
import { isHeld, outcomeOf } from '@hearth/test-kit/relay-rows';

const TTL = 60 * 60_000;
/** Shorter than a message's lifetime, as in production (12 h against 15 days). */
const SESSION_TTL = 10 * 60_000;
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
/** A second PC of `a`'s child. */
let a2Token: string;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const messagesIn = (s: TestSocket): MessageFrame['message'][] =>
  s.frames.filter((f) => f.type === 'message').map((f) => (f as MessageFrame).message);

/** `sender` sends to `a`'s child; `pc1` receives and acknowledges it, which the sender hears as delivery. */
async function deliverToFirstPc(sender: TestSocket, pc1: TestSocket, content?: unknown): Promise<string> {
  const id = await send(sender, a.child.childId, content);
  await pc1.take(messageWith(id));
  pc1.send({ type: 'received', ids: [id] });
  await sender.take((f) => f.type === 'delivered');
  return id;
}

const queued = (id: string): number =>
  (
    sqliteOf(relay.app.relay)
      .prepare('SELECT count(*) AS n FROM message_queue q JOIN messages m ON m.seq = q.message_seq WHERE m.id = ?')
      .get(id) as { n: number }
  ).n;
const stored = (id: string): boolean => isHeld(sqliteOf(relay.app.relay), id);
const outcome = (id: string): unknown => outcomeOf(sqliteOf(relay.app.relay), id);

beforeEach(async () => {
  relay = await buildTestApp({
    messaging: { ...DEFAULT_CONFIG.messaging, messageTtlMs: TTL, messageBurst: 50 },
    parentSessionTtlMs: SESSION_TTL,
  });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  a2Token = (await enrollDevice(relay.app, a.parent.token, [a.child.childId])).credentials[0]?.token as string;
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('delivery to every device of a child', () => {
  it('gives each PC every message once; the first acknowledgement is delivery, the last deletes it', async () => {
    const sender = await socketFor(b.childToken);
    const pc1 = await socketFor(a.childToken);
    const ids = [await send(sender, a.child.childId, text('one')), await send(sender, a.child.childId, text('two'))];
    for (const id of ids) await pc1.take(messageWith(id));
    pc1.send({ type: 'received', ids });
    const delivered = await sender.take((f) => f.type === 'delivered');
    expect(delivered).toEqual({ type: 'delivered', ids });
    for (const id of ids) expect(outcome(id)).toEqual({ outcome: 'delivered', notify: 0 });
    // Still queued for the PC that was off; it gets both when it comes online, in order.
    for (const id of ids) expect(queued(id)).toBe(1);
    const pc2 = await socketFor(a2Token);
    for (const id of ids) await pc2.take(messageWith(id));
    expect(messagesIn(pc2).map((m) => m.id)).toEqual(ids);
    expect(messagesIn(pc2).every((m) => m.outgoing === undefined)).toBe(true);
    pc2.send({ type: 'received', ids });
    await settle();
    for (const id of ids) expect(stored(id)).toBe(false);
    // No second `delivered`; neither PC got anything twice.
    expect(sender.frames.filter((f) => f.type === 'delivered')).toHaveLength(1);
    expect(messagesIn(pc1)).toHaveLength(2);
    expect(messagesIn(pc2)).toHaveLength(2);
  });

  it('gives the sender’s other PC an outgoing copy, and the sending PC none', async () => {
    const pc1 = await socketFor(a.childToken);
    const pc2 = await socketFor(a2Token);
    const friend = await socketFor(b.childToken);
    const id = await send(pc1, b.child.childId, text('from PC one'));
    const copy = await pc2.take<MessageFrame>(messageWith(id));
    expect(copy.message).toMatchObject({ id, from: a.child.childId, to: b.child.childId, outgoing: true });
    await friend.take(messageWith(id));
    await settle();
    expect(pc1.frames.filter(messageWith(id))).toHaveLength(0);
    // The copy's acknowledgement is not delivery: only the recipient's is.
    pc2.send({ type: 'received', ids: [id] });
    await settle();
    expect(pc1.frames.filter((f) => f.type === 'delivered')).toHaveLength(0);
    expect(outcome(id)).toBeUndefined();
    friend.send({ type: 'received', ids: [id] });
    await pc1.take((f) => f.type === 'delivered');
    await settle();
    expect(stored(id)).toBe(false);
  });

  it('expires a delivered message for a PC that never came back, telling the sender nothing', async () => {
    const sender = await socketFor(b.childToken);
    const pc1 = await socketFor(a.childToken);
    const id = await deliverToFirstPc(sender, pc1);
    relay.clock.advance(TTL + 1);
    await relay.app.realtime.sweep();
    expect(stored(id)).toBe(false);
    expect(queued(id)).toBe(0);
    await settle();
    expect(sender.frames.filter((f) => f.type === 'expired')).toHaveLength(0);
    const pc2 = await socketFor(a2Token);
    await settle();
    expect(messagesIn(pc2)).toHaveLength(0);
  });

  it('keeps an attachment downloadable until every PC acknowledged it', async () => {
    const up = await relay.app.inject({
      method: 'POST',
      url: '/v1/attachments',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${b.childToken}` },
      payload: PNG,
    });
    const ref = up.json() as AttachmentRef;
    const sender = await socketFor(b.childToken);
    const pc1 = await socketFor(a.childToken);
    const id = await deliverToFirstPc(sender, pc1, { kind: 'photo', attachment: ref });
    const fetch = (token: string) =>
      relay.app.inject({ url: `/v1/attachments/${ref.hash}`, headers: { authorization: `Bearer ${token}` } });
    expect((await fetch(a2Token)).statusCode).toBe(200);
    const pc2 = await socketFor(a2Token);
    await pc2.take(messageWith(id));
    pc2.send({ type: 'received', ids: [id] });
    await settle();
    expect((await fetch(a2Token)).statusCode).toBe(404);
  });

  it('drops what a removed PC had queued, so the message is deleted once the others have it', async () => {
    const sender = await socketFor(b.childToken);
    const pc1 = await socketFor(a.childToken);
    const id = await deliverToFirstPc(sender, pc1);
    const second = (
      expectStatus(
        await api<{ devices: { deviceId: string }[] }>(relay.app, 'GET', '/v1/devices', { token: a.parent.token }),
        200,
      ).devices as { deviceId: string }[]
    ).find((d) => d.deviceId !== a.deviceId);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${second?.deviceId}`, { token: a.parent.token }), 204);
    await settle();
    expect(queued(id)).toBe(0);
    await relay.app.realtime.sweep();
    expect(stored(id)).toBe(false);
  });
});

describe('parent devices and the grown-ups’ pane', () => {
  it('keeps messages for a parent with no device in the account queue, for the first device only', async () => {
    const kid = await socketFor(a.childToken);
    const early = await send(kid, a.parent.parentId, text('before any device'));
    const pane = await socketFor(a.parent.token);
    const first = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, first.token);
    const pc1 = await socketFor(first.token);
    await pc1.take(messageWith(early));
    const second = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, second.token);
    const pc2 = await socketFor(second.token);
    const late = await send(kid, a.parent.parentId, text('after both'));
    await pc1.take(messageWith(late));
    await pc2.take(messageWith(late));
    await settle();
    // The second device gets no backlog; the pane (no device) gets nothing at all.
    expect(messagesIn(pc2).map((m) => m.id)).toEqual([late]);
    expect(messagesIn(pane)).toHaveLength(0);
  });

  it('counts the pane’s read as delivery and keeps the message queued for the parent’s devices', async () => {
    const device = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, device.token);
    const kid = await socketFor(a.childToken);
    const id = await send(kid, a.parent.parentId, text('look!'));
    const pane = await socketFor(a.parent.token);
    // The pane acknowledges nothing: its `received` takes nothing from any queue.
    pane.send({ type: 'received', ids: [id] });
    await settle();
    expect(outcome(id)).toBeUndefined();
    pane.send({ type: 'read', ids: [id] });
    expect(await kid.take((f) => f.type === 'delivered')).toEqual({ type: 'delivered', ids: [id] });
    expect(outcome(id)).toEqual({ outcome: 'delivered', notify: 0 });
    const pc = await socketFor(device.token);
    await pc.take(messageWith(id));
    expect(queued(id)).toBe(2);
    pc.send({ type: 'received', ids: [id] });
    await settle();
    // What is left is the outgoing copy for the child's second PC, which is off.
    expect(queued(id)).toBe(1);
    expect(kid.frames.filter((f) => f.type === 'delivered')).toHaveLength(1);
  });

  it('sends what the pane sends to the parent’s devices as outgoing copies', async () => {
    const device = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, device.token);
    const pc = await socketFor(device.token);
    const pane = await socketFor(a.parent.token);
    const id = await send(pane, a.child.childId, text('from the pane'));
    const copy = await pc.take<MessageFrame>(messageWith(id));
    expect(copy.message).toMatchObject({ from: a.parent.parentId, to: a.child.childId, outgoing: true });
  });

  it('lets a signed-out parent PC go: its queue is released, the next device gets what waited', async () => {
    const session = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, session.token);
    const kid = await socketFor(a.childToken);
    const id = await send(kid, a.parent.parentId, text('anyone?'));
    expectStatus(await api(relay.app, 'DELETE', `/v1/sessions/${session.sessionId}`, { token: session.token }), 204);
    await settle();
    // Its last device gone, the parent's message waits in the account queue for the next one.
    const next = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, next.token);
    const pc = await socketFor(next.token);
    await pc.take(messageWith(id));
    expect(sqliteOf(relay.app.relay).prepare('SELECT count(*) AS n FROM parent_devices WHERE session_id IS NULL').get()).toEqual({
      n: 1,
    });
    await relay.app.realtime.sweep();
    expect(sqliteOf(relay.app.relay).prepare('SELECT count(*) AS n FROM parent_devices').get()).toEqual({ n: 1 });
  });

  it('keeps queuing for a parent PC whose session ran out, which finds it all when it signs in again', async () => {
    const old = await signIn(relay.app, a.parent.email, a.parent.password);
    const deviceId = await registerParentDevice(relay.app, old.token);
    const kid = await socketFor(a.childToken);
    const before = await send(kid, a.parent.parentId, text('before it ran out'));
    relay.clock.advance(SESSION_TTL + 1);
    // Another parent PC is live meanwhile: the one whose session ran out still gets a copy of what comes.
    const other = await signIn(relay.app, a.parent.email, a.parent.password);
    await registerParentDevice(relay.app, other.token);
    const after = await send(kid, a.parent.parentId, text('after'));
    const renewed = await signIn(relay.app, a.parent.email, a.parent.password);
    expect(await registerParentDevice(relay.app, renewed.token, old.sessionId)).toBe(deviceId);
    const pc = await socketFor(renewed.token);
    await pc.take(messageWith(before));
    await pc.take(messageWith(after));
  });

  it('never lets another parent take a device over by naming its session', async () => {
    const mine = await signIn(relay.app, a.parent.email, a.parent.password);
    const deviceId = await registerParentDevice(relay.app, mine.token);
    expect(await registerParentDevice(relay.app, b.parent.token, mine.sessionId)).not.toBe(deviceId);
    expect(await registerParentDevice(relay.app, mine.token)).toBe(deviceId);
  });

  it('keeps a parent device and its queue when the PC signs in again, and starts a socket already open', async () => {
    const old = await signIn(relay.app, a.parent.email, a.parent.password);
    const first = await socketFor(old.token);
    const kid = await socketFor(a.childToken);
    // The socket was open before the session became a device: it starts receiving there and then.
    const deviceId = await registerParentDevice(relay.app, old.token);
    const id = await send(kid, a.parent.parentId, text('one'));
    await first.take(messageWith(id));
    await first.close();
    const waiting = await send(kid, a.parent.parentId, text('while away'));
    const renewed = await signIn(relay.app, a.parent.email, a.parent.password);
    expect(await registerParentDevice(relay.app, renewed.token, old.sessionId)).toBe(deviceId);
    expect(await registerParentDevice(relay.app, renewed.token)).toBe(deviceId);
    const again = await socketFor(renewed.token);
    await again.take(messageWith(id));
    await again.take(messageWith(waiting));
  });
});
