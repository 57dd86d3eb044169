/**
 * "Something's wrong" (F11), the child's PC, through the IPC contract against a real relay and its
 * report routes. A raw client (Leo, a modified sender) sends Mia a mean message and a photo full of
 * metadata; Mia answers; a call is logged. Mia reports the mean message while the relay is down:
 * Leo leaves her lists at once and the report waits in her PC's outbox, across a restart of the
 * PC; when the relay is back the report goes, and the relay holds each message's raw form as it
 * delivered it, the picture marked as changed on receipt, the files it asked for (their bytes as
 * this PC keeps them), and has blocked Leo (he is not told: his side of the friendship is active).
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentRef, ChildId, FriendshipView, Invite, ReportDetail, ReportList, WsServerFrame } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { actHttp, createFamilyHttp, expectHttp, relayHttp, type HttpFamily, type RelayHttp } from '@hearth/test-kit/relay-http';
import { openRelaySocket, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { pendingReports } from '../db/child/queries/reports';
import { sha256Hex } from './attachments';
import { GPS_LATITUDE, jpegWithGps } from './strip-metadata/test-pictures';

let relay: TestRelay;
let h: RelayHttp;
let leo: HttpFamily;
let socket: RelaySocket;
let mia: TestDesktop;
let miaId: string;
let miaParentEmail: string;
let friendshipId: string;
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
  h = relayHttp(relay.url);
  leo = await createFamilyHttp(h);
  mia = started.add(await startTestDesktop(relay.url, { reports: { retryMs: 20 } }), () => mia.close());
  const family = await setUpFamily(mia.api, 'Mia');
  miaId = family.childId;
  miaParentEmail = family.parentEmail;
  must(await mia.api.selectProfile({ childId: miaId }));
  const invite = expectHttp(await h.request<Invite>('POST', '/v1/invites', { token: leo.childToken, body: {} }), 201, 'invite');
  const request = must(await mia.api.redeemInvite({ code: invite.code }));
  friendshipId = request.friendshipId;
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
    // One reading of the clock: two could be a millisecond apart, and the duration is checked exactly.
    const now = Date.now();
    must(
      await mia.api.recordCall({
        contactId: leoId(),
        direction: 'in',
        video: true,
        startedAt: now - 60_000,
        endedAt: now - 30_000,
        outcome: 'answered',
      }),
    );
    voiceHash = must(
      await mia.api.addAttachment({
        kind: 'voice',
        mime: 'audio/ogg',
        dataBase64: Buffer.from('OggS my voice note', 'latin1').toString('base64'),
      }),
    ).hash;
  });

  it('hides Leo at once and keeps the report while the relay cannot be reached', async () => {
    await relay.stop();
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
    mia = await startTestDesktop(relay.url, { dataDir: mia.dataDir, reports: { retryMs: 20 } });
    must(await mia.api.selectProfile({ childId: miaId }));
    expect(pendingReports(mia.core.stores.get(miaId).db)).toHaveLength(1);
    expect(await friendIds()).not.toContain(leoId());
  });

  it('sends it when the relay is back: the relay holds the raw forms, the changed picture, every file, and blocked Leo', async () => {
    await relay.start();
    const db = mia.core.stores.get(miaId).db;
    await waitFor(() => pendingReports(db).length === 0, 20_000, 'the report sent');

    // What the relay did: Leo blocked on Mia's side only (he is not told).
    const device = mia.core.familyDb.prepare(`SELECT device_token AS t FROM profiles WHERE child_id = ?`).get(miaId) as {
      t: string;
    };
    const statusFor = async (token: string): Promise<string | undefined> =>
      expectHttp(
        await h.request<{ friendships: FriendshipView[] }>('GET', '/v1/friendships', { token }),
        200,
        'friendships',
      ).friendships.find((f) => f.friendshipId === friendshipId)?.status;
    expect(await statusFor(device.t)).toBe('blocked');
    expect(await statusFor(leo.childToken)).toBe('active');

    // What the relay holds, as Mia's guardian reads it.
    const session = expectHttp(
      await h.request<{ token: string }>('POST', '/v1/sessions', { body: { email: miaParentEmail, password: RELAY_PASSWORD } }),
      201,
      'sign-in',
    );
    const token = session.token;
    const list = expectHttp(await h.request<ReportList>('GET', `/v1/reports?childId=${miaId}`, { token }), 200, 'list');
    expect(list.reports).toHaveLength(1);
    const reportId = list.reports[0]!.reportId;
    const s = expectHttp(await h.request<ReportDetail>('GET', `/v1/reports/${reportId}`, { token }), 200, 'detail');
    expect(s.summary).toMatchObject({
      childId: miaId,
      about: { accountId: leoId(), role: 'friend' },
      reason: 'mean-words',
      place: 'message',
      state: { unblockedAt: null, forwardedAt: null },
    });
    expect(s.itemId).toBe(meanId);
    expect(s.messages.map((m) => m.id)).toEqual([meanId, photoId, miaSentId]);

    // Leo's: the text of the `message` frame exactly as the relay sent it.
    const mean = s.messages[0]!;
    const meanFrame = JSON.parse(mean.raw) as {
      type: string;
      message: { id: string; from: string; to: string; sentAt: number; content: unknown };
    };
    expect(meanFrame.type).toBe('message');
    expect(meanFrame.message).toMatchObject({ id: meanId, from: leoId(), to: miaId });
    expect(JSON.parse(mean.shown)).toEqual(meanFrame.message.content);
    expect(mean.sentAt).toBe(meanFrame.message.sentAt);

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
    // Its time is the relay's (what the relay's franking record covers), as its raw form says.
    expect(mine.sentAt).toBe(miaSentAt);

    // Pictures first, then the voice note; each one uploaded, its bytes as this PC keeps them.
    expect(s.files.map((f) => f.role)).toEqual(['attachment', 'voice-note']);
    expect(s.files[0]).toMatchObject({ hash: photo.fileHash, mime: 'image/jpeg', messageId: photoId, uploaded: true });
    expect(s.files[1]).toMatchObject({ hash: voiceHash, mime: 'audio/ogg', messageId: null, uploaded: true });
    for (const f of s.files) {
      const res = await fetch(`${relay.url}/v1/reports/${reportId}/files/${f.hash}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(f.mime);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(sha256Hex(bytes)).toBe(f.hash);
      if (f.role === 'attachment') expect(bytes.includes(GPS_LATITUDE)).toBe(false);
    }

    expect(s.calls).toEqual([expect.objectContaining({ direction: 'incoming', durationMs: 30_000, outcome: 'answered' })]);
    // Sent once: the PC's outbox is empty and a later flush adds nothing.
    expect(expectHttp(await h.request<ReportList>('GET', '/v1/reports', { token }), 200, 'list').reports).toHaveLength(1);
  });

  it('gives the same answer about anyone, and refuses a parent-mode profile and a bad reason', async () => {
    const bad = await mia.api.reportSomething({ about: leoId(), reason: 'boring' as never, place: 'friend', itemId: null });
    expect(bad.ok).toBe(false);
    const unknown = await mia.api.reportSomething({ about: ulid(), reason: 'something-else', place: 'friend', itemId: null });
    expect(unknown.ok).toBe(false);
  });
});
