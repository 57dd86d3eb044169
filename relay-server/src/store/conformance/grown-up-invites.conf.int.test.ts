import { expect, it } from 'vitest';
import type { GrownUpInviteRow, StoredInviteState } from '../../family/invite-queries';
import { describeStores } from './harness';
import { addChild, addParent, sql } from './family-fixtures';

/**
 * The grown-up invitations port (issue 12) on both adapters: codes kept as hashes, the children
 * an invitation is for, who sees it, redeeming, answering, cancelling. Whether a code is expired
 * is the service's reading of `expiresAt` against the clock; the port keeps the times exactly.
 */
describeStores('grown-up invitations port', (t) => {
  const store = () => t.store();
  const hash = (s: string): Buffer => Buffer.from(`hash:${s}`);

  const invite = (id: string, createdAt: number, more: Partial<GrownUpInviteRow> = {}): GrownUpInviteRow => ({
    id,
    role: 'guardian',
    createdBy: 'amy',
    createdAt,
    expiresAt: createdAt + 7_000,
    state: 'waiting',
    redeemedBy: null,
    redeemedAt: null,
    avatar: null,
    ...more,
  });

  /** Amy guards 'kid' and 'sib'; Zoe guards 'sib' only; Bob is nobody's; 'gone' is a disabled child of Amy's. */
  async function family(): Promise<void> {
    await addParent(store(), 'amy', 'Amy');
    await addParent(store(), 'Zoe', 'Zoe');
    await addParent(store(), 'bob', 'Bob');
    await addChild(store(), 'kid', 'Kid', 'amy', { createdAt: 2_000 });
    await addChild(store(), 'sib', 'Sib', 'amy', { createdAt: 1_000 });
    await addChild(store(), 'gone', 'Gone', 'amy', { createdAt: 500, disabledAt: 600 });
    await store().family.insertGuardian('kid', 'amy', 1, null);
    await store().family.insertGuardian('sib', 'amy', 1, null);
    await store().family.insertGuardian('gone', 'amy', 1, null);
    await store().family.insertGuardian('sib', 'Zoe', 2, 'amy');
  }

  it('keeps an invitation by its code hash, exactly as made; an unknown hash or id finds nothing', async () => {
    await family();
    const g = store().grownUpInvites;
    const row = invite('i1', 10_000, { role: 'trusted', avatar: 'owl' });
    expect(await g.codeHashExists(hash('a'))).toBe(false);
    await g.insertGrownUpInvite({ ...row, codeHash: hash('a') }, ['kid']);
    expect(await g.codeHashExists(hash('a'))).toBe(true);
    expect(await g.codeHashExists(hash('b'))).toBe(false);
    expect(await g.getGrownUpInviteByHash(hash('a'))).toEqual(row);
    expect(await g.getGrownUpInvite('i1')).toEqual(row);
    expect(await g.getGrownUpInviteByHash(hash('b'))).toBeUndefined();
    expect(await g.getGrownUpInvite('nope')).toBeUndefined();
  });

  it('starts every invitation waiting, and refuses a second one with the same code hash or id', async () => {
    await family();
    const g = store().grownUpInvites;
    await g.insertGrownUpInvite({ ...invite('i1', 10_000, { state: 'confirmed' }), codeHash: hash('a') }, ['kid']);
    expect((await g.getGrownUpInvite('i1'))?.state).toBe('waiting');
    await expect(g.insertGrownUpInvite({ ...invite('i2', 10_000), codeHash: hash('a') }, ['kid'])).rejects.toThrow();
    await expect(g.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('b') }, ['kid'])).rejects.toThrow();
    expect(await g.codeHashExists(hash('b'))).toBe(false);
  });

  it('names the children an invitation is for, oldest child first, those disabled or gone left out', async () => {
    await family();
    const g = store().grownUpInvites;
    await g.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('a') }, ['kid', 'gone', 'sib']);
    expect(await g.inviteChildren('i1')).toEqual([
      { childId: 'sib', displayName: 'Sib' },
      { childId: 'kid', displayName: 'Kid' },
    ]);
    await store().family.deleteChildAccount('sib');
    expect(await g.inviteChildren('i1')).toEqual([{ childId: 'kid', displayName: 'Kid' }]);
    expect(await g.inviteChildren('nope')).toEqual([]);
  });

  it('lists the invitations for any child a grown-up guards, newest first, once each, up to the limit', async () => {
    await family();
    const g = store().grownUpInvites;
    await g.insertGrownUpInvite({ ...invite('i-kid', 10_000), codeHash: hash('1') }, ['kid']);
    await g.insertGrownUpInvite({ ...invite('i-both', 20_000), codeHash: hash('2') }, ['kid', 'sib']);
    await g.insertGrownUpInvite({ ...invite('i-Sib', 30_000, { createdBy: 'Zoe' }), codeHash: hash('3') }, ['sib']);
    await g.insertGrownUpInvite({ ...invite('i-sib', 30_000), codeHash: hash('4') }, ['sib']);
    const ids = async (parentId: string, limit = 10) => (await g.listInvitesForGuardian(parentId, limit)).map((r) => r.id);
    expect(await ids('amy')).toEqual(['i-sib', 'i-Sib', 'i-both', 'i-kid']);
    expect(await ids('amy', 2)).toEqual(['i-sib', 'i-Sib']);
    expect(await ids('Zoe')).toEqual(['i-sib', 'i-Sib', 'i-both']);
    expect(await ids('bob')).toEqual([]);
    expect((await g.listInvitesForGuardian('Zoe', 1))[0]).toEqual(invite('i-sib', 30_000));
  });

  it('marks a code used by the grown-up who typed it, and lists what they typed, latest first', async () => {
    await family();
    const g = store().grownUpInvites;
    await g.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('1') }, ['kid']);
    await g.insertGrownUpInvite({ ...invite('i2', 11_000, { role: 'trusted' }), codeHash: hash('2') }, ['kid']);
    await g.insertGrownUpInvite({ ...invite('i3', 12_000), codeHash: hash('3') }, ['sib']);
    expect(await g.listInvitesRedeemedBy('bob', 10)).toEqual([]);
    await g.markInviteRedeemed('i1', 'bob', 15_000);
    await g.markInviteRedeemed('i2', 'bob', 16_000);
    await g.markInviteRedeemed('i3', 'Zoe', 17_000);
    expect(await g.getGrownUpInviteByHash(hash('1'))).toEqual(
      invite('i1', 10_000, { state: 'redeemed', redeemedBy: 'bob', redeemedAt: 15_000 }),
    );
    expect(await g.listInvitesRedeemedBy('bob', 10)).toEqual([
      invite('i2', 11_000, { role: 'trusted', state: 'redeemed', redeemedBy: 'bob', redeemedAt: 16_000 }),
      invite('i1', 10_000, { state: 'redeemed', redeemedBy: 'bob', redeemedAt: 15_000 }),
    ]);
    expect((await g.listInvitesRedeemedBy('bob', 1)).map((r) => r.id)).toEqual(['i2']);
    // The one who typed it closes their account: the invitation stays, with nobody as its redeemer.
    await sql(store(), `DELETE FROM accounts WHERE id = ?`, 'bob');
    expect(await g.listInvitesRedeemedBy('bob', 10)).toEqual([]);
    expect(await g.getGrownUpInvite('i1')).toMatchObject({ state: 'redeemed', redeemedBy: null, redeemedAt: 15_000 });
  });

  it('keeps the expiry time exactly, and an expired code stays as it was (the service reads the clock)', async () => {
    await family();
    const g = store().grownUpInvites;
    const week = 7 * 24 * 60 * 60 * 1000;
    const createdAt = 1_780_000_000_000;
    await g.insertGrownUpInvite({ ...invite('i1', createdAt, { expiresAt: createdAt + week }), codeHash: hash('1') }, ['kid']);
    const row = await g.getGrownUpInvite('i1');
    expect(row?.expiresAt).toBe(createdAt + week);
    expect(typeof row?.createdAt).toBe('number');
    expect(row?.state).toBe('waiting');
  });

  it('counts the invitations a grown-up made strictly after a time', async () => {
    await family();
    const g = store().grownUpInvites;
    expect(await g.countInvitesCreatedSince('amy', 0)).toBe(0);
    await g.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('1') }, ['kid']);
    await g.insertGrownUpInvite({ ...invite('i2', 20_000), codeHash: hash('2') }, ['kid']);
    await g.insertGrownUpInvite({ ...invite('i3', 30_000, { createdBy: 'Zoe' }), codeHash: hash('3') }, ['sib']);
    expect(await g.countInvitesCreatedSince('amy', 0)).toBe(2);
    expect(await g.countInvitesCreatedSince('amy', 10_000)).toBe(1);
    expect(await g.countInvitesCreatedSince('amy', 20_000)).toBe(0);
    expect(await g.countInvitesCreatedSince('Zoe', 0)).toBe(1);
  });

  it('sets each state', async () => {
    await family();
    const g = store().grownUpInvites;
    await g.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('1') }, ['kid']);
    for (const state of ['redeemed', 'confirmed', 'declined', 'cancelled', 'waiting'] as StoredInviteState[]) {
      await g.setInviteState('i1', state);
      expect((await g.getGrownUpInvite('i1'))?.state).toBe(state);
    }
    await g.setInviteState('nope', 'cancelled');
    expect(await g.getGrownUpInvite('nope')).toBeUndefined();
  });

  it("cancels a grown-up's unanswered invitations for a child, and nothing else", async () => {
    await family();
    const g = store().grownUpInvites;
    const add = (id: string, children: string[], more: Partial<GrownUpInviteRow> = {}) =>
      g.insertGrownUpInvite({ ...invite(id, 10_000, more), codeHash: hash(id) }, children);
    await add('waiting', ['kid']);
    await add('redeemed', ['kid', 'sib']);
    await add('confirmed', ['kid']);
    await add('declined', ['kid']);
    await add('other-child', ['sib']);
    await add('other-maker', ['sib', 'kid'], { createdBy: 'Zoe' });
    await g.markInviteRedeemed('redeemed', 'bob', 11_000);
    await g.setInviteState('confirmed', 'confirmed');
    await g.setInviteState('declined', 'declined');
    await g.cancelInvitesOf('amy', 'kid');
    const states = Object.fromEntries(
      await Promise.all(
        ['waiting', 'redeemed', 'confirmed', 'declined', 'other-child', 'other-maker'].map(
          async (id) => [id, (await g.getGrownUpInvite(id))?.state] as const,
        ),
      ),
    );
    expect(states).toEqual({
      waiting: 'cancelled',
      redeemed: 'cancelled',
      confirmed: 'confirmed',
      declined: 'declined',
      'other-child': 'waiting',
      'other-maker': 'waiting',
    });
    // The code of a cancelled invitation is still known (so it is never handed out again).
    expect(await g.codeHashExists(hash('waiting'))).toBe(true);
  });

  it('rolls an invitation back with its transaction, its children too', async () => {
    await family();
    await expect(
      store().transaction(async (tx) => {
        await tx.grownUpInvites.insertGrownUpInvite({ ...invite('i1', 10_000), codeHash: hash('1') }, ['kid', 'sib']);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store().grownUpInvites.getGrownUpInvite('i1')).toBeUndefined();
    expect(await store().grownUpInvites.inviteChildren('i1')).toEqual([]);
  });
});
