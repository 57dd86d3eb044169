import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_VERSION_HEADER, ChildRelayExport } from '@hearth/common';
import { Value } from 'typebox/value';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { listenForWs, sendAndAck, socketPool, text } from '../../test/ws-client';

/**
 * The family's export (issue 15 §4): what the relay holds about a child, for the child's guardians
 * only. The matrix rows (trusted grown-ups, other families, the child, anonymous) are in the
 * authorization matrices; here, what the answer holds.
 */
let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;

beforeEach(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});

afterEach(async () => {
  await relay.close();
});

const exportOf = (token: string, childId: string) => api(relay.app, 'GET', `/v1/children/${childId}/export`, { token });

describe('GET /v1/children/:id/export', () => {
  it('gives a guardian the child, consents, grown-ups, friends, PCs and settings, valid by the shared schema', async () => {
    const body = expectStatus(await exportOf(a.parent.token, a.child.childId), 200);
    expect(Value.Check(ChildRelayExport, body)).toBe(true);
    const e = body as ChildRelayExport;
    expect(e.child.childId).toBe(a.child.childId);
    expect(e.consents.entries.length).toBeGreaterThan(0);
    expect(e.grownUps.guardians.map((g) => g.parentId)).toEqual([a.parent.parentId]);
    expect(e.friendships.some((f) => f.friend.accountId === b.child.childId && f.status === 'active')).toBe(true);
    expect(e.devices.map((d) => d.deviceId)).toEqual([a.deviceId]);
    expect(e.dailySummary).toEqual({ enabled: false });
    expect(e.games).toEqual({ enabled: true });
  });

  it('says when a guardian turned games off, and leaves the switch out for an app older than 0.4.0 (issue 16)', async () => {
    const off = { token: a.parent.token, body: { enabled: false } };
    expectStatus(await api(relay.app, 'PUT', `/v1/children/${a.child.childId}/games`, off), 200);
    expect((expectStatus(await exportOf(a.parent.token, a.child.childId), 200) as ChildRelayExport).games).toEqual({
      enabled: false,
    });
    const old = await relay.app.inject({
      method: 'GET',
      url: `/v1/children/${a.child.childId}/export`,
      headers: { [APP_VERSION_HEADER]: '0.3.0', authorization: `Bearer ${a.parent.token}` },
    });
    expect(old.statusCode).toBe(200);
    expect(old.json()).not.toHaveProperty('games');
  });

  it('lists the messages to and from the child it still holds (content included) and the child’s friend codes', async () => {
    const url = await listenForWs(relay.app);
    const sockets = socketPool();
    try {
      // Queued both ways: each child's PC is off when the other one writes.
      const kid = await sockets.open(url, a.childToken);
      await sendAndAck(kid, b.child.childId, text('Held for the friend'));
      await kid.close();
      const friend = await sockets.open(url, b.childToken);
      await sendAndAck(friend, a.child.childId, text('Held for the child'));
      await friend.close();
    } finally {
      await sockets.closeAll();
    }
    const code = expectStatus(
      await api<{ code: string }>(relay.app, 'POST', '/v1/invites', { token: a.childToken, body: { childId: a.child.childId } }),
      201,
    ).code;
    const e = expectStatus(await exportOf(a.parent.token, a.child.childId), 200) as ChildRelayExport;
    expect(Value.Check(ChildRelayExport, e)).toBe(true);
    expect(e.heldMessages.map((m) => [m.direction, m.from, m.to, m.kind, m.content])).toEqual([
      ['from-child', a.child.childId, b.child.childId, 'text', { kind: 'text', text: 'Held for the friend' }],
      ['to-child', b.child.childId, a.child.childId, 'text', { kind: 'text', text: 'Held for the child' }],
    ]);
    // The code befriending used (redeemed) and the new one: in either order (two codes made in the same
    // millisecond are listed by code).
    const codes = e.inviteCodes.map((i) => [i.code, i.redeemedAt !== null]);
    expect(codes).toHaveLength(2);
    expect(codes).toEqual(
      expect.arrayContaining([
        [expect.any(String), true],
        [code, false],
      ]),
    );
    // The other family's export holds the same two messages, seen from its side; never a's codes.
    const theirs = expectStatus(await exportOf(b.parent.token, b.child.childId), 200) as ChildRelayExport;
    expect(theirs.heldMessages.map((m) => m.direction)).toEqual(['to-child', 'from-child']);
    expect(theirs.inviteCodes).toEqual([]);
  });

  it('says nothing about another family’s child, nor to a trusted grown-up', async () => {
    const other = await exportOf(a.parent.token, b.child.childId);
    expect(other.status).toBe(404);
    const trusted = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    expect((await exportOf(trusted.token, a.child.childId)).status).toBe(404);
    expect((await exportOf(a.childToken, a.child.childId)).status).toBe(403);
  });
});
