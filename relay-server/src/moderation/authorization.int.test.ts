import { describe, expect, it } from 'vitest';
import { APP_VERSION, APP_VERSION_HEADER, type ModeratorSessionGrant } from '@hearth/common';
import { addGrownUp } from '../../test/family-helpers';
import { seedForwardedReport } from '../../test/forwarded-report';
import { api, befriend, createFamily, expectStatus, relayForFile, type TestParent, type TestRelay } from '../../test/helpers';
import { listenForWs } from '../../test/ws-client';
import { createModerator } from './moderators';

/**
 * The admin API's authorization matrix (issue 15, F16): every `/admin/v1` route, for a moderator,
 * a guardian, a trusted grown-up, a child's device credential and nobody. Only a moderator's token
 * opens it; the family callers' columns are also in `src/authorization.int.test.ts`, whose coverage
 * test fails for a registered route without a row.
 */
let relay: TestRelay;
let url: string | undefined;
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const CALLERS = ['moderator', 'guardian', 'trusted', 'child', 'anonymous'] as const;
type Who = (typeof CALLERS)[number];
type World = Readonly<{
  tokens: Record<Who, string | undefined>;
  childId: string;
  parent: TestParent;
  reportId: string;
  fileHash: string;
  fileBytes: Buffer;
}>;

let made = 0;
async function buildWorld(): Promise<World> {
  const { app } = relay;
  const a = await createFamily(app);
  const trusted = await addGrownUp(app, a.parent.token, 'trusted', [a.child.childId], { avatar: 'owl' });
  const email = `mod${++made}-${Date.now()}@example.test`;
  await createModerator(app.relay, { email, displayName: 'Mo', password: 'moderator password' });
  const mod = expectStatus(
    await api<ModeratorSessionGrant>(app, 'POST', '/admin/v1/sessions', { body: { email, password: 'moderator password' } }),
    201,
  );
  // A report forwarded through the real flow: B's child writes to A's, A's child reports, A's guardian forwards.
  const b = await createFamily(app);
  await befriend(app, a, b);
  url ??= await listenForWs(app);
  const seeded = await seedForwardedReport(app, url, a, b);
  return {
    tokens: { moderator: mod.token, guardian: a.parent.token, trusted: trusted.token, child: a.childToken, anonymous: undefined },
    childId: a.child.childId,
    parent: a.parent,
    reportId: seeded.reportId,
    fileHash: seeded.file.hash,
    fileBytes: seeded.file.bytes,
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Row = Readonly<{
  route: `${Method} /admin/v1/${string}`;
  request: (w: World) => Readonly<{ url: string; body?: unknown }>;
  /** moderator, guardian, trusted, child, anonymous. */
  expect: readonly [number, number, number, number, number];
}>;

const NOBODY_ELSE = [401, 401, 401, 401] as const;
const MATRIX: readonly Row[] = [
  { route: 'GET /admin/v1/audit', request: () => ({ url: '/admin/v1/audit' }), expect: [200, ...NOBODY_ELSE] },
  { route: 'GET /admin/v1/reports', request: () => ({ url: '/admin/v1/reports' }), expect: [200, ...NOBODY_ELSE] },
  {
    route: 'GET /admin/v1/reports/:id',
    request: (w) => ({ url: `/admin/v1/reports/${w.reportId}` }),
    expect: [200, ...NOBODY_ELSE],
  },
  {
    route: 'GET /admin/v1/reports/:id/files/:hash',
    request: (w) => ({ url: `/admin/v1/reports/${w.reportId}/files/${w.fileHash}` }),
    expect: [200, ...NOBODY_ELSE],
  },
  {
    route: 'PUT /admin/v1/reports/:id/legal-hold',
    request: (w) => ({ url: `/admin/v1/reports/${w.reportId}/legal-hold`, body: { hold: true } }),
    expect: [204, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/reports/:id/close',
    request: (w) => ({ url: `/admin/v1/reports/${w.reportId}/close`, body: {} }),
    expect: [204, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/accounts/:id/suspension',
    request: (w) => ({ url: `/admin/v1/accounts/${w.childId}/suspension`, body: { category: 'other', reason: 'x' } }),
    expect: [204, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/accounts/:id/suspension/lift',
    request: (w) => ({ url: `/admin/v1/accounts/${w.childId}/suspension/lift`, body: {} }),
    expect: [404, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/accounts/:id/close',
    request: (w) => ({ url: `/admin/v1/accounts/${w.childId}/close`, body: { reason: 'x' } }),
    expect: [204, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/email-bans',
    request: () => ({ url: '/admin/v1/email-bans', body: { email: `b${Date.now()}@example.test`, reason: 'x' } }),
    expect: [201, ...NOBODY_ELSE],
  },
  {
    route: 'POST /admin/v1/email-bans/lift',
    request: () => ({ url: '/admin/v1/email-bans/lift', body: { email: 'never-banned@example.test' } }),
    expect: [404, ...NOBODY_ELSE],
  },
  {
    route: 'DELETE /admin/v1/sessions/current',
    request: () => ({ url: '/admin/v1/sessions/current' }),
    expect: [204, ...NOBODY_ELSE],
  },
  {
    // Open to anyone; a family's email and password are no moderator's.
    route: 'POST /admin/v1/sessions',
    request: (w) => ({ url: '/admin/v1/sessions', body: { email: w.parent.email, password: w.parent.password } }),
    expect: [401, 401, 401, 401, 401],
  },
];

const CELLS = MATRIX.flatMap((row) => CALLERS.map((who, i) => ({ name: row.route, who, status: row.expect[i] as number, row })));

describe('admin API authorization matrix', () => {
  it.each(CELLS)('$name as $who → $status', async ({ who, status, row }) => {
    const world = await buildWorld();
    const { url, body } = row.request(world);
    const method = row.route.split(' ')[0] as Method;
    const token = world.tokens[who];
    const res = await relay.app.inject({
      method,
      url,
      headers: { [APP_VERSION_HEADER]: APP_VERSION, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const json = String(res.headers['content-type']).startsWith('application/json');
    const answer = (json ? res.json() : undefined) as { error?: { code: string } } | undefined;
    expect(res.statusCode, res.body.slice(0, 200)).toBe(status);
    if (status === 401 && row.route !== 'POST /admin/v1/sessions') expect(answer?.error?.code).toBe('UNAUTHENTICATED');
    // The moderator reads the very bytes the reporting PC uploaded.
    if (status === 200 && row.route.endsWith('/files/:hash')) expect(res.rawPayload.equals(world.fileBytes)).toBe(true);
  });
});
