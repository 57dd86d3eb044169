import { expect, it } from 'vitest';
import type { MessageToAccept } from '../../messaging/queries';
import { describeStores } from './harness';
import { PARENT, PC, addCredential, addPc, message, seedFamily, storeQueued } from './messaging-seed';

/**
 * The send and receive paths' one-call functions of the messages port (`acceptMessage`,
 * `acknowledgeMessages` in messaging/queries.ts and store/pg/messages.ts): the same answers on both.
 */
describeStores('messages: accepting and acknowledging in one call', (t) => {
  const S = 'K1';
  const R = 'K2';

  const accept = (id: string, senderId: string, recipientId: string, over: Partial<MessageToAccept> = {}): MessageToAccept => ({
    ...message(id, senderId, recipientId),
    sendingDevice: PC,
    parentSessionAfter: 1_000,
    ...over,
  });

  /** Every device queue holding message `id`, as `account/device/own`, sorted. */
  const queuedFor = async (id: string, where: readonly (readonly [string, string])[]): Promise<string[]> => {
    const found: string[] = [];
    for (const [accountId, deviceId] of where) {
      for (const m of await t.store().messages.listDeliverable(accountId, deviceId, 0, 2_000, 100)) {
        if (m.id === id) found.push(`${accountId}/${deviceId}/${m.own}`);
      }
    }
    return found.sort();
  };

  it('stores a message and queues it for each recipient device and each other device of its sender', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await addPc(store, 'D2');
    await addCredential(store, R, 'D2', 7);
    await addCredential(store, S, 'D2', 8);
    const accepted = await store.transaction((tx) => tx.messages.acceptMessage(accept('m1', S, R)));
    if (accepted.kind !== 'stored') throw new Error(`expected stored, got ${accepted.kind}`);
    expect(accepted.seq).toBeGreaterThan(0);
    expect(
      [...accepted.queues].sort((a, b) => `${a.accountId}${a.deviceId}`.localeCompare(`${b.accountId}${b.deviceId}`)),
    ).toEqual([
      { accountId: S, deviceId: 'D2', own: true },
      { accountId: R, deviceId: PC, own: false },
      { accountId: R, deviceId: 'D2', own: false },
    ]);
    const where = [
      [S, PC],
      [S, 'D2'],
      [R, PC],
      [R, 'D2'],
    ] as const;
    // The device it was sent from has it already: no copy is queued there.
    expect(await queuedFor('m1', where)).toEqual([`${S}/D2/1`, `${R}/${PC}/0`, `${R}/D2/0`]);
    expect(await store.messages.findMessageId('m1')).toEqual({ senderId: S, state: 'queued', createdAt: 1_000 });
    // Sent from no device (a grown-up's pane): every device of the sender gets its copy.
    const fromPane = await store.messages.acceptMessage(accept('m2', S, R, { sendingDevice: undefined }));
    expect(
      fromPane.kind === 'stored' &&
        fromPane.queues
          .filter((q) => q.own)
          .map((q) => q.deviceId)
          .sort(),
    ).toEqual([PC, 'D2']);
    expect(fromPane.kind === 'stored' && fromPane.seq).toBeGreaterThan(accepted.seq);
  });

  it('answers an id already known (anyone’s, queued or delivered) with its record and writes nothing', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await store.messages.acceptMessage(accept('m', S, R));
    expect(await store.messages.acceptMessage(accept('m', S, R, { createdAt: 5_000 }))).toEqual({
      kind: 'known',
      record: { senderId: S, state: 'queued', createdAt: 1_000 },
    });
    expect(await store.messages.acceptMessage(accept('m', 'K3', R))).toEqual({
      kind: 'known',
      record: { senderId: S, state: 'queued', createdAt: 1_000 },
    });
    expect(await store.messages.countQueuedMessages()).toBe(1);
    expect(await queuedFor('m', [[R, PC]])).toEqual([`${R}/${PC}/0`]);
    await store.messages.acknowledgeMessages(R, PC, ['m'], 2_000, 9_000);
    expect(await store.messages.acceptMessage(accept('m', S, R))).toEqual({
      kind: 'known',
      record: { senderId: S, state: 'delivered', createdAt: 2_000 },
    });
    expect(await store.messages.countQueuedMessages()).toBe(0);
  });

  it('queues for the account queue of a recipient with no device; a parent device counts while its session may still sign in', async () => {
    await seedFamily(t, 1);
    const store = t.store();
    const toParent = await store.messages.acceptMessage(accept('p1', S, PARENT));
    expect(toParent.kind === 'stored' && toParent.queues).toEqual([{ accountId: PARENT, deviceId: '', own: false }]);
    await store.deviceQueues.insertParentDevice({
      id: 'PD1',
      parentId: PARENT,
      sessionId: 's1',
      sessionExpiresAt: 10_000,
      createdAt: 1,
    });
    const live = await store.messages.acceptMessage(accept('p2', S, PARENT, { parentSessionAfter: 9_999 }));
    expect(live.kind === 'stored' && live.queues).toEqual([{ accountId: PARENT, deviceId: 'PD1', own: false }]);
    const ended = await store.messages.acceptMessage(accept('p3', S, PARENT, { parentSessionAfter: 10_000 }));
    expect(ended.kind === 'stored' && ended.queues).toEqual([{ accountId: PARENT, deviceId: '', own: false }]);
  });

  it('stores a withheld message and queues it everywhere (it is listed only as the sender’s own copy)', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await addPc(store, 'D2');
    await addCredential(store, S, 'D2', 8);
    const accepted = await store.messages.acceptMessage(accept('w', S, R, { withheld: true }));
    expect(accepted.kind === 'stored' && accepted.queues.length).toBe(2);
    expect(
      await queuedFor('w', [
        [R, PC],
        [S, 'D2'],
      ]),
    ).toEqual([`${S}/D2/1`]);
  });

  it('acknowledges a frame’s ids in order on one device; only those it had queued come back', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await addPc(store, 'D2');
    await addCredential(store, R, 'D2', 9);
    await storeQueued(store, message('a', S, R, { attachmentHash: 'h1' }), [
      [R, PC, false],
      [R, 'D2', false],
    ]);
    await storeQueued(store, message('b', S, R), [[R, PC, false]]);
    await storeQueued(store, message('w', S, R, { withheld: true }), [[R, PC, false]]);
    await storeQueued(store, message('own', R, S), [
      [S, PC, false],
      [R, 'D2', true],
    ]);
    expect(await store.messages.acknowledgeMessages(R, PC, [], 2_000, 9_000)).toEqual([]);
    expect(
      await store.transaction((tx) =>
        tx.messages.acknowledgeMessages(R, PC, ['missing', 'a', 'w', 'b', 'a', 'own'], 2_000, 9_000),
      ),
    ).toEqual([
      { id: 'a', deliveredTo: S, freed: undefined },
      { id: 'b', deliveredTo: S, freed: { attachmentHash: null } },
    ]);
    expect(await store.messages.acknowledgeMessages('K9', 'D2', ['a'], 3_000, 9_000)).toEqual([]);
    expect(await store.messages.acknowledgeMessages(R, 'D2', ['a', 'own'], 3_000, 9_000)).toEqual([
      { id: 'a', deliveredTo: undefined, freed: { attachmentHash: 'h1' } },
      { id: 'own', deliveredTo: undefined, freed: undefined },
    ]);
    expect(await store.messages.findMessageId('a')).toEqual({ senderId: S, state: 'delivered', createdAt: 2_000 });
    expect(await store.messages.findMessageId('b')).toEqual({ senderId: S, state: 'delivered', createdAt: 2_000 });
    expect(await store.messages.findMessageId('w')).toEqual({ senderId: S, state: 'queued', createdAt: 1_000 });
  });
});
