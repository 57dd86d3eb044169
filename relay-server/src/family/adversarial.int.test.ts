import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, type GrownUpInviteList, type SessionGrant } from '@hearth/common';
import { type TestSmtp } from '@hearth/test-kit/smtp';
import {
  PASSWORD,
  api,
  befriend,
  buildTestApp,
  createChild,
  createFamily,
  DEVICE_INFO,
  enrollDevice,
  expectStatus,
  registerParent,
  registerParentDevice,
  relayForFile,
  unique,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp, inviteGrownUp } from '../../test/family-helpers';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';
import { candidate, grantFor, listen, loggedIn, offer, sleep, type RawPeer } from '../signaling/test-support';
import { codeNumber, mailCount, registerVerified, mailingRelayFor, postRegistration } from '../../test/email';
import { messageWith, sendAndAck, settle, text } from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';

/**
 * An attacker against a running relay (issue 12's review): each test is one thing a stranger
 * tries in order to reach a child or an account, and what the relay must answer.
 */

const ATTACKER_PASSWORD = 'the attacker knows this one';

/** The newest six-digit code in the address's mailbox (`mailTo` lists the newest first), as its owner would type it. */
function newestCode(smtp: TestSmtp, address: string): string | undefined {
  for (const mail of smtp.mailTo(address)) {
    const match = /\b(\d{6})\b/.exec((mail as { text: string }).text);
    if (match) return match[1];
  }
  return undefined;
}

describe('an attacker and a relay that sends email', () => {
  let relay: TestRelay;
  let smtp: TestSmtp;
  mailingRelayFor((r, s) => {
    relay = r;
    smtp = s;
  });

  const register = (email: string, password: string) => postRegistration(relay.app, email, password);
  const signInStatus = async (email: string, password: string): Promise<number> =>
    (await api(relay.app, 'POST', '/v1/sessions', { body: { email, password } })).status;

  it('lets no grown-up’s name add a header (a second recipient) to the invitation email', async () => {
    const email = `${unique('inviter')}@example.test`;
    const displayName = 'Sam\r\nBcc: bystander@example.test';
    // Such a name is refused when it is chosen now…
    const refused = await api(relay.app, 'POST', '/v1/parents', { body: { email, password: PASSWORD, displayName } });
    expect(refused.status).toBe(400);
    expectStatus(await api(relay.app, 'POST', '/v1/parents', { body: { email, password: PASSWORD, displayName: 'Sam' } }), 202);
    const code = await codeNumber(smtp, email, 1);
    const inviter = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code } }),
      201,
    );
    // …but one stored before the rule still reaches the email: it must add no header there either.
    sqliteOf(relay.app.relay).prepare('UPDATE accounts SET display_name = ? WHERE id = ?').run(displayName, inviter.parentId);
    const child = await createChild(relay.app, inviter.token);
    const to = `${unique('invited')}@example.test`;
    expectStatus(
      await api(relay.app, 'POST', '/v1/grown-up-invites', {
        token: inviter.token,
        body: { role: 'trusted', childIds: [child.childId], email: to },
      }),
      201,
    );
    await mailCount(smtp, to, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mailTo('bystander@example.test')).toEqual([]);
  });

  it('cannot set the password of an account whose owner is about to verify it (registering the same address again)', async () => {
    const email = `${unique('victim')}@example.test`;
    expectStatus(await register(email, PASSWORD), 202);
    await codeNumber(smtp, email, 1);
    // Between the owner's registration and their typing the code, the attacker registers the address.
    expectStatus(await register(email, ATTACKER_PASSWORD), 202);
    await mailCount(smtp, email, 2);
    // The owner types the newest code in their mailbox, and is signed in.
    const code = newestCode(smtp, email) as string;
    expectStatus(await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code } }), 201);
    // The attacker's password never opens it (nor, until "forgot password", the owner's: the relay
    // cannot tell which of the two registrations was the owner's).
    expect(await signInStatus(email, ATTACKER_PASSWORD)).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(401);
  });

  it('lets the owner who types the code with their password keep that password, whoever registered in between', async () => {
    const email = `${unique('owner')}@example.test`;
    expectStatus(await register(email, PASSWORD), 202);
    await codeNumber(smtp, email, 1);
    expectStatus(await register(email, ATTACKER_PASSWORD), 202);
    await mailCount(smtp, email, 2);
    // The app sends the password its grown-up chose along with the code.
    const code = newestCode(smtp, email) as string;
    expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/email-verifications', { body: { email, code, password: PASSWORD } }),
      201,
    );
    expect(await signInStatus(email, ATTACKER_PASSWORD)).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(201);
  });

  it('lets the mailbox owner take back an address someone else registered first, by "forgot password"', async () => {
    const email = `${unique('squatted')}@example.test`;
    expectStatus(await register(email, ATTACKER_PASSWORD), 202);
    await codeNumber(smtp, email, 1);
    // The owner registers: the same answer; then "forgot password" sets their own password.
    expectStatus(await register(email, PASSWORD), 202);
    await mailCount(smtp, email, 2);
    const before = smtp.mailTo(email).length;
    expectStatus(await api(relay.app, 'POST', '/v1/password-resets', { body: { email } }), 202);
    const code = await codeNumber(smtp, email, before + 1);
    expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/password-resets/complete', {
        body: { email, code, password: PASSWORD },
      }),
      201,
    );
    expect(await signInStatus(email, ATTACKER_PASSWORD)).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(201);
  });
});

describe('an attacker timing the answers of a relay that sends email', () => {
  let relay: TestRelay;
  let smtp: TestSmtp;
  mailingRelayFor((r, s) => {
    relay = r;
    smtp = s;
  });

  const SLOW_MS = 40;
  /** Milliseconds the request takes to be answered; what the relay does after answering is not counted. */
  async function timed(path: string, body: Readonly<Record<string, unknown>>): Promise<number> {
    await sleep(2 * SLOW_MS);
    const start = performance.now();
    const res = await api(relay.app, 'POST', path, { body });
    expect(res.status).toBe(202);
    return performance.now() - start;
  }

  it('answers forgot password, resend and registration as fast for an address with an account as for one without', async () => {
    const verified = await registerVerified(relay.app, smtp);
    const unverified = `${unique('pending')}@example.test`;
    expectStatus(await postRegistration(relay.app, unverified), 202);
    await mailCount(smtp, unverified, 1);
    // Whatever writing a code and sending an email costs the relay (here each transaction is made
    // slow), it must not show in the answer's time.
    const db = sqliteOf(relay.app.relay);
    const exec = db.exec.bind(db);
    const slow = vi.spyOn(db, 'exec').mockImplementation((sql: string) => {
      if (sql === 'BEGIN IMMEDIATE') {
        const until = performance.now() + SLOW_MS;
        while (performance.now() < until);
      }
      return exec(sql);
    });
    try {
      const nobody = (): string => `${unique('nobody')}@example.test`;
      const slowest = async (path: string, known: string, extra: Readonly<Record<string, unknown>> = {}) => ({
        known: await timed(path, { email: known, ...extra }),
        unknown: await timed(path, { email: nobody(), ...extra }),
      });
      const reset = await slowest('/v1/password-resets', verified.email);
      const resend = await slowest('/v1/email-verifications/resend', unverified);
      const again = { password: PASSWORD, displayName: 'Sam' };
      const register = await slowest('/v1/parents', verified.email, again);
      for (const t of [reset, resend, register]) expect(t.known).toBeLessThan(t.unknown + SLOW_MS / 2);
      for (const t of [reset, resend]) expect(t.known).toBeLessThan(SLOW_MS);
    } finally {
      slow.mockRestore();
    }
  });
});

describe('an attacker and grown-up invitation codes', () => {
  let relay: TestRelay;
  relayForFile((r) => (relay = r));

  it('shows a guardian of one child no other child of an invitation made for several', async () => {
    const a = await createFamily(relay.app);
    const halfSibling = await createChild(relay.app, a.parent.token, { displayName: 'Kit' });
    // A co-parent of Robin only, in another household.
    const coParent = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    await inviteGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId, halfSibling.childId]);
    const seen = expectStatus(
      await api<GrownUpInviteList>(relay.app, 'GET', '/v1/grown-up-invites', { token: coParent.token }),
      200,
    );
    const names = seen.sent.flatMap((i) => i.children.map((c) => c.displayName));
    expect(names).toContain('Robin');
    expect(names).not.toContain('Kit');
    // The inviter, who guards both, sees both.
    const own = expectStatus(
      await api<GrownUpInviteList>(relay.app, 'GET', '/v1/grown-up-invites', { token: a.parent.token }),
      200,
    );
    expect(own.sent[0]?.children.map((c) => c.displayName).sort()).toEqual(['Kit', 'Robin']);
  });

  it('lets exactly one of two grown-ups typing the same code at once have it', async () => {
    const family = await createFamily(relay.app);
    const { code } = await inviteGrownUp(relay.app, family.parent.token, 'trusted', [family.child.childId]);
    const [x, y] = [await registerParent(relay.app), await registerParent(relay.app)];
    const answers = await Promise.all(
      [x, y].map((p) =>
        api<{ error?: { code: string } }>(relay.app, 'POST', '/v1/grown-up-invites/redeem', { token: p.token, body: { code } }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.find((a) => a.status !== 201)?.body.error?.code).toBe(ErrorCode.InviteInvalid);
  });
});

describe('a trusted grown-up, a removed guardian and another family against the older child routes', () => {
  let relay: TestRelay;
  relayForFile((r) => (relay = r));

  it('never lets them rename, enroll, add to a PC, make a friend code for, or list the friendships of a child', async () => {
    const a = await createFamily(relay.app);
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    const removed = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    const removedPc = await enrollDevice(relay.app, removed.token, [a.child.childId]);
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${removed.parentId}`, { token: a.parent.token }),
      204,
    );
    const other = await createFamily(relay.app);
    const childId = a.child.childId;
    // A PC of their own where they have one (the trusted grown-up has none: the child's family's).
    const pcs = [a.deviceId, removedPc.deviceId, other.deviceId];
    for (const [i, who] of [gran, removed, other.parent].entries()) {
      const tries = [
        await api(relay.app, 'PATCH', `/v1/children/${childId}`, { token: who.token, body: { displayName: 'Mine now' } }),
        await api(relay.app, 'POST', '/v1/devices', {
          token: who.token,
          body: { name: 'PC', info: DEVICE_INFO, childIds: [childId] },
        }),
        await api(relay.app, 'POST', `/v1/devices/${pcs[i] as string}/children`, { token: who.token, body: { childId } }),
        await api(relay.app, 'POST', '/v1/invites', { token: who.token, body: { childId } }),
        await api(relay.app, 'GET', `/v1/friendships?childId=${childId}`, { token: who.token }),
      ];
      expect(tries.map((t) => t.status)).toEqual([404, 404, 404, 404, 404]);
      const children = expectStatus(await api<unknown[]>(relay.app, 'GET', '/v1/children', { token: who.token }), 200);
      expect(JSON.stringify(children)).not.toContain(childId);
    }
    // The removed guardian's PC lost the child's credential.
    const credential = (removedPc.credentials[0] as { token: string }).token;
    expect((await api(relay.app, 'GET', '/v1/me', { token: credential })).status).toBe(401);
  });
});

describe('an attacker and the signaling server, as a family changes', () => {
  let relay: TestRelay;
  let port: number;
  const peers: RawPeer[] = [];
  beforeEach(async () => {
    relay = await buildTestApp();
    port = await listen(relay.app);
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.ws.close();
    await relay.close();
  });

  const online = async (token: string): Promise<Readonly<{ peer: RawPeer; id: string }>> => {
    const grant = await grantFor(relay.app, token);
    const peer = await loggedIn(port, grant);
    peers.push(peer);
    return { peer, id: grant.peerId };
  };

  /** Whether an OFFER from `from` reaches `to` (if not, `from` is answered EXPIRE). */
  async function offerPasses(from: RawPeer, to: Readonly<{ peer: RawPeer; id: string }>, connectionId: string): Promise<boolean> {
    const expired = from.frames.filter((f) => f.type === 'EXPIRE').length;
    from.send(offer(to.id, connectionId));
    const arrived = (): boolean =>
      to.peer.frames.some((f) => f.type === 'OFFER' && (f.payload as { connectionId: string }).connectionId === connectionId);
    for (let i = 0; i < 100; i++) {
      if (arrived()) return true;
      if (from.frames.filter((f) => f.type === 'EXPIRE').length > expired) return false;
      await sleep(20);
    }
    throw new Error(`neither the OFFER ${connectionId} nor an EXPIRE came`);
  }

  it('stops a removed trusted grown-up and a removed guardian at the very next frame, an opened connection too', async () => {
    const a = await createFamily(relay.app);
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    const child = await online(a.childToken);
    const granPeer = await online(gran.token);
    const secondPeer = await online(second.token);
    expect(await offerPasses(granPeer.peer, child, 'dc_gran1')).toBe(true);
    expect(await offerPasses(secondPeer.peer, child, 'dc_second1')).toBe(true);

    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/trusted/${gran.parentId}`, { token: a.parent.token }),
      204,
    );
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${second.parentId}`, { token: a.parent.token }),
      204,
    );
    // A candidate on the connection opened before, and a new offer, both stop at the relay.
    granPeer.peer.send(candidate(child.id, 'dc_gran1'));
    secondPeer.peer.send(candidate(child.id, 'dc_second1'));
    expect(await offerPasses(granPeer.peer, child, 'dc_gran2')).toBe(false);
    expect(await offerPasses(secondPeer.peer, child, 'dc_second2')).toBe(false);
    expect(await offerPasses(child.peer, granPeer, 'dc_child1')).toBe(false);
    await sleep(200);
    expect(child.peer.frames.filter((f) => f.type === 'CANDIDATE')).toEqual([]);
  });

  it('keeps a child whose consents are all withdrawn from its friend and trusted grown-up, never from its guardians', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    await befriend(relay.app, a, b);
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    const child = await online(a.childToken);
    const friend = await online(b.childToken);
    const granPeer = await online(gran.token);
    const guardian = await online(a.parent.token);
    expect(await offerPasses(friend.peer, child, 'dc_f1')).toBe(true);
    expectStatus(await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/consents/mine`, { token: a.parent.token }), 204);
    expect(await offerPasses(friend.peer, child, 'dc_f2')).toBe(false);
    expect(await offerPasses(child.peer, friend, 'dc_c1')).toBe(false);
    expect(await offerPasses(granPeer.peer, child, 'dc_g1')).toBe(false);
    expect(await offerPasses(child.peer, guardian, 'dc_c2')).toBe(true);
    expect(await offerPasses(guardian.peer, child, 'dc_p1')).toBe(true);
  });
});

describe('an attacker and messages already queued when the family changes', () => {
  let relay: TestRelay;
  let url: string;
  const sockets = relayWithSocketsPerTest((r, u) => {
    relay = r;
    url = u;
  });

  /** Whether a message sent now from `from` to `to` is still waiting to arrive at `to`'s next socket. */
  async function queueOne(fromToken: string, to: string, words: string): Promise<string> {
    const from = await sockets.open(url, fromToken);
    const id = await sendAndAck(from, to, text(words));
    await from.close();
    return id;
  }
  const arrives = async (token: string, id: string): Promise<boolean> => {
    const socket = await sockets.open(url, token);
    await settle(300);
    return socket.frames.some(messageWith(id));
  };

  it('never hands a removed guardian’s or trusted grown-up’s parent-mode PC what the child sent while it was off', async () => {
    const a = await createFamily(relay.app);
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId]);
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    await registerParentDevice(relay.app, second.token);
    await registerParentDevice(relay.app, gran.token);
    await registerParentDevice(relay.app, a.parent.token);
    const toFirst = await queueOne(a.childToken, a.parent.parentId, 'for you, mum');
    const toSecond = await queueOne(a.childToken, second.parentId, 'for you, Alex');
    const toGran = await queueOne(a.childToken, gran.parentId, 'for you, gran');
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/guardians/${second.parentId}`, { token: a.parent.token }),
      204,
    );
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/trusted/${gran.parentId}`, { token: a.parent.token }),
      204,
    );
    expect(await arrives(second.token, toSecond)).toBe(false);
    expect(await arrives(gran.token, toGran)).toBe(false);
    expect(await arrives(a.parent.token, toFirst)).toBe(true);
  });

  it('delivers nothing a child sent its friend once its consent is withdrawn, nor anything of a deleted child', async () => {
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    const c = await createFamily(relay.app);
    await befriend(relay.app, a, b);
    await befriend(relay.app, c, b);
    const fromA = await queueOne(a.childToken, b.child.childId, 'before the withdrawal');
    expectStatus(await api(relay.app, 'DELETE', `/v1/children/${a.child.childId}/consents/mine`, { token: a.parent.token }), 204);
    expect(await arrives(b.childToken, fromA)).toBe(false);
    await sockets.closeAll();
    const fromB = await queueOne(b.childToken, c.child.childId, 'a friend still covered');
    expect(await arrives(c.childToken, fromB)).toBe(true);
    await sockets.closeAll();

    const fromC = await queueOne(c.childToken, b.child.childId, 'before the deletion');
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${c.child.childId}`, {
        token: c.parent.token,
        body: { password: c.parent.password },
      }),
      204,
    );
    expect(await arrives(b.childToken, fromC)).toBe(false);
    const count = sqliteOf(relay.app.relay).prepare(`SELECT COUNT(*) AS n FROM messages WHERE sender_id = ? OR recipient_id = ?`);
    expect(count.get(c.child.childId, c.child.childId)).toEqual({ n: 0 });
  });
});
