import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_VERSION_HEADER,
  CALL_ICE_BURST,
  CALL_ICE_SDP_MAX_CHARS,
  type QuietSchedule,
  type WeeklyWindows,
  type WsCallIceRelayedFrame,
  type WsServerFrame,
} from '@hearth/common';
import {
  act,
  api,
  befriend,
  buildTestApp,
  createFamily,
  enrollDevice,
  expectStatus,
  requestFriendship,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { connect, listenForWs, settle, socketPool, type ErrorFrame, type TestSocket } from '../../test/ws-client';

/**
 * `call-ice` on `/v1/ws` (issue 18): an ICE restart's offer or answer between two children in a
 * call, checked as a chat message is at every frame and passed on to the friend's child sockets.
 * The relay's clock starts on Monday 2 November 2026 at 09:00 UTC (the children's zone is London's, GMT then).
 */
const SDP = 'v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\na=ice-ufrag:Zx9q\r\na=ice-pwd:restart-2\r\n';
const CALL = 'call7Hq2xYz41';
const ice = (to: string, extra: Readonly<Record<string, unknown>> = {}) => ({
  type: 'call-ice',
  to,
  callId: CALL,
  role: 'offer',
  attempt: 1,
  sdp: SDP,
  ...extra,
});
const isIce = (f: WsServerFrame): boolean => f.type === 'call-ice';
const isError = (f: WsServerFrame): boolean => f.type === 'error';
const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const quietFrom = (start: string, end: string): QuietSchedule => ({
  quiet: { ...none, mon: [{ start, end }] },
  dailyLimitMinutes: null,
  trustedGrownUpsReach: false,
});

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

async function putQuiet(family: TestFamily, s: QuietSchedule): Promise<void> {
  const path = `/v1/children/${family.child.childId}/quiet`;
  expectStatus(await api(relay.app, 'PUT', path, { token: family.parent.token, body: s }), 200);
}

/** Sends one frame that must pass, and waits for it: the friendship and quiet time are known in memory after. */
async function passes(from: TestSocket, to: TestSocket, toId: string, attempt: number): Promise<void> {
  from.send(ice(toId, { attempt }));
  await to.take((f) => f.type === 'call-ice' && f.attempt === attempt);
}

/** Neither socket got a `call-ice` beyond `passed` ones, and the sender no error. */
async function nothingMoved(from: TestSocket, to: TestSocket, passed = 0): Promise<void> {
  await settle();
  expect(to.frames.filter(isIce)).toHaveLength(passed);
  expect(from.frames.filter(isIce)).toEqual([]);
  expect(from.frames.filter(isError)).toEqual([]);
}

describe('call-ice between two friends', () => {
  it('reaches the friend’s socket exactly as relayed, from the sender, and answers the sender nothing', async () => {
    await befriend(relay.app, a, b);
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    kidA.send(ice(b.child.childId, { role: 'offer', attempt: 3 }));
    const got = await kidB.take<WsCallIceRelayedFrame>(isIce);
    expect(got).toEqual({ type: 'call-ice', from: a.child.childId, callId: CALL, role: 'offer', attempt: 3, sdp: SDP });
    kidB.send(ice(a.child.childId, { role: 'answer', attempt: 3 }));
    expect(await kidA.take(isIce)).toEqual({ ...got, from: b.child.childId, role: 'answer' });
    await settle();
    expect(kidB.frames.filter(isIce)).toHaveLength(1);
    expect(kidA.frames.filter(isIce)).toHaveLength(1);
    expect([...kidA.frames, ...kidB.frames].filter(isError)).toEqual([]);
  });

  it('passes between a child and their own grown-up in parent mode (they call each other too), both ways', async () => {
    const kidA = await socketFor(a.childToken);
    const parentA = await socketFor(a.parent.token);
    kidA.send(ice(a.parent.parentId, { attempt: 4 }));
    expect(await parentA.take<WsCallIceRelayedFrame>(isIce)).toMatchObject({ from: a.child.childId, attempt: 4 });
    parentA.send(ice(a.child.childId, { role: 'answer', attempt: 4 }));
    expect(await kidA.take<WsCallIceRelayedFrame>(isIce)).toMatchObject({ from: a.parent.parentId, role: 'answer' });
    expect([...kidA.frames, ...parentA.frames].filter(isError)).toEqual([]);
  });

  it('never passes between a grown-up and a child of another family who are not friends', async () => {
    const parentA = await socketFor(a.parent.token);
    const kidB = await socketFor(b.childToken);
    parentA.send(ice(b.child.childId));
    expect(await parentA.take<ErrorFrame>(isError)).toMatchObject({ code: 'NOT_FRIENDS' });
    await settle();
    expect(kidB.frames.filter(isIce)).toEqual([]);
  });
});

describe('call-ice refusals', () => {
  it('refuses a stranger, a pending request and oneself with NOT_FRIENDS, and passes nothing on', async () => {
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    kidA.send(ice(b.child.childId));
    expect(await kidA.take<ErrorFrame>(isError)).toEqual({ type: 'error', code: 'NOT_FRIENDS', message: expect.any(String) });
    await requestFriendship(relay.app, a, b);
    kidA.send(ice(b.child.childId));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'NOT_FRIENDS' });
    kidA.send(ice(a.child.childId));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'NOT_FRIENDS' });
    await settle();
    expect(kidB.frames.filter(isIce)).toEqual([]);
    expect(kidA.frames.filter(isIce)).toEqual([]);
  });

  it('refuses the very next frame after the sender’s parent blocks the friend, or removes the friendship', async () => {
    const id = await befriend(relay.app, a, b);
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    await passes(kidA, kidB, b.child.childId, 1);
    expectStatus(await act(relay.app, a.parent.token, id, 'block'), 200);
    kidA.send(ice(b.child.childId, { attempt: 2 }));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'NOT_FRIENDS' });

    const c = await createFamily(relay.app);
    const other = await befriend(relay.app, a, c);
    const kidC = await socketFor(c.childToken);
    await passes(kidA, kidC, c.child.childId, 3);
    expectStatus(await act(relay.app, c.parent.token, other, 'remove'), 200);
    kidA.send(ice(c.child.childId, { attempt: 4 }));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'NOT_FRIENDS' });
    await settle();
    expect(kidB.frames.filter(isIce)).toHaveLength(1);
    expect(kidC.frames.filter(isIce)).toHaveLength(1);
  });

  it('drops without a word what a child blocked by the other side sends: the block never shows', async () => {
    const id = await befriend(relay.app, a, b);
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    await passes(kidA, kidB, b.child.childId, 1);
    expectStatus(await act(relay.app, b.parent.token, id, 'block'), 200);
    kidA.send(ice(b.child.childId, { attempt: 2 }));
    await nothingMoved(kidA, kidB, 1);
  });

  it('refuses what a child in quiet time sends with QUIET_HOURS, at the next frame once the clock gets there', async () => {
    await befriend(relay.app, a, b);
    await putQuiet(a, quietFrom('09:20', '10:00'));
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    await passes(kidA, kidB, b.child.childId, 1);
    relay.clock.advance(25 * 60_000);
    kidA.send(ice(b.child.childId, { attempt: 2 }));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'QUIET_HOURS' });
    await settle();
    expect(kidB.frames.filter(isIce)).toHaveLength(1);
  });

  it('passes nothing to a friend in quiet time, and tells the sender nothing (as for a friend who is offline)', async () => {
    await befriend(relay.app, a, b);
    await putQuiet(b, quietFrom('08:00', '12:00'));
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    kidA.send(ice(b.child.childId));
    await nothingMoved(kidA, kidB);
  });

  it('refuses an SDP over the limit and a bad call id before any check, with stable codes', async () => {
    await befriend(relay.app, a, b);
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    kidA.send(ice(b.child.childId, { sdp: 'a'.repeat(CALL_ICE_SDP_MAX_CHARS + 1) }));
    // Over-long fields are PAYLOAD_TOO_LARGE on `/v1/ws`, as for a message's text (frame-codec.ts).
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    kidA.send(ice(b.child.childId, { callId: 'not a call id!' }));
    const bad = await kidA.take<ErrorFrame>(isError);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('/callId') });
    expect(bad).not.toHaveProperty('ref');
    kidA.send(ice(b.child.childId, { role: 'pranswer' }));
    expect(await kidA.take<ErrorFrame>(isError)).toMatchObject({ code: 'VALIDATION_FAILED' });
    kidA.send(ice(b.child.childId, { sdp: 'a'.repeat(CALL_ICE_SDP_MAX_CHARS) }));
    await kidB.take(isIce);
    expect(kidB.frames.filter(isIce)).toHaveLength(1);
  });

  it('limits each child to a burst of call-ice frames, then RATE_LIMITED with when to retry', async () => {
    await befriend(relay.app, a, b);
    const kidA = await socketFor(a.childToken);
    const kidB = await socketFor(b.childToken);
    for (let n = 1; n <= CALL_ICE_BURST + 1; n++) kidA.send(ice(b.child.childId, { attempt: n }));
    const limited = await kidA.take<ErrorFrame>(isError);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    await kidB.take((f) => f.type === 'call-ice' && f.attempt === CALL_ICE_BURST);
    relay.clock.advance(limited.retryAfterMs ?? 0);
    await passes(kidA, kidB, b.child.childId, 100);
    expect(kidB.frames.filter(isIce).map((f) => (f as WsCallIceRelayedFrame).attempt)).toEqual([
      ...Array.from({ length: CALL_ICE_BURST }, (_, i) => i + 1),
      100,
    ]);
  });
});

describe('call-ice and app versions', () => {
  it('is left out for a socket whose app is older than 0.5.0, and reaches the same child’s newer app', async () => {
    await befriend(relay.app, a, b);
    const second = await enrollDevice(relay.app, b.parent.token, [b.child.childId]);
    const old = sockets.keep(await connect(url, b.childToken, 'header', { [APP_VERSION_HEADER]: '0.4.0' }));
    const fresh = await socketFor((second.credentials[0] as { token: string }).token);
    const kidA = await socketFor(a.childToken);
    kidA.send(ice(b.child.childId));
    await fresh.take(isIce);
    await settle();
    expect(old.frames.filter(isIce)).toEqual([]);
    expect(old.raw.some((text) => text.includes(SDP.slice(0, 12)))).toBe(false);
  });
});
