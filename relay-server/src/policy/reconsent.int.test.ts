import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentHistory, PolicyReview, ReconsentResult } from '@hearth/common';
import {
  act,
  api,
  befriend,
  buildTestApp,
  createChild,
  createFamily,
  expectStatus,
  registerParentDevice,
  signIn,
  PASSWORD,
  type TestParent,
  requestFriendship,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import {
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  socketPool,
  text,
  type ErrorFrame,
  type TestSocket,
} from '../../test/ws-client';

/**
 * Re-consent (F15): the relay restarts with a new policy version. Each guardian is asked at their
 * next sign-in; until they consent, no new children and no friend approvals; existing friendships
 * keep working for the grace period (on the relay's clock), after which a child none of whose
 * guardians consented reaches only its grown-ups and its friends' messages wait for a consent.
 */

const OLD = '2026-01-01';
const NEW = '2026-06-01';
const DAY = 24 * 60 * 60 * 1000;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-reconsent-'));
for (const version of [OLD, NEW]) {
  fs.mkdirSync(path.join(DIR, version));
  for (const lang of ['en', 'es']) {
    fs.writeFileSync(path.join(DIR, version, `${lang}.md`), `# Policy ${version} ${lang}`);
    fs.writeFileSync(path.join(DIR, version, `changes.${lang}.md`), `What changed in ${version} (${lang})`);
  }
}
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

const consentTo = (version: string) => ({ policyVersion: version, method: 'checkbox', agreed: true }) as const;

let relay: TestRelay;
let url: string;
/** Friends A and B; A's parent has a second child; A and C have a friend request both kids confirmed. */
let a: TestFamily;
let b: TestFamily;
let pendingWithC: string;
let secondChildId: string;
const sockets = socketPool();

beforeEach(async () => {
  const before = await buildTestApp({ policyDir: DIR, policyVersion: OLD });
  const { app } = before;
  a = await createFamily(app, { consent: consentTo(OLD) });
  b = await createFamily(app, { consent: consentTo(OLD) });
  const c = await createFamily(app, { consent: consentTo(OLD) });
  secondChildId = (await createChild(app, a.parent.token, { consent: consentTo(OLD) })).childId;
  await befriend(app, a, b);
  pendingWithC = await requestFriendship(app, a, c);
  expectStatus(await act(app, a.childToken, pendingWithC, 'confirm'), 200);
  expectStatus(await act(app, c.parent.token, pendingWithC, 'approve'), 200);
  // The relay stops and starts again, serving the new version (its data kept).
  await before.app.close();
  relay = await buildTestApp({ dataDir: before.dataDir, policyDir: DIR, policyVersion: NEW });
  url = await listenForWs(relay.app);
});
afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

const review = async (token: string, lang = 'en'): Promise<PolicyReview> =>
  expectStatus(await api<PolicyReview>(relay.app, 'GET', `/v1/policy-review?lang=${lang}`, { token }), 200);
const reconsent = async (token: string): Promise<ReconsentResult> =>
  expectStatus(
    await api<ReconsentResult>(relay.app, 'POST', '/v1/policy-review/consent', { token, body: { consent: consentTo(NEW) } }),
    200,
  );
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

/** Sends a message and resolves with what the sender sees: `sent`, or the error code. */
async function attempt(from: TestSocket, to: string): Promise<string> {
  const id = newMessageId();
  from.send({ type: 'send', id, to, content: text('hi') });
  const frame = await from.take((f) => (f.type === 'sent' && f.id === id) || errorFor(id)(f));
  return frame.type === 'sent' ? 'sent' : (frame as ErrorFrame).code;
}

/** A new session (a parent's session lasts hours; these tests move the clock by days). */
const freshToken = async (parent: TestParent): Promise<string> => (await signIn(relay.app, parent.email, PASSWORD)).token;

/** Past the grace period on the relay's clock; the housekeeping notices at once. */
async function pastGrace(): Promise<void> {
  relay.clock.advance(30 * DAY);
  await relay.app.realtime.sweep();
}

describe('asking again', () => {
  it('shows each guardian what changed, in their language, and which children wait; one consent records one per child', async () => {
    const asked = await review(a.parent.token, 'es');
    expect(asked).toMatchObject({ version: NEW, lang: 'es', changes: `What changed in ${NEW} (es)` });
    expect(asked.graceEndsAt - asked.firstServedAt).toBe(30 * DAY);
    expect(asked.children.map((c) => c.childId).sort()).toEqual([a.child.childId, secondChildId].sort());

    relay.clock.advance(60_000);
    const given = await reconsent(a.parent.token);
    expect(given.consents.map((c) => c.childId).sort()).toEqual([a.child.childId, secondChildId].sort());
    for (const c of given.consents)
      expect(c).toMatchObject({ parentId: a.parent.parentId, policyVersion: NEW, method: 'checkbox' });
    expect((await review(a.parent.token)).children).toEqual([]);
    // Asked once: a second consent records nothing more.
    expect((await reconsent(a.parent.token)).consents).toEqual([]);

    const history = expectStatus(
      await api<ConsentHistory>(relay.app, 'GET', `/v1/children/${a.child.childId}/consent-history`, { token: a.parent.token }),
      200,
    );
    expect(history.entries.map((e) => [e.policyVersion, e.parentId])).toEqual([
      [NEW, a.parent.parentId],
      [OLD, a.parent.parentId],
    ]);
    expect(history.entries[0]?.givenAt).toBe(relay.clock.now());
    // Another family's guardian learns nothing of it.
    const other = await api(relay.app, 'GET', `/v1/children/${a.child.childId}/consent-history`, { token: b.parent.token });
    expect(other.status).toBe(404);
  });

  it('tells each guardian’s own sockets once per child that the new version waits for them, and no one else', async () => {
    const isAsked = (f: { type: string; notice?: { kind: string } }): boolean =>
      f.type === 'notice' && f.notice?.kind === 'reconsent-requested';
    const aParent = await socketFor(a.parent.token);
    const bParent = await socketFor(b.parent.token);
    const kid = await socketFor(a.childToken);
    await aParent.take(isAsked);
    await aParent.take(isAsked);
    await bParent.take(isAsked);
    await settle(200);
    const asked = (s: TestSocket): string[] =>
      s.frames.flatMap((f) => (f.type === 'notice' && f.notice.kind === 'reconsent-requested' ? [f.notice.childId] : []));
    expect(asked(aParent).sort()).toEqual([a.child.childId, secondChildId].sort());
    expect(asked(bParent)).toEqual([b.child.childId]);
    expect(kid.frames.filter((f) => f.type === 'notice')).toEqual([]);
    // Told once: a socket that connects again is not told again.
    const again = await socketFor(a.parent.token);
    await settle(200);
    expect(asked(again)).toEqual([]);
    // A guardian who consented is not asked.
    await reconsent(b.parent.token);
    const bAgain = await socketFor(b.parent.token);
    await settle(200);
    expect(asked(bAgain)).toEqual([]);
  });

  it('refuses a consent to any version but the current one', async () => {
    const res = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/policy-review/consent', {
      token: a.parent.token,
      body: { consent: consentTo(OLD) },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POLICY_VERSION_MISMATCH');
  });

  it('keeps the grace period from the first start that served the version, across restarts', async () => {
    const first = await review(a.parent.token);
    await relay.app.close();
    relay = await buildTestApp({ dataDir: relay.dataDir, policyDir: DIR, policyVersion: NEW });
    relay.clock.advance(5 * 60_000);
    expect((await review(a.parent.token)).firstServedAt).toBe(first.firstServedAt);
  });
});

describe('RECONSENT_REQUIRED', () => {
  it('refuses new children and friend approvals until the guardian consents', async () => {
    const child = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/children', {
      token: a.parent.token,
      body: { displayName: 'New', username: `new${Date.now().toString(36)}`, consent: consentTo(NEW) },
    });
    expect(child.status).toBe(403);
    expect(child.body.error.code).toBe('RECONSENT_REQUIRED');
    const approval = await act(relay.app, a.parent.token, pendingWithC, 'approve');
    expect(approval.status).toBe(403);
    expect((approval.body as unknown as { error: { code: string } }).error.code).toBe('RECONSENT_REQUIRED');

    await reconsent(a.parent.token);
    expect(expectStatus(await act(relay.app, a.parent.token, pendingWithC, 'approve'), 200).status).toBe('active');
    expectStatus(
      await api(relay.app, 'POST', '/v1/children', {
        token: a.parent.token,
        body: { displayName: 'New', username: `new${Date.now().toString(36)}`, consent: consentTo(NEW) },
      }),
      201,
    );
  });
});

describe('the grace period', () => {
  it('keeps existing friendships working until it ends, on the relay’s clock', async () => {
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    relay.clock.advance(30 * DAY - 1);
    await relay.app.realtime.sweep();
    const id = await sendAndAck(friend, a.child.childId, text('still here'));
    await kid.take(messageWith(id));
    expect(await attempt(kid, b.child.childId)).toBe('sent');
    expect(kid.frames.some((f) => f.type === 'reconsent')).toBe(false);

    relay.clock.advance(1);
    await relay.app.realtime.sweep();
    expect((await kid.take((f) => f.type === 'reconsent' && f.waiting)) as unknown).toEqual({ type: 'reconsent', waiting: true });
    // The friend sees the child go, as any friend going offline looks.
    await friend.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'offline');
    expect(await attempt(kid, b.child.childId)).toBe('RECONSENT_REQUIRED');
  });

  it('after it, holds friends’ messages for the child, keeps its grown-ups reachable, and delivers what waited once a guardian consents', async () => {
    await reconsent(b.parent.token);
    await pastGrace();
    const mumToken = await freshToken(a.parent);
    await registerParentDevice(relay.app, mumToken);
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    const mum = await socketFor(mumToken);
    await kid.take((f) => f.type === 'reconsent' && f.waiting);

    // The child's own sends to friends are refused with the code its PC puts in kid words; calls likewise.
    expect(await attempt(kid, b.child.childId)).toBe('RECONSENT_REQUIRED');
    const peers = expectStatus(
      await api<{ peers: { accountId: string }[] }>(relay.app, 'GET', '/v1/signaling/peers', { token: a.childToken }),
      200,
    );
    expect(peers.peers.map((p) => p.accountId)).toEqual([a.parent.parentId]);

    // A friend's message is taken (the friend is not told anything) but waits.
    const held = await sendAndAck(friend, a.child.childId, text('are you there?'));
    await settle();
    expect(kid.frames.some((f) => f.type === 'message' && f.message.id === held)).toBe(false);

    // Its grown-ups reach it and are reached.
    const fromMum = await sendAndAck(mum, a.child.childId, text('dinner'));
    await kid.take(messageWith(fromMum));
    const toMum = await sendAndAck(kid, a.parent.parentId, text('coming'));
    await mum.take(messageWith(toMum));

    // A guardian consents: the child is told, the held message arrives, friends are back.
    await reconsent(mumToken);
    await kid.take((f) => f.type === 'reconsent' && !f.waiting);
    await kid.take(messageWith(held));
    await friend.take((f) => f.type === 'presence' && f.accountId === a.child.childId && f.state === 'online');
    expect(await attempt(kid, b.child.childId)).toBe('sent');
  });

  it('after it, a held message reaches a child that connects only after the consent', async () => {
    await reconsent(b.parent.token);
    await pastGrace();
    const friend = await socketFor(b.childToken);
    const held = await sendAndAck(friend, a.child.childId, text('later'));
    await reconsent(await freshToken(a.parent));
    const kid = await socketFor(a.childToken);
    await kid.take(messageWith(held));
  });
});
