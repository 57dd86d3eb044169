import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildGrownUps, FriendshipView, GrownUpInviteCreated, GrownUpInviteList } from '@hearth/common';

type FriendshipList = { friendships: FriendshipView[] };
import type { TestSmtp } from '@hearth/test-kit/smtp';
import {
  api,
  buildTestApp,
  createChild,
  createFamily,
  expectStatus,
  registerParent,
  relayForFile,
  signIn,
  type TestRelay,
} from '../../test/helpers';
import { mailingRelayFor } from '../../test/email';
import { addGrownUp, confirmGrownUpInvite, inviteGrownUp, redeemGrownUpInvite } from '../../test/family-helpers';
import { GROWN_UP_INVITE_TTL_MS } from './invites';
import { sqliteOf } from '../store/sqlite-store';

let relay: TestRelay;
relayForFile((r) => (relay = r));

const redeem = (token: string, code: string) => api(relay.app, 'POST', '/v1/grown-up-invites/redeem', { token, body: { code } });
const errorCode = (res: { body: unknown }): string | undefined => (res.body as { error?: { code: string } }).error?.code;

describe('grown-up invitations', () => {
  it('makes a single-use code, stored only as a hash, that a grown-up types in and the inviter confirms', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const created = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId]);
    expect(created.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(created.invite).toMatchObject({ role: 'guardian', state: 'waiting', invitee: null });
    expect(created.invite.expiresAt - created.invite.createdAt).toBe(GROWN_UP_INVITE_TTL_MS);
    const stored = sqliteOf(app.relay).prepare(`SELECT * FROM grown_up_invites WHERE id = ?`).get(created.invite.inviteId);
    expect(JSON.stringify(stored)).not.toContain(created.code.replace('-', ''));

    const co = await registerParent(app, { displayName: 'Alex' });
    const typed = await redeemGrownUpInvite(app, co.token, created.code.toLowerCase());
    expect(typed).toMatchObject({ role: 'guardian', state: 'redeemed', invitedBy: { displayName: 'Sam' } });
    // Single use: nobody can type it in again, not even the same grown-up.
    const other = await registerParent(app);
    expect(errorCode(await redeem(other.token, created.code))).toBe('INVITE_INVALID');
    expect(errorCode(await redeem(co.token, created.code))).toBe('INVITE_INVALID');

    const list = expectStatus(await api<GrownUpInviteList>(app, 'GET', '/v1/grown-up-invites', { token: a.parent.token }), 200);
    expect(list.sent[0]).toMatchObject({
      state: 'redeemed',
      invitee: { parentId: co.parentId, displayName: 'Alex', email: co.email },
    });
    const mine = expectStatus(await api<GrownUpInviteList>(app, 'GET', '/v1/grown-up-invites', { token: co.token }), 200);
    expect(mine.redeemed.map((r) => r.inviteId)).toEqual([created.invite.inviteId]);

    // Not yet a guardian: the child is not theirs to see until the inviter confirms.
    expect((await api(app, 'GET', `/v1/children/${a.child.childId}`, { token: co.token })).status).toBe(404);
    const confirmed = await confirmGrownUpInvite(app, a.parent.token, created.invite.inviteId);
    expect(confirmed.state).toBe('confirmed');
    expect((await api(app, 'GET', `/v1/children/${a.child.childId}`, { token: co.token })).status).toBe(200);
    const grownUps = expectStatus(
      await api<ChildGrownUps>(app, 'GET', `/v1/children/${a.child.childId}/grown-ups`, { token: co.token }),
      200,
    );
    expect(grownUps.guardians.map((g) => [g.parentId, g.me, g.consentsToCurrentPolicy])).toEqual([
      [a.parent.parentId, false, true],
      [co.parentId, true, false],
    ]);
    expect(grownUps.covered).toBe(true);
    // Confirmed once: confirming again is refused.
    const again = await api(app, 'POST', `/v1/grown-up-invites/${created.invite.inviteId}/confirm`, {
      token: a.parent.token,
      body: {},
    });
    expect([again.status, errorCode(again)]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('expires after 7 days: not typed in, and not confirmed, once the clock passes it', async () => {
    const { app, clock } = relay;
    const a = await createFamily(app);
    const late = await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId]);
    const typedInTime = await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId]);
    const gran = await registerParent(app);
    await redeemGrownUpInvite(app, gran.token, typedInTime.code);
    clock.advance(GROWN_UP_INVITE_TTL_MS - 1);
    clock.advance(1);
    // Seven days on, everyone signs in again.
    const grandpa = await registerParent(app);
    const inviter = (await signIn(app, a.parent.email, a.parent.password)).token;
    expect(errorCode(await redeem(grandpa.token, late.code))).toBe('INVITE_INVALID');
    const confirm = await api(app, 'POST', `/v1/grown-up-invites/${typedInTime.invite.inviteId}/confirm`, {
      token: inviter,
      body: {},
    });
    expect([confirm.status, errorCode(confirm)]).toEqual([409, 'INVALID_TRANSITION']);
    const list = expectStatus(await api<GrownUpInviteList>(app, 'GET', '/v1/grown-up-invites', { token: inviter }), 200);
    expect(list.sent.map((i) => i.state)).toEqual(['expired', 'expired']);
  });

  it('refuses cancelled and declined codes, and a grown-up already of the family', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const cancelled = await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId]);
    expectStatus(await api(app, 'DELETE', `/v1/grown-up-invites/${cancelled.invite.inviteId}`, { token: a.parent.token }), 204);
    const gran = await registerParent(app);
    expect(errorCode(await redeem(gran.token, cancelled.code))).toBe('INVITE_INVALID');

    const declined = await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId]);
    await redeemGrownUpInvite(app, gran.token, declined.code);
    expectStatus(
      await api(app, 'POST', `/v1/grown-up-invites/${declined.invite.inviteId}/decline`, { token: a.parent.token, body: {} }),
      200,
    );
    expect((await api(app, 'GET', `/v1/children/${a.child.childId}/grown-ups`, { token: a.parent.token })).body).toMatchObject({
      trusted: [],
    });

    await addGrownUp(app, a.parent.token, 'trusted', [a.child.childId], { grownUp: gran });
    const twice = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId]);
    expect(errorCode(await redeem(gran.token, twice.code))).toBe('CONFLICT');
  });

  it('answers the same whatever the email, and sends nothing without SMTP', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const existing = await registerParent(app);
    const shape = (c: GrownUpInviteCreated) => ({
      emailSent: c.emailSent,
      invite: { ...c.invite, inviteId: '', createdAt: 0, expiresAt: 0 },
      code: c.code.length,
    });
    const toExisting = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId], { email: existing.email });
    const toNobody = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId], { email: 'nobody@example.test' });
    const toNone = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId]);
    expect(shape(toExisting)).toEqual(shape(toNobody));
    expect(shape(toExisting)).toEqual(shape(toNone));
    expect(toExisting.emailSent).toBe(false);
  });

  it('invites for several children at once, only the inviter’s own', async () => {
    const { app } = relay;
    const a = await createFamily(app);
    const sibling = await createChild(app, a.parent.token, { displayName: 'Kit' });
    const b = await createFamily(app);
    const mixed = await api(app, 'POST', '/v1/grown-up-invites', {
      token: a.parent.token,
      body: { role: 'trusted', childIds: [a.child.childId, b.child.childId] },
    });
    expect([mixed.status, errorCode(mixed)]).toEqual([404, 'NOT_FOUND']);
    const gran = await addGrownUp(app, a.parent.token, 'trusted', [a.child.childId, sibling.childId], { avatar: 'owl' });
    // The grandmother sees each child as a family link, with her picture as the guardian picked it, and no approvals.
    const list = expectStatus(await api<FriendshipList>(app, 'GET', '/v1/friendships', { token: gran.token }), 200);
    expect(list.friendships.map((f) => [f.kind, f.status, f.me.familyRole, f.me.avatar, f.friend.displayName]).sort()).toEqual(
      [
        ['family', 'active', 'trusted', 'owl', 'Kit'],
        ['family', 'active', 'trusted', 'owl', 'Robin'],
      ].sort(),
    );
    // The child sees her under "My family", with that picture; and its guardians, for the other family's approval screen.
    const kidView = expectStatus(await api<FriendshipList>(app, 'GET', '/v1/friendships', { token: a.childToken }), 200);
    const granLink = kidView.friendships.find((f) => f.friend.accountId === gran.parentId);
    expect(granLink?.friend).toMatchObject({ kind: 'parent', familyRole: 'trusted', avatar: 'owl' });
    const parentLink = kidView.friendships.find((f) => f.friend.accountId === a.parent.parentId);
    expect(parentLink?.friend.familyRole).toBe('guardian');
    expect(parentLink?.me.guardians).toEqual([
      { displayName: 'Sam', emailVerified: false, accountCreatedAt: expect.any(Number) },
    ]);
  });
});

describe('grown-up invitations with SMTP', () => {
  let smtp: TestSmtp;
  let mailing: TestRelay;
  mailingRelayFor((r, s) => {
    mailing = r;
    smtp = s;
  });

  it('emails the code in the language asked for, and answers the same whoever has the address', async () => {
    const { app } = mailing;
    const a = await createFamily(app);
    const existing = await registerParent(app);
    const es = await inviteGrownUp(app, a.parent.token, 'trusted', [a.child.childId], { email: existing.email, lang: 'es' });
    const en = await inviteGrownUp(app, a.parent.token, 'guardian', [a.child.childId], { email: 'nobody@example.test' });
    expect([es.emailSent, en.emailSent]).toEqual([true, true]);
    const spanish = await smtp.waitForMail(existing.email, new RegExp(es.code));
    expect(spanish.subject).toBe('Sam te invita a Hearth');
    expect(spanish.text).toContain('adulto de confianza para Robin');
    const english = await smtp.waitForMail('nobody@example.test', new RegExp(en.code));
    expect(english.text).toContain('to be a guardian of Robin');
    // The emailed code works like any other.
    expect((await redeemGrownUpInvite(app, existing.token, es.code)).state).toBe('redeemed');
  });
});

describe('grown-up invitations, rate limited', () => {
  let limited: TestRelay;
  beforeAll(async () => {
    limited = await buildTestApp({ rateLimits: { redeemsPer10Minutes: 3 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('limits the codes one grown-up tries, and the invitations one guardian makes', async () => {
    const { app } = limited;
    const a = await createFamily(app);
    const guesser = await registerParent(app);
    const tries = [];
    for (const code of ['AAAA-AAAA', 'CCCC-CCCC', 'DDDD-DDDD', 'EEEE-EEEE']) {
      tries.push(errorCode(await api(app, 'POST', '/v1/grown-up-invites/redeem', { token: guesser.token, body: { code } })));
    }
    expect(tries).toEqual(['INVITE_INVALID', 'INVITE_INVALID', 'INVITE_INVALID', 'RATE_LIMITED']);

    const made = [];
    for (let i = 0; i < 21; i++) {
      const res = await api(app, 'POST', '/v1/grown-up-invites', {
        token: a.parent.token,
        body: { role: 'trusted', childIds: [a.child.childId] },
      });
      made.push(res.status);
    }
    expect(made.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(made[20]).toBe(429);
  });
});
