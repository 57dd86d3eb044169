import { expect, it } from 'vitest';
import { describeStores } from './harness';
import { PC, addCredential, addPc, message, seedFamily, storeQueued } from './messaging-seed';

/** The messages port (messaging/queries.ts and store/pg/messages.ts): every function, the same answers on both. */
describeStores('messages', (t) => {
  const S = 'K1';
  const R = 'K2';

  it('stores a message once by its id: a second insert of the id (anyone’s) stores nothing', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    const seq = await store.messages.insertMessage(message('m1', S, R));
    expect(seq).toBeGreaterThan(0);
    expect(await store.messages.insertMessage(message('m1', S, R))).toBeUndefined();
    expect(await store.messages.insertMessage(message('m1', 'K3', R))).toBeUndefined();
    expect(await store.messages.findMessageId('m1')).toEqual({ senderId: S, state: 'queued', createdAt: 1_000 });
    expect(await store.messages.insertMessage(message('m2', S, R))).toBeGreaterThan(seq as number);
    expect(await store.messages.countQueuedMessages()).toBe(2);
  });

  it('stores an id sent twice at once (two transactions) exactly once', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    const attempts = await Promise.all(
      [S, S, 'K3'].map((sender) => store.transaction((tx) => tx.messages.insertMessage(message('same', sender, R)))),
    );
    expect(attempts.filter((seq) => seq !== undefined)).toHaveLength(1);
    expect(await store.messages.countQueuedMessages()).toBe(1);
  });

  it("lists the messages held to or from an account, oldest first (the family's export)", async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await storeQueued(store, message('m1', S, R, { attachmentHash: 'h1' }), [[R, PC, false]]);
    await storeQueued(store, message('m2', R, S, { withheld: true, createdAt: 2_000 }), [[S, PC, false]]);
    await storeQueued(store, message('m3', R, 'K3'), [['K3', PC, false]]);
    expect(await store.messages.listHeldMessagesOf(S)).toStrictEqual([
      {
        id: 'm1',
        senderId: S,
        recipientId: R,
        kind: 'text',
        contentJson: '{"kind":"text","text":"m1"}',
        attachmentHash: 'h1',
        withheld: false,
        createdAt: 1_000,
        expiresAt: 100_000,
      },
      {
        id: 'm2',
        senderId: R,
        recipientId: S,
        kind: 'text',
        contentJson: '{"kind":"text","text":"m2"}',
        attachmentHash: null,
        withheld: true,
        createdAt: 2_000,
        expiresAt: 100_000,
      },
    ]);
    expect((await store.messages.listHeldMessagesOf('K3')).map((m) => m.id)).toStrictEqual(['m3']);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await t.store().messages.findMessageId('nope')).toBeUndefined();
  });

  it('lists a device’s deliverable messages in queue order, after a position, within a limit, not expired', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    const seqs: number[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      seqs.push(await storeQueued(store, message(id, S, R, { expiresAt: id === 'c' ? 5_000 : 100_000 }), [[R, PC, false]]));
    }
    const ids = async (after: number, now: number, limit: number): Promise<string[]> =>
      (await store.messages.listDeliverable(R, PC, after, now, limit)).map((m) => m.id);
    expect(await ids(0, 2_000, 10)).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids(seqs[0] as number, 2_000, 10)).toEqual(['b', 'c', 'd']);
    expect(await ids(0, 2_000, 2)).toEqual(['a', 'b']);
    expect(await ids(0, 5_000, 10)).toEqual(['a', 'b', 'd']);
    expect(await ids(0, 2_000, 10)).toEqual(['a', 'b', 'c', 'd']);
    expect(await store.messages.listDeliverable(R, 'other-device', 0, 2_000, 10)).toEqual([]);
    const [first] = await store.messages.listDeliverable(R, PC, 0, 2_000, 1);
    expect(first).toEqual({
      seq: seqs[0],
      id: 'a',
      senderId: S,
      recipientId: R,
      contentJson: '{"kind":"text","text":"a"}',
      createdAt: 1_000,
      own: 0,
    });
  });

  it('lists a withheld message only as its sender’s own copy (own: 1)', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('w', S, R, { withheld: true }), [
      [R, PC, false],
      [S, 'D2', true],
    ]);
    expect(await store.messages.listDeliverable(R, PC, 0, 2_000, 10)).toEqual([]);
    expect((await store.messages.listDeliverable(S, 'D2', 0, 2_000, 10)).map((m) => [m.id, m.own])).toEqual([['w', 1]]);
  });

  it('withholds everything queued between two accounts, both ways, and counts it', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await storeQueued(store, message('x1', S, R), [[R, PC, false]]);
    await storeQueued(store, message('x2', R, S), [[S, PC, false]]);
    await storeQueued(store, message('x3', S, 'K3'), [['K3', PC, false]]);
    expect(await store.messages.withholdBetween(S, R)).toBe(2);
    expect(await store.messages.withholdBetween(R, S)).toBe(0);
    expect(await store.messages.listDeliverable(R, PC, 0, 2_000, 10)).toEqual([]);
    expect((await store.messages.listDeliverable('K3', PC, 0, 2_000, 10)).map((m) => m.id)).toEqual(['x3']);
    expect(await store.messages.mayReadAttachment('none', R)).toBe(false);
  });

  it('acknowledges per device: the first device delivers, the last deletes and frees the attachment', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await addPc(store, 'D2');
    await addCredential(store, R, 'D2', 9);
    await storeQueued(store, message('m', S, R, { attachmentHash: 'h1' }), [
      [R, PC, false],
      [R, 'D2', false],
    ]);
    expect(await store.messages.acknowledgeMessage(R, 'D3', 'm', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.acknowledgeMessage('K9', PC, 'm', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.acknowledgeMessage(R, PC, 'missing', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.acknowledgeMessage(R, PC, 'm', 2_000, 9_000)).toEqual({ deliveredTo: S, freed: undefined });
    expect(await store.messages.acknowledgeMessage(R, PC, 'm', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.findMessageId('m')).toEqual({ senderId: S, state: 'queued', createdAt: 1_000 });
    expect(await store.messages.acknowledgeMessage(R, 'D2', 'm', 3_000, 9_000)).toEqual({
      deliveredTo: undefined,
      freed: { attachmentHash: 'h1' },
    });
    expect(await store.messages.findMessageId('m')).toEqual({ senderId: S, state: 'delivered', createdAt: 2_000 });
    expect(await store.messages.countQueuedMessages()).toBe(0);
  });

  it('acknowledging on the only device delivers and deletes at once; an own copy delivers nothing', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('m', S, R), [
      [R, PC, false],
      [S, 'D2', true],
    ]);
    expect(await store.messages.acknowledgeMessage(S, 'D2', 'm', 2_000, 9_000)).toEqual({
      deliveredTo: undefined,
      freed: undefined,
    });
    expect(await store.messages.acknowledgeMessage(R, PC, 'm', 2_000, 9_000)).toEqual({
      deliveredTo: S,
      freed: { attachmentHash: null },
    });
    expect(await store.messages.findMessageId('m')).toEqual({ senderId: S, state: 'delivered', createdAt: 2_000 });
  });

  it('does not let a recipient acknowledge a withheld message', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('w', S, R, { withheld: true }), [[R, PC, false]]);
    expect(await store.messages.acknowledgeMessage(R, PC, 'w', 2_000, 9_000)).toBeUndefined();
  });

  it('marks a message read once, for its recipient only; it stays queued', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('m', S, R), [[R, PC, false]]);
    expect(await store.messages.markMessageRead(S, 'm', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.markMessageRead(R, 'missing', 2_000, 9_000)).toBeUndefined();
    expect(await store.messages.markMessageRead(R, 'm', 2_000, 9_000)).toBe(S);
    expect(await store.messages.markMessageRead(R, 'm', 2_000, 9_000)).toBeUndefined();
    expect((await store.messages.listDeliverable(R, PC, 0, 2_000, 10)).map((m) => m.id)).toEqual(['m']);
    // Delivered already: the device's acknowledgement tells the sender nothing new.
    expect(await store.messages.acknowledgeMessage(R, PC, 'm', 3_000, 9_000)).toEqual({
      deliveredTo: undefined,
      freed: { attachmentHash: null },
    });
  });

  it('expires messages past their time, oldest first, a chunk at a time, noting the undelivered for their senders', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('e1', S, R, { expiresAt: 3_000, attachmentHash: 'h' }), [[R, PC, false]]);
    await storeQueued(store, message('e2', S, R, { expiresAt: 2_000 }), [[R, PC, false]]);
    await storeQueued(store, message('e3', S, R, { expiresAt: 4_000 }), [[R, PC, false]]);
    await storeQueued(store, message('live', S, R), [[R, PC, false]]);
    await store.messages.markMessageRead(R, 'e3', 1_500, 9_000);
    expect(await store.messages.expireDueMessages(3_500, 20_000, 1)).toEqual([
      { id: 'e2', senderId: S, attachmentHash: null, delivered: false },
    ]);
    const rest = await store.messages.expireDueMessages(5_000, 20_000, 10);
    expect(rest.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'e1', senderId: S, attachmentHash: 'h', delivered: false },
      { id: 'e3', senderId: S, attachmentHash: null, delivered: true },
    ]);
    expect(await store.messages.findMessageId('e2')).toEqual({ senderId: S, state: 'expired', createdAt: 3_500 });
    expect(await store.messages.listExpiryNotices(S, 10)).toEqual(['e2', 'e1']);
    expect(await store.messages.listExpiryNotices(S, 1)).toEqual(['e2']);
    expect(await store.messages.listExpiryNotices(R, 10)).toEqual([]);
    await store.messages.clearExpiryNotice(R, 'e2');
    expect(await store.messages.listExpiryNotices(S, 10)).toEqual(['e2', 'e1']);
    await store.messages.clearExpiryNotice(S, 'e2');
    expect(await store.messages.listExpiryNotices(S, 10)).toEqual(['e1']);
    expect(await store.messages.countQueuedMessages()).toBe(1);
  });

  it('a message delivered at its only device is only remembered: not held, listed, withheld, expired or freed again', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('d', S, R, { attachmentHash: 'h', expiresAt: 5_000 }), [[R, PC, false]]);
    expect(await store.messages.acknowledgeMessage(R, PC, 'd', 2_000, 10_000)).toEqual({
      deliveredTo: S,
      freed: { attachmentHash: 'h' },
    });
    expect(await store.messages.findMessageId('d')).toEqual({ senderId: S, state: 'delivered', createdAt: 2_000 });
    expect(await store.messages.countQueuedMessages()).toBe(0);
    expect(await store.messages.listHeldMessagesOf(S)).toEqual([]);
    expect(await store.messages.listHeldMessagesOf(R)).toEqual([]);
    expect(await store.messages.countAttachmentReferences('h')).toBe(0);
    expect(await store.messages.mayReadAttachment('h', S)).toBe(false);
    expect(await store.messages.withholdBetween(S, R)).toBe(0);
    expect(await store.messages.deleteDeliveredUnqueued(10)).toEqual([]);
    // Past its message lifetime and its keep time: it never expires as a message; it is remembered until the purge.
    expect(await store.messages.expireDueMessages(20_000, 30_000, 10)).toEqual([]);
    expect(await store.messages.listExpiryNotices(S, 10)).toEqual([]);
    expect(await store.messages.findMessageId('d')).toMatchObject({ state: 'delivered' });
    expect(await store.messages.acknowledgeMessage(R, PC, 'd', 3_000, 10_000)).toBeUndefined();
    expect(await store.messages.markMessageRead(R, 'd', 3_000, 10_000)).toBeUndefined();
    expect(await store.messages.unsendMessage(S, 'd', 3_000, 60_000)).toEqual({ ok: false, code: 'ALREADY_DELIVERED' });
    expect(await store.messages.unsendMessage(R, 'd', 3_000, 60_000)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(
      await store.messages.acceptMessage({ ...message('d', S, R), sendingDevice: undefined, parentSessionAfter: 0 }),
    ).toEqual({ kind: 'known', record: { senderId: S, state: 'delivered', createdAt: 2_000 } });
    expect(await store.messages.purgeOutcomes(20_000)).toBe(1);
    expect(await store.messages.findMessageId('d')).toBeUndefined();
  });

  it('purges remembered ids past their keep time, but not a notice still owed', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('d', S, R), [[R, PC, false]]);
    await store.messages.acknowledgeMessage(R, PC, 'd', 2_000, 10_000);
    await storeQueued(store, message('x', S, R, { expiresAt: 3_000 }), [[R, PC, false]]);
    await store.messages.expireDueMessages(3_000, 10_000, 10);
    expect(await store.messages.purgeOutcomes(9_999)).toBe(0);
    expect(await store.messages.purgeOutcomes(10_000)).toBe(1);
    expect(await store.messages.findMessageId('d')).toBeUndefined();
    expect(await store.messages.findMessageId('x')).toMatchObject({ state: 'expired' });
    await store.messages.clearExpiryNotice(S, 'x');
    expect(await store.messages.purgeOutcomes(10_000)).toBe(1);
    expect(await store.messages.findMessageId('x')).toBeUndefined();
  });

  it('deletes delivered messages no device has queued, with their attachments’ hashes', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    const seq = await storeQueued(store, message('gone', S, R, { attachmentHash: 'h2' }), [
      [R, PC, false],
      [R, 'D2', false],
    ]);
    await storeQueued(store, message('kept', S, R), [[R, PC, false]]);
    await store.messages.acknowledgeMessage(R, PC, 'gone', 2_000, 9_000);
    expect(await store.messages.deleteDeliveredUnqueued(10)).toEqual([]);
    expect(await store.deviceQueues.dropDeviceQueue(R, 'D2')).toBe(1);
    expect(seq).toBeGreaterThan(0);
    expect(await store.messages.deleteDeliveredUnqueued(10)).toEqual(['h2']);
    expect(await store.messages.countQueuedMessages()).toBe(1);
  });

  it('counts the queued messages carrying an attachment and says who may read it', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await storeQueued(store, message('a1', S, R, { attachmentHash: 'h' }), [[R, PC, false]]);
    await storeQueued(store, message('a2', S, 'K3', { attachmentHash: 'h', withheld: true }), [['K3', PC, false]]);
    expect(await store.messages.countAttachmentReferences('h')).toBe(2);
    expect(await store.messages.countAttachmentReferences('other')).toBe(0);
    expect(await store.messages.mayReadAttachment('h', S)).toBe(true);
    expect(await store.messages.mayReadAttachment('h', R)).toBe(true);
    expect(await store.messages.mayReadAttachment('h', 'K3')).toBe(false);
    expect(await store.messages.mayReadAttachment('other', S)).toBe(false);
  });

  it('takes back a message no device received within the window; says why not otherwise', async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await storeQueued(store, message('u', S, R, { attachmentHash: 'h' }), [
      [R, PC, false],
      [S, 'D2', true],
    ]);
    expect(await store.messages.unsendMessage('K3', 'u', 2_000, 60_000)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await store.messages.unsendMessage(S, 'nope', 2_000, 60_000)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await store.messages.unsendMessage(S, 'u', 70_000, 60_000)).toEqual({ ok: false, code: 'TOO_LATE' });
    const done = await store.messages.unsendMessage(S, 'u', 2_000, 60_000);
    expect(done.ok && { ...done, dequeued: [...done.dequeued].sort((a, b) => a.deviceId.localeCompare(b.deviceId)) }).toEqual({
      ok: true,
      recipientId: R,
      dequeued: [
        { accountId: R, deviceId: PC },
        { accountId: S, deviceId: 'D2' },
      ],
      attachmentHash: 'h',
    });
    expect(await store.messages.findMessageId('u')).toBeUndefined();

    await storeQueued(store, message('r', S, R), [[R, PC, false]]);
    await store.messages.markMessageRead(R, 'r', 2_000, 9_000);
    expect(await store.messages.unsendMessage(S, 'r', 2_000, 60_000)).toEqual({ ok: false, code: 'ALREADY_DELIVERED' });
    await store.messages.acknowledgeMessage(R, PC, 'r', 2_000, 9_000);
    expect(await store.messages.unsendMessage(S, 'r', 2_000, 60_000)).toEqual({ ok: false, code: 'ALREADY_DELIVERED' });
    expect(await store.messages.unsendMessage('K3', 'r', 2_000, 60_000)).toEqual({ ok: false, code: 'NOT_FOUND' });

    await storeQueued(store, message('x', S, R, { expiresAt: 3_000 }), [[R, PC, false]]);
    await store.messages.expireDueMessages(3_000, 9_000, 10);
    expect(await store.messages.unsendMessage(S, 'x', 3_000, 60_000)).toEqual({ ok: false, code: 'TOO_LATE' });
  });
});
