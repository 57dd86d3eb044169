import { describe, expect, it } from 'vitest';
import {
  act,
  consentFor,
  createFamily,
  registerParent,
  relayForFile,
  requestFriendship,
  type TestFamily,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp, inviteGrownUp, redeemGrownUpInvite } from '../../test/family-helpers';
import { DEVICE_INFO, PASSWORD } from '../../test/helpers';
import { FAMILY_ROUTES } from './route-list';

/**
 * The authorization matrix of the family routes (issue 12): every route, every kind of caller a
 * family has, the expected status and code, one test per cell. Family A's child A1 has two
 * guardians (A's parent, who made the child, and a second guardian) and a trusted grown-up;
 * family B is another family. Each cell builds its own world.
 */

let relay: TestRelay;
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const CALLERS = ['anonymous', 'guardian', 'otherGuardian', 'trusted', 'otherFamily', 'child'] as const;
type Who = (typeof CALLERS)[number];

type World = Readonly<{
  a: TestFamily;
  second: TestParent;
  trusted: TestParent;
  b: TestFamily;
  /** An invitation by A's parent for A1, not yet typed in. */
  waitingCode: string;
  /** An invitation by A's parent for A1 that a fresh grown-up typed in: waiting for confirmation. */
  redeemedInviteId: string;
  /** A friend request from A1 to B's child. */
  friendshipId: string;
}>;

async function buildWorld(): Promise<World> {
  const { app } = relay;
  const a = await createFamily(app);
  const b = await createFamily(app);
  const second = await addGrownUp(app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Alex' });
  const trusted = await addGrownUp(app, a.parent.token, 'trusted', [a.child.childId], { avatar: 'owl' });
  const waitingCode = (await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId])).code;
  const pending = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId]);
  await redeemGrownUpInvite(app, (await registerParent(app)).token, pending.code);
  const friendshipId = await requestFriendship(app, a, b);
  return { a, second, trusted, b, waitingCode, redeemedInviteId: pending.invite.inviteId, friendshipId };
}

function tokenOf(w: World, who: Who): string | undefined {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'guardian':
      return w.a.parent.token;
    case 'otherGuardian':
      return w.second.token;
    case 'trusted':
      return w.trusted.token;
    case 'otherFamily':
      return w.b.parent.token;
    case 'child':
      return w.a.childToken;
    default: {
      const never: never = who;
      throw new Error(`unknown caller ${String(never)}`);
    }
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Cell = number | readonly [number, string];
type Row = Readonly<{
  route: `${Method} /${string}`;
  variant?: string;
  request: (w: World) => Readonly<{ url: string; body?: unknown }>;
  /** anonymous, guardian, otherGuardian, trusted, otherFamily, child: a status, or a status and its code. */
  expect: readonly [Cell, Cell, Cell, Cell, Cell, Cell];
}>;

const CODE_FOR: Readonly<Record<number, string>> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
const child = (w: World): string => w.a.child.childId;

const MATRIX: readonly Row[] = [
  {
    route: 'POST /v1/grown-up-invites',
    request: (w) => ({ url: '/v1/grown-up-invites', body: { role: 'trusted', childIds: [child(w)] } }),
    expect: [401, 201, 201, 404, 404, 403],
  },
  { route: 'GET /v1/grown-up-invites', request: () => ({ url: '/v1/grown-up-invites' }), expect: [401, 200, 200, 200, 200, 403] },
  {
    // Its maker cannot type it in; grown-ups of the child already cannot either; anyone else signed in can.
    route: 'POST /v1/grown-up-invites/redeem',
    request: (w) => ({ url: '/v1/grown-up-invites/redeem', body: { code: w.waitingCode } }),
    expect: [401, [400, 'INVITE_OWN'], [409, 'CONFLICT'], [409, 'CONFLICT'], 201, 403],
  },
  {
    route: 'POST /v1/grown-up-invites/:id/confirm',
    request: (w) => ({ url: `/v1/grown-up-invites/${w.redeemedInviteId}/confirm`, body: {} }),
    expect: [401, 200, 403, 404, 404, 403],
  },
  {
    route: 'POST /v1/grown-up-invites/:id/decline',
    request: (w) => ({ url: `/v1/grown-up-invites/${w.redeemedInviteId}/decline`, body: {} }),
    expect: [401, 200, 403, 404, 404, 403],
  },
  {
    route: 'DELETE /v1/grown-up-invites/:id',
    request: (w) => ({ url: `/v1/grown-up-invites/${w.redeemedInviteId}` }),
    expect: [401, 204, 204, 404, 404, 403],
  },
  {
    route: 'GET /v1/children/:id/grown-ups',
    request: (w) => ({ url: `/v1/children/${child(w)}/grown-ups` }),
    expect: [401, 200, 200, 404, 404, 403],
  },
  {
    // The second guardian may leave; the first may remove them.
    route: 'DELETE /v1/children/:id/guardians/:parentId',
    request: (w) => ({ url: `/v1/children/${child(w)}/guardians/${w.second.parentId}` }),
    expect: [401, 204, 204, 404, 404, 403],
  },
  {
    route: 'DELETE /v1/children/:id/guardians/:parentId',
    variant: 'a trusted grown-up is no guardian',
    request: (w) => ({ url: `/v1/children/${child(w)}/guardians/${w.trusted.parentId}` }),
    expect: [401, 404, 404, 404, 404, 403],
  },
  {
    // The trusted grown-up may leave too.
    route: 'DELETE /v1/children/:id/trusted/:parentId',
    request: (w) => ({ url: `/v1/children/${child(w)}/trusted/${w.trusted.parentId}` }),
    expect: [401, 204, 204, 204, 404, 403],
  },
  {
    route: 'PATCH /v1/children/:id/trusted/:parentId',
    request: (w) => ({ url: `/v1/children/${child(w)}/trusted/${w.trusted.parentId}`, body: { avatar: 'bear' } }),
    expect: [401, 200, 200, 404, 404, 403],
  },
  {
    route: 'POST /v1/children/:id/consents',
    request: (w) => ({ url: `/v1/children/${child(w)}/consents`, body: { consent: consentFor(relay.app) } }),
    expect: [401, 201, 201, 404, 404, 403],
  },
  {
    route: 'DELETE /v1/children/:id/consents/mine',
    request: (w) => ({ url: `/v1/children/${child(w)}/consents/mine` }),
    expect: [401, 204, 204, 404, 404, 403],
  },
  {
    // Every test grown-up has the same password, so each caller types their own (issue 15 §3).
    route: 'DELETE /v1/children/:id',
    request: (w) => ({ url: `/v1/children/${child(w)}`, body: { password: PASSWORD } }),
    expect: [401, 204, 204, 404, 404, 403],
  },
  {
    route: 'DELETE /v1/children/:id',
    variant: 'a wrong password',
    request: (w) => ({ url: `/v1/children/${child(w)}`, body: { password: 'not my password' } }),
    expect: [401, [401, 'WRONG_PASSWORD'], [401, 'WRONG_PASSWORD'], 404, 404, 403],
  },
  {
    route: 'DELETE /v1/children/:id',
    variant: 'no password (the body is checked first: it says nothing about the child)',
    request: (w) => ({ url: `/v1/children/${child(w)}` }),
    expect: [400, 400, 400, 400, 400, 400],
  },
  { route: 'GET /v1/notices', request: () => ({ url: '/v1/notices?limit=5' }), expect: [401, 200, 200, 200, 200, 403] },
  {
    // One's own grown-up account (issue 15 §3): any grown-up, a trusted one too, with their own password; never a child's credential.
    route: 'DELETE /v1/me',
    request: () => ({ url: '/v1/me', body: { password: PASSWORD } }),
    expect: [401, 204, 204, 204, 204, 403],
  },
  {
    route: 'DELETE /v1/me',
    variant: 'a wrong password',
    request: () => ({ url: '/v1/me', body: { password: 'not my password' } }),
    expect: [401, [401, 'WRONG_PASSWORD'], [401, 'WRONG_PASSWORD'], [401, 'WRONG_PASSWORD'], [401, 'WRONG_PASSWORD'], 403],
  },
  {
    route: 'DELETE /v1/me',
    variant: 'no password',
    request: () => ({ url: '/v1/me' }),
    expect: [400, 400, 400, 400, 400, 400],
  },
  // Routes from before issue 12, with the callers only families have: every guardian is a parent of the child, a trusted grown-up is not.
  {
    route: 'GET /v1/children/:id',
    request: (w) => ({ url: `/v1/children/${child(w)}` }),
    expect: [401, 200, 200, 404, 404, 403],
  },
  {
    // The family's export (issue 15 §4): every guardian; a trusted grown-up, another family and the child never.
    route: 'GET /v1/children/:id/export',
    request: (w) => ({ url: `/v1/children/${child(w)}/export` }),
    expect: [401, 200, 200, 404, 404, 403],
  },
  {
    route: 'POST /v1/devices',
    request: (w) => ({ url: '/v1/devices', body: { name: 'PC', info: DEVICE_INFO, childIds: [child(w)] } }),
    expect: [401, 201, 201, 404, 404, 403],
  },
  {
    route: 'GET /v1/friendships',
    variant: "naming family A's child",
    request: (w) => ({ url: `/v1/friendships?childId=${child(w)}` }),
    expect: [401, 200, 200, 404, 404, 200],
  },
  {
    // B's child confirmed by redeeming; A1 has not confirmed yet, so a guardian's approval is premature, not refused.
    route: 'POST /v1/friendships/:id/actions',
    variant: 'block',
    request: (w) => ({ url: `/v1/friendships/${w.friendshipId}/actions`, body: { action: 'block' } }),
    expect: [401, 200, 200, 404, 200, 200],
  },
  {
    route: 'POST /v1/invites',
    request: (w) => ({ url: '/v1/invites', body: { childId: child(w) } }),
    expect: [401, 201, 201, 404, 404, 201],
  },
];

const CELLS = MATRIX.flatMap((row) =>
  CALLERS.map((who, i) => ({
    name: `${row.route}${row.variant ? ` (${row.variant})` : ''}`,
    who,
    cell: row.expect[i] as Cell,
    row,
  })),
);

async function send(token: string | undefined, method: Method, url: string, body: unknown) {
  return relay.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

describe('family authorization matrix', () => {
  it.each(CELLS)('$name as $who → $cell', async ({ who, cell, row }) => {
    const world = await buildWorld();
    const { url, body } = row.request(world);
    const method = row.route.split(' ')[0] as Method;
    const res = await send(tokenOf(world, who), method, url, body ?? (method === 'POST' ? {} : undefined));
    const [status, code] = typeof cell === 'number' ? [cell, CODE_FOR[cell]] : cell;
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect((res.json() as { error?: { code: string } }).error?.code).toBe(code);
  });

  it('approves with any guardian, and never with a trusted grown-up', async () => {
    const w = await buildWorld();
    const { app } = relay;
    expect((await act(app, w.a.childToken, w.friendshipId, 'confirm')).status).toBe(200);
    expect((await act(app, w.trusted.token, w.friendshipId, 'approve')).status).toBe(404);
    expect((await act(app, w.second.token, w.friendshipId, 'approve')).body.myParentApproved).toBe(true);
    const view = (await act(app, w.b.parent.token, w.friendshipId, 'approve')).body;
    expect(view.status).toBe('active');
  });

  it("deletes only the caller's own account: another family's grown-up deleting theirs leaves family A whole", async () => {
    const w = await buildWorld();
    const me = (token: string) => send(token, 'GET', '/v1/me', undefined);
    expect((await send(w.b.parent.token, 'DELETE', '/v1/me', { password: PASSWORD })).statusCode).toBe(204);
    expect((await me(w.b.parent.token)).statusCode).toBe(401);
    for (const token of [w.a.parent.token, w.second.token, w.trusted.token, w.a.childToken]) {
      expect((await me(token)).statusCode).toBe(200);
    }
  });

  it('has a row for every family route', () => {
    const inTable = new Set(MATRIX.map((r) => r.route));
    expect(FAMILY_ROUTES.filter((r) => !inTable.has(r))).toEqual([]);
  });
});
