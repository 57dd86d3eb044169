import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId, HearthApi, MessageView } from '@hearth/common';
import {
  befriend,
  must,
  RELAY_PASSWORD,
  setUpFamily,
  startTestDesktop,
  TEST_PASSWORD,
  type TestDesktop,
} from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { sqliteOf } from '@hearth/relay-server/sqlite-store';
import { deliveredCount, heldMessageCount } from '@hearth/test-kit/relay-rows';
import { startTcpProxy, type TcpProxy } from '@hearth/test-kit/tcp-proxy';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';

/**
 * Delivery to every device: Maya is on two PCs, her parent has parent mode on two PCs. One of
 * each pair reaches the relay through a proxy the test cuts; the relay restarts in between.
 * Every PC ends with every message exactly once, its own ones stored as sent by it.
 */

let relay: TestRelay;
let proxy: TcpProxy;
let mayaPc1: TestDesktop;
let mayaPc2: TestDesktop;
let tomPc: TestDesktop;
let parentPc1: TestDesktop;
let parentPc2: TestDesktop;
let maya: ChildId;
let tom: string;
let parent: string;
/** Everything a test started, closed newest first: the PCs, the proxy, the relay. */
const started = createClosers();

async function desktop(url: string): Promise<TestDesktop> {
  const d = await startTestDesktop(url);
  return started.add(d, () => d.close());
}

async function history(api: HearthApi, contactId: string): Promise<MessageView[]> {
  return must(await api.listMessages({ contactId, limit: 200 })).messages;
}

const textOf = (m: MessageView): string => (m.content.kind === 'text' ? m.content.text : m.content.kind);

/** Waits until this PC's conversation holds exactly these texts; then checks each was stored (and told) once. */
async function expectConversation(
  pc: TestDesktop,
  contactId: string,
  expected: readonly Readonly<{ text: string; direction: 'in' | 'out' }>[],
  what: string,
): Promise<void> {
  const want = expected.map((e) => `${e.direction} ${e.text}`).sort();
  const shown = async (): Promise<string[]> =>
    (await history(pc.api, contactId)).map((m) => `${m.direction} ${textOf(m)}`).sort();
  await waitFor(async () => (await shown()).length >= want.length, 30_000, what);
  // A late duplicate would show up now.
  await new Promise((r) => setTimeout(r, 300));
  expect(await shown()).toEqual(want);
  const told = pc.events.flatMap((e) =>
    e.event === 'message' && e.payload.contactId === contactId ? [e.payload.messageId] : [],
  );
  expect(new Set(told).size).toBe(told.length);
}

/** A second PC for an existing child: the grown-up signs in there and enrolls it for her. */
async function addPcFor(api: HearthApi, email: string, childId: ChildId): Promise<void> {
  must(await api.signInParent({ email, password: RELAY_PASSWORD }));
  must(await api.enrollPc({ name: 'Second PC', childIds: [childId] }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  must(await api.selectProfile({ childId }));
}

async function setUpParentMode(api: HearthApi, email: string): Promise<string> {
  must(await api.signInParent({ email, password: RELAY_PASSWORD }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  const profile = must(await api.startParentMode({ email, password: RELAY_PASSWORD }));
  must(await api.selectProfile({ childId: profile.childId }));
  return profile.childId;
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  proxy = started.add(await startTcpProxy(relay.port), () => proxy.close());
  mayaPc1 = await desktop(relay.url);
  mayaPc2 = await desktop(proxy.url);
  tomPc = await desktop(relay.url);
  parentPc1 = await desktop(relay.url);
  parentPc2 = await desktop(proxy.url);
  const family = await setUpFamily(mayaPc1.api, 'Maya');
  maya = family.childId;
  tom = (await setUpFamily(tomPc.api, 'Tom')).childId;
  await befriend(mayaPc1.api, maya, tomPc.api, tom);
  await addPcFor(mayaPc2.api, family.parentEmail, maya);
  parent = await setUpParentMode(parentPc1.api, family.parentEmail);
  expect(await setUpParentMode(parentPc2.api, family.parentEmail)).toBe(parent);
  await waitFor(async () => must(await mayaPc2.api.listFriends()).friends.length === 2, 15_000, 'Maya’s friends on PC 2');
  for (const pc of [parentPc1, parentPc2]) {
    await waitFor(async () => must(await pc.api.listFriends()).friends.length === 1, 15_000, 'Maya at a parent PC');
  }
}, 120_000);

afterAll(async () => {
  await started.closeAll();
});

describe('delivery to every device', () => {
  it('gives both of a child’s PCs and both parent-mode PCs every message once, across a cut network and a relay restart', async () => {
    const send = async (pc: TestDesktop, contactId: string, text: string): Promise<void> => {
      must(await pc.api.sendMessage({ contactId, content: { kind: 'text', text } }));
    };
    // Everyone online.
    await send(tomPc, maya, 'tom 1');
    await send(parentPc1, maya, 'parent 1');
    await send(mayaPc1, tom, 'maya 1');
    // The proxied PCs lose the network; the others go on.
    proxy.setDown(true);
    proxy.cut();
    await send(tomPc, maya, 'tom 2');
    await send(mayaPc1, parent, 'maya to parent 1');
    await send(parentPc1, maya, 'parent 2');
    await waitFor(async () => (await history(mayaPc1.api, tom)).some((m) => textOf(m) === 'tom 2'), 15_000, 'tom 2 at PC 1');
    // The relay restarts while they are away; then they come back.
    await relay.stop();
    await send(tomPc, maya, 'tom 3 (relay down)');
    await relay.start();
    proxy.setDown(false);
    await send(mayaPc2, tom, 'maya 2 from PC 2');
    await send(parentPc2, maya, 'parent 3 from PC 2');

    const fromTom = ['tom 1', 'tom 2', 'tom 3 (relay down)'].map((text) => ({ text, direction: 'in' as const }));
    const mayaToTom = ['maya 1', 'maya 2 from PC 2'].map((text) => ({ text, direction: 'out' as const }));
    const parentToMaya = ['parent 1', 'parent 2', 'parent 3 from PC 2'];
    for (const [pc, name] of [
      [mayaPc1, 'Maya PC 1'],
      [mayaPc2, 'Maya PC 2'],
    ] as const) {
      await expectConversation(pc, tom, [...fromTom, ...mayaToTom], `${name} with Tom`);
      await expectConversation(
        pc,
        parent,
        [...parentToMaya.map((text) => ({ text, direction: 'in' as const })), { text: 'maya to parent 1', direction: 'out' }],
        `${name} with the parent`,
      );
    }
    for (const [pc, name] of [
      [parentPc1, 'parent PC 1'],
      [parentPc2, 'parent PC 2'],
    ] as const) {
      await expectConversation(
        pc,
        maya,
        [...parentToMaya.map((text) => ({ text, direction: 'out' as const })), { text: 'maya to parent 1', direction: 'in' }],
        name,
      );
    }
    await expectConversation(
      tomPc,
      maya,
      [
        ...fromTom.map((m) => ({ ...m, direction: 'out' as const })),
        ...mayaToTom.map((m) => ({ ...m, direction: 'in' as const })),
      ],
      'Tom',
    );
    // Every message was delivered (Tom hears of it when online at that moment: best effort, not checked).
    const db = sqliteOf(relay.app().relay);
    expect(deliveredCount(db)).toBe(9);
    // Once every device has acknowledged, the relay holds nothing (only the ids it remembers as delivered).
    await waitFor(() => heldMessageCount(db) === 0, 15_000, 'an empty queue');
  }, 120_000);
});
