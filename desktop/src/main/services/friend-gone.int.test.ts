import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId, Friend } from '@hearth/common';
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
 * Issue 15 §3: when a child is deleted, their friends' PCs show that contact as "no longer here"
 * (`gone`: greyed, nothing to send or call) and keep what they already received. Two PCs on a
 * real relay, through main's IPC channels.
 */
let relay: TestRelay;
let noorPc: TestDesktop;
let tomPc: TestDesktop;
let noorId: string;
let tomId: string;

beforeAll(async () => {
  relay = await startTestRelay();
  noorPc = await startTestDesktop(relay.url);
  tomPc = await startTestDesktop(relay.url);
  noorId = (await setUpFamily(noorPc.api, 'Noor')).childId;
  tomId = (await setUpFamily(tomPc.api, 'Tom')).childId;
  await befriend(noorPc.api, noorId, tomPc.api, tomId);
  must(await noorPc.api.sendMessage({ contactId: tomId, content: { kind: 'text', text: 'see you tomorrow' } }));
  await waitFor(
    async () => must(await tomPc.api.listMessages({ contactId: noorId, limit: 10 })).messages.length === 1,
    15_000,
    'Noor’s message at Tom',
  );
}, 60_000);
afterAll(async () => {
  for (const d of [noorPc, tomPc]) d?.close();
  await relay?.dispose();
});

const noorAtTom = async (): Promise<Friend | undefined> =>
  must(await tomPc.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === noorId);

describe('a deleted friend', () => {
  it('is a friend like any other before', async () => {
    const noor = await noorAtTom();
    expect(noor?.friendship.status).toBe('active');
    expect(noor?.gone).toBeUndefined();
  });

  it('is "no longer here" on the friend’s PC once deleted, with the name and the messages kept', async () => {
    must(await noorPc.api.leaveProfile());
    must(await noorPc.api.unlock({ password: TEST_PASSWORD }));
    must(await noorPc.api.deleteChild({ childId: noorId as ChildId, typedName: 'Noor', password: RELAY_PASSWORD }));

    const noor = await waitFor(
      async () => {
        const f = await noorAtTom();
        return f?.gone === true ? f : null;
      },
      15_000,
      'Noor gone at Tom',
    );
    expect(noor.friendship.status).not.toBe('active');
    expect(noor.presence).toBe('offline');
    expect(noor.friendship.friend.displayName).toBe('Noor');
    const messages = must(await tomPc.api.listMessages({ contactId: noorId, limit: 10 })).messages;
    expect(messages.map((m) => (m.content.kind === 'text' ? m.content.text : m.content.kind))).toEqual(['see you tomorrow']);
    // Nothing can be sent to them any more.
    const sent = await tomPc.api.sendMessage({ contactId: noorId, content: { kind: 'text', text: 'hello?' } });
    const refused = sent.ok
      ? await waitFor(
          async () => {
            const m = must(await tomPc.api.listMessages({ contactId: noorId, limit: 10 })).messages.find(
              (x) => x.content.kind === 'text' && x.content.text === 'hello?',
            );
            return m?.state === 'failed' ? m : null;
          },
          15_000,
          'the message refused',
        )
      : sent.error;
    expect(refused).toBeTruthy();
  });
});
