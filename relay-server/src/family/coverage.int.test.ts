import { describe, expect, it } from 'vitest';
import {
  api,
  befriend,
  consentFor,
  createFamily,
  expectStatus,
  registerParentDevice,
  type TestFamily,
  type TestParent,
  type TestRelay,
} from '../../test/helpers';
import {
  errorFor,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  text,
  type ErrorFrame,
  type TestSocket,
} from '../../test/ws-client';
import { addGrownUp } from '../../test/family-helpers';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';

/**
 * Coverage (issue 12): a child is covered while at least one guardian's consent to the current
 * policy stands. Uncovered, it reaches its guardians and only them, from the very next frame.
 */

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
let second: TestParent;
let gran: TestParent;
const sockets = relayWithSocketsPerTest(async (r, u) => {
  relay = r;
  url = u;
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Alex' });
  gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId], { avatar: 'owl' });
});
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const withdraw = async (token: string): Promise<void> =>
  void expectStatus(await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/consents/mine`, { token }), 204);

/** Sends a message and resolves with the outcome the sender sees: `sent`, or the error code. */
async function attempt(from: TestSocket, to: string): Promise<string> {
  const id = newMessageId();
  from.send({ type: 'send', id, to, content: text('hi') });
  const frame = await from.take((f) => (f.type === 'sent' && f.id === id) || errorFor(id)(f));
  return frame.type === 'sent' ? 'sent' : (frame as ErrorFrame).code;
}

describe('coverage', () => {
  it("keeps a child whose guardians' consents are all withdrawn away from friends and trusted grown-ups, never from its guardians", async () => {
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    // Parent-mode PCs: parent devices, which messages are delivered to.
    for (const token of [gran.token, a.parent.token, second.token]) await registerParentDevice(relay.app, token);
    const granny = await socketFor(gran.token);
    const mum = await socketFor(a.parent.token);
    const dad = await socketFor(second.token);

    // The second guardian never consented; the first withdraws: nobody's consent stands.
    await withdraw(a.parent.token);
    const grownUps = await api<{ covered: boolean }>(relay.app, 'GET', `/v1/children/${a.child.childId}/grown-ups`, {
      token: second.token,
    });
    expect(grownUps.body.covered).toBe(false);
    // Friends see the child go offline at once, and it sees them go.
    await friend.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'offline');
    await granny.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'offline');

    expect(await attempt(friend, a.child.childId)).toBe('NOT_FRIENDS');
    expect(await attempt(kid, b.child.childId)).toBe('NOT_FRIENDS');
    expect(await attempt(granny, a.child.childId)).toBe('NOT_FRIENDS');
    expect(await attempt(kid, gran.parentId)).toBe('NOT_FRIENDS');

    // Both guardians, even the one who withdrew, still reach the child and are reached.
    const toMum = await sendAndAck(kid, a.parent.parentId, text('mum?'));
    await mum.take(messageWith(toMum));
    const toDad = await sendAndAck(kid, second.parentId, text('dad?'));
    await dad.take(messageWith(toDad));
    const fromDad = await sendAndAck(dad, a.child.childId, text('here'));
    await kid.take(messageWith(fromDad));

    // Calls follow the same rule: only the guardians are callable peers.
    const peers = expectStatus(
      await api<{ peers: { accountId: string }[] }>(relay.app, 'GET', '/v1/signaling/peers', { token: a.childToken }),
      200,
    );
    expect(peers.peers.map((p) => p.accountId).sort()).toEqual([a.parent.parentId, second.parentId].sort());

    // The other guardian consents: covered again, friends are back at once.
    expectStatus(
      await api(relay.app, 'POST', `/v1/children/${a.child.childId}/consents`, {
        token: second.token,
        body: { consent: consentFor(relay.app) },
      }),
      201,
    );
    await friend.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'online');
    const back = await sendAndAck(friend, a.child.childId, text('welcome back'));
    await kid.take(messageWith(back));
    const fromGran = await sendAndAck(granny, a.child.childId, text('hello love'));
    await kid.take(messageWith(fromGran));
  });

  it('is covered while one guardian still consents, whoever withdrew', async () => {
    expectStatus(
      await api(relay.app, 'POST', `/v1/children/${a.child.childId}/consents`, {
        token: second.token,
        body: { consent: consentFor(relay.app) },
      }),
      201,
    );
    const friend = await socketFor(b.childToken);
    const kid = await socketFor(a.childToken);
    await withdraw(a.parent.token);
    await settle();
    expect(friend.frames.some((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'offline')).toBe(
      false,
    );
    const id = await sendAndAck(friend, a.child.childId, text('still here'));
    await kid.take(messageWith(id));
  });

  it('refuses a consent to another policy version', async () => {
    const res = await api(relay.app, 'POST', `/v1/children/${a.child.childId}/consents`, {
      token: second.token,
      body: { consent: { ...consentFor(relay.app), policyVersion: '1999-01-01' } },
    });
    expect([res.status, (res.body as { error: { code: string } }).error.code]).toEqual([409, 'POLICY_VERSION_MISMATCH']);
  });
});
