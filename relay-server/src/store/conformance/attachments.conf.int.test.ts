import { expect, it } from 'vitest';
import { describeStores } from './harness';
import { PC, message, seedFamily, sql, storeQueued } from './messaging-seed';

/** Attachment metadata (attachments/queries.ts and store/pg/attachments.ts): every function. */
describeStores('attachments', (t) => {
  const S = 'K1';
  const R = 'K2';
  const upload = (hash: string, accountId: string, now: number, size = 100) => ({
    hash,
    size,
    mime: 'image/png',
    accountId,
    now,
  });

  it('records an upload; the same bytes again are one attachment, fresh (unlinked) again', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    expect(await store.attachments.getAttachment('h')).toBeUndefined();
    expect(await store.attachments.hasUploaded('h', S)).toBe(false);
    await store.attachments.recordUpload(upload('h', S, 1_000));
    expect(await store.attachments.getAttachment('h')).toEqual({
      hash: 'h',
      size: 100,
      mime: 'image/png',
      createdAt: 1_000,
      linked: false,
    });
    await store.attachments.markAttachmentLinked('h', S, 0);
    await store.attachments.markAttachmentLinked('missing', S, 0);
    expect(await store.attachments.getAttachment('h')).toMatchObject({ linked: true });
    await store.attachments.recordUpload(upload('h', R, 2_000));
    expect(await store.attachments.getAttachment('h')).toMatchObject({ createdAt: 2_000, linked: false });
    expect(await store.attachments.hasUploaded('h', S)).toBe(true);
    expect(await store.attachments.hasUploaded('h', R)).toBe(true);
    expect(await store.attachments.listAttachmentHashes()).toEqual(['h']);
  });

  it('deletes a linked attachment once no queued message references it', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await store.attachments.recordUpload(upload('h', S, 1_000));
    expect(await store.attachments.deleteAttachmentIfUnreferenced('h')).toBe(false); // not linked yet
    await store.attachments.markAttachmentLinked('h', S, 0);
    await storeQueued(store, message('m', S, R, { attachmentHash: 'h' }), [[R, PC, false]]);
    expect(await store.attachments.deleteAttachmentIfUnreferenced('h')).toBe(false); // referenced
    await store.messages.acknowledgeMessage(R, PC, 'm', 2_000, 9_000);
    expect(await store.attachments.deleteAttachmentIfUnreferenced('h')).toBe(true);
    expect(await store.attachments.getAttachment('h')).toBeUndefined();
    expect(await store.attachments.hasUploaded('h', S)).toBe(false);
    expect(await store.attachments.deleteAttachmentIfUnreferenced('h')).toBe(false);
  });

  it("lists an account's attachments, and deletes one once no message needs it and no fresh upload waits (F12)", async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await store.attachments.recordUpload(upload('mine', S, 1_000));
    await store.attachments.recordUpload(upload('sent', R, 1_000));
    await store.attachments.markAttachmentLinked('sent', R, 0);
    await store.attachments.recordUpload(upload('both', S, 1_000));
    await store.attachments.recordUpload(upload('both', R, 1_000));
    await store.attachments.recordUpload(upload('other', 'K3', 1_000));
    await storeQueued(store, message('m', R, S, { attachmentHash: 'sent' }), [[S, PC, false]]);
    expect(await store.attachments.attachmentHashesOfAccount(S)).toEqual(['both', 'mine', 'sent']);
    expect(await store.attachments.attachmentHashesOfAccount('K3')).toEqual(['other']);
    expect(await store.attachments.deleteAttachmentIfOrphaned('mine')).toBe(false); // S's upload is there
    expect(await store.attachments.deleteAttachmentIfOrphaned('sent')).toBe(false); // a message carries it
    await sql(store, `DELETE FROM accounts WHERE id = ?`, [S]); // its uploads and messages go with it
    expect(await store.attachments.deleteAttachmentIfOrphaned('mine')).toBe(true);
    expect(await store.attachments.deleteAttachmentIfOrphaned('sent')).toBe(true); // R's message to S went
    expect(await store.attachments.deleteAttachmentIfOrphaned('both')).toBe(false); // R's fresh upload waits
    expect((await store.attachments.listAttachmentHashes()).sort()).toEqual(['both', 'other']);
  });

  it("is not linked by one family's message while another family's upload of the same bytes waits to be sent", async () => {
    await seedFamily(t, 3);
    const store = t.store();
    await store.attachments.recordUpload(upload('same', 'K3', 1_000));
    await store.attachments.recordUpload(upload('same', S, 2_000));
    // S sends it while K3's upload (within the hour: after 500) waits: linked, it would go with S's message.
    await store.attachments.markAttachmentLinked('same', S, 500);
    expect(await store.attachments.getAttachment('same')).toMatchObject({ linked: false });
    await storeQueued(store, message('m', S, R, { attachmentHash: 'same' }), [[R, PC, false]]);
    await store.messages.acknowledgeMessage(R, PC, 'm', 3_000, 9_000);
    expect(await store.attachments.deleteAttachmentIfUnreferenced('same')).toBe(false);
    expect(await store.attachments.hasUploaded('same', 'K3')).toBe(true);
    // Once K3's upload is older than the hour, a message links it as before.
    await store.attachments.markAttachmentLinked('same', S, 1_500);
    expect(await store.attachments.getAttachment('same')).toMatchObject({ linked: true });
  });

  it('deletes dead attachments: linked and unreferenced, or never linked before a time', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await store.attachments.recordUpload(upload('old', S, 1_000));
    await store.attachments.recordUpload(upload('young', S, 5_000));
    await store.attachments.recordUpload(upload('linked', S, 5_000));
    await store.attachments.markAttachmentLinked('linked', S, 0);
    await store.attachments.recordUpload(upload('used', S, 1_000));
    await store.attachments.markAttachmentLinked('used', S, 0);
    await storeQueued(store, message('m', S, R, { attachmentHash: 'used' }), [[R, PC, false]]);
    expect((await store.attachments.deleteDeadAttachments(2_000)).sort()).toEqual(['linked', 'old']);
    expect((await store.attachments.listAttachmentHashes()).sort()).toEqual(['used', 'young']);
    expect(await store.attachments.deleteDeadAttachments(2_000)).toEqual([]);
  });

  it('sums stored bytes per uploader (each file once) and in all', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    expect(await store.attachments.accountAttachmentBytes(S)).toBe(0);
    expect(await store.attachments.totalAttachmentBytes()).toBe(0);
    await store.attachments.recordUpload(upload('a', S, 1_000, 3_000_000_000));
    await store.attachments.recordUpload(upload('a', S, 1_100, 3_000_000_000));
    await store.attachments.recordUpload(upload('b', S, 1_000, 50));
    await store.attachments.recordUpload(upload('b', R, 1_000, 50));
    expect(await store.attachments.accountAttachmentBytes(S)).toBe(3_000_000_050);
    expect(await store.attachments.accountAttachmentBytes(R)).toBe(50);
    expect(await store.attachments.totalAttachmentBytes()).toBe(3_000_000_050);
  });
});
