import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FRIENDSHIP_ACTIONS,
  INVITE_ALPHABET,
  applyFriendshipAction,
  friendshipStatusFor,
  isActive,
  newFriendRequest,
  renewFriendRequest,
  resolveActor,
  type Caller,
  type FriendshipAction,
  type FriendshipView,
  type Invite,
  type Pair,
  type Side,
} from '@hearth/common';
import {
  act,
  api,
  befriend,
  createChild,
  createFamily,
  expectStatus,
  makeInvite,
  redeem,
  registerParent,
  requestFriendship,
  type TestFamily,
  twoChildrenOnOnePc,
  relayForFile,
  type TestRelay,
} from '../../test/helpers';
import type { RelayApp } from '../app';
import { areActiveFriends } from './service';

let relay: TestRelay;
relayForFile((r) => (relay = r));

/** The caller's views, friend requests included, without the family links. */
async function friendsOf(token: string, app: RelayApp = relay.app): Promise<FriendshipView[]> {
  const res = await api<{ friendships: FriendshipView[] }>(app, 'GET', '/v1/friendships', { token });
  return expectStatus(res, 200).friendships.filter((f) => f.kind === 'friend');
}

async function viewOf(token: string, friendshipId: string, app: RelayApp = relay.app): Promise<FriendshipView | undefined> {
  return (await friendsOf(token, app)).find((f) => f.friendshipId === friendshipId);
}

const active = (x: TestFamily, y: TestFamily): Promise<boolean> =>
  areActiveFriends(relay.app.relay, x.child.childId, y.child.childId);

/** Two new families, and a friend request from a's child to b's. */
async function friendRequest(): Promise<Readonly<{ a: TestFamily; b: TestFamily; id: string }>> {
  const a = await createFamily(relay.app);
  const b = await createFamily(relay.app);
  return { a, b, id: await requestFriendship(relay.app, a, b) };
}

describe('the friendship handshake', () => {
  it('shows each child the other’s picture beside the name, a new picture at the next look, and none once it is over', async () => {
    const a = await createFamily(relay.app, { avatar: 'fox' });
    const b = await createFamily(relay.app, { avatar: 'panda' });
    const redeemed = await redeem(relay.app, b.childToken, (await makeInvite(relay.app, a.childToken)).code);
    expect(redeemed.me).toMatchObject({ accountId: b.child.childId, avatar: 'panda' });
    expect(redeemed.friend).toMatchObject({ accountId: a.child.childId, avatar: 'fox' });
    expectStatus(
      await api(relay.app, 'PATCH', `/v1/children/${a.child.childId}`, { token: a.parent.token, body: { avatar: 'owl' } }),
      200,
    );
    expect((await viewOf(b.childToken, redeemed.friendshipId))?.friend.avatar).toBe('owl');
    // A grown-up has no picture: the family link shows the parent without one.
    // Blocked by B: B (the blocker) no longer sees A's picture; A sees nothing change.
    expectStatus(await act(relay.app, b.childToken, redeemed.friendshipId, 'block'), 200);
    expect((await viewOf(b.childToken, redeemed.friendshipId))?.friend.avatar).toBeNull();
    expect((await viewOf(a.childToken, redeemed.friendshipId))?.friend.avatar).toBe('panda');
    // Removed: neither side sees the other's picture any more.
    const c = await createFamily(relay.app, { avatar: 'cat' });
    const withC = await redeem(relay.app, c.childToken, (await makeInvite(relay.app, a.childToken)).code);
    expect(withC.friend.avatar).toBe('owl');
    expectStatus(await act(relay.app, c.childToken, withC.friendshipId, 'decline'), 200);
    expect((await viewOf(c.childToken, withC.friendshipId))?.friend.avatar).toBeNull();
    expect((await viewOf(a.childToken, withC.friendshipId))?.friend.avatar).toBeNull();
    const all = await api<{ friendships: FriendshipView[] }>(relay.app, 'GET', '/v1/friendships', { token: a.childToken });
    const family = expectStatus(all, 200).friendships.find((f) => f.kind === 'family');
    expect(family?.friend).toMatchObject({ kind: 'parent', avatar: null });
  });

  it('goes code → redeem → both kids confirm → both parents approve → active, and not one step earlier', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);

    const invite = await makeInvite(relay.app, a.childToken);
    expect(invite.childId).toBe(a.child.childId);
    expect(invite.code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{4}-[${INVITE_ALPHABET}]{4}$`));
    expect(invite.expiresAt).toBe(relay.clock.now() + 24 * 60 * 60 * 1000);

    const redeemed = await redeem(relay.app, b.childToken, invite.code);
    expect(redeemed).toMatchObject({
      kind: 'friend',
      status: 'requested',
      me: { accountId: b.child.childId, kind: 'child' },
      friend: { accountId: a.child.childId, kind: 'child', parentDisplayName: 'Sam' },
      myKidConfirmed: true,
      friendKidConfirmed: false,
    });
    const id = redeemed.friendshipId;
    expect(await active(a, b)).toBe(false);

    // A's side sees the request and confirms.
    expect(await viewOf(a.childToken, id)).toMatchObject({
      status: 'requested',
      myKidConfirmed: false,
      friendKidConfirmed: true,
    });
    expect(expectStatus(await act(relay.app, a.childToken, id, 'confirm'), 200).status).toBe('accepted-by-kid');
    expect(await active(a, b)).toBe(false);

    // Each parent sees it among their child's friendships and approves for their own child.
    expect(await viewOf(a.parent.token, id)).toMatchObject({ me: { accountId: a.child.childId }, status: 'accepted-by-kid' });
    const afterA = expectStatus(await act(relay.app, a.parent.token, id, 'approve'), 200);
    expect(afterA).toMatchObject({ status: 'accepted-by-kid', myParentApproved: true, friendParentApproved: false });
    expect(await active(a, b)).toBe(false);

    const afterB = expectStatus(await act(relay.app, b.parent.token, id, 'approve'), 200);
    expect(afterB).toMatchObject({ status: 'active', me: { accountId: b.child.childId } });
    expect(await active(a, b)).toBe(true);
    expect((await viewOf(a.childToken, id))?.status).toBe('active');
    expect((await viewOf(b.childToken, id))?.status).toBe('active');
  });

  it('refuses a parent approval before both children confirmed', async () => {
    const { b, id } = await friendRequest();
    const res = await act(relay.app, b.parent.token, id, 'approve');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
  });

  it("does not let one parent's approval stand for the other family's", async () => {
    const { a, b, id } = await friendRequest();
    await act(relay.app, a.childToken, id, 'confirm');
    expectStatus(await act(relay.app, a.parent.token, id, 'approve'), 200);
    expectStatus(await act(relay.app, a.parent.token, id, 'approve'), 200);
    expect((await viewOf(b.parent.token, id))?.myParentApproved).toBe(false);
    expect(await active(a, b)).toBe(false);
  });

  it('refuses a child approving its own friendship', async () => {
    const { a, b, id } = await friendRequest();
    await act(relay.app, a.childToken, id, 'confirm');
    for (const kid of [a, b]) {
      const res = await act(relay.app, kid.childToken, id, 'approve');
      expect(res.status).toBe(409);
    }
    expect(await active(a, b)).toBe(false);
  });
});

describe('invite codes', () => {
  it('lets a parent make a code for their own child, and only for their own child', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const own = expectStatus(
      await api<Invite>(relay.app, 'POST', '/v1/invites', { token: a.parent.token, body: { childId: a.child.childId } }),
      201,
    );
    expect(own.childId).toBe(a.child.childId);
    const missing = await api(relay.app, 'POST', '/v1/invites', { token: a.parent.token, body: {} });
    expect(missing.status).toBe(400);
    const foreign = await api(relay.app, 'POST', '/v1/invites', { token: a.parent.token, body: { childId: b.child.childId } });
    expect(foreign.status).toBe(404);
    expect((await redeem(relay.app, b.childToken, own.code)).friend.accountId).toBe(a.child.childId);
  });

  it('accepts a code with or without its dash', async () => {
    const a = await createFamily(relay.app);
    for (const shape of [(c: string) => c, (c: string) => c.replace('-', '')]) {
      const b = await createFamily(relay.app);
      const invite = await makeInvite(relay.app, a.childToken);
      expect((await redeem(relay.app, b.childToken, shape(invite.code))).friend.accountId).toBe(a.child.childId);
    }
  });

  it('works only once', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const c = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, a.childToken);
    await redeem(relay.app, b.childToken, invite.code);
    for (const family of [c, b]) {
      const res = await api(relay.app, 'POST', '/v1/invites/redeem', { token: family.childToken, body: { code: invite.code } });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'INVITE_INVALID' } });
    }
    expect(await friendsOf(c.childToken)).toEqual([]);
  });

  it('expires after its lifetime', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const early = await makeInvite(relay.app, a.childToken);
    const late = await makeInvite(relay.app, a.childToken);
    relay.clock.advance(relay.config.inviteTtlMs - 1);
    await redeem(relay.app, b.childToken, early.code);
    relay.clock.advance(1);
    const c = await createFamily(relay.app);
    const res = await api(relay.app, 'POST', '/v1/invites/redeem', { token: c.childToken, body: { code: late.code } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'INVITE_INVALID' } });
  });

  it("refuses a child's own code", async () => {
    const a = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, a.childToken);
    const res = await api(relay.app, 'POST', '/v1/invites/redeem', { token: a.childToken, body: { code: invite.code } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVITE_OWN' } });
    // Not used up by the mistake.
    const b = await createFamily(relay.app);
    await redeem(relay.app, b.childToken, invite.code);
  });

  it('is redeemed by a child only, never by a parent session', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, a.childToken);
    const res = await api(relay.app, 'POST', '/v1/invites/redeem', { token: b.parent.token, body: { code: invite.code } });
    expect(res.status).toBe(403);
  });

  it('limits how many codes a child makes per hour, counting those its parent made for it', async () => {
    const a = await createFamily(relay.app);
    const limit = relay.config.rateLimits.invitesPerHour;
    for (let i = 0; i < limit - 1; i++) await makeInvite(relay.app, a.childToken);
    expectStatus(await api(relay.app, 'POST', '/v1/invites', { token: a.parent.token, body: { childId: a.child.childId } }), 201);
    const refused = await api(relay.app, 'POST', '/v1/invites', { token: a.childToken, body: {} });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A sibling's allowance is its own.
    const sibling = await createChild(relay.app, a.parent.token);
    expectStatus(await api(relay.app, 'POST', '/v1/invites', { token: a.parent.token, body: { childId: sibling.childId } }), 201);
    relay.clock.advance(60 * 60 * 1000);
    await makeInvite(relay.app, a.childToken);
  });

  it('limits redemption attempts per child, so codes cannot be guessed', async () => {
    const b = await createFamily(relay.app);
    const other = await createFamily(relay.app);
    const limit = relay.config.rateLimits.redeemsPer10Minutes;
    for (let i = 0; i < limit; i++) {
      const res = await api(relay.app, 'POST', '/v1/invites/redeem', { token: b.childToken, body: { code: 'AAAA-AAAA' } });
      expect(res.status).toBe(404);
    }
    const good = await makeInvite(relay.app, (await createFamily(relay.app)).childToken);
    const refused = await api(relay.app, 'POST', '/v1/invites/redeem', { token: b.childToken, body: { code: good.code } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another child is not held back by this one's guessing.
    await redeem(relay.app, other.childToken, good.code);
  });
});

describe('decline and remove', () => {
  it('lets a child decline a request, which then takes no more consents', async () => {
    const { a, b, id } = await friendRequest();
    expect(expectStatus(await act(relay.app, a.childToken, id, 'decline'), 200).status).toBe('declined');
    expect((await viewOf(b.childToken, id))?.status).toBe('declined');
    expect((await act(relay.app, a.childToken, id, 'confirm')).status).toBe(409);
    expect((await act(relay.app, a.parent.token, id, 'approve')).status).toBe(409);
  });

  it('lets a parent decline for their child, and a new code starts the handshake again from scratch', async () => {
    const { a, b, id } = await friendRequest();
    await act(relay.app, a.childToken, id, 'confirm');
    await act(relay.app, a.parent.token, id, 'approve');
    expect(expectStatus(await act(relay.app, b.parent.token, id, 'decline'), 200).status).toBe('declined');

    const again = await redeem(relay.app, a.childToken, (await makeInvite(relay.app, b.childToken)).code);
    expect(again.friendshipId).toBe(id);
    expect(again).toMatchObject({
      status: 'requested',
      myKidConfirmed: true,
      friendKidConfirmed: false,
      myParentApproved: false,
    });
  });

  it('lets either child or parent remove an active friendship', async () => {
    for (const remover of ['childA', 'parentB'] as const) {
      const a = await createFamily(relay.app);
      const b = await createFamily(relay.app);
      const id = await befriend(relay.app, a, b);
      const token = remover === 'childA' ? a.childToken : b.parent.token;
      expect(expectStatus(await act(relay.app, token, id, 'remove'), 200).status).toBe('removed');
      expect(await active(a, b)).toBe(false);
      expect((await viewOf(a.childToken, id))?.status).toBe('removed');
    }
  });

  it('refuses to decline an active friendship (it is removed instead)', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const id = await befriend(relay.app, a, b);
    expect((await act(relay.app, a.childToken, id, 'decline')).status).toBe(409);
    expect(await active(a, b)).toBe(true);
  });
});

describe('block', () => {
  it('takes effect at once, and the blocked side sees exactly what it saw before', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const id = await befriend(relay.app, a, b);
    const childBefore = await viewOf(b.childToken, id);
    const parentBefore = await viewOf(b.parent.token, id);
    relay.clock.advance(5_000);

    const mine = expectStatus(await act(relay.app, a.childToken, id, 'block'), 200);
    expect(mine).toMatchObject({ status: 'blocked', iBlocked: true });
    expect(await active(a, b)).toBe(false);
    expect((await viewOf(a.parent.token, id))?.status).toBe('blocked');

    expect(await viewOf(b.childToken, id)).toEqual(childBefore);
    expect(await viewOf(b.parent.token, id)).toEqual(parentBefore);
  });

  it("answers the blocked side's actions as if there were no block", async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const id = await befriend(relay.app, a, b);
    const unblockBefore = await act(relay.app, b.parent.token, id, 'unblock');
    await act(relay.app, a.childToken, id, 'block');
    const unblockAfter = await act(relay.app, b.parent.token, id, 'unblock');
    expect(unblockAfter.status).toBe(unblockBefore.status);
    expect(unblockAfter.body).toEqual(unblockBefore.body);
  });

  it("is lifted only by the blocking child's parent", async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const id = await befriend(relay.app, a, b);
    await act(relay.app, a.childToken, id, 'block');
    expect((await act(relay.app, a.childToken, id, 'unblock')).status).toBe(409);
    expect((await act(relay.app, b.parent.token, id, 'unblock')).status).toBe(409);
    expect(await active(a, b)).toBe(false);
    expect(expectStatus(await act(relay.app, a.parent.token, id, 'unblock'), 200).status).toBe('active');
    expect(await active(a, b)).toBe(true);
  });

  it('works on a pending request too, and survives a removal and a new code', async () => {
    const { a, b, id } = await friendRequest();
    await act(relay.app, b.childToken, id, 'block');
    await act(relay.app, a.childToken, id, 'decline');
    const renewed = await redeem(relay.app, b.childToken, (await makeInvite(relay.app, a.childToken)).code);
    expect(renewed).toMatchObject({ friendshipId: id, status: 'blocked', iBlocked: true });
    await act(relay.app, a.childToken, id, 'confirm');
    await act(relay.app, a.parent.token, id, 'approve');
    await act(relay.app, b.parent.token, id, 'approve');
    expect(await active(a, b)).toBe(false);
  });
});

describe('who may act on a friendship', () => {
  it.each([
    ['another family’s parent', 'wrongParent'],
    ['a third child', 'thirdChild'],
  ] as const)('answers %s with 404 on a friendship id, for every action', async (_who, outsider) => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const c = await createFamily(relay.app);
    const id = await requestFriendship(relay.app, a, b);
    await act(relay.app, a.childToken, id, 'confirm');
    const token = outsider === 'wrongParent' ? c.parent.token : c.childToken;
    for (const action of ['confirm', 'approve', 'decline', 'remove', 'block', 'unblock']) {
      const res = await act(relay.app, token, id, action);
      expect(res.status, action).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(await viewOf(a.childToken, id)).toMatchObject({ status: 'accepted-by-kid', iBlocked: false });
    expect(await friendsOf(c.childToken)).toEqual([]);
    expect(await friendsOf(c.parent.token)).toEqual([]);
  });

  it('answers an unknown friendship id with the same 404 as a foreign one', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const c = await createFamily(relay.app);
    const id = await requestFriendship(relay.app, a, b);
    const foreign = await act(relay.app, c.parent.token, id, 'approve');
    const unknown = await act(relay.app, c.parent.token, '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'approve');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(foreign.body);
  });

  it("refuses to list another family's child's friendships", async () => {
    const a = await createFamily(relay.app);
    const c = await registerParent(relay.app);
    const res = await api(relay.app, 'GET', `/v1/friendships?childId=${a.child.childId}`, { token: c.token });
    expect(res.status).toBe(404);
  });

  it('never lets anyone change a parent–child family link', async () => {
    const a = await createFamily(relay.app);
    const [link] = expectStatus(
      await api<{ friendships: FriendshipView[] }>(relay.app, 'GET', '/v1/friendships', { token: a.childToken }),
      200,
    ).friendships;
    expect(link).toMatchObject({ kind: 'family', status: 'active' });
    const id = link?.friendshipId ?? '';
    for (const [token, action] of [
      [a.childToken, 'block'],
      [a.childToken, 'remove'],
      [a.parent.token, 'remove'],
      [a.parent.token, 'block'],
    ] as const) {
      const res = await act(relay.app, token, id, action);
      expect(res.status).toBe(409);
    }
    const other = await createFamily(relay.app);
    expect((await act(relay.app, other.parent.token, id, 'remove')).status).toBe(404);
    expect(await areActiveFriends(relay.app.relay, a.parent.parentId, a.child.childId)).toBe(true);
  });
});

describe('siblings (both children of one parent)', () => {
  async function siblings(): Promise<{ parentToken: string; first: string; second: string; id: string }> {
    const { parent, enrolled } = await twoChildrenOnOnePc(relay.app);
    const [first, second] = enrolled.credentials.map((c) => c.token) as [string, string];
    const invite = await makeInvite(relay.app, first);
    const { friendshipId } = await redeem(relay.app, second, invite.code);
    return { parentToken: parent.token, first, second, id: friendshipId };
  }

  /** Siblings whose friendship is active: the first confirmed, their parent approved. */
  async function activeSiblings(): ReturnType<typeof siblings> {
    const s = await siblings();
    await act(relay.app, s.first, s.id, 'confirm');
    await act(relay.app, s.parentToken, s.id, 'approve');
    return s;
  }

  it("needs both children's confirmation, then one approval by their parent covers both sides", async () => {
    const s = await siblings();
    expect((await act(relay.app, s.parentToken, s.id, 'approve')).status).toBe(409);
    await act(relay.app, s.first, s.id, 'confirm');
    const approved = expectStatus(await act(relay.app, s.parentToken, s.id, 'approve'), 200);
    expect(approved).toMatchObject({ status: 'active', myParentApproved: true, friendParentApproved: true });
  });

  it('lets their parent decline a request between them', async () => {
    const s = await siblings();
    const res = await act(relay.app, s.parentToken, s.id, 'decline');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
  });

  it('lets their parent remove a friendship between them', async () => {
    const s = await activeSiblings();
    const res = await act(relay.app, s.parentToken, s.id, 'remove');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('removed');
  });

  it("lets their parent lift one child's block on the other", async () => {
    const s = await activeSiblings();
    expect(expectStatus(await act(relay.app, s.second, s.id, 'block'), 200).status).toBe('blocked');
    const res = await act(relay.app, s.parentToken, s.id, 'unblock');
    expect(res.status).toBe(200);
    expect((await viewOf(s.second, s.id))?.status).toBe('active');
  });

  it('shows the parent the request once from each child', async () => {
    const s = await siblings();
    const views = (await friendsOf(s.parentToken)).filter((f) => f.friendshipId === s.id);
    expect(views.map((v) => v.me.accountId).sort()).toEqual([views[0]?.friend.accountId, views[1]?.friend.accountId].sort());
    expect(views).toHaveLength(2);
  });
});

describe('random sequences of actions through the routes', () => {
  let own: TestRelay;
  relayForFile((r) => (own = r), { rateLimits: { invitesPerHour: 1000, redeemsPer10Minutes: 1000 } });

  type Actor = 'kidA' | 'kidB' | 'parentA' | 'parentB' | 'thirdKid' | 'wrongParent';
  const ACTORS: readonly Actor[] = ['kidA', 'kidB', 'parentA', 'parentB', 'thirdKid', 'wrongParent'];
  type Step = Readonly<{ type: 'act'; actor: Actor; action: FriendshipAction }> | Readonly<{ type: 'redeem'; side: Side }>;
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        type: fc.constant('act' as const),
        actor: fc.constantFrom(...ACTORS),
        action: fc.constantFrom(...FRIENDSHIP_ACTIONS),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('redeem' as const), side: fc.constantFrom<Side>('a', 'b') }) },
  );

  it('answers every action exactly as the shared state machine rules, and shows each side what the state machine says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (steps) => {
        const { app } = own;
        const a = await createFamily(app);
        const b = await createFamily(app);
        const c = await createFamily(app);
        const id = await requestFriendship(app, a, b);
        const pair: Pair = {
          a: { childId: a.child.childId, guardianIds: [a.parent.parentId] },
          b: { childId: b.child.childId, guardianIds: [b.parent.parentId] },
        };
        const who: Record<Actor, { token: string; caller: Caller }> = {
          kidA: { token: a.childToken, caller: { kind: 'child', childId: a.child.childId } },
          kidB: { token: b.childToken, caller: { kind: 'child', childId: b.child.childId } },
          parentA: { token: a.parent.token, caller: { kind: 'parent', parentId: a.parent.parentId } },
          parentB: { token: b.parent.token, caller: { kind: 'parent', parentId: b.parent.parentId } },
          thirdKid: { token: c.childToken, caller: { kind: 'child', childId: c.child.childId } },
          wrongParent: { token: c.parent.token, caller: { kind: 'parent', parentId: c.parent.parentId } },
        };
        let model = newFriendRequest();

        for (const step of steps) {
          if (step.type === 'redeem') {
            // The other side's child makes a code; this side's child redeems it.
            const [maker, taker] = step.side === 'a' ? [b, a] : [a, b];
            const view = await redeem(app, taker.childToken, (await makeInvite(app, maker.childToken)).code);
            expect(view.friendshipId).toBe(id);
            model = model.ended
              ? renewFriendRequest(model, step.side)
              : { ...model, kidConfirmed: { ...model.kidConfirmed, [step.side]: true } };
          } else {
            const res = await act(app, who[step.actor].token, id, step.action);
            const actor = resolveActor(who[step.actor].caller, pair);
            if (!actor) {
              expect(res.status).toBe(404);
              continue;
            }
            const verdict = applyFriendshipAction(model, actor, step.action);
            expect(res.status, `${step.actor} ${step.action}`).toBe(verdict.ok ? 200 : 409);
            if (verdict.ok) model = verdict.state;
          }
          for (const [side, family] of [
            ['a', a],
            ['b', b],
          ] as const) {
            const view = await viewOf(family.childToken, id, app);
            expect(view?.status).toBe(friendshipStatusFor(model, side));
            expect(view?.iBlocked).toBe(model.blockedBy[side]);
          }
          expect(await areActiveFriends(app.relay, a.child.childId, b.child.childId)).toBe(isActive(model));
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('invite codes as people type them', () => {
  it('accepts a code typed in lower case, with a space instead of the dash', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const invite = await makeInvite(relay.app, a.childToken);
    const typed = invite.code.toLowerCase().replace('-', ' ');
    const view = await redeem(relay.app, b.childToken, typed);
    expect(view.friend.accountId).toBe(a.child.childId);
  });

  it('makes a code for a child who sends no body at all', async () => {
    const a = await createFamily(relay.app);
    const res = await relay.app.inject({
      method: 'POST',
      url: '/v1/invites',
      headers: { authorization: `Bearer ${a.childToken}` },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ childId: a.child.childId });
  });

  it("refuses a child who names another child's id in the body", async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const res = await api(relay.app, 'POST', '/v1/invites', { token: a.childToken, body: { childId: b.child.childId } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe("a parent's list", () => {
  it('shows each of their own family links once, from the parent side', async () => {
    const a = await createFamily(relay.app);
    const res = await api<{ friendships: FriendshipView[] }>(relay.app, 'GET', '/v1/friendships', { token: a.parent.token });
    const family = expectStatus(res, 200).friendships.filter((f) => f.kind === 'family');
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({ me: { accountId: a.parent.parentId }, friend: { accountId: a.child.childId } });
  });
});
