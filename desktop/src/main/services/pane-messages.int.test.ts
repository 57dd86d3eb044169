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
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * "My grown-up" on the family PC: while the pane is unlocked, the grown-up reads each of their
 * children's conversations with them (from the child's store), and no other; answers go out with
 * the held session; the grown-up's own parent-mode PC still gets its copies.
 */
let relay: TestRelay;
let family: TestDesktop;
let friendPc: TestDesktop;
let parentPc: TestDesktop;
let kid: Awaited<ReturnType<typeof setUpFamily>>;
let friend: Awaited<ReturnType<typeof setUpFamily>>;
let parentId: string;

const text = (m: MessageView): string => (m.content.kind === 'text' ? m.content.text : m.content.kind);
async function conversation(api: HearthApi, contactId: string): Promise<MessageView[]> {
  return must(await api.listMessages({ contactId })).messages;
}

beforeAll(async () => {
  relay = await startTestRelay();
  family = await startTestDesktop(relay.url);
  friendPc = await startTestDesktop(relay.url);
  parentPc = await startTestDesktop(relay.url);
  kid = await setUpFamily(family.api, 'Maya');
  friend = await setUpFamily(friendPc.api, 'Tom');
  await befriend(family.api, kid.childId, friendPc.api, friend.childId);
  must(await parentPc.api.signInParent({ email: kid.parentEmail, password: RELAY_PASSWORD }));
  must(await parentPc.api.setParentPassword({ password: TEST_PASSWORD }));
  parentId = must(await parentPc.api.startParentMode({ email: kid.parentEmail, password: RELAY_PASSWORD })).childId;
  // The grown-up's own PC is off while Maya writes: only the pane can show her message.
  parentPc.close();
  // Maya writes to her grown-up and to her friend.
  must(await family.api.selectProfile({ childId: kid.childId }));
  await waitFor(
    async () => must(await family.api.listFriends()).friends.some((f) => f.friendship.friend.accountId === parentId),
    15_000,
    'the parent as a contact',
  );
  must(await family.api.sendMessage({ contactId: parentId, content: { kind: 'text', text: 'Can I have a snack?' } }));
  must(await family.api.sendMessage({ contactId: friend.childId, content: { kind: 'text', text: 'Secret for Tom' } }));
  await waitFor(
    async () => (await conversation(family.api, parentId)).every((m) => m.state !== 'queued'),
    15_000,
    'the message at the relay',
  );
}, 120_000);

afterAll(async () => {
  for (const d of [family, friendPc, parentPc]) d?.close();
  await relay?.dispose();
});

describe('the grown-ups’ pane: a child’s messages to their grown-up', () => {
  it('shows the child’s conversation with the grown-up, from the child’s store, and counts it as delivered', async () => {
    expect((await conversation(family.api, parentId)).map((m) => m.state)).toEqual(['sent']);
    const page = must(await family.api.readChildConversation({ childId: kid.childId, contactId: parentId }));
    expect(page.messages.map(text)).toEqual(['Can I have a snack?']);
    expect(page.messages.every((m) => m.contactId === parentId)).toBe(true);
    // The pane's `read` counts as delivery: Maya sees her message reached her grown-up.
    await waitFor(
      async () => (await conversation(family.api, parentId)).every((m) => m.state === 'delivered' || m.state === 'read'),
      15_000,
      'delivered',
    );
    // The grown-up's own PC still gets its copy when it starts again.
    parentPc = await startTestDesktop(relay.url, { dataDir: parentPc.dataDir });
    must(await parentPc.api.unlock({ password: TEST_PASSWORD }));
    must(await parentPc.api.selectProfile({ childId: parentId }));
    await waitFor(
      async () => (await conversation(parentPc.api, kid.childId)).map(text).includes('Can I have a snack?'),
      15_000,
      'the parent-mode PC’s copy',
    );
  });

  it('refuses a friend’s conversation, whatever the renderer asks', async () => {
    for (const contactId of [friend.childId, kid.childId]) {
      expect(await family.api.readChildConversation({ childId: kid.childId, contactId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    // Nor another family's child, even with this grown-up's id.
    expect(await family.api.readChildConversation({ childId: friend.childId, contactId: parentId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('answers with the held session: the child gets it, and the grown-up’s own PC gets its copy', async () => {
    const reply = must(await family.api.replyToChild({ childId: kid.childId, text: 'Yes, an apple.' }));
    expect(reply.sentAt).toBeGreaterThan(0);
    await waitFor(
      async () => (await conversation(family.api, parentId)).some((m) => m.direction === 'in' && text(m) === 'Yes, an apple.'),
      15_000,
      'the answer in Maya’s store',
    );
    const shown = must(await family.api.readChildConversation({ childId: kid.childId, contactId: parentId }));
    // Newest first, as the child's own chat reads its store.
    expect(shown.messages.map(text)).toEqual(['Yes, an apple.', 'Can I have a snack?']);
    await waitFor(
      async () =>
        (await conversation(parentPc.api, kid.childId)).some((m) => m.direction === 'out' && text(m) === 'Yes, an apple.'),
      15_000,
      'the outgoing copy on the parent-mode PC',
    );
    expect(await family.api.replyToChild({ childId: friend.childId, text: 'Hi' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reads and answers nothing while the pane is locked', async () => {
    must(await family.api.lock());
    expect(await family.api.readChildConversation({ childId: kid.childId, contactId: parentId })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await family.api.replyToChild({ childId: kid.childId, text: 'Hi' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
  });
});
