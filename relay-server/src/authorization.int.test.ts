import { describe, expect, it } from 'vitest';
import type { Child, Invite } from '@hearth/common';
import { DEFAULT_CONFIG } from './config';
import {
  DEVICE_INFO,
  PASSWORD,
  api,
  consentFor,
  createChild,
  createFamily,
  expectStatus,
  makeInvite,
  redeem,
  signIn,
  unique,
  type TestFamily,
  relayForFile,
  type TestRelay,
} from '../test/helpers';
import { FAMILY_ROUTES } from './family/route-list';
import { REPORT_ROUTES } from './reports/route-list';

/**
 * The authorization matrix: every route, every kind of caller, the expected status, one test per
 * cell. A route registered in the app without a row here fails the coverage test below.
 */

let relay: TestRelay;
// Each cell builds its own world with two sign-ins; the per-address sign-in limit would trip.
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const CALLERS = ['anonymous', 'parent', 'otherParent', 'ownChild', 'otherChild', 'revokedSession'] as const;
type Who = (typeof CALLERS)[number];

/**
 * Family A is the one every request is about: its parent, its child A1 (enrolled on A's PC), a
 * second child A2 (not enrolled), a spare live session and a revoked one. Family B is another
 * family. A1 and C1 (a third family) have a pending friend request; C1 has a fresh invite code.
 */
type World = Readonly<{
  a: TestFamily;
  a2: Child;
  b: TestFamily;
  spareSessionId: string;
  revokedToken: string;
  friendshipId: string;
  inviteOfC: Invite;
  /** An attachment A1 uploaded, which no message carries. */
  uploadedHash: string;
}>;

async function buildWorld(): Promise<World> {
  const { app } = relay;
  const a = await createFamily(app);
  const a2 = await createChild(app, a.parent.token);
  const b = await createFamily(app);
  const c = await createFamily(app);
  const spare = await signIn(app, a.parent.email, PASSWORD);
  const revoked = await signIn(app, a.parent.email, PASSWORD);
  expectStatus(await api(app, 'DELETE', `/v1/sessions/${revoked.sessionId}`, { token: a.parent.token }), 204);
  const friendshipId = (await redeem(app, c.childToken, (await makeInvite(app, a.childToken)).code)).friendshipId;
  const inviteOfC = await makeInvite(app, c.childToken);
  const upload = await send(a.childToken, 'POST', '/v1/attachments', PNG);
  expect(upload.statusCode, upload.body).toBe(201);
  const uploadedHash = (upload.json() as { hash: string }).hash;
  return { a, a2, b, spareSessionId: spare.sessionId, revokedToken: revoked.token, friendshipId, inviteOfC, uploadedHash };
}

/** One request: JSON for an object body, raw bytes (as image/png) for a Buffer. */
function send(token: string | undefined, method: Method, url: string, body: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (Buffer.isBuffer(body)) headers['content-type'] = 'image/png';
  return relay.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
}

function tokenOf(world: World, who: Who): string | undefined {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'parent':
      return world.a.parent.token;
    case 'otherParent':
      return world.b.parent.token;
    case 'ownChild':
      return world.a.childToken;
    case 'otherChild':
      return world.b.childToken;
    case 'revokedSession':
      return world.revokedToken;
    default: {
      const never: never = who;
      throw new Error(`unknown caller ${String(never)}`);
    }
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
type Row = Readonly<{
  /** `METHOD /path` exactly as registered. */
  route: `${Method} /${string}`;
  /** What differs from the plain route, when one route has several rows. */
  variant?: string;
  request: (w: World) => Readonly<{ url: string; body?: unknown }>;
  /** anonymous, parent, otherParent, ownChild, otherChild, revokedSession. */
  expect: readonly [number, number, number, number, number, number];
}>;

/** Enough of a PNG for the relay to recognise it by its first bytes. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(56)]);

const DEVICE_BODY = (w: World) => ({ name: 'PC', info: DEVICE_INFO, childIds: [w.a.child.childId] });

/** The row of one friendship action, done on the world's friendship. */
const friendshipAction = (action: string, expect: Row['expect']): Row => ({
  route: 'POST /v1/friendships/:id/actions',
  variant: action,
  request: (w) => ({ url: `/v1/friendships/${w.friendshipId}/actions`, body: { action } }),
  expect,
});

/** The quiet-hours routes (issue 14): each the same for every caller. */
const QUIET_ROWS: readonly Row[] = (
  [
    ['GET /v1/children/:id/quiet', '/quiet', undefined],
    [
      'PUT /v1/children/:id/quiet',
      '/quiet',
      {
        quiet: { mon: [{ start: '20:00', end: '07:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
        dailyLimitMinutes: 60,
        trustedGrownUpsReach: false,
      },
    ],
    ['POST /v1/children/:id/quiet/now', '/quiet/now', { until: '07:00' }],
    ['POST /v1/children/:id/quiet/extra-minutes', '/quiet/extra-minutes', { minutes: 15 }],
    ['PUT /v1/children/:id/time-zone', '/time-zone', { timeZone: 'Europe/Madrid', wholeFamily: true }],
    ['PUT /v1/children/:id/quiet/my-reach', '/quiet/my-reach', { reach: false }],
  ] as const
)
  .map(([route, sub, body]): Row => ({
    route,
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}${sub}`, ...(body === undefined ? {} : { body }) }),
    expect: [401, 200, 404, 403, 403, 401],
  }))
  .concat({
    // The contact here is the child's guardian (a family link); any friendship of the child's may be narrowed.
    route: 'PUT /v1/children/:id/quiet/contacts/:contactId',
    request: (w) => ({
      url: `/v1/children/${w.a.child.childId}/quiet/contacts/${w.a.parent.parentId}`,
      body: { allowed: { mon: [{ start: '15:00', end: '19:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
    }),
    expect: [401, 200, 404, 403, 403, 401],
  });

const MATRIX: readonly Row[] = [
  { route: 'GET /docs/json', request: () => ({ url: '/docs/json' }), expect: [200, 200, 200, 200, 200, 200] },
  { route: 'GET /health', request: () => ({ url: '/health' }), expect: [200, 200, 200, 200, 200, 200] },
  { route: 'GET /v1/policy', request: () => ({ url: '/v1/policy' }), expect: [200, 200, 200, 200, 200, 200] },
  {
    route: 'GET /v1/policy/:version',
    request: () => ({ url: `/v1/policy/${DEFAULT_CONFIG.policyVersion}?lang=es` }),
    expect: [200, 200, 200, 200, 200, 200],
  },
  { route: 'GET /v1/version', request: () => ({ url: '/v1/version' }), expect: [200, 200, 200, 200, 200, 200] },
  {
    route: 'POST /v1/parents',
    request: () => ({
      url: '/v1/parents',
      body: { email: `${unique('matrix')}@example.test`, password: PASSWORD, displayName: 'New' },
    }),
    expect: [201, 201, 201, 201, 201, 201],
  },
  // Email and recovery (issue 12): anyone, with the same answer whoever asks (here without email).
  {
    route: 'POST /v1/email-verifications',
    request: (w) => ({ url: '/v1/email-verifications', body: { email: w.a.parent.email, code: '000000' } }),
    expect: [400, 400, 400, 400, 400, 400],
  },
  {
    route: 'POST /v1/email-verifications/resend',
    request: (w) => ({ url: '/v1/email-verifications/resend', body: { email: w.a.parent.email } }),
    expect: [202, 202, 202, 202, 202, 202],
  },
  {
    route: 'POST /v1/password-resets',
    request: (w) => ({ url: '/v1/password-resets', body: { email: w.a.parent.email } }),
    expect: [202, 202, 202, 202, 202, 202],
  },
  {
    route: 'POST /v1/password-resets/complete',
    request: (w) => ({
      url: '/v1/password-resets/complete',
      body: { email: w.a.parent.email, code: '000000', password: 'a new long password' },
    }),
    expect: [400, 400, 400, 400, 400, 400],
  },
  {
    route: 'POST /v1/sessions',
    request: (w) => ({ url: '/v1/sessions', body: { email: w.a.parent.email, password: PASSWORD } }),
    expect: [201, 201, 201, 201, 201, 201],
  },
  { route: 'GET /v1/sessions', request: () => ({ url: '/v1/sessions' }), expect: [401, 200, 200, 403, 403, 401] },
  {
    route: 'DELETE /v1/sessions/:id',
    request: (w) => ({ url: `/v1/sessions/${w.spareSessionId}` }),
    expect: [401, 204, 404, 403, 403, 401],
  },
  { route: 'GET /v1/me', request: () => ({ url: '/v1/me' }), expect: [401, 200, 200, 200, 200, 401] },
  {
    route: 'POST /v1/children',
    request: () => ({
      url: '/v1/children',
      body: { displayName: 'New', username: unique('matrix'), consent: consentFor(relay.app) },
    }),
    expect: [401, 201, 201, 403, 403, 401],
  },
  { route: 'GET /v1/children', request: () => ({ url: '/v1/children' }), expect: [401, 200, 200, 403, 403, 401] },
  {
    route: 'GET /v1/children/:id',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}` }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  {
    route: 'PATCH /v1/children/:id',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}`, body: { displayName: 'Renamed' } }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  // The daily summary's opt-in (issue 14): a guardian's session only; a child's credential 403.
  {
    route: 'GET /v1/children/:id/daily-summary',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/daily-summary` }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  {
    route: 'PUT /v1/children/:id/daily-summary',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/daily-summary`, body: { enabled: true } }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  // A child's own PC reads its own opt-in (no id to name another child's); a grown-up has none.
  { route: 'GET /v1/me/daily-summary', request: () => ({ url: '/v1/me/daily-summary' }), expect: [401, 403, 403, 200, 200, 401] },
  // The games switch (issue 16): read by a guardian or the child's own PC (another child: 404), set by a guardian only.
  {
    route: 'GET /v1/children/:id/games',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/games` }),
    expect: [401, 200, 404, 200, 404, 401],
  },
  {
    route: 'PUT /v1/children/:id/games',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/games`, body: { enabled: false } }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  // The family's export (issue 15 §4): a guardian's session only; a child's credential 403.
  {
    route: 'GET /v1/children/:id/export',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/export` }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  // Time in Hearth per day (issue 14): a guardian of the child, or the child's own credential;
  // another family's grown-up or child is told there is no such child.
  {
    route: 'GET /v1/children/:id/usage',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/usage` }),
    expect: [401, 200, 404, 200, 404, 401],
  },
  {
    route: 'GET /v1/children/:id/usage',
    variant: 'a second child of the same guardian, not the caller',
    request: (w) => ({ url: `/v1/children/${w.a2.childId}/usage` }),
    expect: [401, 200, 404, 404, 404, 401],
  },
  { route: 'GET /v1/consents', request: () => ({ url: '/v1/consents' }), expect: [401, 200, 200, 403, 403, 401] },
  // Re-consent (F15): a grown-up's own review and consent; a child's history for its guardians only.
  {
    route: 'GET /v1/policy-review',
    request: () => ({ url: '/v1/policy-review?lang=es' }),
    expect: [401, 200, 200, 403, 403, 401],
  },
  {
    route: 'POST /v1/policy-review/consent',
    request: () => ({ url: '/v1/policy-review/consent', body: { consent: consentFor(relay.app) } }),
    expect: [401, 200, 200, 403, 403, 401],
  },
  {
    route: 'GET /v1/children/:id/consent-history',
    request: (w) => ({ url: `/v1/children/${w.a.child.childId}/consent-history` }),
    expect: [401, 200, 404, 403, 403, 401],
  },
  {
    route: 'POST /v1/devices',
    request: (w) => ({ url: '/v1/devices', body: DEVICE_BODY(w) }),
    expect: [401, 201, 404, 403, 403, 401],
  },
  { route: 'GET /v1/devices', request: () => ({ url: '/v1/devices' }), expect: [401, 200, 200, 403, 403, 401] },
  { route: 'GET /v1/parent-devices', request: () => ({ url: '/v1/parent-devices' }), expect: [401, 200, 200, 403, 403, 401] },
  {
    route: 'POST /v1/parent-devices',
    request: () => ({ url: '/v1/parent-devices', body: {} }),
    expect: [401, 200, 200, 403, 403, 401],
  },
  {
    route: 'POST /v1/devices/:id/children',
    request: (w) => ({ url: `/v1/devices/${w.a.deviceId}/children`, body: { childId: w.a2.childId } }),
    expect: [401, 201, 404, 403, 403, 401],
  },
  {
    route: 'DELETE /v1/devices/:id',
    request: (w) => ({ url: `/v1/devices/${w.a.deviceId}` }),
    expect: [401, 204, 404, 403, 403, 401],
  },
  {
    route: 'DELETE /v1/devices/:id/children/:childId',
    request: (w) => ({ url: `/v1/devices/${w.a.deviceId}/children/${w.a.child.childId}` }),
    expect: [401, 204, 404, 403, 403, 401],
  },
  {
    // F18: only the PC's own device credential; a grown-up's session is refused, another PC is "no such device".
    route: 'PUT /v1/devices/:id/info',
    request: (w) => ({ url: `/v1/devices/${w.a.deviceId}/info`, body: { info: { ...DEVICE_INFO, osVersion: '6.8' } } }),
    expect: [401, 403, 403, 204, 404, 401],
  },
  {
    // A child's code is always its own: naming another child's id is refused.
    route: 'POST /v1/invites',
    request: (w) => ({ url: '/v1/invites', body: { childId: w.a.child.childId } }),
    expect: [401, 201, 404, 201, 403, 401],
  },
  {
    route: 'POST /v1/invites/redeem',
    request: (w) => ({ url: '/v1/invites/redeem', body: { code: w.inviteOfC.code } }),
    expect: [401, 403, 403, 201, 201, 401],
  },
  { route: 'GET /v1/friendships', request: () => ({ url: '/v1/friendships' }), expect: [401, 200, 200, 200, 200, 401] },
  {
    route: 'GET /v1/friendships',
    variant: "naming family A's child",
    request: (w) => ({ url: `/v1/friendships?childId=${w.a.child.childId}` }),
    expect: [401, 200, 404, 200, 200, 401],
  },
  friendshipAction('block', [401, 200, 404, 200, 404, 401]),
  friendshipAction('confirm', [401, 409, 404, 200, 404, 401]),
  friendshipAction('decline', [401, 200, 404, 200, 404, 401]),
  {
    route: 'POST /v1/signaling/session',
    request: () => ({ url: '/v1/signaling/session' }),
    expect: [401, 201, 201, 201, 201, 401],
  },
  { route: 'GET /v1/ice', request: () => ({ url: '/v1/ice' }), expect: [401, 200, 200, 200, 200, 401] },
  { route: 'GET /v1/signaling/peers', request: () => ({ url: '/v1/signaling/peers' }), expect: [401, 200, 200, 200, 200, 401] },
  {
    route: 'POST /v1/attachments',
    request: () => ({ url: '/v1/attachments', body: PNG }),
    expect: [401, 201, 201, 201, 201, 401],
  },
  {
    // Readable only by the sender or recipient of a message that carries it; here none does.
    route: 'GET /v1/attachments/:hash',
    variant: 'no message carries it',
    request: (w) => ({ url: `/v1/attachments/${w.uploadedHash}` }),
    expect: [401, 404, 404, 404, 404, 401],
  },
  // Quiet hours (issue 14): a guardian's session only; a child's own credential is refused.
  ...QUIET_ROWS,
  // The moderators' admin API (issue 15, F16): no family credential opens it, whoever's (the
  // moderator's own column is in moderation/admin-api.int.test.ts). Sign-in is open to anyone: an
  // empty body is refused as such.
  ...adminRows(),
];

/** Registered routes that this table does not cover, and why. */
const NOT_IN_MATRIX: Readonly<Record<string, string>> = {
  'GET /peerjs': 'WebSocket upgrade, authorized per socket by a signaling token (signaling.int.test.ts)',
  'GET /v1/ws': 'WebSocket upgrade, authorized per socket (realtime tests)',
  ...Object.fromEntries(
    FAMILY_ROUTES.map((r) => [
      r,
      'a family route: its matrix (guardian, other guardian, trusted grown-up…) is family/authorization.int.test.ts',
    ]),
  ),
  ...Object.fromEntries(
    REPORT_ROUTES.map((r) => [
      r,
      'a report route: its matrix (reporting child, guardian, trusted grown-up, the other family) is reports/authorization.int.test.ts',
    ]),
  ),
};

/** `/admin/v1`: every family caller is nobody there (401), a moderator's token only opens it. */
function adminRows(): Row[] {
  const nobody = [401, 401, 401, 401, 401, 401] as const;
  const id = '01J00000000000000000000000';
  return [
    { route: 'POST /admin/v1/sessions', request: () => ({ url: '/admin/v1/sessions' }), expect: [400, 400, 400, 400, 400, 400] },
    { route: 'DELETE /admin/v1/sessions/current', request: () => ({ url: '/admin/v1/sessions/current' }), expect: nobody },
    { route: 'GET /admin/v1/reports', request: () => ({ url: '/admin/v1/reports' }), expect: nobody },
    { route: 'GET /admin/v1/reports/:id', request: () => ({ url: `/admin/v1/reports/${id}` }), expect: nobody },
    { route: 'POST /admin/v1/reports/:id/close', request: () => ({ url: `/admin/v1/reports/${id}/close` }), expect: nobody },
    {
      route: 'PUT /admin/v1/reports/:id/legal-hold',
      request: () => ({ url: `/admin/v1/reports/${id}/legal-hold`, body: { hold: true } }),
      expect: nobody,
    },
    {
      route: 'POST /admin/v1/accounts/:id/suspension',
      request: (w) => ({ url: `/admin/v1/accounts/${w.b.child.childId}/suspension`, body: { category: 'other', reason: 'x' } }),
      expect: nobody,
    },
    {
      route: 'POST /admin/v1/accounts/:id/suspension/lift',
      request: (w) => ({ url: `/admin/v1/accounts/${w.b.child.childId}/suspension/lift` }),
      expect: nobody,
    },
    {
      route: 'POST /admin/v1/accounts/:id/close',
      request: (w) => ({ url: `/admin/v1/accounts/${w.b.child.childId}/close`, body: { reason: 'x' } }),
      expect: nobody,
    },
    {
      route: 'POST /admin/v1/email-bans',
      request: (w) => ({ url: '/admin/v1/email-bans', body: { email: w.b.parent.email, reason: 'x' } }),
      expect: nobody,
    },
    {
      route: 'POST /admin/v1/email-bans/lift',
      request: (w) => ({ url: '/admin/v1/email-bans/lift', body: { email: w.b.parent.email } }),
      expect: nobody,
    },
    { route: 'GET /admin/v1/audit', request: () => ({ url: '/admin/v1/audit' }), expect: nobody },
    {
      route: 'GET /admin/v1/reports/:id/files/:hash',
      request: () => ({ url: `/admin/v1/reports/${id}/files/${'ab'.repeat(32)}` }),
      expect: nobody,
    },
  ];
}

/** The stable code each refusal status must carry. */
const CODE_FOR: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_TRANSITION',
};

const CELLS = MATRIX.flatMap((row) =>
  CALLERS.map((who, i) => ({
    name: `${row.route}${row.variant ? ` (${row.variant})` : ''}`,
    who,
    status: row.expect[i] as number,
    row,
  })),
);

describe('authorization matrix', () => {
  it.each(CELLS)('$name as $who → $status', async ({ who, status, row }) => {
    const world = await buildWorld();
    const { url, body } = row.request(world);
    const method = row.route.split(' ')[0] as Method;
    const res = await send(tokenOf(world, who), method, url, body ?? (method === 'POST' ? {} : undefined));
    expect(res.statusCode, res.body).toBe(status);
    if (CODE_FOR[status]) expect((res.json() as { error?: { code: string } }).error?.code).toBe(CODE_FOR[status]);
  });
});

/** `METHOD /path` for every route the app registered, read from Fastify's route tree. */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] as string).length / 4;
    stack.length = depth;
    stack.push(m[2] as string);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('authorization matrix coverage', () => {
  it('has a row for every route the relay registers, and no row for a route that does not exist', () => {
    const registered = registeredRoutes(relay.app.printRoutes({ commonPrefix: false }))
      // HEAD is Fastify's automatic twin of each GET: same handler, same hooks.
      .filter((r) => !r.startsWith('HEAD '));
    expect(registered).toContain('POST /v1/friendships/:id/actions');
    const inTable = new Set(MATRIX.map((r) => r.route));
    const missing = registered.filter((r) => !inTable.has(r as Row['route']) && !(r in NOT_IN_MATRIX));
    expect(missing, 'add a row for each of these routes to MATRIX (or to NOT_IN_MATRIX, saying why)').toEqual([]);
    const stale = [...inTable, ...Object.keys(NOT_IN_MATRIX)].filter((r) => !registered.includes(r));
    expect(stale, 'these rows name routes the relay no longer has').toEqual([]);
  });
});
