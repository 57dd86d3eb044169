import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { seedChild, seedParent } from './social-fixtures';

const invite = (code: string, childId = 'c1', createdAt = 1_000, expiresAt = 10_000) => ({
  code,
  childId,
  createdBy: childId,
  createdAt,
  expiresAt,
});

/** Friend invite codes: single use, unusable from their expiry on, counted per child for the rate limit. */
describeStores('friendInvites port', (t) => {
  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
  });

  it('gives back an inserted code, not yet redeemed; undefined for an unknown one', async () => {
    await t.store().friendInvites.insertInvite({ ...invite('ABCD2345'), createdBy: 'p1' });
    expect(await t.store().friendInvites.getInvite('ABCD2345')).toStrictEqual({
      code: 'ABCD2345',
      childId: 'c1',
      createdBy: 'p1',
      createdAt: 1_000,
      expiresAt: 10_000,
      redeemedAt: null,
      redeemedBy: null,
    });
    expect(await t.store().friendInvites.getInvite('abcd2345')).toBeUndefined();
    expect(await t.store().friendInvites.getInvite('NOPE')).toBeUndefined();
  });

  it("lists a child's codes, oldest first, used or not (the family's export)", async () => {
    const store = t.store();
    await store.friendInvites.insertInvite(invite('LATER234', 'c1', 2_000));
    await store.friendInvites.insertInvite(invite('FIRST234', 'c1', 1_000));
    await store.friendInvites.insertInvite(invite('OTHER234', 'c2', 1_500));
    expect(await store.friendInvites.markInviteRedeemed('FIRST234', 'c2', 1_200)).toBe(true);
    expect(await store.friendInvites.listInvitesOf('c1')).toStrictEqual([
      {
        code: 'FIRST234',
        childId: 'c1',
        createdBy: 'c1',
        createdAt: 1_000,
        expiresAt: 10_000,
        redeemedAt: 1_200,
        redeemedBy: 'c2',
      },
      {
        code: 'LATER234',
        childId: 'c1',
        createdBy: 'c1',
        createdAt: 2_000,
        expiresAt: 10_000,
        redeemedAt: null,
        redeemedBy: null,
      },
    ]);
    expect(await store.friendInvites.listInvitesOf('nobody')).toStrictEqual([]);
  });

  it('refuses a code that exists already', async () => {
    await t.store().friendInvites.insertInvite(invite('ABCD2345'));
    await expect(t.store().friendInvites.insertInvite(invite('ABCD2345', 'c2'))).rejects.toThrow();
  });

  it('redeems a code once: the second try is refused and the first redeemer kept', async () => {
    await t.store().friendInvites.insertInvite(invite('ABCD2345'));
    expect(await t.store().friendInvites.markInviteRedeemed('ABCD2345', 'c2', 5_000)).toBe(true);
    expect(await t.store().friendInvites.markInviteRedeemed('ABCD2345', 'c1', 6_000)).toBe(false);
    expect(await t.store().friendInvites.getInvite('ABCD2345')).toMatchObject({ redeemedAt: 5_000, redeemedBy: 'c2' });
  });

  it('of two transactions redeeming one code at once, exactly one gets it', async () => {
    await t.store().friendInvites.insertInvite(invite('ABCD2345'));
    const redeem = (by: string) =>
      t.store().transaction(async (tx) => {
        await tx.friendInvites.getInvite('ABCD2345');
        return { won: await tx.friendInvites.markInviteRedeemed('ABCD2345', by, 5_000) };
      });
    const results = await Promise.all([redeem('c1'), redeem('c2')]);
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const winner = results[0]?.won ? 'c1' : 'c2';
    expect((await t.store().friendInvites.getInvite('ABCD2345'))?.redeemedBy).toBe(winner);
  });

  it('refuses an expired code (from the expiry millisecond on) and an unknown one', async () => {
    await t.store().friendInvites.insertInvite(invite('AAAA2222', 'c1', 1_000, 10_000));
    await t.store().friendInvites.insertInvite(invite('BBBB3333', 'c1', 1_000, 10_000));
    expect(await t.store().friendInvites.markInviteRedeemed('AAAA2222', 'c2', 10_000)).toBe(false);
    expect(await t.store().friendInvites.markInviteRedeemed('BBBB3333', 'c2', 9_999)).toBe(true);
    expect(await t.store().friendInvites.markInviteRedeemed('NOPE', 'c2', 5_000)).toBe(false);
    expect(await t.store().friendInvites.getInvite('AAAA2222')).toMatchObject({ redeemedAt: null, redeemedBy: null });
  });

  it('counts a child’s codes made after a moment, not at it, and not another child’s', async () => {
    await t.store().friendInvites.insertInvite(invite('AAAA2222', 'c1', 1_000));
    await t.store().friendInvites.insertInvite(invite('BBBB3333', 'c1', 2_000));
    await t.store().friendInvites.insertInvite(invite('CCCC4444', 'c1', 3_000));
    await t.store().friendInvites.insertInvite(invite('DDDD5555', 'c2', 3_000));
    expect(await t.store().friendInvites.countInvitesSince('c1', 1_000)).toBe(2);
    expect(await t.store().friendInvites.countInvitesSince('c1', 0)).toBe(3);
    expect(await t.store().friendInvites.countInvitesSince('c1', 3_000)).toBe(0);
    expect(await t.store().friendInvites.countInvitesSince('c2', 0)).toBe(1);
    expect(await t.store().friendInvites.countInvitesSince('nobody', 0)).toBe(0);
  });

  it('a redeemed code still counts toward the limit', async () => {
    await t.store().friendInvites.insertInvite(invite('AAAA2222', 'c1', 1_000));
    await t.store().friendInvites.markInviteRedeemed('AAAA2222', 'c2', 2_000);
    expect(await t.store().friendInvites.countInvitesSince('c1', 0)).toBe(1);
  });

  it('deletes codes expired at or before a moment and says how many', async () => {
    await t.store().friendInvites.insertInvite(invite('AAAA2222', 'c1', 1_000, 5_000));
    await t.store().friendInvites.insertInvite(invite('BBBB3333', 'c1', 1_000, 6_000));
    await t.store().friendInvites.insertInvite(invite('CCCC4444', 'c2', 1_000, 7_000));
    expect(await t.store().friendInvites.deleteStaleInvites(4_999)).toBe(0);
    expect(await t.store().friendInvites.deleteStaleInvites(6_000)).toBe(2);
    expect(await t.store().friendInvites.getInvite('AAAA2222')).toBeUndefined();
    expect(await t.store().friendInvites.getInvite('BBBB3333')).toBeUndefined();
    expect(await t.store().friendInvites.getInvite('CCCC4444')).toBeDefined();
    expect(await t.store().friendInvites.deleteStaleInvites(6_000)).toBe(0);
  });
});
