import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNSEND_WINDOW_MS, type WsMessageFrame, type WsSentFrame, type WsServerFrame } from '@hearth/common';
import type { Static } from 'typebox';
import { befriend, buildTestApp, createFamily, enrollDevice, type TestFamily, type TestRelay } from '../../test/helpers';
import { connect, listenForWs, newMessageId, settle, type TestSocket } from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';
import { isHeld } from '@hearth/test-kit/relay-rows';

type MessageFrame = Static<typeof WsMessageFrame>;

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
/** A second PC of `a`'s child, offline unless a test connects it. */
let a2Token: string;
const sockets: TestSocket[] = [];

async function socketFor(token: string): Promise<TestSocket> {
  const socket = await connect(url, token);
  sockets.push(socket);
  return socket;
}

const messageWith = (id: string) => (f: WsServerFrame) => f.type === 'message' && (f as MessageFrame).message.id === id;
const resultFor = (id: string) => (f: WsServerFrame) => f.type === 'unsend-result' && f.id === id;

async function send(socket: TestSocket, to: string): Promise<string> {
  const id = newMessageId();
  socket.send({ type: 'send', id, to, content: { kind: 'text', text: 'oops' } });
  await socket.take((f) => f.type === 'sent' && (f as Static<typeof WsSentFrame>).id === id);
  return id;
}

async function unsend(socket: TestSocket, id: string): Promise<WsServerFrame> {
  socket.send({ type: 'unsend', id });
  return socket.take(resultFor(id));
}

const queued = (id: string): number =>
  (
    sqliteOf(relay.app.relay)
      .prepare('SELECT count(*) AS n FROM message_queue q JOIN messages m ON m.seq = q.message_seq WHERE m.id = ?')
      .get(id) as { n: number }
  ).n;
const stored = (id: string): boolean => isHeld(sqliteOf(relay.app.relay), id);

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  a2Token = (await enrollDevice(relay.app, a.parent.token, [a.child.childId])).credentials[0]?.token as string;
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
  await relay.close();
});

describe('unsend', () => {
  it('takes a message nobody received out of every device queue, and tells the PC that was pushed it', async () => {
    const sender = await socketFor(b.childToken);
    // The sender's second PC (offline) holds an outgoing copy in its queue too.
    const b2Token = (await enrollDevice(relay.app, b.parent.token, [b.child.childId])).credentials[0]?.token as string;
    const pc1 = await socketFor(a.childToken);
    const id = await send(sender, a.child.childId);
    await pc1.take(messageWith(id));
    expect(queued(id)).toBe(3);

    expect(await unsend(sender, id)).toEqual({ type: 'unsend-result', id, ok: true });
    await pc1.take((f) => f.type === 'unsent' && f.id === id);
    expect(queued(id)).toBe(0);
    expect(stored(id)).toBe(false);
    // The PCs that were offline never see it.
    const pc2 = await socketFor(a2Token);
    const b2 = await socketFor(b2Token);
    await settle();
    expect(pc2.frames.filter(messageWith(id))).toHaveLength(0);
    expect(b2.frames.filter(messageWith(id))).toHaveLength(0);
    // A late acknowledgement from the PC that had it changes nothing and tells the sender nothing.
    pc1.send({ type: 'received', ids: [id] });
    await settle();
    expect(sender.frames.filter((f) => f.type === 'delivered')).toHaveLength(0);
  });

  it('tells the sender’s other PCs, which hide their copy', async () => {
    const b2Token = (await enrollDevice(relay.app, b.parent.token, [b.child.childId])).credentials[0]?.token as string;
    const sender = await socketFor(b.childToken);
    const b2 = await socketFor(b2Token);
    const id = await send(sender, a.child.childId);
    await b2.take(messageWith(id));
    await unsend(sender, id);
    await b2.take((f) => f.type === 'unsent' && f.id === id);
    await settle();
    expect(sender.frames.filter((f) => f.type === 'unsent')).toHaveLength(0);
  });

  it('refuses once a device of the recipient received it; the others still get it', async () => {
    const sender = await socketFor(b.childToken);
    const pc1 = await socketFor(a.childToken);
    const id = await send(sender, a.child.childId);
    await pc1.take(messageWith(id));
    pc1.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered');

    expect(await unsend(sender, id)).toEqual({ type: 'unsend-result', id, ok: false, code: 'ALREADY_DELIVERED' });
    expect(queued(id)).toBe(1);
    const pc2 = await socketFor(a2Token);
    await pc2.take(messageWith(id));
    expect(pc1.frames.filter((f) => f.type === 'unsent')).toHaveLength(0);
  });

  it('refuses after two minutes, and leaves the message queued', async () => {
    const sender = await socketFor(b.childToken);
    const id = await send(sender, a.child.childId);
    relay.clock.advance(UNSEND_WINDOW_MS + 1);
    expect(await unsend(sender, id)).toEqual({ type: 'unsend-result', id, ok: false, code: 'TOO_LATE' });
    expect(queued(id)).toBe(2);
  });

  it('does nothing with someone else’s id, and answers as for an id that never existed', async () => {
    const sender = await socketFor(b.childToken);
    const recipient = await socketFor(a.childToken);
    const stranger = await createFamily(relay.app);
    const strangerSocket = await socketFor(stranger.childToken);
    const id = await send(sender, a.child.childId);
    await recipient.take(messageWith(id));

    const notFound = { type: 'unsend-result', id, ok: false, code: 'NOT_FOUND' };
    expect(await unsend(recipient, id)).toEqual(notFound);
    expect(await unsend(strangerSocket, id)).toEqual(notFound);
    // b's own parent is not the sender either.
    const parent = await socketFor(b.parent.token);
    expect(await unsend(parent, id)).toEqual(notFound);
    const unknown = newMessageId();
    expect(await unsend(strangerSocket, unknown)).toEqual({ ...notFound, id: unknown });
    expect(queued(id)).toBe(2);
    await settle();
    expect(recipient.frames.filter((f) => f.type === 'unsent')).toHaveLength(0);
    expect(sender.frames.filter((f) => f.type === 'unsent' || f.type === 'unsend-result')).toHaveLength(0);

    // Once delivered, a stranger still learns nothing (not "already delivered").
    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered');
    expect(await unsend(strangerSocket, id)).toEqual(notFound);
  });
});
