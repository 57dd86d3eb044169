import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '@hearth/common';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestRelay } from '../../test/helpers';
import { listenForWs, newMessageId, socketPool, type TestSocket } from '../../test/ws-client';

/**
 * Deleting a child (issue 15 §3): the grown-up's account password typed again, checked by the
 * relay and rate-limited like signing in; the files the child sent or was sent go at once.
 */

let relay: TestRelay;
let url: string;
const sockets = socketPool();
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

beforeEach(async () => {
  relay = await buildTestApp({ rateLimits: { signInFailuresBeforeBackoff: 3 } });
  url = await listenForWs(relay.app);
});
afterEach(async () => {
  await sockets.closeAll();
  await relay.close();
});

/** A real 1×1 PNG, made unique by what follows its end. */
const png = (mark: string): Buffer =>
  Buffer.concat([
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
      'hex',
    ),
    Buffer.from(mark, 'utf8'),
  ]);

async function upload(token: string, body: Buffer): Promise<AttachmentRef> {
  const res = await relay.app.inject({
    method: 'POST',
    url: '/v1/attachments',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json() as AttachmentRef;
}

async function sendPhoto(token: string, to: string, mark: string): Promise<AttachmentRef> {
  const ws = await socketFor(token);
  const photo = await upload(token, png(mark));
  const id = newMessageId();
  ws.send({ type: 'send', id, to, content: { kind: 'photo', attachment: photo } });
  await ws.take((f) => f.type === 'sent' && (f as { id?: string }).id === id);
  await ws.close();
  return photo;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

const holding = (mark: string): string[] =>
  filesUnder(path.join(relay.dataDir, 'attachments')).filter((f) => fs.readFileSync(f).includes(Buffer.from(mark)));

describe('deleting a child', () => {
  it('needs the account password again: a wrong one deletes nothing, and tries are limited like signing in', async () => {
    const fam = await createFamily(relay.app);
    const del = (password: string) =>
      api(relay.app, 'DELETE', `/v1/children/${fam.child.childId}`, { token: fam.parent.token, body: { password } });
    for (let i = 0; i < 3; i++) {
      const res = await del('not my password');
      expect(res.status).toBe(401);
      expect((res.body as { error: { code: string } }).error.code).toBe('WRONG_PASSWORD');
    }
    // The third failure locks the address: even the right password waits, here and at sign-in.
    const locked = await del(fam.parent.password);
    expect(locked.status).toBe(429);
    expect((locked.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const signIn = await api(relay.app, 'POST', '/v1/sessions', {
      body: { email: fam.parent.email, password: fam.parent.password },
    });
    expect(signIn.status).toBe(429);
    expectStatus(await api(relay.app, 'GET', `/v1/children/${fam.child.childId}`, { token: fam.parent.token }), 200);
  });

  it("removes the files the child sent or was sent, still queued, at once (not at the next sweep), and keeps a friend's own", async () => {
    const child = await createFamily(relay.app);
    const friend = await createFamily(relay.app);
    const other = await createFamily(relay.app);
    await befriend(relay.app, child, friend);
    await befriend(relay.app, friend, other);
    await sendPhoto(child.childToken, friend.child.childId, 'from-the-child');
    await sendPhoto(friend.childToken, child.child.childId, 'to-the-child');
    await sendPhoto(friend.childToken, other.child.childId, 'between-friends');
    for (const mark of ['from-the-child', 'to-the-child', 'between-friends']) expect(holding(mark)).toHaveLength(1);

    expectStatus(
      await api(relay.app, 'DELETE', `/v1/children/${child.child.childId}`, {
        token: child.parent.token,
        body: { password: child.parent.password },
      }),
      204,
    );
    expect(holding('from-the-child')).toEqual([]);
    expect(holding('to-the-child')).toEqual([]);
    expect(holding('between-friends')).toHaveLength(1);
  });
});
