import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_VERSION,
  APP_VERSION_HEADER,
  type AuditList,
  type ModeratorSessionGrant,
  type NoticeList,
  type ReportSubmission,
  type WsServerFrame,
  type WsSuspensionFrame,
} from '@hearth/common';
import { seedForwardedReport } from '../../test/forwarded-report';
import { jpeg, putFile, report, submission } from '../../test/report-helpers';
import {
  PASSWORD,
  api,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  registerParent,
  registerParentDevice,
  signIn,
  unique,
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
  type TestSocket,
} from '../../test/ws-client';
import { createModerator } from './moderators';
import type { ForwardedReportView } from '../reports/moderator-read';
import { grantFor, loggedIn, offer, type RawPeer } from '../signaling/test-support';

/**
 * The moderators' admin API (issue 15, F16) on a real relay app: its own sessions, suspensions
 * and their effects on the relay (messages, frames, notices, sign-in), email bans, closing
 * accounts, and the audit row every action writes.
 */
const MOD_PASSWORD = 'a moderator password';
let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
let mod: ModeratorSessionGrant;
const sockets = socketPool();
const peers: RawPeer[] = [];
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);
const suspensionFrame = (suspended: boolean) => (f: WsServerFrame) =>
  f.type === 'suspension' && (f as WsSuspensionFrame).suspended === suspended;

async function moderatorSignIn(email: string, password: string) {
  return api<ModeratorSessionGrant>(relay.app, 'POST', '/admin/v1/sessions', { body: { email, password } });
}
const admin = <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, body?: unknown, token = mod.token) =>
  api<T>(relay.app, method, route, { token, ...(body === undefined ? {} : { body }) });
const auditActions = async (): Promise<string[]> =>
  expectStatus(await admin<AuditList>('GET', '/admin/v1/audit'), 200).entries.map((e) => `${e.action} ${e.subjectId}`);

beforeEach(async () => {
  relay = await buildTestApp({ rateLimits: { signInPerMinute: 100_000 } });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  await createModerator(relay.app.relay, { email: 'Mo@Example.test', displayName: 'Mo', password: MOD_PASSWORD });
  mod = expectStatus(await moderatorSignIn('mo@example.test', MOD_PASSWORD), 201);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.ws.terminate();
  await sockets.closeAll();
  await relay.close();
});

describe('moderator sessions', () => {
  it('signs in with its own credential; a family token is nobody on /admin/v1, a moderator token nobody on /v1', async () => {
    expect(mod.token).toMatch(/^md_/);
    expect((await admin('GET', '/admin/v1/audit')).status).toBe(200);
    // A family's session and a child's credential do not open the admin API.
    for (const token of [a.parent.token, a.childToken]) {
      const res = await admin<{ error: { code: string } }>('GET', '/admin/v1/audit', undefined, token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
    // A grown-up's email and password are no moderator's.
    expect((await moderatorSignIn(a.parent.email, PASSWORD)).status).toBe(401);
    // The moderator's token is nobody on the family routes.
    for (const route of ['/v1/sessions', '/v1/children', '/v1/friendships']) {
      const res = await api<{ error: { code: string } }>(relay.app, 'GET', route, { token: mod.token });
      expect(res.status, route).toBe(401);
    }
    // Signing out ends it.
    expect((await admin('DELETE', '/admin/v1/sessions/current')).status).toBe(204);
    expect((await admin('GET', '/admin/v1/audit')).status).toBe(401);
  });

  it('refuses a wrong password and backs off after repeated failures', async () => {
    const wrong = await moderatorSignIn('mo@example.test', 'not the password');
    expect(wrong.status).toBe(401);
    let last = wrong;
    for (let i = 0; i < 10 && last.status !== 429; i++) last = await moderatorSignIn('mo@example.test', 'not the password');
    expect(last.status).toBe(429);
    expect((last.body as unknown as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Even the right password waits now.
    expect((await moderatorSignIn('mo@example.test', MOD_PASSWORD)).status).toBe(429);
  });
});

describe('suspending a child', () => {
  it('keeps it to its own guardians, tells its sockets and its guardians (category only), and lifting undoes it', async () => {
    await registerParentDevice(relay.app, a.parent.token);
    const guardian = await socketFor(a.parent.token);
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    expect(kid.frames.filter((f) => f.type === 'suspension')).toEqual([]);

    const reason = unique('private-moderator-notes');
    expectStatus(await admin('POST', `/admin/v1/accounts/${a.child.childId}/suspension`, { category: 'bullying', reason }), 204);
    expect(await kid.take(suspensionFrame(true))).toEqual({ type: 'suspension', suspended: true, category: 'bullying' });

    // To a friend: refused with ACCOUNT_SUSPENDED; to its own guardian: through.
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('hi') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    const up = await sendAndAck(kid, a.parent.parentId, text('hello grown-up'));
    await guardian.take(messageWith(up));
    // The friend's messages to it are refused as for a child kept to its guardians.
    const fid = newMessageId();
    friend.send({ type: 'send', id: fid, to: a.child.childId, content: text('are you there?') });
    expect(await friend.take(errorFor(fid))).toMatchObject({ code: 'NOT_FRIENDS' });

    // The guardians: the category, never the reason text.
    const notices = expectStatus(await api<NoticeList>(relay.app, 'GET', '/v1/notices', { token: a.parent.token }), 200).notices;
    const notice = notices.find((n) => n.kind === 'child-suspended');
    expect(notice).toMatchObject({ childId: a.child.childId, category: 'bullying', about: null, byName: null });
    expect(JSON.stringify(notices)).not.toContain(reason);
    expect(guardian.frames.some((f) => f.type === 'notice' && f.notice.kind === 'child-suspended')).toBe(true);

    // At hello while suspended.
    await kid.close();
    const again = await socketFor(a.childToken);
    expect(await again.take(suspensionFrame(true))).toMatchObject({ category: 'bullying' });

    expectStatus(
      await admin('POST', `/admin/v1/accounts/${a.child.childId}/suspension/lift`, { reason: 'talked to family' }),
      204,
    );
    expect(await again.take(suspensionFrame(false))).toEqual({ type: 'suspension', suspended: false, category: null });
    await sendAndAck(again, b.child.childId, text('back again'));
    const lifted = expectStatus(await api<NoticeList>(relay.app, 'GET', '/v1/notices', { token: a.parent.token }), 200).notices;
    expect(lifted.some((n) => n.kind === 'child-suspension-lifted' && n.childId === a.child.childId)).toBe(true);

    // Both actions are in the log, with the reason for moderators.
    const log = expectStatus(await admin<AuditList>('GET', '/admin/v1/audit'), 200).entries;
    expect(log.map((e) => e.action)).toEqual(['suspend', 'lift-suspension']);
    expect(log[0]).toMatchObject({ moderatorId: mod.moderatorId, subjectKind: 'account', subjectId: a.child.childId });
    expect(log[0]?.reason).toContain(reason);
  });

  it('answers a call to or from the suspended child with EXPIRE, as for a friend offline; its guardian still calls', async () => {
    const port = Number(new URL(url).port);
    const ga = await grantFor(relay.app, a.childToken);
    const gb = await grantFor(relay.app, b.childToken);
    const gp = await grantFor(relay.app, a.parent.token);
    const pa = await loggedIn(port, ga);
    const pb = await loggedIn(port, gb);
    const pp = await loggedIn(port, gp);
    peers.push(pa, pb, pp);
    // Before: a call goes through.
    pb.send(offer(ga.peerId, 'dc_zero'));
    expect(await pa.next()).toMatchObject({ type: 'OFFER', src: gb.peerId });
    expectStatus(
      await admin('POST', `/admin/v1/accounts/${a.child.childId}/suspension`, { category: 'unsafe-contact', reason: 'x' }),
      204,
    );
    pb.send(offer(ga.peerId, 'dc_one'));
    expect(await pb.next()).toEqual({ type: 'EXPIRE', src: ga.peerId, dst: gb.peerId });
    pa.send(offer(gb.peerId, 'dc_two'));
    expect(await pa.next()).toEqual({ type: 'EXPIRE', src: gb.peerId, dst: ga.peerId });
    pp.send(offer(ga.peerId, 'dc_three'));
    expect(await pa.next()).toMatchObject({ type: 'OFFER', src: gp.peerId });
  });

  it('refuses an unknown account and a bad category', async () => {
    expect(
      (await admin('POST', '/admin/v1/accounts/01J00000000000000000000000/suspension', { category: 'other', reason: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (await admin('POST', `/admin/v1/accounts/${a.child.childId}/suspension`, { category: 'nope', reason: 'x' })).status,
    ).toBe(400);
    expect((await admin('POST', `/admin/v1/accounts/${a.child.childId}/suspension/lift`, {})).status).toBe(404);
    expect(await auditActions()).toEqual([]);
  });
});

describe('suspending a grown-up', () => {
  it('refuses their sign-in and their session with ACCOUNT_SUSPENDED until lifted', async () => {
    expectStatus(
      await admin('POST', `/admin/v1/accounts/${b.parent.parentId}/suspension`, { category: 'spam-or-scam', reason: 'x' }),
      204,
    );
    const session = await api<{ error: { code: string } }>(relay.app, 'GET', '/v1/children', { token: b.parent.token });
    expect(session.status).toBe(403);
    expect(session.body.error.code).toBe('ACCOUNT_SUSPENDED');
    const signin = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/sessions', {
      body: { email: b.parent.email, password: PASSWORD },
    });
    expect(signin.body.error.code).toBe('ACCOUNT_SUSPENDED');
    // A wrong password says nothing of it.
    const wrong = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/sessions', {
      body: { email: b.parent.email, password: 'wrong wrong wrong' },
    });
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    expectStatus(await admin('POST', `/admin/v1/accounts/${b.parent.parentId}/suspension/lift`, {}), 204);
    expect((await api(relay.app, 'GET', '/v1/children', { token: b.parent.token })).status).toBe(200);
    await signIn(relay.app, b.parent.email, PASSWORD);
  });
});

describe('email bans', () => {
  it('refuses registration with a banned email (any case) with EMAIL_BANNED, keeps only a keyed hash, and lifts', async () => {
    const email = `${unique('banned')}@Example.test`;
    const made = expectStatus(
      await admin<{ accountExists: boolean }>('POST', '/admin/v1/email-bans', { email, reason: 'ban evasion' }),
      201,
    );
    expect(made.accountExists).toBe(false);
    const refused = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/parents', {
      body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Someone' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('EMAIL_BANNED');
    // The address is nowhere in the relay's files (database and WAL).
    for (const file of ['relay.sqlite', 'relay.sqlite-wal']) {
      const bytes = await fs.readFile(path.join(relay.dataDir, file)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(Buffer.from(email.toLowerCase())), file).toBe(false);
    }
    expectStatus(await admin('POST', '/admin/v1/email-bans/lift', { email, reason: 'appeal' }), 204);
    expect((await admin('POST', '/admin/v1/email-bans/lift', { email })).status).toBe(404);
    await registerParent(relay.app, { email });
    const log = await auditActions();
    expect(log.map((l) => l.split(' ')[0])).toEqual(['ban-email', 'lift-ban']);
  });

  it('says when an account has the banned email, and leaves that account as it is', async () => {
    const made = expectStatus(
      await admin<{ accountExists: boolean }>('POST', '/admin/v1/email-bans', { email: b.parent.email, reason: 'x' }),
      201,
    );
    expect(made.accountExists).toBe(true);
    expect((await api(relay.app, 'GET', '/v1/children', { token: b.parent.token })).status).toBe(200);
  });
});

describe('closing accounts', () => {
  it("deletes a child through the guardians' path, by nobody named", async () => {
    expectStatus(await admin('POST', `/admin/v1/accounts/${b.child.childId}/close`, { reason: 'repeated abuse' }), 204);
    expect((await api(relay.app, 'GET', `/v1/children/${b.child.childId}`, { token: b.parent.token })).status).toBe(404);
    const notices = expectStatus(await api<NoticeList>(relay.app, 'GET', '/v1/notices', { token: b.parent.token }), 200).notices;
    expect(notices.find((n) => n.kind === 'child-deleted')).toMatchObject({ byName: null });
    expect(await auditActions()).toEqual([`close-account ${b.child.childId}`]);
  });

  it("deletes a grown-up's account and the children whose last guardian they were", async () => {
    expectStatus(await admin('POST', `/admin/v1/accounts/${b.parent.parentId}/close`, { reason: 'x' }), 204);
    expect((await api(relay.app, 'GET', '/v1/children', { token: b.parent.token })).status).toBe(401);
    const gone = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/sessions', {
      body: { email: b.parent.email, password: PASSWORD },
    });
    expect(gone.status).toBe(401);
    expect(await relay.app.relay.store.family.accountKindOf(b.child.childId)).toBeUndefined();
    // Family A is untouched.
    expect((await api(relay.app, 'GET', `/v1/children/${a.child.childId}`, { token: a.parent.token })).status).toBe(200);
    await settle();
  });
});

describe('forwarded reports', () => {
  it('lists none and reads none that was not forwarded', async () => {
    expect(expectStatus(await admin<{ reports: unknown[] }>('GET', '/admin/v1/reports'), 200).reports).toEqual([]);
    expect((await admin('GET', '/admin/v1/reports/01J00000000000000000000000')).status).toBe(404);
  });

  it("reads a forwarded report with the relay's verdicts and the uploaded file's bytes, each read logged", async () => {
    const seeded = await seedForwardedReport(relay.app, url, a, b, { note: 'look at the picture' });
    // A second report, kept in the family: none of the moderators' business, its files neither.
    const kept = submission(relay.app, a.child.childId, b.child.childId, { file: jpeg(3) });
    expectStatus(await report(relay.app, a.childToken, kept), 201);
    const keptFile = kept.files[0] as ReportSubmission['files'][number];
    expect((await putFile(relay.app, a.childToken, kept.reportId, keptFile.hash, jpeg(3))).status).toBe(204);
    expect((await admin('GET', `/admin/v1/reports/${kept.reportId}`)).status).toBe(404);
    expect((await admin('GET', `/admin/v1/reports/${kept.reportId}/files/${keptFile.hash}`)).status).toBe(404);

    const list = expectStatus(await admin<{ reports: Array<{ reportId: string }> }>('GET', '/admin/v1/reports'), 200).reports;
    expect(list.map((r) => r.reportId)).toEqual([seeded.reportId]);
    const view = expectStatus(await admin<ForwardedReportView>('GET', `/admin/v1/reports/${seeded.reportId}`), 200);
    expect(view).toMatchObject({ guardianNote: 'look at the picture', about: { accountId: b.child.childId, kind: 'child' } });
    expect(view.messages.map((m) => [m.id, m.verdict])).toEqual([
      [seeded.ids.confirmed, 'confirmed'],
      [seeded.ids.altered, 'not-confirmed'],
      [seeded.ids.picture, 'confirmed-picture-changed'],
    ]);
    expect(view.files).toEqual([
      expect.objectContaining({ hash: seeded.file.hash, mime: 'image/png', uploaded: true, messageId: seeded.ids.picture }),
    ]);

    const file = await relay.app.inject({
      method: 'GET',
      url: `/admin/v1/reports/${seeded.reportId}/files/${seeded.file.hash}`,
      headers: { [APP_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${mod.token}` },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(seeded.file.bytes)).toBe(true);
    const unknown = await admin('GET', `/admin/v1/reports/${seeded.reportId}/files/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect((await admin('GET', `/admin/v1/reports/${seeded.reportId}/files/not-a-hash`)).status).toBe(400);
    expect(await auditActions()).toEqual([`read-report ${seeded.reportId}`, `read-report-file ${seeded.reportId}`]);
  });
});
