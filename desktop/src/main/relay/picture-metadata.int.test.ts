import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentRef, FriendshipView, Invite, MessageView, WsServerFrame } from '@hearth/common';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { actHttp, createFamilyHttp, expectHttp, relayHttp, type HttpFamily, type RelayHttp } from '@hearth/test-kit/relay-http';
import { openRelaySocket, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { sha256Hex } from '../services/attachments';
import { GPS_LATITUDE, fixture, jpegWithGps } from '../services/strip-metadata/test-pictures';

/**
 * Issue 15 §5: a modified sender (here a raw HTTP + WebSocket client with a child's credential, not
 * the app) sends a friend a photo full of metadata; the friend's PC keeps none of it.
 */
let relay: TestRelay;
let h: RelayHttp;
let raw: HttpFamily;
let socket: RelaySocket;
let bob: TestDesktop;
let bobId: string;
const started = createClosers();

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  h = relayHttp(relay.url);
  raw = await createFamilyHttp(h);
  bob = started.add(await startTestDesktop(relay.url), () => bob.close());
  bobId = (await setUpFamily(bob.api, 'Bob')).childId;
  must(await bob.api.selectProfile({ childId: bobId }));
  // The raw child makes a code, Bob redeems it, both confirm and both families' grown-ups approve.
  const invite = expectHttp(await h.request<Invite>('POST', '/v1/invites', { token: raw.childToken, body: {} }), 201, 'invite');
  const request = must(await bob.api.redeemInvite({ code: invite.code }));
  expectHttp(await actHttp(h, raw.childToken, request.friendshipId, 'confirm'), 200, 'confirm');
  expectHttp(await actHttp(h, raw.parent.token, request.friendshipId, 'approve'), 200, 'approve');
  const view = must(await bob.api.actOnFriendshipAsParent({ friendshipId: request.friendshipId, action: 'approve' }));
  expect((view as FriendshipView).status).toBe('active');
  await waitFor(
    async () => must(await bob.api.listFriends()).friends.some((f) => f.friendship.status === 'active'),
    10_000,
    'friends',
  );
  socket = await openRelaySocket(relay.url, raw.childToken);
  started.add(socket, () => socket.close());
});
afterAll(() => started.closeAll());

/** Uploads bytes as the raw child and sends them to Bob as a photo; the relay's ref. */
async function sendPhoto(bytes: Buffer): Promise<AttachmentRef & { id: string }> {
  const ref = expectHttp(
    await h.request<AttachmentRef>('POST', '/v1/attachments', { token: raw.childToken, raw: bytes, contentType: 'image/jpeg' }),
    201,
    'upload',
  );
  const id = ulid();
  socket.send({ type: 'send', id, to: bobId, content: { kind: 'photo', attachment: ref, caption: `photo ${id}` } });
  await socket.take((f: WsServerFrame) => f.type === 'sent' && f.id === id, 10_000);
  return { ...ref, id };
}

const photosAtBob = async (): Promise<MessageView[]> =>
  must(await bob.api.listMessages({ contactId: raw.child.childId, limit: 50 })).messages.filter(
    (m) => m.content.kind === 'photo',
  );

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('metadata stripped on receipt', () => {
  it('stores and shows a photo sent by a raw client with its EXIF GPS, XMP and comments removed', async () => {
    const dirty = jpegWithGps();
    const ref = await sendPhoto(dirty);
    expect(ref.hash).toBe(sha256Hex(dirty));
    const data = await waitFor(
      async () => {
        const r = await bob.api.readAttachment({ hash: ref.hash });
        return r.ok ? r.value : null;
      },
      15_000,
      'the photo at Bob',
    );
    const shown = Buffer.from(data.dataBase64, 'base64');
    expect(shown.includes(GPS_LATITUDE)).toBe(false);
    expect(shown.toString('latin1')).not.toContain('GPSLatitude');
    expect(shown.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(shown.length).toBeLessThan(dirty.length);
    // Nowhere in Bob's data folder (database, files) do the location's bytes remain.
    for (const file of filesUnder(bob.dataDir)) expect(fs.readFileSync(file).includes(GPS_LATITUDE), file).toBe(false);
  });

  it('neither stores nor shows a photo that cannot be cleaned', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]), GPS_LATITUDE, Buffer.alloc(200, 7)]);
    const before = (await photosAtBob()).length;
    const ref = await sendPhoto(broken);
    // Bob's PC acknowledged it (so it does not come back) without storing it.
    await socket.take((f: WsServerFrame) => f.type === 'delivered' && f.ids.includes(ref.id), 15_000);
    expect(await photosAtBob()).toHaveLength(before);
    const r = await bob.api.readAttachment({ hash: ref.hash });
    expect(r.ok).toBe(false);
    for (const file of filesUnder(bob.dataDir)) expect(path.basename(file)).not.toBe(ref.hash);
  });

  // (The relay takes MP4 but not QuickTime files: gps.mov's `©xyz` atom is covered by the unit tests.)
  it.each([
    ['gps.mp4', 'video/mp4'],
    ['live.webm', 'video/webm'],
  ] as const)(
    'stores and shows a video message (%s) from a raw client without its location, still playable',
    async (name, mime) => {
      const dirty = fixture(name);
      const ref = expectHttp(
        await h.request<AttachmentRef>('POST', '/v1/attachments', { token: raw.childToken, raw: dirty, contentType: mime }),
        201,
        'upload',
      );
      const id = ulid();
      socket.send({ type: 'send', id, to: bobId, content: { kind: 'video', attachment: ref, durationMs: 1000 } });
      await socket.take((f: WsServerFrame) => f.type === 'sent' && f.id === id, 10_000);
      const data = await waitFor(
        async () => {
          const r = await bob.api.readAttachment({ hash: ref.hash });
          return r.ok ? r.value : null;
        },
        15_000,
        'the video at Bob',
      );
      const shown = Buffer.from(data.dataBase64, 'base64');
      expect(dirty.toString('latin1')).toContain('Secretplace');
      expect(shown.toString('latin1')).not.toContain('Secretplace');
      expect(shown.toString('latin1')).not.toContain('+48.8584');
      for (const file of filesUnder(bob.dataDir)) expect(fs.readFileSync(file).includes('+48.8584'), file).toBe(false);
      // It still decodes, every frame (ffmpeg says nothing on error level).
      const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-shown-')), name);
      fs.writeFileSync(tmp, shown);
      expect(execFileSync('ffmpeg', ['-v', 'error', '-i', tmp, '-f', 'null', '-'], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
      fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
    },
  );
});
