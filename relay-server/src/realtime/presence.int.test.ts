import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WsFriendshipFrame, WsPresenceFrame } from '@hearth/common';
import type { Static } from 'typebox';
import {
  act,
  api,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  requestFriendship,
  type TestRelay,
} from '../../test/helpers';
import { connect, listenForWs, openSocket, settle, socketPool, type TestSocket } from '../../test/ws-client';

type PresenceFrame = Static<typeof WsPresenceFrame>;
type FriendshipFrame = Static<typeof WsFriendshipFrame>;

let relay: TestRelay;
let url: string;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const presenceOf = (accountId: string, state?: string) => (f: { type: string }) =>
  f.type === 'presence' &&
  (f as PresenceFrame).accountId === accountId &&
  (state === undefined || (f as PresenceFrame).state === state);

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('presence', () => {
  it('goes to active friends only: a third account receives nothing about the pair', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const b = await createFamily(app);
    const c = await createFamily(app);
    await befriend(app, a, b);

    const outsider = await socketFor(c.childToken);
    const outsiderParent = await socketFor(c.parent.token);
    const aSocket = await socketFor(a.childToken);
    const bSocket = await socketFor(b.childToken);
    await aSocket.take(presenceOf(b.child.childId, 'online'));
    bSocket.send({ type: 'presence', state: 'in-call' });
    await aSocket.take(presenceOf(b.child.childId, 'in-call'));
    await bSocket.close();
    await aSocket.take(presenceOf(b.child.childId, 'offline'));
    await settle();

    const pair = [a.child.childId, b.child.childId, a.parent.parentId, b.parent.parentId];
    for (const raw of [...outsider.raw, ...outsiderParent.raw]) {
      for (const id of pair) expect(raw).not.toContain(id);
    }
    // All the outsiders heard about is each other (a parent and their own child are family).
    // (A child's socket also hears its own games switch after the welcome: issue 16.)
    const heard = outsider.frames.slice(1).filter((f) => f.type !== 'games');
    expect(heard).toEqual([{ type: 'presence', accountId: c.parent.parentId, state: 'online' }]);
    expect(outsiderParent.frames.map((f) => f.type)).toEqual(['welcome']);
  });

  it('lists online friends in welcome and shows a parent their own child, not the child’s friends', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const b = await createFamily(app);
    await befriend(app, a, b);
    await socketFor(b.childToken);
    const aSocket = await connect(url, a.childToken);
    sockets.keep(aSocket);
    const welcome = aSocket.frames[0];
    expect(welcome).toMatchObject({ type: 'welcome', accountId: a.child.childId, accountKind: 'child' });
    expect(welcome?.type === 'welcome' && welcome.presence).toEqual([{ accountId: b.child.childId, state: 'online' }]);

    const parent = await socketFor(a.parent.token);
    expect(parent.frames[0]?.type === 'welcome' && parent.frames[0].presence).toEqual([
      { accountId: a.child.childId, state: 'online' },
    ]);
    await aSocket.take(presenceOf(a.parent.parentId, 'online'));
    await settle();
    for (const raw of parent.raw) expect(raw).not.toContain(b.child.childId);
  });

  it('stops at once after a block: the blocked child sees an ordinary offline, then nothing about the blocker', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const b = await createFamily(app);
    const friendshipId = await befriend(app, a, b);
    const blocked = await socketFor(a.childToken);
    const blockedParent = await socketFor(a.parent.token);
    const blocker = await socketFor(b.childToken);
    const blockerParent = await socketFor(b.parent.token);
    await blocked.take(presenceOf(b.child.childId, 'online'));
    const before = blocked.raw.length;

    expectStatus(await act(app, b.childToken, friendshipId, 'block'), 200);
    await blocked.take(presenceOf(b.child.childId, 'offline'));
    const blockerView = await blocker.take<FriendshipFrame>((f) => f.type === 'friendship');
    expect(blockerView.friendship).toMatchObject({ status: 'blocked', iBlocked: true });
    await blockerParent.take((f) => f.type === 'friendship');

    // The blocker keeps living its life: none of it reaches the blocked side.
    blocker.send({ type: 'presence', state: 'in-call' });
    blocker.send({ type: 'presence', state: 'online' });
    await blocker.close();
    await socketFor(b.childToken);
    await settle(250);
    const after = blocked.raw.slice(before);
    expect(after).toEqual([JSON.stringify({ type: 'presence', accountId: b.child.childId, state: 'offline' })]);
    for (const raw of blockedParent.raw) expect(raw).not.toContain('"friendship"');
  });

  it('pushes friend requests and approvals to both kids and both parents, each seeing their own side', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const b = await createFamily(app);
    const aKid = await socketFor(a.childToken);
    const bKid = await socketFor(b.childToken);
    const aParent = await socketFor(a.parent.token);
    const bParent = await socketFor(b.parent.token);
    const isFriendship = (status: string) => (f: { type: string }) =>
      f.type === 'friendship' && (f as FriendshipFrame).friendship.status === status;

    const id = await requestFriendship(app, a, b);
    for (const [socket, me] of [
      [aKid, a.child.childId],
      [aParent, a.child.childId],
      [bKid, b.child.childId],
      [bParent, b.child.childId],
    ] as const) {
      const frame = await socket.take<FriendshipFrame>(isFriendship('requested'));
      expect(frame.friendship).toMatchObject({ friendshipId: id, me: { accountId: me } });
    }

    expectStatus(await act(app, a.childToken, id, 'confirm'), 200);
    expectStatus(await act(app, a.parent.token, id, 'approve'), 200);
    expectStatus(await act(app, b.parent.token, id, 'approve'), 200);
    for (const socket of [aKid, bKid, aParent, bParent]) await socket.take(isFriendship('active'));
    // Now friends: each kid learns the other is online.
    await aKid.take(presenceOf(b.child.childId, 'online'));
    await bKid.take(presenceOf(a.child.childId, 'online'));
  });
});

describe('the socket', () => {
  it('authenticates with a hello frame when no header can be set', async () => {
    const a = await createFamily(relay.app);
    const socket = await connect(url, a.childToken, 'hello');
    sockets.keep(socket);
    expect(socket.frames[0]).toMatchObject({ type: 'welcome', accountId: a.child.childId });
  });

  it('keeps frames sent right behind the hello until the socket is signed in, and answers them after the welcome', async () => {
    const a = await createFamily(relay.app);
    const socket = await openSocket(url, undefined, 'none');
    sockets.keep(socket);
    // In one go: signing in reads the store, and the ping arrives while it does.
    socket.send({ type: 'hello', token: a.childToken });
    socket.send({ type: 'ping' });
    await socket.take((f) => f.type === 'pong');
    // The games frame follows the welcome (issue 16); the ping waited for both.
    expect(socket.frames.map((f) => f.type)).toEqual(['welcome', 'games', 'pong']);
  });

  it('refuses a dead header before the upgrade, and a bad hello with 4401', async () => {
    await expect(openSocket(url, 'dc_not-a-real-credential-at-all', 'header')).rejects.toThrow(/HTTP 401/);
    const socket = await openSocket(url, 'dc_not-a-real-credential-at-all', 'hello');
    expect(await socket.take((f) => f.type === 'error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await socket.closed).code).toBe(4401);
    const silent = await openSocket(url, undefined, 'none');
    silent.send({ type: 'ping' });
    expect((await silent.closed).code).toBe(4401);
  });

  it('closes a socket that says no hello in time with 4408, not as a refused credential (4401)', async () => {
    const silent = await openSocket(url, undefined, 'none');
    expect(await silent.take((f) => f.type === 'error', 8_000)).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect((await silent.closed).code).toBe(4408);
  }, 10_000);

  it('closes the sockets of a revoked credential at once', async () => {
    const a = await createFamily(relay.app);
    const socket = await socketFor(a.childToken);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${a.deviceId}`, { token: a.parent.token }), 204);
    expect((await socket.closed).code).toBe(4401);
  });

  it("closes a parent's socket as soon as that session signs out, and only that one", async () => {
    const a = await createFamily(relay.app);
    const parentSocket = await socketFor(a.parent.token);
    const childSocket = await socketFor(a.childToken);
    expectStatus(await api(relay.app, 'DELETE', `/v1/sessions/${a.parent.sessionId}`, { token: a.parent.token }), 204);
    expect((await parentSocket.closed).code).toBe(4401);
    expect(childSocket.ws.readyState).toBe(childSocket.ws.OPEN);
  });

  it('keeps one socket per device session: a second one replaces the first', async () => {
    const a = await createFamily(relay.app);
    const first = await socketFor(a.childToken);
    await socketFor(a.childToken);
    expect((await first.closed).code).toBe(4409);
  });
});
