import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { disableAccount, seedChild, seedParent, seedParentSession } from './social-fixtures';

const hash = (s: string): Buffer => Buffer.from(`grant-${s}`);

/** Peer ids (one per account, never shared) and signaling grants, live only while what they stand on is. */
describeStores('signaling port', (t) => {
  const grant = (
    token: string,
    over: Partial<{ accountId: string; deviceId: string | null; parentSessionId: string | null }>,
    expiresAt = 10_000,
  ) =>
    t.store().signaling.insertSignalingToken({
      tokenHash: hash(token),
      accountId: 'c1',
      deviceId: null,
      parentSessionId: null,
      createdAt: 1_000,
      expiresAt,
      ...over,
    });

  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
    await t.store().devices.insertDevice({ id: 'd1', parentId: 'p1', name: 'PC', infoJson: '{}', enrolledAt: 1_000 });
    await t
      .store()
      .devices.insertDeviceCredential({ tokenHash: Buffer.from('dc1'), deviceId: 'd1', childId: 'c1', createdAt: 1_000 });
    await t
      .store()
      .devices.insertDeviceCredential({ tokenHash: Buffer.from('dc2'), deviceId: 'd1', childId: 'c2', createdAt: 1_000 });
    await seedParentSession(t.store(), { id: 's1', parentId: 'p1', expiresAt: 20_000 });
  });

  it('keeps the first peer id of an account and refuses one another account holds', async () => {
    expect(await t.store().signaling.getPeerId('c1')).toBeUndefined();
    expect(await t.store().signaling.insertPeerId('c1', 'peer-1', 1_000)).toBe(true);
    expect(await t.store().signaling.getPeerId('c1')).toBe('peer-1');
    expect(await t.store().signaling.insertPeerId('c1', 'peer-2', 2_000)).toBe(false);
    expect(await t.store().signaling.getPeerId('c1')).toBe('peer-1');
    expect(await t.store().signaling.insertPeerId('c2', 'peer-1', 2_000)).toBe(false);
    expect(await t.store().signaling.getPeerId('c2')).toBeUndefined();
    expect(await t.store().signaling.insertPeerId('c2', 'peer-3', 2_000)).toBe(true);
  });

  it('of two accounts’ first peer ids made at once, both stand; of two for one account, the first', async () => {
    const results = await Promise.all([
      t.store().transaction(async (tx) => tx.signaling.insertPeerId('c1', 'peer-a', 1_000)),
      t.store().transaction(async (tx) => tx.signaling.insertPeerId('c1', 'peer-b', 1_000)),
      t.store().transaction(async (tx) => tx.signaling.insertPeerId('c2', 'peer-c', 1_000)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(['peer-a', 'peer-b']).toContain(await t.store().signaling.getPeerId('c1'));
    expect(await t.store().signaling.getPeerId('c2')).toBe('peer-c');
  });

  it('resolves a device grant to its account, peer id and device until it expires', async () => {
    await t.store().signaling.insertPeerId('c1', 'peer-1', 1_000);
    await grant('g1', { deviceId: 'd1' }, 10_000);
    const expected = { accountId: 'c1', peerId: 'peer-1', deviceId: 'd1', parentSessionId: null, expiresAt: 10_000 };
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 9_999)).toStrictEqual(expected);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 10_000)).toBeUndefined();
    expect(await t.store().signaling.getLiveSignalingToken(hash('unknown'), 5_000)).toBeUndefined();
  });

  it('resolves a parent-session grant while the session is live', async () => {
    await t.store().signaling.insertPeerId('p1', 'peer-p', 1_000);
    await grant('g1', { accountId: 'p1', parentSessionId: 's1' }, 30_000);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 19_999)).toStrictEqual({
      accountId: 'p1',
      peerId: 'peer-p',
      deviceId: null,
      parentSessionId: 's1',
      expiresAt: 30_000,
    });
    // The grant outlives the session: the session's end ends it.
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 20_000)).toBeUndefined();
  });

  it('a revoked or unknown parent session ends its grant', async () => {
    await t.store().signaling.insertPeerId('p1', 'peer-p', 1_000);
    await seedParentSession(t.store(), { id: 's2', parentId: 'p1', expiresAt: 20_000, revokedAt: 2_000 });
    await grant('g1', { accountId: 'p1', parentSessionId: 's2' });
    await grant('g2', { accountId: 'p1', parentSessionId: 'gone' });
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 5_000)).toBeUndefined();
    expect(await t.store().signaling.getLiveSignalingToken(hash('g2'), 5_000)).toBeUndefined();
  });

  it('a revoked credential, a revoked device or another child’s device ends a device grant', async () => {
    await t.store().signaling.insertPeerId('c1', 'peer-1', 1_000);
    await t.store().signaling.insertPeerId('c2', 'peer-2', 1_000);
    await grant('g1', { deviceId: 'd1' });
    await grant('g2', { accountId: 'c2', deviceId: 'd1' });
    await grant('g3', { deviceId: 'no-such-device' });
    expect(await t.store().signaling.getLiveSignalingToken(hash('g3'), 5_000)).toBeUndefined();
    await t.store().devices.revokeDeviceChild('d1', 'c1', 2_000);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 5_000)).toBeUndefined();
    expect(await t.store().signaling.getLiveSignalingToken(hash('g2'), 5_000)).toBeDefined();
    await t.store().devices.revokeDevice('d1', 3_000);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g2'), 5_000)).toBeUndefined();
  });

  it('a disabled account, an account without a peer id or a grant on nothing resolves to nothing', async () => {
    await grant('g1', { deviceId: 'd1' });
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 5_000)).toBeUndefined();
    await t.store().signaling.insertPeerId('c1', 'peer-1', 1_000);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 5_000)).toBeDefined();
    await grant('g2', {});
    expect(await t.store().signaling.getLiveSignalingToken(hash('g2'), 5_000)).toBeUndefined();
    await disableAccount(t.store(), 'c1');
    expect(await t.store().signaling.getLiveSignalingToken(hash('g1'), 5_000)).toBeUndefined();
  });

  it('refuses a token hash twice', async () => {
    await grant('g1', { deviceId: 'd1' });
    await expect(grant('g1', { deviceId: 'd1' })).rejects.toThrow();
  });

  it('deletes grants expired at or before a moment and says how many', async () => {
    await t.store().signaling.insertPeerId('c1', 'peer-1', 1_000);
    await grant('g1', { deviceId: 'd1' }, 5_000);
    await grant('g2', { deviceId: 'd1' }, 6_000);
    await grant('g3', { deviceId: 'd1' }, 7_000);
    expect(await t.store().signaling.deleteExpiredSignalingTokens(4_999)).toBe(0);
    expect(await t.store().signaling.deleteExpiredSignalingTokens(6_000)).toBe(2);
    expect(await t.store().signaling.getLiveSignalingToken(hash('g3'), 1_000)).toBeDefined();
    expect(await t.store().signaling.deleteExpiredSignalingTokens(6_000)).toBe(0);
  });
});
