import { beforeEach, expect, it } from 'vitest';
import type { FriendshipState } from '@hearth/common';
import type { FriendshipRow } from '../../friendships/queries';
import { describeStores } from './harness';
import { seedChild, seedParent, seedSql } from './social-fixtures';

const state = (over: Partial<FriendshipState> = {}): FriendshipState => ({
  kind: 'friend',
  kidConfirmed: { a: true, b: false },
  parentApproved: { a: false, b: true },
  blockedBy: { a: false, b: false },
  ended: null,
  ...over,
});

const friendship = (
  id: string,
  aId: string,
  bId: string,
  createdAt = 2_000,
  over: Partial<FriendshipState> = {},
): FriendshipRow => ({
  id,
  aId,
  bId,
  state: state(over),
  createdAt,
  updatedAt: createdAt,
});

/** Friendships: one row per pair whichever way round, every flag a boolean both ways. */
describeStores('friendships port', (t) => {
  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    for (const id of ['c1', 'c2', 'c3', 'c4']) await seedChild(t.store(), id, 'p1');
  });

  it('gives back exactly what was inserted, every flag as a boolean', async () => {
    const row = friendship('f1', 'c1', 'c2', 2_000, {
      kidConfirmed: { a: true, b: false },
      parentApproved: { a: false, b: true },
      blockedBy: { a: true, b: false },
    });
    await t.store().friendships.insertFriendship(row);
    expect(await t.store().friendships.getFriendship('f1')).toStrictEqual(row);
    const flipped = friendship('f2', 'c3', 'c4', 2_000, {
      kidConfirmed: { a: false, b: true },
      parentApproved: { a: true, b: false },
      blockedBy: { a: false, b: true },
    });
    await t.store().friendships.insertFriendship(flipped);
    expect(await t.store().friendships.getFriendship('f2')).toStrictEqual(flipped);
  });

  it('keeps a family link and an ended friendship as they are', async () => {
    const family = friendship('f1', 'p1', 'c1', 2_000, { kind: 'family' });
    const declined = friendship('f2', 'c1', 'c2', 2_000, { ended: 'declined' });
    const removed = friendship('f3', 'c3', 'c4', 2_000, { ended: 'removed' });
    for (const row of [family, declined, removed]) await t.store().friendships.insertFriendship(row);
    expect(await t.store().friendships.getFriendship('f1')).toStrictEqual(family);
    expect((await t.store().friendships.getFriendship('f2'))?.state.ended).toBe('declined');
    expect((await t.store().friendships.getFriendship('f3'))?.state.ended).toBe('removed');
  });

  it('answers undefined for an unknown id or pair', async () => {
    expect(await t.store().friendships.getFriendship('nope')).toBeUndefined();
    expect(await t.store().friendships.getFriendshipByPair('c1', 'c2')).toBeUndefined();
  });

  it('finds a pair whichever way round it is asked, and only that pair', async () => {
    const row = friendship('f1', 'c2', 'c1');
    await t.store().friendships.insertFriendship(row);
    expect(await t.store().friendships.getFriendshipByPair('c1', 'c2')).toStrictEqual(row);
    expect(await t.store().friendships.getFriendshipByPair('c2', 'c1')).toStrictEqual(row);
    expect(await t.store().friendships.getFriendshipByPair('c1', 'c3')).toBeUndefined();
  });

  it('refuses a second row for the same pair, in either order, and a reused id', async () => {
    await t.store().friendships.insertFriendship(friendship('f1', 'c1', 'c2'));
    await expect(t.store().friendships.insertFriendship(friendship('f2', 'c1', 'c2'))).rejects.toThrow();
    await expect(t.store().friendships.insertFriendship(friendship('f3', 'c2', 'c1'))).rejects.toThrow();
    await expect(t.store().friendships.insertFriendship(friendship('f1', 'c3', 'c4'))).rejects.toThrow();
    expect(await t.store().friendships.listFriendshipsOf('c1')).toHaveLength(1);
    expect(await t.store().friendships.listFriendshipsOf('c3')).toEqual([]);
  });

  it('updates the state and the time, and nothing else', async () => {
    await t.store().friendships.insertFriendship(friendship('f1', 'c1', 'c2', 2_000));
    await t.store().friendships.insertFriendship(friendship('f2', 'c3', 'c4', 2_000));
    const next = state({
      kidConfirmed: { a: false, b: true },
      parentApproved: { a: true, b: true },
      blockedBy: { a: false, b: true },
      ended: 'removed',
    });
    await t.store().friendships.updateFriendshipState('f1', next, 3_000);
    expect(await t.store().friendships.getFriendship('f1')).toStrictEqual({
      id: 'f1',
      aId: 'c1',
      bId: 'c2',
      state: next,
      createdAt: 2_000,
      updatedAt: 3_000,
    });
    // A block leaves updatedAt as it was: the same time written back is kept.
    await t.store().friendships.updateFriendshipState('f1', state(), 3_000);
    expect(await t.store().friendships.getFriendship('f1')).toMatchObject({ state: state(), updatedAt: 3_000 });
    expect(await t.store().friendships.getFriendship('f2')).toStrictEqual(friendship('f2', 'c3', 'c4', 2_000));
  });

  it('updating an unknown id changes nothing and does not throw', async () => {
    await t.store().friendships.updateFriendshipState('nope', state({ ended: 'removed' }), 3_000);
    expect(await t.store().friendships.getFriendship('nope')).toBeUndefined();
  });

  it('lists an account’s friendships on either side, oldest first, the id breaking ties', async () => {
    await t.store().friendships.insertFriendship(friendship('f3', 'c1', 'c4', 2_000));
    await t.store().friendships.insertFriendship(friendship('f9', 'c3', 'c1', 1_500));
    await t.store().friendships.insertFriendship(friendship('f1', 'c1', 'c2', 2_000));
    await t.store().friendships.insertFriendship(friendship('f5', 'c2', 'c3', 1_000));
    const ids = async (id: string) => (await t.store().friendships.listFriendshipsOf(id)).map((f) => f.id);
    expect(await ids('c1')).toEqual(['f9', 'f1', 'f3']);
    expect(await ids('c3')).toEqual(['f5', 'f9']);
    expect(await ids('p1')).toEqual([]);
    expect((await t.store().friendships.listFriendshipsOf('c1'))[0]).toStrictEqual(friendship('f9', 'c3', 'c1', 1_500));
  });

  it('a friendship goes with a deleted account', async () => {
    await t.store().friendships.insertFriendship(friendship('f1', 'c1', 'c2'));
    await seedSql(t.store(), `DELETE FROM accounts WHERE id = ?`, ['c2']);
    expect(await t.store().friendships.getFriendship('f1')).toBeUndefined();
    expect(await t.store().friendships.listFriendshipsOf('c1')).toEqual([]);
  });
});
