/**
 * "Something's wrong" (F11), the child's PC, through the IPC contract against a real relay for
 * everything but the report routes themselves: `POST /v1/reports` and `PUT /v1/reports/:id/files/:hash`
 * are answered by a small local stub (the relay's side is built in parallel; the lead points this
 * test at the real relay when both are merged). A raw client (Leo, a modified sender) sends Mia a
 * mean message and a photo full of metadata; Mia answers; a call is logged. Mia reports the mean
 * message while the report routes cannot be reached: Leo leaves her lists at once and the report
 * waits in her PC's outbox; when the routes answer, the report goes with each message's raw form
 * as the relay delivered it, the picture marked as changed on receipt, and the files they ask for.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ReportSubmission,
  type AttachmentRef,
  type ChildId,
  type FriendshipView,
  type Invite,
  type WsServerFrame,
} from '@hearth/common';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { actHttp, createFamilyHttp, expectHttp, relayHttp, type HttpFamily, type RelayHttp } from '@hearth/test-kit/relay-http';
import { openRelaySocket, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { pendingReports } from '../db/child/queries/reports';
import { matches } from '../validate';
import { sha256Hex } from './attachments';
import { GPS_LATITUDE, jpegWithGps } from './strip-metadata/test-pictures';

type Got = { method: string; url: string; auth: string | undefined; type: string | undefined; body: Buffer };

/** The report routes only; 503 while `up` is false (the relay cannot be reached). */
function startReportStub(): Promise<{ url: string; got: Got[]; setUp: (v: boolean) => void; close: () => Promise<void> }> {
  const got: Got[] = [];
  let up = false;
  const read = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const reply = (status: number, json?: unknown): void => {
        res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
        res.end(json === undefined ? undefined : JSON.stringify(json));
      };
      if (!up) return reply(503, { error: { code: 'UNAVAILABLE', message: 'down' } });
      got.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body,
      });
      if (req.method === 'POST' && req.url === '/v1/reports') {
        const s = JSON.parse(body.toString()) as ReportSubmission;
        return reply(201, { reportId: s.reportId, blocked: true, missingFiles: s.files.map((f) => f.hash) });
      }
      if (req.method === 'PUT' && /^\/v1\/reports\/[0-9A-Z]{26}\/files\/[0-9a-f]{64}$/.test(req.url ?? '')) return reply(204);
      return reply(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        got,
        setUp: (v) => {
          up = v;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

let relay: TestRelay;
let stub: Awaited<ReturnType<typeof startReportStub>>;
let h: RelayHttp;
let leo: HttpFamily;
let socket: RelaySocket;
let mia: TestDesktop;
let miaId: string;
const started = createClosers();

const leoId = (): string => leo.child.childId;
const friendIds = async (): Promise<string[]> =>
  must(await mia.api.listFriends()).friends.map((f) => f.friendship.friend.accountId);

/** Leo (the raw client) sends Mia a message; resolves when the relay stored it. */
async function leoSends(content: unknown): Promise<string> {
  const id = ulid();
  socket.send({ type: 'send', id, to: miaId, content } as never);
  await socket.take((f: WsServerFrame) => f.type === 'sent' && f.id === id, 10_000);
  return id;
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  stub = await startReportStub();
  started.add(stub, () => stub.close());
  h = relayHttp(relay.url);
  leo = await createFamilyHttp(h);
  mia = started.add(await startTestDesktop(relay.url, { reports: { url: stub.url, retryMs: 20 } }), () => mia.close());
  miaId = (await setUpFamily(mia.api, 'Mia')).childId;
  must(await mia.api.selectProfile({ childId: miaId }));
  const invite = expectHttp(await h.request<Invite>('POST', '/v1/invites', { token: leo.childToken, body: {} }), 201, 'invite');
  const request = must(await mia.api.redeemInvite({ code: invite.code }));
  expectHttp(await actHttp(h, leo.childToken, request.friendshipId, 'confirm'), 200, 'confirm');
  expectHttp(await actHttp(h, leo.parent.token, request.friendshipId, 'approve'), 200, 'approve');
  const view = must(await mia.api.actOnFriendshipAsParent({ friendshipId: request.friendshipId, action: 'approve' }));
  expect((view as FriendshipView).status).toBe('active');
  await waitFor(async () => (await friendIds()).includes(leoId()), 10_000, 'Leo among Mia’s friends');
  socket = await openRelaySocket(relay.url, leo.childToken);
  started.add(socket, () => socket.close());
});
afterAll(() => started.closeAll());

describe('a report from the child’s PC', () => {
  let meanId: string;
  let photoId: string;
  let photoRef: AttachmentRef;
  let miaSentId: string;
  let miaSentAt: number;
  let voiceHash: string;

  it('keeps each message’s raw form as the relay delivered it, and the relay’s sentAt for her own', async () => {
    meanId = await leoSends({ kind: 'text', text: 'you are stupid and nobody likes you' });
    const dirty = jpegWithGps();
    photoRef = expectHttp(
      await h.request<AttachmentRef>('POST', '/v1/attachments', { token: leo.childToken, raw: dirty, contentType: 'image/jpeg' }),
      201,
      'upload',
    );
    photoId = await leoSends({ kind: 'photo', attachment: photoRef });
    await waitFor(
      async () =>
        must(await mia.api.listMessages({ contactId: leoId(), limit: 10 })).messages.some((m) => m.messageId === photoId),
      15_000,
      'the photo at Mia',
    );
    const sent = must(await mia.api.sendMessage({ contactId: leoId(), content: { kind: 'text', text: 'stop it' } }));
    miaSentId = sent.messageId;
    const frame = await socket.take<Extract<WsServerFrame, { type: 'message' }>>(
      (f) => f.type === 'message' && f.message.id === miaSentId,
      10_000,
    );
    miaSentAt = frame.message.sentAt;
    await waitFor(
      async () =>
        must(await mia.api.listMessages({ contactId: leoId(), limit: 10 })).messages.find((m) => m.messageId === miaSentId)
          ?.state !== 'queued',
      10_000,
      'Mia’s message sent',
    );
    must(
      await mia.api.recordCall({
        contactId: leoId(),
        direction: 'in',
        video: true,
        startedAt: Date.now() - 60_000,
        endedAt: Date.now() - 30_000,
        outcome: 'answered',
      }),
    );
    voiceHash = must(
      await mia.api.addAttachment({
        kind: 'voice',
        mime: 'audio/ogg',
        dataBase64: Buffer.from('my voice note').toString('base64'),
      }),
    ).hash;
  });

  it('hides Leo at once and keeps the report while the relay cannot be reached', async () => {
    expect(
      must(
        await mia.api.reportSomething({
          about: leoId(),
          reason: 'mean-words',
          place: 'message',
          itemId: meanId,
          voiceNote: voiceHash,
        }),
      ),
    ).toEqual({
      done: true,
    });
    expect(await friendIds()).not.toContain(leoId());
    const db = mia.core.stores.get(miaId).db;
    expect(pendingReports(db)).toHaveLength(1);
    expect(stub.got).toHaveLength(0);
    // Nothing of Leo's is kept meanwhile, and no call passes.
    expect((await mia.api.getCallContact({ contactId: leoId() })).ok).toBe(false);
    // The activity view (F10) lists the report with the child's reason.
    const detail = must(await mia.api.getChildActivityDetail({ childId: miaId as ChildId }));
    expect(detail.history).toContainEqual(
      expect.objectContaining({ contactId: leoId(), action: 'report', by: 'child', reason: 'mean-words' }),
    );
  });

  it('keeps the report across a restart of the PC', async () => {
    mia.close();
    mia = await startTestDesktop(relay.url, { dataDir: mia.dataDir, reports: { url: stub.url, retryMs: 20 } });
    must(await mia.api.selectProfile({ childId: miaId }));
    expect(pendingReports(mia.core.stores.get(miaId).db)).toHaveLength(1);
    expect(await friendIds()).not.toContain(leoId());
  });

  it('sends it when the routes answer: the raw forms, the changed picture, every asked-for file', async () => {
    stub.setUp(true);
    const db = mia.core.stores.get(miaId).db;
    await waitFor(() => pendingReports(db).length === 0, 15_000, 'the report sent');
    const post = stub.got.find((g) => g.method === 'POST');
    if (!post) throw new Error('no report');
    const s = JSON.parse(post.body.toString()) as ReportSubmission;
    expect(matches(ReportSubmission, s)).toBe(true);
    const device = mia.core.familyDb.prepare(`SELECT device_token AS t FROM profiles WHERE child_id = ?`).get(miaId) as
      { t: string } | undefined;
    if (device) expect(post.auth).toBe(`Bearer ${device.t}`);
    expect(s).toMatchObject({ about: leoId(), reason: 'mean-words', place: 'message', itemId: meanId });
    expect(s.messages.map((m) => m.id)).toEqual([meanId, photoId, miaSentId]);

    // Leo's: the text of the `message` frame exactly as the relay sent it.
    const mean = s.messages[0]!;
    const meanFrame = JSON.parse(mean.raw) as {
      type: string;
      message: { id: string; from: string; to: string; content: unknown };
    };
    expect(meanFrame.type).toBe('message');
    expect(meanFrame.message).toMatchObject({ id: meanId, from: leoId(), to: miaId });
    expect(JSON.parse(mean.shown)).toEqual(meanFrame.message.content);

    // The photo: stripped on receipt, so marked, and its file's hash is what this PC holds.
    const photo = s.messages[1]!;
    expect(photo.changedOnReceipt).toBe(true);
    expect(photo.fileHash).toBeDefined();
    expect(photo.fileHash).not.toBe(photoRef.hash);
    expect(
      (JSON.parse(photo.raw) as { message: { content: { attachment: AttachmentRef } } }).message.content.attachment.hash,
    ).toBe(photoRef.hash);

    // Mia's own: id, from, to, the relay's sentAt from its `sent` frame, the content.
    const mine = s.messages[2]!;
    expect(mine.raw).toBe(
      JSON.stringify({ id: miaSentId, from: miaId, to: leoId(), sentAt: miaSentAt, content: { kind: 'text', text: 'stop it' } }),
    );
    expect(mine.changedOnReceipt).toBeUndefined();

    // Pictures first, then the voice note; each asked-for file went up with its bytes.
    expect(s.files.map((f) => f.role)).toEqual(['attachment', 'voice-note']);
    expect(s.files[0]).toMatchObject({ hash: photo.fileHash, mime: 'image/jpeg', messageId: photoId });
    expect(s.files[1]).toMatchObject({ hash: voiceHash, mime: 'audio/ogg', messageId: null });
    const puts = stub.got.filter((g) => g.method === 'PUT');
    expect(puts.map((p) => p.url).sort()).toEqual(s.files.map((f) => `/v1/reports/${s.reportId}/files/${f.hash}`).sort());
    for (const p of puts) expect(p.url.endsWith(sha256Hex(p.body))).toBe(true);
    const picture = puts.find((p) => p.url.endsWith(photo.fileHash!))!;
    expect(picture.type).toBe('image/jpeg');
    expect(picture.body.includes(GPS_LATITUDE)).toBe(false);

    expect(s.calls).toEqual([expect.objectContaining({ direction: 'incoming', durationMs: 30_000, outcome: 'answered' })]);
  });

  it('gives the same answer about anyone, and refuses a parent-mode profile and a bad reason', async () => {
    const bad = await mia.api.reportSomething({ about: leoId(), reason: 'boring' as never, place: 'friend', itemId: null });
    expect(bad.ok).toBe(false);
    const unknown = await mia.api.reportSomething({ about: ulid(), reason: 'something-else', place: 'friend', itemId: null });
    expect(unknown.ok).toBe(false);
  });
});
