import { describe, expect, it } from 'vitest';
import type { ModeratorSessionGrant } from '@hearth/common';
import { addGrownUp } from '../../test/family-helpers';
import { api, createFamily, expectStatus, relayForFile, type TestParent, type TestRelay } from '../../test/helpers';
import { createModerator } from './moderators';
import { placeholderForwardReport } from '../reports/moderator-read';

/**
 * The admin API's authorization matrix (issue 15, F16): every `/admin/v1` route, for a moderator,
 * a guardian, a trusted grown-up, a child's device credential and nobody. Only a moderator's token
 * opens it; the family callers' columns are also in `src/authorization.int.test.ts`, whose coverage
 * test fails for a registered route without a row.
 */
let relay: TestRelay;
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const CALLERS = ['moderator', 'guardian', 'trusted', 'child', 'anonymous'] as const;
type Who = (typeof CALLERS)[number];
type World = Readonly<{ tokens: Record<Who, string | undefined>; childId: string; parent: TestParent; reportId: string }>;

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
  const reportId = `01J0000000000000000000R${String(made).padStart(3, '0')}`;
  placeholderForwardReport({
    reportId,
    reporterId: a.child.childId,
    reporterName: 'A',
    about: { accountId: a.child.childId, displayName: 'A', kind: 'child' },
    reason: 'mean-words',
    place: 'message',
    madeAt: 1,
    forwardedAt: 2,
    forwardedAutomatically: false,
    guardianNote: null,
    closedAt: null,
    legalHold: false,
    messages: [],
    calls: [],
    files: [],
  });
  return {
    tokens: { moderator: mod.token, guardian: a.parent.token, trusted: trusted.token, child: a.childToken, anonymous: undefined },
    childId: a.child.childId,
    parent: a.parent,
    reportId,
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
    const res = await api<{ error?: { code: string } }>(relay.app, method, url, {
      ...(token ? { token } : {}),
      ...(body !== undefined ? { body } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 401 && row.route !== 'POST /admin/v1/sessions') expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });
});
