import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FriendshipView, Notice, WsServerFrame } from '@hearth/common';

type NoticeFrame = Extract<WsServerFrame, { type: 'notice' }>;
type FriendshipFrame = Extract<WsServerFrame, { type: 'friendship' }>;
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import {
  api,
  befriend,
  consentFor,
  createFamily,
  enrollDevice,
  expectStatus,
  makeInvite,
  redeem,
  registerParentDevice,
  signIn,
  type TestFamily,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import { messageWith, newMessageId, sendAndAck, text, type TestSocket } from '../../test/ws-client';
import { addGrownUp } from '../../test/family-helpers';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';
import { removeGuardianByOperator } from './operator';
import { NOTICE_RETENTION_MS } from './notices';
import { sqliteOf } from '../store/sqlite-store';

let smtp: TestSmtp;
let relay: TestRelay;
let url: string;
let a: TestFamily;
let second: TestParent;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const sockets = relayWithSocketsPerTest(
  async (r, u) => {
    relay = r;
    url = u;
    a = await createFamily(relay.app);
    second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Alex' });
  },
  () => ({ smtpUrl: smtp.url }),
);
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const errorCode = (res: { body: unknown }): string | undefined => (res.body as { error?: { code: string } }).error?.code;
const notices = async (token: string): Promise<Notice[]> =>
  expectStatus(await api<{ notices: Notice[] }>(relay.app, 'GET', '/v1/notices', { token }), 200).notices;
const isNotice = (kind: string) => (f: WsServerFrame) => f.type === 'notice' && f.notice.kind === kind;

describe('notices', () => {
  it('tells every guardian at once, on their sockets and in their list, of a request, an approval, a block and a removal', async () => {
    const b = await createFamily(relay.app);
    const mum = await socketFor(a.parent.token);
    const dad = await socketFor(second.token);
    const friendshipId = (await redeem(relay.app, a.childToken, (await makeInvite(relay.app, b.childToken)).code)).friendshipId;
    for (const s of [mum, dad]) {
      const frame = await s.take<NoticeFrame>(isNotice('friend-requested'));
      expect(frame.notice).toMatchObject({ childId: a.child.childId, childName: 'Robin', byName: null });
      expect(frame.notice.about?.accountId).toBe(b.child.childId);
    }
    // Friendship frames go to every guardian too.
    await dad.take((f) => f.type === 'friendship' && f.friendship.friendshipId === friendshipId);

    const act = (token: string, action: string) =>
      api<FriendshipView>(relay.app, 'POST', `/v1/friendships/${friendshipId}/actions`, { token, body: { action } });
    expectStatus(await act(b.childToken, 'confirm'), 200);
    expectStatus(await act(second.token, 'approve'), 200);
    for (const s of [mum, dad]) expect((await s.take<NoticeFrame>(isNotice('friend-approved'))).notice.byName).toBe('Alex');
    expectStatus(await act(a.childToken, 'block'), 200);
    for (const s of [mum, dad]) await s.take(isNotice('friend-blocked'));

    const listed = await notices(a.parent.token);
    expect(listed.map((n) => n.kind)).toEqual(['friend-blocked', 'friend-approved', 'friend-requested', 'guardian-added']);
    expect((await notices(second.token)).map((n) => n.kind)).toEqual(listed.map((n) => n.kind));
    // The other family is told of the request and the approval, never of the block.
    expect((await notices(b.parent.token)).map((n) => n.kind)).toEqual(['friend-approved', 'friend-requested']);
    expect((await api(relay.app, 'GET', '/v1/notices?limit=1', { token: a.parent.token })).body).toMatchObject({
      notices: [{ kind: 'friend-blocked' }],
    });
  });

  it('tells every guardian of a consent withdrawn, and emails the others', async () => {
    const dad = await socketFor(second.token);
    expectStatus(await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/consents/mine`, { token: a.parent.token }), 204);
    expect((await dad.take<NoticeFrame>(isNotice('consent-withdrawn'))).notice.byName).toBe('Sam');
    const mail = await smtp.waitForMail(second.email, /withdrew their consent for Robin/);
    expect(mail.text).toContain('retiró su consentimiento');
    expect(smtp.mailTo(a.parent.email).filter((m) => /withdrew/.test(m.text))).toEqual([]);
  });

  it('keeps a grown-up’s notices for 90 days: older ones go as new ones come', async () => {
    const notices = async (token: string): Promise<Notice[]> =>
      expectStatus(await api<{ notices: Notice[] }>(relay.app, 'GET', '/v1/notices', { token }), 200).notices;
    expectStatus(await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/consents/mine`, { token: a.parent.token }), 204);
    expect((await notices(second.token)).map((n) => n.kind)).toContain('consent-withdrawn');
    relay.clock.advance(NOTICE_RETENTION_MS + 1);
    // Sessions have long expired by then: both grown-ups sign in again.
    const mum = await signIn(relay.app, a.parent.email, a.parent.password);
    const dad = await signIn(relay.app, second.email, second.password);
    expectStatus(
      await api(relay.app, 'POST', `/v1/children/${a.child.childId}/consents`, {
        token: mum.token,
        body: { consent: consentFor(relay.app) },
      }),
      201,
    );
    expect((await notices(dad.token)).map((n) => n.kind)).toEqual(['consent-given']);
  });
});

describe('removing grown-ups', () => {
  it('never removes the last guardian, lets one leave while another stays, and ends their link at once', async () => {
    // Alex enrolled the child on a PC in the other household.
    const pc = await enrollDevice(relay.app, second.token, [a.child.childId]);
    const kidThere = pc.credentials[0]?.token as string;
    const dad = await socketFor(second.token);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${second.parentId}`, { token: second.token }),
      204,
    );
    const ended = await dad.take<FriendshipFrame>(
      (f) => f.type === 'friendship' && f.friendship.friend.accountId === a.child.childId,
    );
    expect(ended.friendship.status).toBe('removed');
    expect(
      (
        await api(relay.app, 'GET', `/v1/children/${a.child.childId}`, {
          token: second.token,
          body: { password: second.password },
        })
      ).status,
    ).toBe(404);
    // The child's credential on the PC Alex enrolled is revoked, and that PC (even one that was off)
    // is told to erase the child's data there (F18); the one at home is not touched.
    const there = await api(relay.app, 'GET', '/v1/me', { token: kidThere });
    expect([there.status, there.body]).toMatchObject([401, { error: { code: 'DEVICE_REVOKED', wipe: true } }]);
    expect((await api(relay.app, 'GET', '/v1/me', { token: a.childToken })).status).toBe(200);
    expect((await notices(a.parent.token))[0]).toMatchObject({
      kind: 'guardian-removed',
      byName: 'Alex',
      about: { displayName: 'Alex' },
    });

    const last = await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${a.parent.parentId}`, {
      token: a.parent.token,
    });
    expect([last.status, errorCode(last)]).toEqual([409, 'LAST_GUARDIAN']);
  });

  it('lets the operator remove a guardian while another remains, never the last', async () => {
    const ctx = relay.app.relay;
    await removeGuardianByOperator(ctx, a.child.childId, a.parent.parentId);
    await expect(removeGuardianByOperator(ctx, a.child.childId, second.parentId)).rejects.toThrow(
      expect.objectContaining({ code: 'LAST_GUARDIAN' }),
    );
    await expect(removeGuardianByOperator(ctx, a.child.childId, a.parent.parentId)).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    const rows = sqliteOf(ctx).prepare(`SELECT parent_id AS id FROM guardians WHERE child_id = ?`).all(a.child.childId);
    expect(rows).toEqual([{ id: second.parentId }]);
  });

  it('removes a trusted grown-up at once: presence stops, messages are refused', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    await registerParentDevice(relay.app, gran.token);
    const granny = await socketFor(gran.token);
    const kid = await socketFor(a.childToken);
    await granny.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'online');
    const hello = await sendAndAck(kid, gran.parentId, text('hi gran'));
    await granny.take(messageWith(hello));

    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/trusted/${gran.parentId}`, { token: second.token }),
      204,
    );
    await granny.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'offline');
    const id = newMessageId();
    granny.send({ type: 'send', id, to: a.child.childId, content: text('still there?') });
    await granny.take((f) => f.type === 'error' && f.ref === id && f.code === 'NOT_FRIENDS');
    expect((await notices(a.parent.token))[0]).toMatchObject({ kind: 'trusted-removed', byName: 'Alex' });
  });
});

describe('a trusted grown-up’s picture', () => {
  it('is the one their guardian picked, and a change reaches the child at once', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId], { avatar: 'owl' });
    const kid = await socketFor(a.childToken);
    const changed = expectStatus(
      await api(relay.app, 'PATCH', `/v1/children/${a.child.childId}/trusted/${gran.parentId}`, {
        token: second.token,
        body: { avatar: 'bear' },
      }),
      200,
    );
    expect(changed).toMatchObject({ parentId: gran.parentId, avatar: 'bear' });
    const pushed = await kid.take<FriendshipFrame>(
      (f) => f.type === 'friendship' && f.friendship.friend.accountId === gran.parentId,
    );
    expect(pushed.friendship.friend).toMatchObject({ familyRole: 'trusted', avatar: 'bear' });
  });
});

describe('deleting a child', () => {
  it('deletes the account for any guardian: sockets closed, credentials gone, friends told, consents kept, guardians told and emailed', async () => {
    const b = await createFamily(relay.app);
    const friendshipId = await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    const mum = await socketFor(a.parent.token);

    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}`, {
        token: second.token,
        body: { password: second.password },
      }),
      204,
    );
    expect((await kid.closed).code).toBe(4401);
    const gone = await friend.take<FriendshipFrame>((f) => f.type === 'friendship' && f.friendship.friendshipId === friendshipId);
    expect(gone.friendship.status).toBe('removed');
    expect((await mum.take<NoticeFrame>(isNotice('child-deleted'))).notice).toMatchObject({ childName: 'Robin', byName: 'Alex' });
    expect((await api(relay.app, 'GET', '/v1/me', { token: a.childToken })).status).toBe(401);
    expect((await api(relay.app, 'GET', `/v1/children/${a.child.childId}`, { token: a.parent.token })).status).toBe(404);
    const consents = expectStatus(
      await api<{ consents: { childId: string }[] }>(relay.app, 'GET', '/v1/consents', { token: a.parent.token }),
      200,
    );
    expect(consents.consents.map((c) => c.childId)).toEqual([a.child.childId]);
    await smtp.waitForMail(a.parent.email, /Alex deleted Robin's account/);
    expect((await notices(b.parent.token))[0]).toMatchObject({
      kind: 'friend-removed',
      childId: b.child.childId,
      byName: null,
      // The stored notice forgets the deleted child's name (F12); the live one above carried it.
      about: { accountId: a.child.childId, displayName: '?' },
    });
    expect((await notices(a.parent.token)).find((n) => n.kind === 'child-deleted')).toMatchObject({ childName: '?' });
  });
});
