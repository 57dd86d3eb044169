import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_VERSION_HEADER,
  type QuietSchedule,
  type QuietView,
  type WeeklyWindows,
  type WsQuietFrame,
  type WsServerFrame,
} from '@hearth/common';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  registerParentDevice,
  type TestFamily,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import {
  connect,
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  socketPool,
  text,
  type TestSocket,
} from '../../test/ws-client';
import { grantFor, loggedIn, offer, type RawPeer } from '../signaling/test-support';

/**
 * Quiet time and the child's grown-ups (issue 14): the guardians' parent-mode sockets are told
 * where the child stands at each change (nobody else is), and who passes during quiet time — the
 * guardians unless they switched their own reach off, trusted grown-ups only when a guardian
 * allows it. The clock starts on Monday 2 November 2026 at 09:00 UTC (Europe/London: GMT).
 */
const MIN = 60_000;
const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const schedule = (quiet: Partial<WeeklyWindows>, extra: Partial<QuietSchedule> = {}): QuietSchedule => ({
  quiet: { ...none, ...quiet },
  dailyLimitMinutes: null,
  trustedGrownUpsReach: false,
  ...extra,
});

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();
const peers: RawPeer[] = [];

/** A grown-up's parent-mode PC: a parent device and its socket. */
async function parentModeOf(token: string): Promise<TestSocket> {
  await registerParentDevice(relay.app, token);
  return sockets.open(url, token);
}
async function putQuiet(family: TestFamily, s: QuietSchedule): Promise<QuietView> {
  return expectStatus(
    await api<QuietView>(relay.app, 'PUT', `/v1/children/${family.child.childId}/quiet`, { token: family.parent.token, body: s }),
    200,
  );
}
async function post(path: string, token: string, body: unknown): Promise<QuietView> {
  return expectStatus(
    await api<QuietView>(relay.app, 'POST', `/v1/children/${a.child.childId}/quiet/${path}`, { token, body }),
    200,
  );
}
async function advance(ms: number): Promise<void> {
  relay.clock.advance(ms);
  await relay.app.realtime.quietTick();
  await settle();
}
const quietOf =
  (childId: string, match: Partial<WsQuietFrame['status']> = {}) =>
  (f: WsServerFrame): boolean =>
    f.type === 'quiet' &&
    f.childId === childId &&
    Object.entries(match).every(([k, v]) => (f.status as Record<string, unknown>)[k] === v);
const quietFrames = (s: TestSocket): WsServerFrame[] => s.frames.filter((f) => f.type === 'quiet');

beforeEach(async () => {
  relay = await buildTestApp({
    ice: { stunUrls: [], turnUrls: [], turnSecret: 'x'.repeat(32), turnTtlSeconds: 3600, transportPolicy: 'all' },
  });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.ws.terminate();
  await sockets.closeAll();
  await relay.close();
});

describe('the guardians see where the child stands', () => {
  it('pushes each change to every guardian’s parent-mode socket, even with the child offline', async () => {
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Dad' });
    const mum = await parentModeOf(a.parent.token);
    const dad = await parentModeOf(second.token);
    // Nothing set: nothing said.
    await settle();
    expect([...quietFrames(mum), ...quietFrames(dad)]).toEqual([]);

    // A schedule: quiet starts in an hour.
    await putQuiet(a, schedule({ mon: [{ start: '10:00', end: '11:00' }] }));
    for (const s of [mum, dad]) await s.take(quietOf(a.child.childId, { quiet: false, startsInMs: 60 * MIN }));
    // Start and end on the relay's clock, with nobody asking.
    await advance(60 * MIN);
    for (const s of [mum, dad]) await s.take(quietOf(a.child.childId, { quiet: true, reason: 'schedule', endsAt: '11:00' }));
    await advance(60 * MIN);
    for (const s of [mum, dad]) await s.take(quietOf(a.child.childId, { quiet: false, reason: null }));

    // "Quiet now until 13:00", from the other guardian.
    await post('now', second.token, { until: '13:00' });
    for (const s of [mum, dad]) await s.take(quietOf(a.child.childId, { quiet: true, reason: 'now', endsAt: '13:00' }));
  });

  it('pushes the daily limit running out and the extra minutes, across the child’s own socket', async () => {
    const mum = await parentModeOf(a.parent.token);
    await putQuiet(a, schedule({}, { dailyLimitMinutes: 10 }));
    await mum.take(quietOf(a.child.childId, { quiet: false, minutesLeftToday: 10 }));
    const kid = await sockets.open(url, a.childToken);
    await advance(10 * MIN);
    await mum.take(quietOf(a.child.childId, { quiet: true, reason: 'limit' }));
    await kid.take(quietOf(a.child.childId, { quiet: true, reason: 'limit' }));
    await post('extra-minutes', a.parent.token, { minutes: 15 });
    await mum.take(quietOf(a.child.childId, { quiet: false, minutesLeftToday: 15 }));
  });

  it('tells a guardian’s socket where the child stands when it connects', async () => {
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '10:00' }] }));
    const mum = await parentModeOf(a.parent.token);
    await mum.take(quietOf(a.child.childId, { quiet: true, endsAt: '10:00' }));
  });

  it('never sends it to a guardian’s app older than 0.3.0', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const old = sockets.keep(await connect(url, a.parent.token, 'header', { [APP_VERSION_HEADER]: '0.2.0' }));
    const mum = await sockets.open(url, a.parent.token);
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '10:00' }] }));
    await mum.take(quietOf(a.child.childId, { quiet: true }));
    expect(quietFrames(old)).toEqual([]);
  });

  it('tells nobody else: not friends, their grown-ups, trusted grown-ups or other families', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    const c = await createFamily(relay.app);
    const watchers = [
      await sockets.open(url, b.childToken),
      await parentModeOf(b.parent.token),
      await parentModeOf(gran.token),
      await parentModeOf(c.parent.token),
      await sockets.open(url, c.childToken),
    ];
    const mum = await parentModeOf(a.parent.token);
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '10:00' }] }, { trustedGrownUpsReach: true }));
    await mum.take(quietOf(a.child.childId, { quiet: true }));
    await post('now', a.parent.token, { until: '12:00' });
    await mum.take(quietOf(a.child.childId, { endsAt: '12:00' }));
    await advance(3 * 60 * MIN);
    await mum.take(quietOf(a.child.childId, { quiet: false }));
    // (A child's own socket hears about itself: that is not what this looks for.)
    for (const w of watchers) expect(w.frames.filter(quietOf(a.child.childId))).toEqual([]);
  });
});

/** Sockets and signaling peers for the child, a grown-up and a friend. */
async function sides(grownUp: TestParent): Promise<
  Readonly<{
    kid: TestSocket;
    them: TestSocket;
    friend: TestSocket;
    call: (
      from: RawPeer,
      to: RawPeer,
      toPeerId: string,
      fromPeerId: string,
      label: string,
    ) => Promise<'rings' | 'expired' | 'neither'>;
    pk: RawPeer;
    pg: RawPeer;
    kidPeer: string;
    grownUpPeer: string;
  }>
> {
  const them = await parentModeOf(grownUp.token);
  const kid = await sockets.open(url, a.childToken);
  const friend = await sockets.open(url, b.childToken);
  const port = Number(new URL(url).port);
  const gk = await grantFor(relay.app, a.childToken);
  const gg = await grantFor(relay.app, grownUp.token);
  const pk = await loggedIn(port, gk);
  const pg = await loggedIn(port, gg);
  peers.push(pk, pg);
  /** Whichever comes first: the callee is offered the call, or the caller told it expired (frames looked at, not taken). */
  const call = async (from: RawPeer, to: RawPeer, toPeerId: string, fromPeerId: string, label: string) => {
    const [fromSeen, toSeen] = [from.frames.length, to.frames.length];
    from.send(offer(toPeerId, label));
    for (let waited = 0; waited < 3000; waited += 20) {
      if (from.frames.slice(fromSeen).some((f) => f.type === 'EXPIRE' && f.src === toPeerId)) return 'expired';
      if (to.frames.slice(toSeen).some((f) => f.type === 'OFFER' && f.src === fromPeerId)) return 'rings';
      await settle(20);
    }
    return 'neither';
  };
  return { kid, them, friend, call, pk, pg, kidPeer: gk.peerId, grownUpPeer: gg.peerId };
}

/** Messages and calls both ways between the quiet child and a grown-up pass. */
async function passesBothWays(grownUp: TestParent): Promise<void> {
  const s = await sides(grownUp);
  const up = await sendAndAck(s.kid, grownUp.parentId, text('goodnight'));
  await s.them.take(messageWith(up));
  const down = await sendAndAck(s.them, a.child.childId, text('sleep well'));
  await s.kid.take(messageWith(down));
  expect(await s.call(s.pg, s.pk, s.kidPeer, s.grownUpPeer, 'dc_down')).toBe('rings');
  expect(await s.call(s.pk, s.pg, s.grownUpPeer, s.kidPeer, 'dc_up')).toBe('rings');
  // A friend still does not get through.
  const id = newMessageId();
  s.kid.send({ type: 'send', id, to: b.child.childId, content: text('psst') });
  expect(await s.kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
}

/** The grown-up waits like a friend: the child's message refused, theirs held until quiet ends, calls expire. */
async function waitsLikeAFriend(grownUp: TestParent): Promise<void> {
  const s = await sides(grownUp);
  const id = newMessageId();
  s.kid.send({ type: 'send', id, to: grownUp.parentId, content: text('still up') });
  expect(await s.kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
  const down = await sendAndAck(s.them, a.child.childId, text('night'));
  expect(await s.call(s.pg, s.pk, s.kidPeer, s.grownUpPeer, 'dc_down')).toBe('expired');
  expect(await s.call(s.pk, s.pg, s.grownUpPeer, s.kidPeer, 'dc_up')).toBe('expired');
  await settle();
  expect(s.kid.frames.filter(messageWith(down))).toEqual([]);
  // Quiet ends at 12:00: the held message arrives, and the child may write again.
  await advance(3 * 60 * MIN);
  await s.kid.take(messageWith(down));
  const later = await sendAndAck(s.kid, grownUp.parentId, text('morning'));
  await s.them.take(messageWith(later));
}

describe('who reaches the quiet child', () => {
  const quietTill12 = (extra: Partial<QuietSchedule> = {}) => schedule({ mon: [{ start: '08:00', end: '12:00' }] }, extra);

  it('lets a trusted grown-up through both ways when a guardian allows it', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    await putQuiet(a, quietTill12({ trustedGrownUpsReach: true }));
    await passesBothWays(gran);
  });

  it('holds and refuses a trusted grown-up like a friend when it is not allowed', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    await putQuiet(a, quietTill12({ trustedGrownUpsReach: false }));
    await waitsLikeAFriend(gran);
  });

  it('lets a guardian through both ways', async () => {
    await putQuiet(a, quietTill12());
    await passesBothWays(a.parent);
  });

  it('treats a guardian who switched their own reach off like a friend, while the other guardian passes', async () => {
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Dad' });
    await putQuiet(a, quietTill12({ trustedGrownUpsReach: true }));
    expectStatus(
      await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet/my-reach`, {
        token: second.token,
        body: { reach: false },
      }),
      200,
    );
    await waitsLikeAFriend(second);
    // Quiet again (now until 18:00): the first guardian still passes.
    await post('now', a.parent.token, { until: '18:00' });
    const kid = await sockets.open(url, a.childToken);
    await sendAndAck(kid, a.parent.parentId, text('hi mum'));
  });
});
