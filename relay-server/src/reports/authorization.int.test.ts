import { describe, expect, it } from 'vitest';
import { APP_VERSION, APP_VERSION_HEADER } from '@hearth/common';
import type { ModeratorSessionGrant } from '@hearth/common';
import {
  api,
  befriend,
  createFamily,
  expectStatus,
  relayForFile,
  type TestFamily,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { jpeg, putFile, report, sha256, submission } from '../../test/report-helpers';
import { REPORT_ROUTES } from './route-list';
import { createModerator } from '../moderation/moderators';

/**
 * The authorization matrix of the report routes (issue 15): every route, every caller, one test
 * per cell. A's child A1 reported B's child B1 (a friend) with one file; A1 has a trusted
 * grown-up. B's guardian is the reported child's guardian. A moderator (F16) reads forwarded
 * reports only on `/admin/v1`: their token opens none of these routes. Each cell builds its own world.
 */
let relay: TestRelay;
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const CALLERS = ['anonymous', 'guardian', 'trusted', 'otherFamily', 'reportingChild', 'otherChild', 'moderator'] as const;
type Who = (typeof CALLERS)[number];

type World = Readonly<{
  a: TestFamily;
  b: TestFamily;
  trusted: TestParent;
  moderator: string;
  reportId: string;
  hash: string;
  file: Buffer;
}>;

let moderators = 0;

async function buildWorld(options: Readonly<{ shared?: boolean; uploaded?: boolean }> = {}): Promise<World> {
  const { app } = relay;
  const a = await createFamily(app);
  const b = await createFamily(app);
  await befriend(app, a, b);
  const trusted = await addGrownUp(app, a.parent.token, 'trusted', [a.child.childId]);
  const file = jpeg(5);
  const body = submission(app, a.child.childId, b.child.childId, { file });
  expectStatus(await report(app, a.childToken, body), 201);
  if (options.uploaded !== false) expect((await putFile(app, a.childToken, body.reportId, sha256(file), file)).status).toBe(204);
  if (options.shared) {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/reports/${body.reportId}/share`,
      headers: { authorization: `Bearer ${a.parent.token}` },
      payload: {},
    });
    expect(res.statusCode).toBe(204);
  }
  const email = `mod${++moderators}@example.test`;
  await createModerator(app.relay, { email, displayName: 'Mo', password: 'moderator password' });
  const grant = await api<ModeratorSessionGrant>(app, 'POST', '/admin/v1/sessions', {
    body: { email, password: 'moderator password' },
  });
  const moderator = expectStatus(grant, 201).token;
  return { a, b, trusted, moderator, reportId: body.reportId, hash: sha256(file), file };
}

function tokenOf(w: World, who: Who): string | undefined {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'guardian':
      return w.a.parent.token;
    case 'trusted':
      return w.trusted.token;
    case 'otherFamily':
      return w.b.parent.token;
    case 'reportingChild':
      return w.a.childToken;
    case 'otherChild':
      return w.b.childToken;
    case 'moderator':
      return w.moderator;
    default: {
      const never: never = who;
      throw new Error(`unknown caller ${String(never)}`);
    }
  }
}

type Method = 'GET' | 'POST' | 'PUT';
type Cell = number | readonly [number, string];
type Row = Readonly<{
  route: `${Method} /${string}`;
  variant?: string;
  world?: Parameters<typeof buildWorld>[0];
  request: (w: World) => Readonly<{ url: string; body?: unknown; mime?: string }>;
  /** anonymous, guardian, trusted, otherFamily, reportingChild, otherChild. */
  expect: readonly [Cell, Cell, Cell, Cell, Cell, Cell];
}>;

const CODE_FOR: Readonly<Record<number, string>> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
const GUARDIAN_ONLY = [401, 200, 404, 404, 403, 403] as const;
const GUARDIAN_ACTS = [401, 204, 404, 404, 403, 403] as const;

const MATRIX: readonly Row[] = [
  {
    // A1's report about B1; B1 sending it would be a report about itself, with messages not its own.
    route: 'POST /v1/reports',
    request: (w) => ({ url: '/v1/reports', body: submission(relay.app, w.a.child.childId, w.b.child.childId) }),
    expect: [401, 403, 403, 403, 201, [400, 'VALIDATION_FAILED']],
  },
  {
    route: 'POST /v1/reports',
    variant: "B1's report about A1 (friends: each may report the other)",
    request: (w) => ({ url: '/v1/reports', body: submission(relay.app, w.b.child.childId, w.a.child.childId) }),
    expect: [401, 403, 403, 403, [400, 'VALIDATION_FAILED'], 201],
  },
  {
    route: 'PUT /v1/reports/:id/files/:hash',
    world: { uploaded: false },
    request: (w) => ({ url: `/v1/reports/${w.reportId}/files/${w.hash}`, body: w.file, mime: 'image/jpeg' }),
    expect: [401, 403, 403, 403, 204, 404],
  },
  { route: 'GET /v1/reports', request: () => ({ url: '/v1/reports' }), expect: [401, 200, 200, 200, 403, 403] },
  {
    route: 'GET /v1/reports',
    variant: "naming A's child",
    request: (w) => ({ url: `/v1/reports?childId=${w.a.child.childId}` }),
    expect: GUARDIAN_ONLY,
  },
  { route: 'GET /v1/reports/:id', request: (w) => ({ url: `/v1/reports/${w.reportId}` }), expect: GUARDIAN_ONLY },
  {
    route: 'GET /v1/reports/:id/files/:hash',
    request: (w) => ({ url: `/v1/reports/${w.reportId}/files/${w.hash}` }),
    expect: GUARDIAN_ONLY,
  },
  {
    route: 'POST /v1/reports/:id/unblock',
    request: (w) => ({ url: `/v1/reports/${w.reportId}/unblock` }),
    expect: GUARDIAN_ACTS,
  },
  {
    route: 'POST /v1/reports/:id/forward',
    request: (w) => ({ url: `/v1/reports/${w.reportId}/forward`, body: { note: 'look' } }),
    expect: GUARDIAN_ACTS,
  },
  { route: 'POST /v1/reports/:id/share', request: (w) => ({ url: `/v1/reports/${w.reportId}/share` }), expect: GUARDIAN_ACTS },
  { route: 'GET /v1/shared-reports', request: () => ({ url: '/v1/shared-reports' }), expect: [401, 200, 200, 200, 403, 403] },
  {
    // Only the reported child's guardians, and only once it was shared.
    route: 'GET /v1/shared-reports/:id/files/:hash',
    world: { shared: true },
    request: (w) => ({ url: `/v1/shared-reports/${w.reportId}/files/${w.hash}` }),
    expect: [401, 404, 404, 200, 403, 403],
  },
  {
    route: 'GET /v1/shared-reports/:id/files/:hash',
    variant: 'not shared',
    request: (w) => ({ url: `/v1/shared-reports/${w.reportId}/files/${w.hash}` }),
    expect: [401, 404, 404, 404, 403, 403],
  },
];

const CELLS = MATRIX.flatMap((row) =>
  CALLERS.map((who, i) => ({
    name: `${row.route}${row.variant ? ` (${row.variant})` : ''}`,
    who,
    // A moderator's token is not a family's: 401 on every family route.
    cell: who === 'moderator' ? 401 : (row.expect[i] as Cell),
    row,
  })),
);

describe('reports authorization matrix', () => {
  it.each(CELLS)('$name as $who → $cell', async ({ who, cell, row }) => {
    const world = await buildWorld(row.world);
    const { url, body, mime } = row.request(world);
    const method = row.route.split(' ')[0] as Method;
    const token = tokenOf(world, who);
    const res = await relay.app.inject({
      method,
      url,
      headers: {
        [APP_VERSION_HEADER]: APP_VERSION,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(mime ? { 'content-type': mime } : {}),
      },
      ...(body !== undefined ? { payload: body as object } : method === 'POST' ? { payload: {} } : {}),
    });
    const [status, code] = typeof cell === 'number' ? [cell, CODE_FOR[cell]] : cell;
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect((res.json() as { error?: { code: string } }).error?.code).toBe(code);
  });

  it('has a row for every report route', () => {
    const inTable = new Set(MATRIX.map((r) => r.route));
    expect(REPORT_ROUTES.filter((r) => !inTable.has(r))).toEqual([]);
  });
});
