import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HearthApi, MessageView } from '@hearth/common';
import { befriend, must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { startTcpProxy, type TcpProxy } from '@hearth/test-kit/tcp-proxy';

let relay: TestRelay;
let proxy: TcpProxy;
let alice: TestDesktop;
let bob: TestDesktop;
let aliceId: string;
let bobId: string;
/** Everything a test started, closed newest first: the PCs, the proxy, the relay. */
const started = createClosers();

async function desktop(url: string, dataDir?: string): Promise<TestDesktop> {
  const d = await startTestDesktop(url, dataDir ? { dataDir } : {});
  return started.add(d, () => d.close());
}

async function history(api: HearthApi, contactId: string): Promise<MessageView[]> {
  return must(await api.listMessages({ contactId, limit: 200 })).messages;
}

const texts = (ms: readonly MessageView[]): string[] =>
  ms.map((m) => (m.content.kind === 'text' ? m.content.text : m.content.kind)).sort();

beforeEach(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  proxy = started.add(await startTcpProxy(relay.port), () => proxy.close());
  // Alice's PC reaches the relay through a proxy the tests can cut; Bob's directly.
  alice = await desktop(proxy.url);
  bob = await desktop(relay.url);
  aliceId = (await setUpFamily(alice.api, 'Alice')).childId;
  bobId = (await setUpFamily(bob.api, 'Bob')).childId;
  await befriend(alice.api, aliceId, bob.api, bobId);
  await waitFor(async () => (await alice.api.listFriends()).ok, 15_000, 'friends');
});

afterEach(async () => {
  await started.closeAll();
});

describe('relay sync', () => {
  it('delivers a message to a friend, who stores it once and acknowledges it', async () => {
    const sent = must(await alice.api.sendMessage({ contactId: bobId, content: { kind: 'text', text: 'hello bob' } }));
    expect(sent.state).toBe('queued');
    const got = await waitFor(async () => (await history(bob.api, aliceId)).find((m) => m.messageId === sent.messageId));
    expect(got).toMatchObject({ direction: 'in', state: 'received', content: { kind: 'text', text: 'hello bob' } });
    await waitFor(async () => (await history(alice.api, bobId))[0]?.state === 'delivered', 15_000, 'delivered');
    expect(bob.events.filter((e) => e.event === 'message')).toHaveLength(1);
  });

  it('queues messages while the relay is down and sends them when it is back', async () => {
    await relay.stop();
    for (let i = 0; i < 5; i++)
      must(await alice.api.sendMessage({ contactId: bobId, content: { kind: 'text', text: `offline ${i}` } }));
    expect((await history(alice.api, bobId)).every((m) => m.state === 'queued')).toBe(true);
    await relay.start();
    await waitFor(async () => (await history(bob.api, aliceId)).length === 5, 15_000, 'five messages at Bob');
    await waitFor(async () => (await history(alice.api, bobId)).every((m) => m.state !== 'queued'), 15_000, 'all sent');
  });

  it('loses nothing and stores nothing twice when the network dies mid-send', async () => {
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      sends.push(alice.api.sendMessage({ contactId: bobId, content: { kind: 'text', text: `burst ${i}` } }));
      if (i === 15) {
        proxy.setDown(true);
        proxy.cut();
      }
    }
    await Promise.all(sends);
    await new Promise((r) => setTimeout(r, 300));
    proxy.setDown(false);
    const got = await waitFor(
      async () => {
        const h = await history(bob.api, aliceId);
        return h.length >= 40 ? h : null;
      },
      20_000,
      'forty messages at Bob',
    );
    expect(texts(got)).toEqual(Array.from({ length: 40 }, (_, i) => `burst ${i}`).sort());
    await new Promise((r) => setTimeout(r, 500));
    expect(await history(bob.api, aliceId)).toHaveLength(40);
    expect(bob.events.filter((e) => e.event === 'message')).toHaveLength(40);
    await waitFor(async () => (await history(alice.api, bobId)).every((m) => m.state !== 'queued'), 10_000, 'outbox empty');
  });

  it('loses nothing and stores nothing twice when the relay is closed mid-send', async () => {
    const sends: Promise<unknown>[] = [];
    let stopped: Promise<void> | null = null;
    for (let i = 0; i < 40; i++) {
      sends.push(alice.api.sendMessage({ contactId: bobId, content: { kind: 'text', text: `relay ${i}` } }));
      if (i === 10) stopped = relay.stop();
    }
    await Promise.all(sends);
    await stopped;
    await relay.start();
    await waitFor(async () => (await history(bob.api, aliceId)).length >= 40, 20_000, 'forty messages at Bob');
    await new Promise((r) => setTimeout(r, 500));
    const got = await history(bob.api, aliceId);
    expect(texts(got)).toEqual(Array.from({ length: 40 }, (_, i) => `relay ${i}`).sort());
    expect(bob.events.filter((e) => e.event === 'message')).toHaveLength(40);
  });

  it('keeps unsent messages across an app restart', async () => {
    await relay.stop();
    must(await alice.api.sendMessage({ contactId: bobId, content: { kind: 'text', text: 'before the crash' } }));
    alice.close();
    await relay.start();
    const again = await desktop(proxy.url, alice.dataDir);
    must(await again.api.selectProfile({ childId: aliceId }));
    await waitFor(async () => (await history(bob.api, aliceId)).length === 1, 15_000, 'the message at Bob');
    expect(texts(await history(bob.api, aliceId))).toEqual(['before the crash']);
    await waitFor(async () => (await history(again.api, bobId))[0]?.state !== 'queued', 15_000, 'sent');
  });

  it('sends a photo: uploaded first, downloaded into the friend’s folder before the acknowledgement', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const info = must(await alice.api.addAttachment({ kind: 'photo', mime: 'image/png', dataBase64: png.toString('base64') }));
    must(
      await alice.api.sendMessage({
        contactId: bobId,
        content: { kind: 'photo', attachment: { hash: info.hash, size: info.size, mime: 'image/png' }, caption: 'my cat' },
      }),
    );
    await waitFor(async () => (await history(bob.api, aliceId)).length === 1, 10_000, 'the photo at Bob');
    // The message shows at once; its file follows (and only then is the message acknowledged).
    const data = await waitFor(
      async () => {
        const r = await bob.api.readAttachment({ hash: info.hash });
        return r.ok ? r.value : null;
      },
      10_000,
      'the photo file at Bob',
    );
    expect(data.info.state).toBe('ready');
    expect(Buffer.from(data.dataBase64, 'base64').equals(png)).toBe(true);
    const hits = must(await bob.api.searchMessages({ query: 'cat' })).hits;
    expect(hits).toHaveLength(1);
  });

  it('shows a friend online once they are at the PC, and refuses messages to strangers', async () => {
    await waitFor(
      async () =>
        must(await alice.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === bobId)?.presence === 'online',
      15_000,
      'Bob online',
    );
    must(await bob.api.leaveProfile());
    await waitFor(
      async () =>
        must(await alice.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === bobId)?.presence === 'away',
      15_000,
      'Bob away',
    );
    const stranger = await alice.api.sendMessage({
      contactId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      content: { kind: 'text', text: 'hi' },
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FRIENDS' } });
  });
});
