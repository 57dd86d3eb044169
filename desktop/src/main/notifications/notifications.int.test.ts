import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApi, SystemNotification } from '@hearth/common';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * Parent mode's system notifications through a real relay (issue 14): a friend request waiting,
 * a block by their own child and a computer of theirs signed out, names only, once per event, never again after a reconnect;
 * under Electron main shows them (a recording notifier stands in for Electron's `Notification`),
 * under the web host the page does (the `systemNotification` event).
 */
let relay: TestRelay;
let mayaPc: TestDesktop;
let tomPc: TestDesktop;
/** Maya's guardian's own PC, under "Electron": a notifier that records. */
let mayaParentPc: TestDesktop;
/** Tom's guardian's own PC, under the web host: the page is told. */
let tomParentPc: TestDesktop;
const shown: SystemNotification[] = [];
let maya: Awaited<ReturnType<typeof setUpFamily>>;
let tom: Awaited<ReturnType<typeof setUpFamily>>;
let mayaParentId: string;
let tomParentId: string;
const started = createClosers();

/** Parent mode on a grown-up's own PC, then the pane locked (the grown-up is not looking at Hearth). */
async function parentMode(pc: TestDesktop, email: string): Promise<string> {
  must(await pc.api.signInParent({ email, password: RELAY_PASSWORD }));
  must(await pc.api.setParentPassword({ password: TEST_PASSWORD }));
  const { childId: parentId } = must(await pc.api.startParentMode({ email, password: RELAY_PASSWORD }));
  must(await pc.api.lock());
  await waitFor(() => pc.core.sync.connectionState(parentId) === 'online', 10_000, 'parent mode online');
  return parentId;
}

const pageNotifications = (pc: TestDesktop): SystemNotification[] =>
  pc.events.flatMap((e) => (e.event === 'systemNotification' ? [e.payload] : []));

async function waitForCount(count: () => number, n: number, what: string): Promise<void> {
  await waitFor(() => count() >= n, 10_000, what);
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  const desktop = async (overrides: Parameters<typeof startTestDesktop>[1] = {}): Promise<TestDesktop> => {
    const d = await startTestDesktop(relay.url, overrides);
    return started.add(d, () => d.close());
  };
  mayaPc = await desktop();
  tomPc = await desktop();
  maya = await setUpFamily(mayaPc.api, 'Maya');
  tom = await setUpFamily(tomPc.api, 'Tom');
  mayaParentPc = await desktop({ notifier: { show: (n) => shown.push(n) } });
  tomParentPc = await desktop();
  mayaParentId = await parentMode(mayaParentPc, maya.parentEmail);
  tomParentId = await parentMode(tomParentPc, tom.parentEmail);
});

afterAll(() => started.closeAll());

async function asKid(api: HearthApi, childId: string): Promise<void> {
  must(await api.selectProfile({ childId }));
}

describe("parent mode's notifications", () => {
  let friendshipId: string;

  it('tell both families’ grown-ups of a friend request, by names only', async () => {
    await asKid(mayaPc.api, maya.childId);
    await asKid(tomPc.api, tom.childId);
    const invite = must(await mayaPc.api.createInvite());
    friendshipId = must(await tomPc.api.redeemInvite({ code: invite.code })).friendshipId;

    await waitForCount(() => shown.length, 1, 'a notification on Maya’s grown-up’s PC');
    expect(shown).toEqual([
      {
        tag: expect.stringMatching(/^notice:/) as unknown,
        title: 'Friend request for Maya',
        body: 'Maya and Tom want to be friends. Open Hearth to approve.',
      },
    ]);
    await waitForCount(() => pageNotifications(tomParentPc).length, 1, 'a notification for the page on Tom’s grown-up’s PC');
    expect(pageNotifications(tomParentPc)).toMatchObject([
      { title: 'Friend request for Tom', body: 'Tom and Maya want to be friends. Open Hearth to approve.' },
    ]);
    // Under "Electron" main showed it: the page is not told a second time.
    expect(pageNotifications(mayaParentPc)).toEqual([]);
    // The children's PCs are never told anything of the kind.
    expect(pageNotifications(mayaPc)).toEqual([]);
    expect(pageNotifications(tomPc)).toEqual([]);
  });

  it('are not told again after the relay comes back, and tell only the blocking child’s grown-ups of a block', async () => {
    await relay.stop();
    await relay.start();
    for (const [pc, id] of [
      [mayaParentPc, mayaParentId],
      [tomParentPc, tomParentId],
      [mayaPc, maya.childId],
    ] as const) {
      await waitFor(() => pc.core.sync.connectionState(id) === 'online', 15_000, 'back online');
    }
    // A message is never told: Maya writes to her grown-up, and it arrives without a notification.
    const sent = must(await mayaPc.api.sendMessage({ contactId: mayaParentId, content: { kind: 'text', text: 'secret words' } }));
    await waitFor(
      async () =>
        must(await mayaPc.api.listMessages({ contactId: mayaParentId })).messages.some(
          (m) => m.messageId === sent.messageId && m.state === 'delivered',
        ),
      10_000,
      'the message delivered to parent mode',
    );
    must(await mayaPc.api.actOnFriendship({ friendshipId, action: 'block' }));
    await waitForCount(() => shown.length, 2, 'the block told on Maya’s grown-up’s PC');
    expect(shown.map((n) => n.title)).toEqual(['Friend request for Maya', 'Maya blocked someone']);
    expect(shown[1]?.body).toBe('Maya blocked Tom.');
    // Tom's family never learns of Maya's block, and its request was not told twice.
    await new Promise((r) => setTimeout(r, 500));
    expect(pageNotifications(tomParentPc).map((n) => n.title)).toEqual(['Friend request for Tom']);
    expect(new Set(shown.map((n) => n.tag)).size).toBe(shown.length);
    expect(JSON.stringify([shown, pageNotifications(tomParentPc)])).not.toContain('secret');
  });

  it('speak the language the PC is set to', async () => {
    must(await tomParentPc.api.unlock({ password: TEST_PASSWORD }));
    must(await tomParentPc.api.updateSettings({ language: 'es' }));
    must(await tomParentPc.api.lock());
    await asKid(tomPc.api, tom.childId);
    const invite = must(await tomPc.api.createInvite());
    must(await mayaPc.api.redeemInvite({ code: invite.code }));
    await waitForCount(() => pageNotifications(tomParentPc).length, 2, 'a second request on Tom’s grown-up’s PC');
    expect(pageNotifications(tomParentPc)[1]).toMatchObject({ title: 'Solicitud de amistad para Tom' });
  });
  it('tell the grown-ups of a computer of their family signed out, with its name only', async () => {
    // Maya on a second computer of her family, which her grown-up then signs out from the first.
    const laptop: TestDesktop = started.add(await startTestDesktop(relay.url), () => laptop.close());
    must(await laptop.api.signInParent({ email: maya.parentEmail, password: RELAY_PASSWORD }));
    must(await laptop.api.enrollPc({ name: 'Maya’s laptop', childIds: [maya.childId] }));
    must(await mayaPc.api.unlock({ password: TEST_PASSWORD }));
    const computer = must(await mayaPc.api.listDevices()).devices.find((d) => d.name === 'Maya’s laptop');
    if (!computer) throw new Error('Maya’s laptop is not listed');
    must(await mayaPc.api.revokeDevice({ deviceId: computer.deviceId }));
    await waitFor(
      () => shown.some((n) => n.title === 'A computer was signed out'),
      10_000,
      'the sign-out told on Maya’s grown-up’s PC',
    );
    expect(shown.filter((n) => n.title === 'A computer was signed out')).toEqual([
      {
        tag: expect.stringMatching(/^notice:/) as unknown,
        title: 'A computer was signed out',
        body: `Maya was signed out of “${computer.name}”.`,
      },
    ]);
    // Tom's family is not told of another family's computer.
    await new Promise((r) => setTimeout(r, 500));
    expect(pageNotifications(tomParentPc).map((n) => n.title)).not.toContain('Se cerró la sesión de una computadora');
    expect(pageNotifications(tomParentPc)).toHaveLength(2);
  });
});
