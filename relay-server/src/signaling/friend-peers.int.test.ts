import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignalingPeers } from '@hearth/common';
import { act, api, buildTestApp, createFamily, expectStatus, requestFriendship, type TestRelay } from '../../test/helpers';
import { friendPair, grantFor } from './test-support';

let relay: TestRelay;

beforeEach(async () => {
  relay = await buildTestApp();
});

afterEach(async () => {
  await relay.close();
});

async function peersOf(token: string): Promise<SignalingPeers['peers']> {
  return expectStatus(await api<SignalingPeers>(relay.app, 'GET', '/v1/signaling/peers', { token }), 200).peers;
}

describe('GET /v1/signaling/peers', () => {
  it("lists an active friend's peer id, the same one the friend's own grant carries", async () => {
    const { a, b } = await friendPair(relay.app);
    const ofA = await peersOf(a.childToken);
    expect(ofA).toContainEqual({ accountId: b.child.childId, peerId: b.grant.peerId });
    expect(await peersOf(b.childToken)).toContainEqual({ accountId: a.child.childId, peerId: a.grant.peerId });
    // Each child also sees its own parent (the family link), and nobody else.
    expect(ofA.map((p) => p.accountId).sort()).toEqual([a.parent.parentId, b.child.childId].sort());
  });

  it('gives a friend who never asked for a grant a peer id that their first grant then keeps', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const id = await requestFriendship(relay.app, a, b);
    expectStatus(await act(relay.app, a.childToken, id, 'confirm'), 200);
    expectStatus(await act(relay.app, a.parent.token, id, 'approve'), 200);
    expectStatus(await act(relay.app, b.parent.token, id, 'approve'), 200);
    const listed = (await peersOf(a.childToken)).find((p) => p.accountId === b.child.childId);
    expect(listed).toBeDefined();
    expect((await grantFor(relay.app, b.childToken)).peerId).toBe(listed?.peerId);
  });

  it('leaves out pending requests and friends the caller blocked, but never shows the other side’s block', async () => {
    const a = await createFamily(relay.app);
    const c = await createFamily(relay.app);
    await requestFriendship(relay.app, a, c);
    expect((await peersOf(a.childToken)).map((p) => p.accountId)).not.toContain(c.child.childId);

    const { a: x, b: y, friendshipId } = await friendPair(relay.app);
    expectStatus(await act(relay.app, x.childToken, friendshipId, 'block'), 200);
    expect((await peersOf(x.childToken)).map((p) => p.accountId)).not.toContain(y.child.childId);
    expect((await peersOf(y.childToken)).map((p) => p.accountId)).toContain(x.child.childId);
  });

  it("gives a parent their own children's peer ids (parent mode)", async () => {
    const { a } = await friendPair(relay.app);
    expect(await peersOf(a.parent.token)).toEqual([{ accountId: a.child.childId, peerId: a.grant.peerId }]);
  });
});
