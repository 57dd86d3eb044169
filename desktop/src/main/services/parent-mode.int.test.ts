import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApi, MessageView } from '@hearth/common';
import {
  befriend,
  must,
  RELAY_PASSWORD,
  setUpFamily,
  startTestDesktop,
  TEST_PASSWORD,
  type TestDesktop,
} from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { sqliteOf } from '@hearth/relay-server/sqlite-store';

let relay: TestRelay;
let family: TestDesktop;
let friendPc: TestDesktop;
let parentPc: TestDesktop;
let kid: Awaited<ReturnType<typeof setUpFamily>>;
let parentId: string;
/** The relay and every PC the tests started, closed newest first. */
const started = createClosers();

async function desktop(dataDir?: string): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url, dataDir ? { dataDir } : {});
  return started.add(d, () => d.close());
}

async function texts(api: HearthApi, contactId: string): Promise<string[]> {
  const { messages } = must(await api.listMessages({ contactId }));
  return messages.map((m: MessageView) => (m.content.kind === 'text' ? m.content.text : m.content.kind));
}

/** The files of a store, as one string, to look for a token in. */
function storeBytes(dataDir: string): string {
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('family.sqlite'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('');
}

/** First run on a grown-up's own PC: sign in, set the pane's password, start parent mode. */
async function setUpParentMode(api: HearthApi, email: string): Promise<string> {
  must(await api.signInParent({ email, password: RELAY_PASSWORD }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  const profile = must(await api.startParentMode({ email, password: RELAY_PASSWORD }));
  expect(profile).toMatchObject({ kind: 'parent', username: null, hasPicturePassword: false });
  return profile.childId;
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  family = await desktop();
  friendPc = await desktop();
  kid = await setUpFamily(family.api, 'Maya');
  const friend = await setUpFamily(friendPc.api, 'Tom');
  await befriend(family.api, kid.childId, friendPc.api, friend.childId);
  parentPc = await desktop();
  parentId = await setUpParentMode(parentPc.api, kid.parentEmail);
});

afterAll(() => started.closeAll());

describe('parent mode', () => {
  it('is refused on a PC enrolled for children, which never keeps a parent’s token', async () => {
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    expect(await family.api.startParentMode({ email: kid.parentEmail, password: RELAY_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    must(await family.api.signInParent({ email: kid.parentEmail, password: RELAY_PASSWORD }));
    must(await family.api.lock());
    expect(must(await family.api.getAppInfo()).parentMode).toBe(false);
    expect(storeBytes(family.dataDir)).not.toMatch(/ps_[A-Za-z0-9_-]{16}/);
  });

  it('keeps the parent signed in on their own PC, with their child as the one contact', async () => {
    expect(must(await parentPc.api.getAppInfo())).toMatchObject({ parentMode: true, enrolled: false, profileCount: 0 });
    expect(storeBytes(parentPc.dataDir)).toMatch(/ps_[A-Za-z0-9_-]{16}/);
    must(await parentPc.api.lock());
    expect(await parentPc.api.selectProfile({ childId: parentId })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    must(await parentPc.api.unlock({ password: TEST_PASSWORD }));
    expect(must(await parentPc.api.selectProfile({ childId: parentId })).kind).toBe('parent');
    const { friends } = must(await parentPc.api.listFriends());
    // Maya's friend Tom is Maya's contact, not her parent's.
    expect(friends.map((f) => [f.friendship.kind, f.friendship.friend.displayName, f.friendship.status])).toEqual([
      ['family', 'Maya', 'active'],
    ]);
  });

  it('messages their child, who sees the parent as a contact and answers', async () => {
    must(await parentPc.api.sendMessage({ contactId: kid.childId, content: { kind: 'text', text: 'Dinner is ready!' } }));
    must(await family.api.selectProfile({ childId: kid.childId }));
    const parentContact = must(await family.api.listFriends()).friends.find((f) => f.friendship.kind === 'family');
    expect(parentContact?.friendship.friend).toMatchObject({ accountId: parentId, kind: 'parent' });
    await waitFor(async () => (await texts(family.api, parentId)).includes('Dinner is ready!'), 15_000, 'the parent’s message');
    must(await family.api.sendMessage({ contactId: parentId, content: { kind: 'text', text: 'Coming!' } }));
    await waitFor(async () => (await texts(parentPc.api, kid.childId)).includes('Coming!'), 15_000, 'the child’s answer');
  });

  it('makes no friends and cannot enroll the PC for children', async () => {
    expect(await parentPc.api.createInvite()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await parentPc.api.redeemInvite({ code: 'ACDE-FGHJ' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const [family0] = must(await parentPc.api.listFriends()).friends;
    expect(
      await parentPc.api.actOnFriendship({ friendshipId: family0?.friendship.friendshipId ?? '', action: 'block' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    must(await parentPc.api.signInParent({ email: kid.parentEmail, password: RELAY_PASSWORD }));
    expect(await parentPc.api.enrollPc({ name: 'Kids PC', childIds: [kid.childId] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('closes the parent’s messages when the grown-ups’ pane locks', async () => {
    expect(must(await parentPc.api.getCurrentProfile()).profile?.kind).toBe('parent');
    must(await parentPc.api.lock());
    expect(must(await parentPc.api.getCurrentProfile()).profile).toBeNull();
    expect(await parentPc.api.listMessages({ contactId: kid.childId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('keeps the session across a restart, and gets what was sent meanwhile', async () => {
    parentPc.close();
    must(await family.api.sendMessage({ contactId: parentId, content: { kind: 'text', text: 'While you were away' } }));
    parentPc = await desktop(parentPc.dataDir);
    must(await parentPc.api.unlock({ password: TEST_PASSWORD }));
    must(await parentPc.api.selectProfile({ childId: parentId }));
    await waitFor(async () => (await texts(parentPc.api, kid.childId)).includes('While you were away'), 15_000, 'queued message');
  });

  it('forgets the session and the parent’s messages when parent mode ends', async () => {
    must(await parentPc.api.stopParentMode());
    expect(must(await parentPc.api.getAppInfo()).parentMode).toBe(false);
    expect(must(await parentPc.api.listProfiles()).profiles).toEqual([]);
    expect(fs.existsSync(path.join(parentPc.dataDir, 'children', parentId))).toBe(false);
  });
});

describe('parent mode when the kept session ends', () => {
  let shortRelay: TestRelay;
  let pc: TestDesktop;

  beforeAll(async () => {
    shortRelay = await startTestRelay({ parentSessionTtlMs: 2_000 });
    pc = await startTestDesktop(shortRelay.url);
  });
  afterAll(async () => {
    pc.close();
    await shortRelay.dispose();
  });

  it('asks the grown-up to sign in again, then works', async () => {
    const email = `short${Date.now()}@example.test`;
    must(await pc.api.registerParent({ email, password: RELAY_PASSWORD, displayName: 'Sam' }));
    must(await pc.api.setParentPassword({ password: TEST_PASSWORD }));
    const { childId: me } = must(await pc.api.startParentMode({ email, password: RELAY_PASSWORD }));
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await pc.api.selectProfile({ childId: me })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    must(await pc.api.startParentMode({ email, password: RELAY_PASSWORD }));
    expect(must(await pc.api.selectProfile({ childId: me })).kind).toBe('parent');
    // Still the one parent device, now on the new session: what waited for the PC is still its own.
    const devices = sqliteOf(shortRelay.app().relay)
      .prepare('SELECT count(*) AS n FROM parent_devices WHERE parent_id = ?')
      .get(me);
    expect(devices).toEqual({ n: 1 });
  });
});
