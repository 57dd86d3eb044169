import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_VERSION_HEADER } from '@hearth/common';
import {
  api,
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
  openSocket,
  sendAndAck,
  settle,
  socketPool,
  type TestSocket,
} from '../../test/ws-client';

/**
 * The daily summary (issue 14, F10): off by default; a guardian switches it on; the relay then
 * takes a counts-only summary from a child to the child's own guardians, and only then.
 */
let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const summary = (over: Readonly<Record<string, unknown>> = {}) => ({
  kind: 'daily-summary',
  day: '2026-12-04',
  pcName: 'Kitchen PC',
  minutesInHearth: 42,
  sent: 5,
  received: 3,
  calls: 1,
  callMinutes: 7,
  games: 0,
  people: 2,
  ...over,
});

const setting = async (family: TestFamily, enabled?: boolean): Promise<unknown> =>
  enabled === undefined
    ? expectStatus(
        await api(relay.app, 'GET', `/v1/children/${family.child.childId}/daily-summary`, { token: family.parent.token }),
        200,
      )
    : expectStatus(
        await api(relay.app, 'PUT', `/v1/children/${family.child.childId}/daily-summary`, {
          token: family.parent.token,
          body: { enabled },
        }),
        200,
      );

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  await registerParentDevice(relay.app, a.parent.token);
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('the daily summary', () => {
  it('is off by default, and then refused even to the child’s own guardian', async () => {
    expect(await setting(a)).toEqual({ enabled: false });
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: a.parent.parentId, content: summary() });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('once a guardian switches it on, goes from the child to that guardian’s own PC', async () => {
    expect(await setting(a, true)).toEqual({ enabled: true });
    expect(await setting(a)).toEqual({ enabled: true });
    const parent = await socketFor(a.parent.token);
    const kid = await socketFor(a.childToken);
    const id = await sendAndAck(kid, a.parent.parentId, summary());
    const pushed = await parent.take(messageWith(id));
    expect(pushed).toMatchObject({ message: { from: a.child.childId, content: summary() } });
  });

  it('is never delivered to a guardian’s app older than 0.3.0', async () => {
    await setting(a, true);
    const old = sockets.keep(await openSocket(url, a.parent.token, 'header', { [APP_VERSION_HEADER]: '0.2.0' }));
    await old.take((f) => f.type === 'welcome');
    const kid = await socketFor(a.childToken);
    const id = await sendAndAck(kid, a.parent.parentId, summary());
    await settle(300);
    expect(old.frames.some((f) => f.type === 'message' && f.message.id === id)).toBe(false);
  });

  it('is refused to anyone but the child’s guardians (a friend, the friend’s parent), even when on', async () => {
    await setting(a, true);
    const kid = await socketFor(a.childToken);
    const toOtherParent = newMessageId();
    kid.send({ type: 'send', id: toOtherParent, to: b.parent.parentId, content: summary() });
    expect(await kid.take(errorFor(toOtherParent))).toMatchObject({ code: 'NOT_FRIENDS' });
    // The friend is a friend: only the summary rule stops it (not the friendship).
    const toFriend = newMessageId();
    kid.send({ type: 'send', id: toFriend, to: b.child.childId, content: summary() });
    expect(await kid.take(errorFor(toFriend))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is refused from a grown-up, and off again when a guardian switches it off', async () => {
    await setting(a, true);
    const parent = await socketFor(a.parent.token);
    const id = newMessageId();
    parent.send({ type: 'send', id, to: a.child.childId, content: summary() });
    expect(await parent.take(errorFor(id))).toMatchObject({ code: 'FORBIDDEN' });
    await setting(a, false);
    const kid = await socketFor(a.childToken);
    const again = newMessageId();
    kid.send({ type: 'send', id: again, to: a.parent.parentId, content: summary() });
    expect(await kid.take(errorFor(again))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is read by the child’s own PC with its own credential, and only its own; a child can never change it', async () => {
    const mine = async (token: string): Promise<unknown> =>
      expectStatus(await api(relay.app, 'GET', '/v1/me/daily-summary', { token }), 200);
    expect(await mine(a.childToken)).toEqual({ enabled: false });
    await setting(a, true);
    expect(await mine(a.childToken)).toEqual({ enabled: true });
    // Another child reads its own (off), never A's: the guardian's route refuses a child's credential.
    expect(await mine(b.childToken)).toEqual({ enabled: false });
    for (const token of [b.childToken, a.childToken]) {
      expectStatus(await api(relay.app, 'GET', `/v1/children/${a.child.childId}/daily-summary`, { token }), 403);
      const put = await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/daily-summary`, {
        token,
        body: { enabled: false },
      });
      expectStatus(put, 403);
    }
    expect(await setting(a)).toEqual({ enabled: true });
    // A grown-up's session has no "own" summary to read.
    expectStatus(await api(relay.app, 'GET', '/v1/me/daily-summary', { token: a.parent.token }), 403);
    await setting(a, false);
    expect(await mine(a.childToken)).toEqual({ enabled: false });
  });

  it('passes quiet time, even to a guardian who switched their own quiet-time reach off (a text does not)', async () => {
    await setting(a, true);
    const base = `/v1/children/${a.child.childId}/quiet`;
    expectStatus(await api(relay.app, 'PUT', `${base}/my-reach`, { token: a.parent.token, body: { reach: false } }), 200);
    expectStatus(await api(relay.app, 'POST', `${base}/now`, { token: a.parent.token, body: { until: '07:00' } }), 200);
    const kid = await socketFor(a.childToken);
    const text = newMessageId();
    kid.send({ type: 'send', id: text, to: a.parent.parentId, content: { kind: 'text', text: 'still up' } });
    expect(await kid.take(errorFor(text))).toMatchObject({ code: 'QUIET_HOURS' });
    await sendAndAck(kid, a.parent.parentId, summary());
  });

  it('carries counts only: a text field is refused by the schema', async () => {
    await setting(a, true);
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: a.parent.parentId, content: summary({ note: 'I talked to Bo about secrets' }) });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
