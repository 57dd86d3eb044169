import { describe, expect, it } from 'vitest';
import type { FriendshipView, Notice, ReportDetail, ReportList, SharedReportList, WsServerFrame } from '@hearth/common';
import { act, api, befriend, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';
import { settle, type TestSocket } from '../../test/ws-client';
import { codeOf, jpeg, putFile, report, sha256, submission } from '../../test/report-helpers';
import { listForwardedReports, readForwardedReport } from './moderator-read';

/**
 * Reports on the relay (issue 15, F11), through the routes of a real relay: the reporting child's
 * PC submits and uploads; the child's guardians read, unblock, forward and share; the reported
 * child's guardians read what was shared; the reported side never learns of it otherwise.
 */
type NoticeFrame = Extract<WsServerFrame, { type: 'notice' }>;

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
let friendshipId: string;

const sockets = relayWithSocketsPerTest(async (r, u) => {
  relay = r;
  url = u;
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  friendshipId = await befriend(relay.app, a, b);
});

const notices = (s: TestSocket): Notice[] => s.frames.flatMap((f) => (f.type === 'notice' ? [f.notice] : []));
const isNotice = (kind: string) => (f: WsServerFrame) => f.type === 'notice' && f.notice.kind === kind;

async function statusFor(token: string): Promise<string | undefined> {
  const list = expectStatus(await api<{ friendships: FriendshipView[] }>(relay.app, 'GET', '/v1/friendships', { token }), 200);
  return list.friendships.find((f) => f.friendshipId === friendshipId)?.status;
}

describe('a report about a friend', () => {
  it('blocks the friend at once (invisible to them), tells only the reporter’s guardians, and is idempotent', async () => {
    const aParent = await sockets.open(url, a.parent.token);
    const bParent = await sockets.open(url, b.parent.token);
    const bKid = await sockets.open(url, b.childToken);
    const file = jpeg();
    const body = submission(relay.app, a.child.childId, b.child.childId, { file });
    const first = expectStatus(await report(relay.app, a.childToken, body), 201);
    expect(first).toEqual({ reportId: body.reportId, blocked: true, missingFiles: [sha256(file)] });
    expect(await statusFor(a.childToken)).toBe('blocked');
    expect(await statusFor(b.childToken)).toBe('active');
    const frame = await aParent.take<NoticeFrame>(isNotice('friend-reported'));
    expect(frame.notice).toMatchObject({
      childId: a.child.childId,
      reportId: body.reportId,
      about: { accountId: b.child.childId },
    });
    const listed = expectStatus(
      await api<{ notices: Notice[] }>(relay.app, 'GET', '/v1/notices', { token: a.parent.token }),
      200,
    );
    expect(listed.notices.find((n) => n.kind === 'friend-reported')?.reportId).toBe(body.reportId);
    // A re-send after a lost answer: the same answer, nothing done twice.
    expect(expectStatus(await report(relay.app, a.childToken, body), 200)).toEqual(first);
    await settle(200);
    expect(notices(aParent).filter((n) => n.kind === 'friend-reported')).toHaveLength(1);
    expect(notices(bParent)).toEqual([]);
    expect(notices(bKid)).toEqual([]);
  });

  it('takes its files checked against the submission, then shows them to the guardian', async () => {
    const file = jpeg(7, 5000);
    const body = submission(relay.app, a.child.childId, b.child.childId, { file });
    expectStatus(await report(relay.app, a.childToken, body), 201);
    const hash = sha256(file);
    // Wrong bytes for the hash, a wrong size, a wrong type, an undeclared hash, no type of the list.
    const other = jpeg(8, 5000);
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, other)).code).toBe('VALIDATION_FAILED');
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, file.subarray(0, 100))).status).toBe(400);
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, file, 'image/png')).status).toBe(415);
    expect((await putFile(relay.app, a.childToken, body.reportId, sha256(other), other)).status).toBe(404);
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, file, 'text/plain')).status).toBe(415);
    // Another child, a grown-up, nobody: never.
    expect((await putFile(relay.app, b.childToken, body.reportId, hash, file)).status).toBe(404);
    expect((await putFile(relay.app, a.parent.token, body.reportId, hash, file)).status).toBe(403);
    expect((await putFile(relay.app, undefined, body.reportId, hash, file)).status).toBe(401);
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, file)).status).toBe(204);
    expect((await putFile(relay.app, a.childToken, body.reportId, hash, file)).status).toBe(204);
    const detail = expectStatus(
      await api<ReportDetail>(relay.app, 'GET', `/v1/reports/${body.reportId}`, { token: a.parent.token }),
      200,
    );
    expect(detail.files).toEqual([
      { hash, size: file.length, mime: 'image/jpeg', role: 'attachment', messageId: body.itemId, uploaded: true },
    ]);
    expect(detail.messages).toEqual(body.messages);
    expect(detail.summary).toMatchObject({ childName: a.child.displayName, about: { role: 'friend' }, reason: 'mean-words' });
    const res = await relay.app.inject({
      method: 'GET',
      url: `/v1/reports/${body.reportId}/files/${hash}`,
      headers: { authorization: `Bearer ${a.parent.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(res.rawPayload, file)).toBe(0);
  });

  it('refuses a file over the evidence limit before reading it all', async () => {
    const body = submission(relay.app, a.child.childId, b.child.childId, { file: jpeg() });
    expectStatus(await report(relay.app, a.childToken, body), 201);
    const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 1);
    huge.set([0xff, 0xd8, 0xff], 0);
    const res = await putFile(relay.app, a.childToken, body.reportId, sha256(jpeg()), huge);
    expect(res.status).toBe(413);
    expect(res.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lets a guardian lift the block, forward it and share it with the other family', async () => {
    const bParent = await sockets.open(url, b.parent.token);
    const file = jpeg(3);
    const body = submission(relay.app, a.child.childId, b.child.childId, { file });
    expectStatus(await report(relay.app, a.childToken, body), 201);
    expect((await putFile(relay.app, a.childToken, body.reportId, sha256(file), file)).status).toBe(204);
    const token = a.parent.token;
    expectStatus(await api(relay.app, 'POST', `/v1/reports/${body.reportId}/unblock`, { token }), 204);
    expect(await statusFor(a.childToken)).toBe('active');
    expectStatus(
      await api(relay.app, 'POST', `/v1/reports/${body.reportId}/forward`, { token, body: { note: 'Please look' } }),
      204,
    );
    expectStatus(await api(relay.app, 'POST', `/v1/reports/${body.reportId}/forward`, { token, body: {} }), 204);
    const forwarded = await listForwardedReports(relay.app.relay);
    expect(forwarded).toEqual([
      expect.objectContaining({ reportId: body.reportId, guardianNote: 'Please look', forwardedAutomatically: false }),
    ]);
    const view = await readForwardedReport(relay.app.relay, body.reportId);
    expect(view.messages.map((m) => m.verdict)).toHaveLength(1);
    // Nothing shared yet: the other family sees nothing.
    expect(
      expectStatus(await api<SharedReportList>(relay.app, 'GET', '/v1/shared-reports', { token: b.parent.token }), 200).reports,
    ).toEqual([]);
    expectStatus(await api(relay.app, 'POST', `/v1/reports/${body.reportId}/share`, { token }), 204);
    const frame = await bParent.take<NoticeFrame>(isNotice('child-was-reported'));
    expect(frame.notice).toMatchObject({ childId: b.child.childId, reportId: body.reportId, byName: null, about: null });
    const shared = expectStatus(
      await api<SharedReportList>(relay.app, 'GET', '/v1/shared-reports', { token: b.parent.token }),
      200,
    );
    expect(shared.reports).toHaveLength(1);
    expect(shared.reports[0]).toMatchObject({
      reportId: body.reportId,
      childId: b.child.childId,
      reporterFirstName: a.child.displayName.split(' ')[0],
    });
    const text = JSON.stringify(shared);
    for (const secret of [a.parent.parentId, a.parent.email, 'Please look']) expect(text).not.toContain(secret);
    const res = await relay.app.inject({
      method: 'GET',
      url: `/v1/shared-reports/${body.reportId}/files/${sha256(file)}`,
      headers: { authorization: `Bearer ${b.parent.token}` },
    });
    expect(Buffer.compare(res.rawPayload, file)).toBe(0);
    // A's guardian is not the reported child's: no shared view, no file by that route.
    const own = await relay.app.inject({
      method: 'GET',
      url: `/v1/shared-reports/${body.reportId}/files/${sha256(file)}`,
      headers: { authorization: `Bearer ${a.parent.token}` },
    });
    expect(own.statusCode).toBe(404);
  });

  it('rate-limits sharing per family and reporting per child', async () => {
    const token = a.parent.token;
    for (let i = 0; i < 4; i += 1) {
      const body = submission(relay.app, a.child.childId, b.child.childId);
      expectStatus(await report(relay.app, a.childToken, body), 201);
      const res = await api<{ code: string }>(relay.app, 'POST', `/v1/reports/${body.reportId}/share`, { token });
      expect(res.status).toBe(i < 3 ? 204 : 429);
    }
    for (let i = 4; i < 10; i += 1)
      expectStatus(await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.child.childId)), 201);
    const limited = await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.child.childId));
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    relay.clock.advance(61 * 60_000);
    expectStatus(await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.child.childId)), 201);
  });
});

describe('whom a child may report', () => {
  it('refuses a stranger and a contact that ended more than 30 days ago; takes one that ended within them', async () => {
    const c = await createFamily(relay.app);
    const stranger = await report(relay.app, a.childToken, submission(relay.app, a.child.childId, c.child.childId));
    expect(stranger.status).toBe(404);
    expect(codeOf(stranger)).toBe('NOT_A_RECENT_CONTACT');
    expectStatus(await act(relay.app, b.childToken, friendshipId, 'remove'), 200);
    relay.clock.advance(29 * 24 * 60 * 60_000);
    const recent = expectStatus(
      await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.child.childId)),
      201,
    );
    expect(recent.blocked).toBe(false);
    relay.clock.advance(2 * 24 * 60 * 60_000);
    const old = await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.child.childId));
    expect(codeOf(old)).toBe('NOT_A_RECENT_CONTACT');
  });

  it('removes a reported trusted grown-up at once', async () => {
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    const res = expectStatus(await report(relay.app, a.childToken, submission(relay.app, a.child.childId, gran.parentId)), 201);
    expect(res.blocked).toBe(true);
    const grownUps = expectStatus(
      await api<{ trusted: unknown[] }>(relay.app, 'GET', `/v1/children/${a.child.childId}/grown-ups`, { token: a.parent.token }),
      200,
    );
    expect(grownUps.trusted).toEqual([]);
    // A trusted grown-up never reads the child's reports.
    const list = await api(relay.app, 'GET', '/v1/reports', { token: gran.token });
    expect(expectStatus(list as typeof list & { body: ReportList }, 200).reports).toEqual([]);
  });

  it('about a guardian: blocks nothing, goes to the moderators and the other guardians, never to that guardian', async () => {
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Dad' });
    const aParent = await sockets.open(url, a.parent.token);
    const dad = await sockets.open(url, second.token);
    const body = submission(relay.app, a.child.childId, a.parent.parentId, { reason: 'something-else' });
    expect(expectStatus(await report(relay.app, a.childToken, body), 201).blocked).toBe(false);
    expect((await dad.take<NoticeFrame>(isNotice('friend-reported'))).notice.reportId).toBe(body.reportId);
    const theirs = expectStatus(await api<ReportList>(relay.app, 'GET', '/v1/reports', { token: second.token }), 200);
    expect(theirs.reports).toHaveLength(1);
    expect(theirs.reports[0]?.state.forwardedAutomatically).toBe(true);
    const mine = expectStatus(
      await api<ReportList>(relay.app, 'GET', `/v1/reports?childId=${a.child.childId}`, { token: a.parent.token }),
      200,
    );
    expect(mine.reports).toEqual([]);
    for (const path of ['', '/unblock', '/forward', '/share']) {
      const method = path ? 'POST' : 'GET';
      const res = await api<{ code: string }>(relay.app, method, `/v1/reports/${body.reportId}${path}`, {
        token: a.parent.token,
        body: path === '/forward' ? {} : undefined,
      });
      expect(res.status).toBe(404);
    }
    expect((await listForwardedReports(relay.app.relay)).map((r) => r.reportId)).toEqual([body.reportId]);
    await settle(200);
    expect(notices(aParent).filter((n) => n.kind === 'friend-reported')).toEqual([]);
  });

  it('forwards grooming signs at once', async () => {
    const body = submission(relay.app, a.child.childId, b.child.childId, { reason: 'wants-to-meet' });
    expectStatus(await report(relay.app, a.childToken, body), 201);
    const [item] = await listForwardedReports(relay.app.relay);
    expect(item).toMatchObject({ reportId: body.reportId, forwardedAutomatically: true, reporterName: a.child.displayName });
  });
});

describe('bad reports', () => {
  it('refuses bodies that break the contract, with VALIDATION_FAILED, and changes nothing', async () => {
    const good = submission(relay.app, a.child.childId, b.child.childId, { file: jpeg() });
    const file = good.files[0]!;
    const voice = { ...file, hash: sha256(jpeg(9)), role: 'voice-note' as const, messageId: null };
    const bad: unknown[] = [
      {},
      { ...good, extra: 1 },
      { ...good, reason: 'bored' },
      { ...good, about: 'not-an-id' },
      { ...good, messages: [{ ...good.messages[0], raw: 'x'.repeat(20_000) }] },
      { ...good, files: [file, file] },
      { ...good, messages: [{ ...good.messages[0], from: a.parent.parentId }] },
      { ...good, files: [{ ...file, messageId: relay.app.relay.newId() }] },
      { ...good, files: [voice, { ...voice, hash: sha256(jpeg(10)) }] },
      { ...good, files: [{ ...voice, size: 6 * 1024 * 1024 }] },
      // A time no database column takes (it was a 500), and one far past the year 9999.
      { ...good, madeAt: 1e19 },
      { ...good, madeAt: 1e17 },
      {
        ...good,
        files: [
          { ...file, size: 30 * 1024 * 1024 },
          { ...file, hash: sha256(jpeg(11)), size: 30 * 1024 * 1024 },
        ],
      },
    ];
    for (const body of bad) {
      const res = await report(relay.app, a.childToken, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(codeOf(res)).toBe('VALIDATION_FAILED');
    }
    expect(await statusFor(a.childToken)).toBe('active');
    expect(expectStatus(await api<ReportList>(relay.app, 'GET', '/v1/reports', { token: a.parent.token }), 200).reports).toEqual(
      [],
    );
  });

  it('refuses a report id another child already used, and a report about a stranger grown-up', async () => {
    const body = submission(relay.app, a.child.childId, b.child.childId);
    expectStatus(await report(relay.app, a.childToken, body), 201);
    const taken = await report(relay.app, b.childToken, {
      ...submission(relay.app, b.child.childId, a.child.childId),
      reportId: body.reportId,
    });
    expect(codeOf(taken)).toBe('CONFLICT');
    const stranger = await report(relay.app, a.childToken, submission(relay.app, a.child.childId, b.parent.parentId));
    expect(codeOf(stranger)).toBe('NOT_A_RECENT_CONTACT');
  });
});
