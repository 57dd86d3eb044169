import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import {
  APP_READS,
  APP_VERSION,
  APP_VERSION_HEADER,
  FIRST_READ_IN,
  compareVersions,
  parseAppVersion,
  tolerantReader,
  type AppVersion,
  type WsServerFrame,
} from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import {
  befriend,
  buildTestApp,
  consentFor,
  createChild,
  createFamily,
  DEVICE_INFO,
  makeInvite,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { connect, listenForWs, newMessageId, settle, type TestSocket } from '../../test/ws-client';
import { loadSnapshots } from './snapshots';
import { registeredWithCode } from '../../test/email';
import { familyRecipes } from '../../test/compat-family-recipes';

/**
 * The current relay, as every app version it still serves reads it: each HTTP answer and each
 * `/v1/ws` frame of a real relay, asked as that version asks (announcing itself), read through the
 * app's tolerant reader against the version's snapshot. A field the snapshot does not know is
 * fine; a missing, renamed or retyped field, or an enum value the snapshot lacks, fails. Each
 * answer is also mutated, to show the check can fail: without a field it must not read, with
 * one more it must.
 */

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);
const TTL = 60 * 60_000;

type Answer = Readonly<{ status: number; body: unknown }>;
type Recipe = (as: Headers) => Promise<Answer>;
type Headers = Readonly<Record<string, string>>;

let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;
let url: string;

beforeAll(async () => {
  relay = await buildTestApp({ messaging: { ...DEFAULT_CONFIG.messaging, messageTtlMs: TTL } });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});
afterAll(async () => relay.close());

async function ask(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers: Headers,
  options: Readonly<{ token?: string; body?: unknown; raw?: Buffer; type?: string }> = {},
): Promise<Answer> {
  const res = await relay.app.inject({
    method,
    url,
    headers: {
      ...headers,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.type ? { 'content-type': options.type } : {}),
    },
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
    ...(options.raw ? { payload: options.raw } : {}),
  });
  return { status: res.statusCode, body: res.body === '' ? null : (res.json() as unknown) };
}

/** How to get each answer an app reads, from a real relay. A route in a snapshot without one fails the test. */
const RECIPES: Readonly<Record<string, Recipe>> = {
  // 0.1.0 asked for the version only; later apps ask for the text in their language.
  'GET /v1/policy': (h) => ask('GET', h['hearth-app-version'] ? '/v1/policy?lang=en' : '/v1/policy', h),
  'GET /v1/version': (h) => ask('GET', '/v1/version', h),
  'POST /v1/parents': (h) =>
    ask('POST', '/v1/parents', h, {
      body: { email: `c${newMessageId().toLowerCase()}@example.test`, password: 'correct horse battery', displayName: 'Kim' },
    }),
  'POST /v1/sessions': (h) => ask('POST', '/v1/sessions', h, { body: { email: a.parent.email, password: a.parent.password } }),
  'DELETE /v1/sessions/:id': async (h) => {
    const grant = (await ask('POST', '/v1/sessions', h, { body: { email: a.parent.email, password: a.parent.password } }))
      .body as {
      token: string;
      sessionId: string;
    };
    return ask('DELETE', `/v1/sessions/${grant.sessionId}`, h, { token: grant.token });
  },
  'GET /v1/me': async (h) => {
    const child = await ask('GET', '/v1/me', h, { token: a.childToken });
    expect(child.status).toBe(200);
    return ask('GET', '/v1/me', h, { token: a.parent.token });
  },
  'GET /v1/children': (h) => ask('GET', '/v1/children', h, { token: a.parent.token }),
  'POST /v1/children': (h) =>
    ask('POST', '/v1/children', h, {
      token: a.parent.token,
      body: { displayName: 'Pia', username: `k${Date.now().toString(36)}`, consent: consentFor(relay.app), avatar: 'owl' },
    }),
  'PATCH /v1/children/:id': (h) =>
    ask('PATCH', `/v1/children/${a.child.childId}`, h, { token: a.parent.token, body: { gender: 'girl' } }),
  'GET /v1/consents': (h) => ask('GET', '/v1/consents', h, { token: a.parent.token }),
  'POST /v1/devices': (h) =>
    ask('POST', '/v1/devices', h, {
      token: a.parent.token,
      body: { name: 'Laptop', info: DEVICE_INFO, childIds: [a.child.childId] },
    }),
  'POST /v1/devices/:id/children': async (h) => {
    const second = await createChild(relay.app, a.parent.token);
    return ask('POST', `/v1/devices/${a.deviceId}/children`, h, { token: a.parent.token, body: { childId: second.childId } });
  },
  'DELETE /v1/devices/:id/children/:childId': async (h) => {
    const third = await createChild(relay.app, a.parent.token);
    await ask('POST', `/v1/devices/${a.deviceId}/children`, h, { token: a.parent.token, body: { childId: third.childId } });
    return ask('DELETE', `/v1/devices/${a.deviceId}/children/${third.childId}`, h, { token: a.parent.token });
  },
  'GET /v1/devices': (h) => ask('GET', '/v1/devices', h, { token: a.parent.token }),
  'DELETE /v1/devices/:id': async (h) => {
    const spare = (
      await ask('POST', '/v1/devices', h, {
        token: b.parent.token,
        body: { name: 'Spare', info: DEVICE_INFO, childIds: [b.child.childId] },
      })
    ).body as { deviceId: string };
    return ask('DELETE', `/v1/devices/${spare.deviceId}`, h, { token: b.parent.token });
  },
  'POST /v1/parent-devices': async (h) => {
    const grant = (await ask('POST', '/v1/sessions', h, { body: { email: b.parent.email, password: b.parent.password } }))
      .body as {
      token: string;
    };
    return ask('POST', '/v1/parent-devices', h, { token: grant.token, body: {} });
  },
  'POST /v1/invites': (h) => ask('POST', '/v1/invites', h, { token: a.childToken, body: {} }),
  'POST /v1/invites/redeem': async (h) => {
    const c = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, a.childToken);
    return ask('POST', '/v1/invites/redeem', h, { token: c.childToken, body: { code: invite.code } });
  },
  'GET /v1/friendships': async (h) => {
    const child = await ask('GET', '/v1/friendships', h, { token: b.childToken });
    expect(child.status).toBe(200);
    return ask('GET', '/v1/friendships', h, { token: a.parent.token });
  },
  'POST /v1/friendships/:id/actions': async (h) => {
    const c = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, c.childToken);
    const view = (await ask('POST', '/v1/invites/redeem', h, { token: b.childToken, body: { code: invite.code } })).body as {
      friendshipId: string;
    };
    return ask('POST', `/v1/friendships/${view.friendshipId}/actions`, h, { token: c.childToken, body: { action: 'confirm' } });
  },
  'POST /v1/signaling/session': (h) => ask('POST', '/v1/signaling/session', h, { token: a.childToken, body: {} }),
  'GET /v1/ice': (h) => ask('GET', '/v1/ice', h, { token: a.childToken }),
  'GET /v1/signaling/peers': (h) => ask('GET', '/v1/signaling/peers', h, { token: a.childToken }),
  'POST /v1/attachments': (h) => ask('POST', '/v1/attachments', h, { token: a.childToken, raw: PNG, type: 'image/png' }),
  // Since 0.2.0 (issue 12). This relay sends no email, so the codes are made as the operator's are.
  'POST /v1/email-verifications': async (h) => {
    const { parent: p, code } = await registeredWithCode(relay, 'verify', 'email');
    return ask('POST', '/v1/email-verifications', h, { body: { email: p.email, code } });
  },
  'POST /v1/email-verifications/resend': (h) =>
    ask('POST', '/v1/email-verifications/resend', h, { body: { email: a.parent.email } }),
  'POST /v1/password-resets': (h) => ask('POST', '/v1/password-resets', h, { body: { email: a.parent.email } }),
  'POST /v1/password-resets/complete': async (h) => {
    const { parent: p, code } = await registeredWithCode(relay, 'reset', 'operator');
    return ask('POST', '/v1/password-resets/complete', h, { body: { email: p.email, code, password: 'a new long password' } });
  },
  // Since 0.4.0 (issue 16): the games switch, read by the child's own PC and set by a guardian.
  'GET /v1/children/:id/games': (h) => ask('GET', `/v1/children/${a.child.childId}/games`, h, { token: a.childToken }),
  'PUT /v1/children/:id/games': (h) =>
    ask('PUT', `/v1/children/${a.child.childId}/games`, h, { token: a.parent.token, body: { enabled: true } }),
  ...familyRecipes(
    () => relay.app,
    ask,
    () => a,
  ),
};

/** Reads a value as the app of a snapshot does (tolerantly); returns the problem, or null when it reads it. */
function readerFor(schema: unknown): (value: unknown) => string | null {
  const tolerant = tolerantReader(schema as TSchema);
  return (value) => (tolerant.read(value) === undefined ? `tolerant reader: ${tolerant.problem(value)}` : null);
}

type SchemaNode = Readonly<{
  type?: string;
  required?: readonly string[];
  items?: SchemaNode;
  anyOf?: readonly SchemaNode[];
  properties?: Readonly<Record<string, SchemaNode & { const?: unknown }>>;
}>;

/**
 * The same answer as a relay that broke it would send (its first required field gone: removed or
 * renamed), and as a later relay that only added to it (a field this version never heard of).
 * Undefined where the answer has nothing to remove (no content, an empty list, a bare frame).
 */
function mutations(schema: unknown, value: unknown): Readonly<{ broken: unknown; added: unknown }> | undefined {
  const node = schema as SchemaNode;
  if (Array.isArray(value)) {
    const inner = node.items && value.length > 0 ? mutations(node.items, value[0]) : undefined;
    return inner && { broken: [inner.broken, ...value.slice(1)], added: [inner.added, ...value.slice(1)] };
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Readonly<Record<string, unknown>>;
  const branch =
    node.anyOf?.find((b) => b.properties?.type?.const !== undefined && b.properties.type.const === record.type) ?? node;
  const field = (branch.required ?? []).find((name) => name !== 'type' && name in record);
  if (field === undefined) return undefined;
  const { [field]: _removed, ...broken } = record;
  return { broken, added: { ...record, addedByALaterRelay: { any: ['thing'] } } };
}

/** A new field reads; a missing (removed or renamed) field does not. */
function expectMutationsJudged(schema: unknown, value: unknown): void {
  const m = mutations(schema, value);
  if (!m) return;
  const read = readerFor(schema);
  expect(read(m.added), `an added field must still read: ${JSON.stringify(m.added)}`).toBeNull();
  expect(read(m.broken), `a missing field must not read: ${JSON.stringify(m.broken)}`).not.toBeNull();
}

const served = loadSnapshots().filter(
  (s) =>
    compareVersions(parseAppVersion(s.version) as AppVersion, parseAppVersion(DEFAULT_CONFIG.minAppVersion) as AppVersion) >= 0,
);

describe.each(served.map((s) => [s.version, s] as const))('the relay as app %s reads it', (version, snapshot) => {
  /** Every version says who it is (0.1.0, the first, included). */
  const headers: Headers = { [APP_VERSION_HEADER]: version };

  it.each(Object.keys(snapshot.reads.http))('%s', async (route) => {
    const recipe = RECIPES[route];
    if (!recipe) throw new Error(`no recipe for ${route}: add one to RECIPES`);
    const answer = await recipe(headers);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    const schema = snapshot.reads.http[route];
    expect(readerFor(schema)(answer.body)).toBeNull();
    expectMutationsJudged(schema, answer.body);
  });

  it('reads the relay’s refusals', async () => {
    const read = readerFor(snapshot.reads.error);
    for (const answer of [
      await ask('GET', '/v1/me', headers),
      await ask('GET', '/v1/no-such-route', headers),
      await ask('POST', '/v1/invites/redeem', headers, { token: a.childToken, body: { code: 'ACDE-FGHJ' } }),
      await ask('POST', '/v1/children', headers, { token: a.parent.token, body: { displayName: '' } }),
    ]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(read(answer.body)).toBeNull();
      expectMutationsJudged(snapshot.reads.error, answer.body);
    }
  });

  it('reads every frame the relay sends on /v1/ws, of every type it knows', async () => {
    // The app sends its credential and its version in the upgrade's headers.
    const sockets: TestSocket[] = [];
    const sock = async (token: string): Promise<TestSocket> => {
      const s = await connect(url, token, 'header', headers);
      sockets.push(s);
      return s;
    };
    try {
      const aSocket = await sock(a.childToken);
      const parentSocket = await sock(a.parent.token);
      const bSocket = await sock(b.childToken);
      aSocket.send({ type: 'ping' });
      bSocket.send({ type: 'presence', state: 'in-call' });
      await aSocket.take((f) => f.type === 'presence');
      const hello = newMessageId();
      aSocket.send({ type: 'send', id: hello, to: b.child.childId, content: { kind: 'text', text: 'hi' } });
      await aSocket.take((f) => f.type === 'sent');
      await bSocket.take((f) => f.type === 'message');
      bSocket.send({ type: 'received', ids: [hello] });
      await aSocket.take((f) => f.type === 'delivered');
      // Taken back before Bea's PC acknowledged it: Alex hears the result, Bea's PC hears it is gone.
      const oops = newMessageId();
      aSocket.send({ type: 'send', id: oops, to: b.child.childId, content: { kind: 'text', text: 'oops' } });
      await aSocket.take((f) => f.type === 'sent' && f.id === oops);
      await bSocket.take((f) => f.type === 'message' && f.message.id === oops);
      aSocket.send({ type: 'unsend', id: oops });
      await aSocket.take((f) => f.type === 'unsend-result');
      await bSocket.take((f) => f.type === 'unsent');
      aSocket.send({ type: 'send', id: newMessageId(), to: newMessageId(), content: { kind: 'text', text: 'who?' } });
      await aSocket.take((f) => f.type === 'error');
      const c = await createFamily(relay.app);
      await makeInvite(relay.app, a.childToken).then((i) =>
        ask('POST', '/v1/invites/redeem', headers, { token: c.childToken, body: { code: i.code } }),
      );
      await parentSocket.take((f) => f.type === 'friendship');
      await bSocket.close();
      const lost = newMessageId();
      aSocket.send({ type: 'send', id: lost, to: b.child.childId, content: { kind: 'sticker', stickerId: 'animals/happy-cat' } });
      await aSocket.take((f) => f.type === 'sent' && f.id === lost);
      relay.clock.advance(TTL + 1);
      await relay.app.realtime.sweep();
      await aSocket.take((f) => f.type === 'expired');
      await settle();
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
    const read = readerFor(snapshot.reads.ws);
    const frames: WsServerFrame[] = sockets.flatMap((s) => s.frames);
    for (const frame of frames) {
      expect(read(frame), JSON.stringify(frame)).toBeNull();
      expectMutationsJudged(snapshot.reads.ws, frame);
    }
    const seen = new Set(frames.map((f) => f.type));
    const readsSince = parseAppVersion(version) as AppVersion;
    const expected = Object.entries(FIRST_READ_IN.frames)
      .filter(([, since]) => compareVersions(parseAppVersion(since) as AppVersion, readsSince) <= 0)
      .map(([type]) => type);
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected.sort()));
  });
});

it('has a snapshot of every version the relay serves, 0.1.0 first', () => {
  expect(served[0]?.version).toBe('0.1.0');
});

/** Until this app's version has a snapshot, its new routes are checked against what it reads now (APP_READS). */
describe(`the relay as this app (${APP_VERSION}) reads its email, recovery and games routes`, () => {
  const headers: Headers = { [APP_VERSION_HEADER]: APP_VERSION };
  const routes = [
    'POST /v1/parents',
    'POST /v1/email-verifications',
    'POST /v1/email-verifications/resend',
    'POST /v1/password-resets',
    'POST /v1/password-resets/complete',
    'GET /v1/children/:id/games',
    'PUT /v1/children/:id/games',
  ] as const;
  it.each(routes)('%s', async (route) => {
    const answer = await (RECIPES[route] as Recipe)(headers);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    const schema = APP_READS.http[route];
    expect(readerFor(schema)(answer.body)).toBeNull();
    expectMutationsJudged(schema, answer.body);
  });
});
