import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_VERSION_HEADER,
  type IceConfig,
  type QuietSchedule,
  type QuietView,
  type WeeklyWindows,
  type WsQuietFrame,
  type WsServerFrame,
} from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import {
  PASSWORD,
  signIn,
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
import { candidate, grantFor, loggedIn, offer, type RawPeer } from '../signaling/test-support';

/**
 * Quiet hours and daily time on the relay (issue 14), on the relay's hand-moved clock. It starts
 * on Monday 2 November 2026 at 09:00 UTC; the children's zone is their PC's, Europe/London (GMT
 * then, so local time is UTC).
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
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);
const peers: RawPeer[] = [];

async function putQuiet(family: TestFamily, s: QuietSchedule): Promise<QuietView> {
  return expectStatus(
    await api<QuietView>(relay.app, 'PUT', `/v1/children/${family.child.childId}/quiet`, { token: family.parent.token, body: s }),
    200,
  );
}
async function getQuiet(family: TestFamily): Promise<QuietView> {
  return expectStatus(
    await api<QuietView>(relay.app, 'GET', `/v1/children/${family.child.childId}/quiet`, { token: family.parent.token }),
    200,
  );
}
type Signed = { grant: Awaited<ReturnType<typeof grantFor>>; peer: RawPeer };
/** Signaling peers signed in on /peerjs with these tokens' grants, one per token, closed after the test. */
async function signalingPeers<T extends string[]>(...tokens: T): Promise<{ [K in keyof T]: Signed }> {
  const port = Number(new URL(url).port);
  const out: Signed[] = [];
  for (const token of tokens) {
    const grant = await grantFor(relay.app, token);
    const peer = await loggedIn(port, grant);
    peers.push(peer);
    out.push({ grant, peer });
  }
  return out as { [K in keyof T]: Signed };
}
/** Moves the relay's clock and lets the relay look at quiet time (its timers run on that clock). */
async function advance(ms: number): Promise<void> {
  relay.clock.advance(ms);
  await relay.app.realtime.quietTick();
  await settle();
}
const quietFrame = (quiet: boolean) => (f: { type: string }) => f.type === 'quiet' && (f as WsQuietFrame).status.quiet === quiet;
const presenceOf = (accountId: string, state: string) => (f: WsServerFrame) =>
  f.type === 'presence' && f.accountId === accountId && f.state === state;

beforeEach(async () => {
  relay = await buildTestApp({
    ice: {
      stunUrls: [],
      turnUrls: ['turn:127.0.0.1:3478'],
      turnSecret: 'x'.repeat(32),
      turnTtlSeconds: 3600,
      transportPolicy: 'all',
    },
    messaging: { ...DEFAULT_CONFIG.messaging, messageBurst: 50 },
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

describe('the schedule', () => {
  it('is evaluated in the child’s zone: when quiet starts, why, and until when', async () => {
    const empty = await getQuiet(a);
    expect(empty.schedule).toEqual(schedule({}));
    expect(empty.status).toMatchObject({ quiet: false, startsInMs: null, timeZone: 'Europe/London' });
    const set = await putQuiet(
      a,
      schedule({
        mon: [
          { start: '09:30', end: '11:00' },
          { start: '20:00', end: '07:00' },
        ],
      }),
    );
    expect(set.status).toMatchObject({ quiet: false, startsInMs: 30 * MIN });
    relay.clock.advance(30 * MIN);
    expect((await getQuiet(a)).status).toMatchObject({ quiet: true, reason: 'schedule', endsAt: '11:00', endsInMs: 90 * MIN });
    // The zone moves it: 09:30 UTC is 04:30 in New York (UTC−5), five hours before its 09:30.
    const ny = expectStatus(
      await api<QuietView>(relay.app, 'PUT', `/v1/children/${a.child.childId}/time-zone`, {
        token: a.parent.token,
        body: { timeZone: 'America/New_York' },
      }),
      200,
    );
    expect(ny).toMatchObject({
      timeZoneSet: true,
      status: { quiet: false, startsInMs: 5 * 60 * MIN, timeZone: 'America/New_York' },
    });
  });

  it('tells the child’s socket on connect and at each change, with durations', async () => {
    await putQuiet(a, schedule({ mon: [{ start: '09:10', end: '09:40' }] }));
    const kid = await socketFor(a.childToken);
    const first = await kid.take<WsQuietFrame>(quietFrame(false));
    expect(first).toMatchObject({ childId: a.child.childId, status: { startsInMs: 10 * MIN } });
    expect(kid.frames.findIndex((f) => f.type === 'welcome')).toBeLessThan(kid.frames.indexOf(first));
    await advance(10 * MIN);
    expect((await kid.take<WsQuietFrame>(quietFrame(true))).status).toMatchObject({
      reason: 'schedule',
      endsInMs: 30 * MIN,
      endsAt: '09:40',
    });
    await advance(30 * MIN);
    await kid.take(quietFrame(false));
    // A guardian's "quiet now until 12:00" reaches it at once.
    expectStatus(
      await api(relay.app, 'POST', `/v1/children/${a.child.childId}/quiet/now`, {
        token: a.parent.token,
        body: { until: '12:00' },
      }),
      200,
    );
    const now = await kid.take<WsQuietFrame>((f) => f.type === 'quiet' && (f as WsQuietFrame).status.reason === 'now');
    expect(now.status).toMatchObject({ quiet: true, endsAt: '12:00', endsInMs: 2 * 60 * MIN + 20 * MIN });
  });

  it('never sends the quiet frame to an app older than 0.3.0', async () => {
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '12:00' }] }));
    const old = sockets.keep(await connect(url, a.childToken, 'header', { [APP_VERSION_HEADER]: '0.2.0' }));
    await settle();
    expect(old.frames.filter((f) => f.type === 'quiet')).toEqual([]);
  });
});

describe('messages in quiet time', () => {
  it('refuses what the child sends to a friend with QUIET_HOURS, and lets its guardian through both ways', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const parent = await socketFor(a.parent.token);
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '12:00' }] }));
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('hi!') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS', message: expect.stringContaining('quiet time') });
    const up = await sendAndAck(kid, a.parent.parentId, text('goodnight'));
    await parent.take(messageWith(up));
    const down = await sendAndAck(parent, a.child.childId, text('sleep well'));
    await kid.take(messageWith(down));
  });

  it('holds a friend’s message while quiet and delivers it when quiet ends', async () => {
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '10:00' }] }));
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    const id = await sendAndAck(friend, a.child.childId, text('are you up?'));
    await settle();
    expect(kid.frames.filter(messageWith(id))).toEqual([]);
    // Reconnecting in quiet time does not bring it either.
    await kid.close();
    const again = await socketFor(a.childToken);
    await settle();
    expect(again.frames.filter(messageWith(id))).toEqual([]);
    await advance(60 * MIN);
    await again.take(messageWith(id));
  });

  it('lets a guardian switch their own reach off: then they wait like everyone else', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const parent = await socketFor(a.parent.token);
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '12:00' }] }));
    const off = expectStatus(
      await api<QuietView>(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet/my-reach`, {
        token: a.parent.token,
        body: { reach: false },
      }),
      200,
    );
    expect(off.myReach).toBe(false);
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: a.parent.parentId, content: text('still up') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
    const down = await sendAndAck(parent, a.child.childId, text('night'));
    await settle();
    expect(kid.frames.filter(messageWith(down))).toEqual([]);
    expectStatus(
      await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet/my-reach`, {
        token: a.parent.token,
        body: { reach: true },
      }),
      200,
    );
    await kid.take(messageWith(down));
  });

  it('lets a contact through only in their allowed windows', async () => {
    const view = expectStatus(
      await api<QuietView>(relay.app, 'PUT', `/v1/children/${a.child.childId}/quiet/contacts/${b.child.childId}`, {
        token: a.parent.token,
        body: { allowed: { ...none, mon: [{ start: '15:00', end: '19:00' }] } },
      }),
      200,
    );
    expect(view.contacts).toEqual([
      { contactId: b.child.childId, allowed: { ...none, mon: [{ start: '15:00', end: '19:00' }] } },
    ]);
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('hi') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
    await advance(6 * 60 * MIN);
    await sendAndAck(kid, b.child.childId, text('hi now'));
  });
});

describe('what friends see, and calls', () => {
  it('shows the child offline to friends during quiet time and back when it ends', async () => {
    const friend = await socketFor(b.childToken);
    const kid = await socketFor(a.childToken);
    await friend.take(presenceOf(a.child.childId, 'online'));
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '09:30' }] }));
    await friend.take(presenceOf(a.child.childId, 'offline'));
    // A friend connecting now does not see it either.
    await friend.close();
    const later = await socketFor(b.childToken);
    const welcome = later.frames.find((f) => f.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.presence.map((p) => p.accountId)).toEqual([]);
    await advance(30 * MIN);
    await later.take(presenceOf(a.child.childId, 'online'));
    expect(kid.frames.some((f) => f.type === 'welcome')).toBe(true);
  });

  it('answers an OFFER to or from the quiet child with EXPIRE, as for a friend who is offline; its guardian still calls', async () => {
    const [{ grant: ga, peer: pa }, { grant: gb, peer: pb }, { grant: gp, peer: pp }] = await signalingPeers(
      a.childToken,
      b.childToken,
      a.parent.token,
    );
    await putQuiet(a, schedule({ mon: [{ start: '08:00', end: '12:00' }] }));
    pb.send(offer(ga.peerId, 'dc_one'));
    expect(await pb.next()).toEqual({ type: 'EXPIRE', src: ga.peerId, dst: gb.peerId });
    pa.send(offer(gb.peerId, 'dc_two'));
    expect(await pa.next()).toEqual({ type: 'EXPIRE', src: gb.peerId, dst: ga.peerId });
    pp.send(offer(ga.peerId, 'dc_three'));
    expect(await pa.next()).toMatchObject({ type: 'OFFER', src: gp.peerId });
    await settle();
    expect(pb.frames.filter((f) => f.type === 'OFFER')).toEqual([]);
  });

  it('refuses the next frame of a call whose signaling flowed once the clock reaches quiet time, with no tick between', async () => {
    const [{ grant: ga, peer: pa }, { grant: gb, peer: pb }] = await signalingPeers(a.childToken, b.childToken);
    await putQuiet(a, schedule({ mon: [{ start: '09:20', end: '10:00' }] }));
    pb.send(offer(ga.peerId, 'dc_warm'));
    expect(await pa.next()).toMatchObject({ type: 'OFFER', src: gb.peerId });
    // Warm: the friendship, quiet time and the connection are all known in memory now.
    for (let n = 1; n <= 5; n++) pb.send(candidate(ga.peerId, 'dc_warm', n));
    for (let n = 1; n <= 5; n++) expect(await pa.next()).toMatchObject({ type: 'CANDIDATE', src: gb.peerId });
    relay.clock.advance(25 * MIN);
    pb.send(candidate(ga.peerId, 'dc_warm', 6));
    expect(await pb.next()).toEqual({ type: 'EXPIRE', src: ga.peerId, dst: gb.peerId });
    await settle();
    expect(pa.frames.filter((f) => f.type === 'CANDIDATE')).toHaveLength(5);
  });

  it('hands the child TURN credentials that end at its next quiet start, and none in quiet time', async () => {
    await putQuiet(a, schedule({ mon: [{ start: '09:20', end: '10:00' }] }));
    const before = expectStatus(await api<IceConfig>(relay.app, 'GET', '/v1/ice', { token: a.childToken }), 200);
    const start = relay.clock.now() + 20 * MIN;
    expect(before.expiresAt).toBe(start);
    expect(before.iceServers[0]?.username).toBe(`${start / 1000}:${a.child.childId}`);
    relay.clock.advance(25 * MIN);
    const during = expectStatus(await api<IceConfig>(relay.app, 'GET', '/v1/ice', { token: a.childToken }), 200);
    expect(during).toEqual({ iceServers: [], iceTransportPolicy: 'all', expiresAt: null });
    // A grown-up's credentials are not shortened.
    const grownUp = expectStatus(await api<IceConfig>(relay.app, 'GET', '/v1/ice', { token: a.parent.token }), 200);
    expect(grownUp.expiresAt).toBe(Math.floor(relay.clock.now() / 1000) * 1000 + 3600_000);
  });
});

describe('daily time', () => {
  it('counts minutes online or in a call, not away, and goes quiet when they are used up', async () => {
    await putQuiet(a, schedule({}, { dailyLimitMinutes: 30 }));
    const kid = await socketFor(a.childToken);
    await kid.take(quietFrame(false));
    await advance(10 * MIN);
    kid.send({ type: 'presence', state: 'away' });
    await settle();
    await advance(60 * MIN);
    kid.send({ type: 'presence', state: 'in-call' });
    await settle();
    await advance(15 * MIN);
    expect((await getQuiet(a)).status).toMatchObject({ quiet: false, minutesLeftToday: 5 });
    await advance(5 * MIN);
    expect((await getQuiet(a)).status).toMatchObject({ quiet: true, reason: 'limit', minutesLeftToday: 0, endsAt: '00:00' });
    await kid.take(quietFrame(true));
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('one more') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
    const more = expectStatus(
      await api<QuietView>(relay.app, 'POST', `/v1/children/${a.child.childId}/quiet/extra-minutes`, {
        token: a.parent.token,
        body: { minutes: 15 },
      }),
      200,
    );
    expect(more.status).toMatchObject({ quiet: false, minutesLeftToday: 15 });
    await sendAndAck(kid, b.child.childId, text('thanks'));
  });

  it('gives the child a new day at local midnight at once: a friend’s call is let through with no tick between', async () => {
    await putQuiet(a, schedule({}, { dailyLimitMinutes: 30 }));
    const kid = await socketFor(a.childToken);
    await kid.take(quietFrame(false));
    await advance(30 * MIN);
    await kid.take(quietFrame(true));
    await kid.close();
    const [{ grant: ga, peer: pa }, { grant: gb, peer: pb }] = await signalingPeers(a.childToken, b.childToken);
    // Monday 23:59:50 local: the minutes are used up, and the relay has just read them.
    relay.clock.advance(14 * 60 * MIN + 29 * MIN + 50_000);
    pb.send(offer(ga.peerId, 'dc_late'));
    expect(await pb.next()).toEqual({ type: 'EXPIRE', src: ga.peerId, dst: gb.peerId });
    // Tuesday 00:00:05, 15 s after that read: a new day with no minutes used.
    relay.clock.advance(15_000);
    pb.send(offer(ga.peerId, 'dc_midnight'));
    expect(await pa.next()).toMatchObject({ type: 'OFFER', src: gb.peerId });
  });
});

describe('bad input and who may', () => {
  it('refuses overlapping windows, unknown zones, a skipped time, too many windows, and a child’s own credential', async () => {
    const path = `/v1/children/${a.child.childId}`;
    const as = (token: string, method: 'PUT' | 'POST' | 'GET', sub: string, body?: unknown) =>
      api<{ error: { code: string; message: string } }>(relay.app, method, `${path}${sub}`, {
        token,
        ...(body === undefined ? {} : { body }),
      });
    const overlap = await as(
      a.parent.token,
      'PUT',
      '/quiet',
      schedule({ mon: [{ start: '20:00', end: '07:00' }], tue: [{ start: '06:00', end: '08:00' }] }),
    );
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.code).toBe('SCHEDULE_OVERLAP');
    const many = Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` }));
    expect((await as(a.parent.token, 'PUT', '/quiet', schedule({ mon: many }))).body.error.code).toBe('VALIDATION_FAILED');
    const zone = await as(a.parent.token, 'PUT', '/time-zone', { timeZone: 'Mars/Olympus_Mons' });
    expect([zone.status, zone.body.error.code]).toEqual([400, 'TIME_ZONE_UNKNOWN']);
    for (const [method, sub, body] of [
      ['GET', '/quiet', undefined],
      ['PUT', '/quiet', schedule({})],
      ['POST', '/quiet/now', { until: '07:00' }],
      ['POST', '/quiet/extra-minutes', { minutes: 30 }],
      ['PUT', '/time-zone', { timeZone: 'Europe/Madrid' }],
      ['PUT', '/quiet/my-reach', { reach: false }],
      ['PUT', `/quiet/contacts/${b.child.childId}`, { allowed: null }],
    ] as const) {
      const res = await as(a.childToken, method, sub, body);
      expect([method, sub, res.status, res.body.error.code]).toEqual([method, sub, 403, 'FORBIDDEN']);
      expect((await as(b.parent.token, method, sub, body)).status).toBe(404);
    }
    // A contact that is not the child's: 404.
    const stranger = await as(a.parent.token, 'PUT', '/quiet/contacts/01ARZ3NDEKTSV4RRFFQ69G5FAV', {
      allowed: null,
    });
    expect(stranger.status).toBe(404);
    // Saturday 27 March 2027, 22:00 in London: tomorrow's 01:30 does not happen (the clocks go forward).
    relay.clock.advance(Date.UTC(2027, 2, 27, 22, 0) - relay.clock.now());
    const fresh = (await signIn(relay.app, a.parent.email, PASSWORD)).token;
    const skipped = await as(fresh, 'POST', '/quiet/now', { until: '01:30' });
    expect([skipped.status, skipped.body.error.code]).toEqual([400, 'TIME_NOT_IN_DAY']);
    expect((await as(fresh, 'POST', '/quiet/now', { until: '07:00' })).status).toBe(200);
  });

  it('sets the zone for the whole family at once', async () => {
    const second = expectStatus(
      await api<{ childId: string }>(relay.app, 'POST', '/v1/children', {
        token: a.parent.token,
        body: {
          displayName: 'Sam',
          username: `sam${Date.now()}`,
          consent: { policyVersion: relay.app.relay.config.policyVersion, method: 'checkbox', agreed: true },
        },
      }),
      201,
    );
    expectStatus(
      await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/time-zone`, {
        token: a.parent.token,
        body: { timeZone: 'Australia/Sydney', wholeFamily: true },
      }),
      200,
    );
    const other = expectStatus(
      await api<QuietView>(relay.app, 'GET', `/v1/children/${second.childId}/quiet`, { token: a.parent.token }),
      200,
    );
    expect(other.status.timeZone).toBe('Australia/Sydney');
  });
});

describe('held messages', () => {
  it('expire after the TTL of the child’s non-quiet time, not while it is quiet', async () => {
    const ttl = 2 * 60 * MIN;
    const short = await buildTestApp({ messaging: { ...DEFAULT_CONFIG.messaging, messageTtlMs: ttl } });
    const shortUrl = await listenForWs(short.app);
    const pool = socketPool();
    try {
      const x = await createFamily(short.app);
      const y = await createFamily(short.app);
      await befriend(short.app, x, y);
      expectStatus(
        await api(short.app, 'PUT', `/v1/children/${x.child.childId}/quiet`, {
          token: x.parent.token,
          body: schedule({ mon: [{ start: '10:00', end: '12:00' }] }),
        }),
        200,
      );
      const sender = await pool.open(shortUrl, y.childToken);
      const held = await sendAndAck(sender, x.child.childId, text('for later'));
      // 09:00 + 2 h would be 11:00; an hour before quiet and an hour after it make 13:00.
      short.clock.advance(3 * 60 * MIN + 30 * MIN);
      await short.app.realtime.sweep();
      await settle();
      expect(sender.frames.filter((f) => f.type === 'expired')).toEqual([]);
      short.clock.advance(31 * MIN);
      await short.app.realtime.sweep();
      expect(await sender.take((f) => f.type === 'expired')).toEqual({ type: 'expired', ids: [held] });
    } finally {
      await pool.closeAll();
      await short.close();
    }
  });
});
