import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import type { AttachmentRef } from '@hearth/common';
import { befriend, buildTestApp, createFamily, type TestFamily, type TestRelay } from '../../test/helpers';
import {
  listenForWs,
  newMessageId,
  settle,
  socketPool,
  type ErrorFrame,
  type MessageFrame,
  type TestSocket,
} from '../../test/ws-client';
import { createFolderBlobStore } from './folder-blob-store';
import path from 'node:path';

const MAX = 4096;
const TTL = 60 * 60_000;
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);
const WEBM_HEAD = Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853800167', 'hex');

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = socketPool();

async function upload(token: string | undefined, body: Buffer, contentType = 'application/octet-stream') {
  const res = await relay.app.inject({
    method: 'POST',
    url: '/v1/attachments',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() as AttachmentRef & { error?: { code: string } } };
}

async function download(token: string | undefined, hash: string) {
  const res = await relay.app.inject({
    method: 'GET',
    url: `/v1/attachments/${hash}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.statusCode, bytes: res.rawPayload, type: res.headers['content-type'] };
}

const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

async function sendPhoto(socket: TestSocket, to: string, attachment: AttachmentRef): Promise<string> {
  const id = newMessageId();
  socket.send({ type: 'send', id, to, content: { kind: 'photo', attachment } });
  await socket.take((f) => (f.type === 'sent' && f.id === id) || (f.type === 'error' && f.ref === id));
  return id;
}

const blobFile = (hash: string): string => createFolderBlobStore(path.join(relay.dataDir, 'attachments')).pathOf(hash);

beforeEach(async () => {
  relay = await buildTestApp({ messaging: { ...DEFAULT_CONFIG.messaging, attachmentMaxBytes: MAX, messageTtlMs: TTL } });
  url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});

afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

describe('attachment upload', () => {
  it('judges the type by the bytes, never by the declared Content-Type', async () => {
    const lie = await upload(a.childToken, Buffer.from('#!/bin/sh\necho pwned\n'), 'image/png');
    expect(lie.status).toBe(415);
    expect(lie.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const html = await upload(a.childToken, Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg');
    expect(html.status).toBe(415);

    const png = await upload(a.childToken, PNG, 'text/plain');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mime: 'image/png', size: PNG.length });
    expect(png.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(blobFile(png.body.hash))).toEqual(PNG);

    const webm = await upload(a.childToken, WEBM_HEAD, 'audio/webm');
    expect(webm.body).toMatchObject({ mime: 'video/webm' });
  });

  it('refuses a file over the size limit with 413, declared or streamed, and keeps nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX)]);
    const declared = await upload(a.childToken, big, 'image/png');
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe('PAYLOAD_TOO_LARGE');

    // Streamed in chunks without a Content-Length: counted as it arrives.
    const base = url.replace(/^ws/, 'http').replace(/\/v1\/ws$/, '');
    const chunks = [PNG, Buffer.alloc(2048), Buffer.alloc(2048), Buffer.alloc(2048)];
    const res = await fetch(`${base}/v1/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.childToken}`, 'content-type': 'image/png' },
      body: new ReadableStream({
        start(controller) {
          for (const c of chunks) controller.enqueue(new Uint8Array(c));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const files = fs.readdirSync(path.join(relay.dataDir, 'attachments'), { recursive: true });
    expect(files.filter((f) => !String(f).startsWith('tmp'))).toEqual([]);
    expect(fs.readdirSync(path.join(relay.dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('needs a credential', async () => {
    expect((await upload(undefined, PNG)).status).toBe(401);
  });
});

describe('attachment download and lifetime', () => {
  it('lets only the sender and the recipient download, and deletes the file once the recipient acknowledged', async () => {
    const c = await createFamily(relay.app);
    const { body: ref } = await upload(a.childToken, PNG);
    // Uploaded but not yet in a message: nobody may read it.
    expect((await download(a.childToken, ref.hash)).status).toBe(404);

    const sender = await socketFor(a.childToken);
    const id = await sendPhoto(sender, b.child.childId, ref);
    const allowed = [a.childToken, b.childToken];
    const refused = [c.childToken, a.parent.token, b.parent.token, c.parent.token];
    for (const token of allowed) {
      const res = await download(token, ref.hash);
      expect(res.status).toBe(200);
      expect(res.type).toBe('image/png');
      expect(res.bytes).toEqual(PNG);
    }
    for (const token of refused) expect((await download(token, ref.hash)).status).toBe(404);
    expect((await download(undefined, ref.hash)).status).toBe(401);
    expect((await download(a.childToken, '0'.repeat(64))).status).toBe(404);

    const recipient = await socketFor(b.childToken);
    const pushed = await recipient.take<MessageFrame>((f) => f.type === 'message' && f.message.id === id);
    expect(pushed.message.content).toEqual({ kind: 'photo', attachment: ref });
    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered');
    for (const token of allowed) expect((await download(token, ref.hash)).status).toBe(404);
    expect(fs.existsSync(blobFile(ref.hash))).toBe(false);
  });

  it("keeps another family's upload of the same picture, waiting to be sent, when one family's copy is delivered", async () => {
    const c = await createFamily(relay.app);
    const d = await createFamily(relay.app);
    await befriend(relay.app, c, d);
    const { body: theirs } = await upload(c.childToken, PNG);
    const { body: ref } = await upload(a.childToken, PNG);
    expect(theirs.hash).toBe(ref.hash);
    const sender = await socketFor(a.childToken);
    const id = await sendPhoto(sender, b.child.childId, ref);
    const recipient = await socketFor(b.childToken);
    await recipient.take<MessageFrame>((f) => f.type === 'message' && f.message.id === id);
    recipient.send({ type: 'received', ids: [id] });
    await sender.take((f) => f.type === 'delivered');
    // C's upload, ten minutes old, still goes out, to its own friend.
    relay.clock.advance(10 * 60_000);
    await relay.app.realtime.sweep();
    const other = await socketFor(c.childToken);
    const sent = newMessageId();
    other.send({ type: 'send', id: sent, to: d.child.childId, content: { kind: 'photo', attachment: theirs } });
    expect(await other.take((f) => (f.type === 'sent' && f.id === sent) || (f.type === 'error' && f.ref === sent))).toMatchObject(
      {
        type: 'sent',
      },
    );
    expect((await download(d.childToken, ref.hash)).bytes).toEqual(PNG);
  });

  it('deletes the file when its message expires', async () => {
    const { body: ref } = await upload(a.childToken, PNG);
    const sender = await socketFor(a.childToken);
    await sendPhoto(sender, b.child.childId, ref);
    expect(fs.existsSync(blobFile(ref.hash))).toBe(true);
    relay.clock.advance(TTL + 1);
    await relay.app.realtime.sweep();
    expect(fs.existsSync(blobFile(ref.hash))).toBe(false);
    expect((await download(a.childToken, ref.hash)).status).toBe(404);
  });

  it('deletes an upload that no message ever used, after a while', async () => {
    const { body: ref } = await upload(a.childToken, PNG);
    await relay.app.realtime.sweep();
    expect(fs.existsSync(blobFile(ref.hash))).toBe(true);
    relay.clock.advance(DEFAULT_CONFIG.messaging.unlinkedAttachmentTtlMs + 1);
    await relay.app.realtime.sweep();
    expect(fs.existsSync(blobFile(ref.hash))).toBe(false);
  });

  it('refuses a message that carries someone else’s upload, a wrong size, or the wrong kind of file', async () => {
    const c = await createFamily(relay.app);
    const { body: theirs } = await upload(c.childToken, PNG);
    const sender = await socketFor(a.childToken);
    const take = (id: string) => sender.take<ErrorFrame>((f) => f.type === 'error' && f.ref === id);

    const stolen = newMessageId();
    sender.send({ type: 'send', id: stolen, to: b.child.childId, content: { kind: 'photo', attachment: theirs } });
    expect(await take(stolen)).toMatchObject({ code: 'NOT_FOUND' });

    const { body: mine } = await upload(a.childToken, PNG);
    const wrongSize = newMessageId();
    sender.send({
      type: 'send',
      id: wrongSize,
      to: b.child.childId,
      content: { kind: 'photo', attachment: { ...mine, size: 1 } },
    });
    expect(await take(wrongSize)).toMatchObject({ code: 'NOT_FOUND' });

    const wrongKind = newMessageId();
    sender.send({
      type: 'send',
      id: wrongKind,
      to: b.child.childId,
      content: { kind: 'voice', attachment: mine, durationMs: 1000 },
    });
    expect(await take(wrongKind)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await settle(50);
    expect((await download(c.childToken, theirs.hash)).status).toBe(404);
  });
});
