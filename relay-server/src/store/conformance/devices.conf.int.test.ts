import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { disableAccount, seedChild, seedParent, seedSql } from './social-fixtures';

const device = (id: string, parentId = 'p1', enrolledAt = 1_000) => ({
  id,
  parentId,
  name: `PC ${id}`,
  infoJson: JSON.stringify({ os: 'linux', id }),
  enrolledAt,
});

const hash = (s: string): Buffer => Buffer.from(`hash-${s}`);

/** Enrolled PCs and their per-child credentials: revocation of a device, of one child, and who a credential is. */
describeStores('devices port', (t) => {
  const credential = (token: string, deviceId: string, childId: string, createdAt = 2_000) =>
    t.store().devices.insertDeviceCredential({ tokenHash: hash(token), deviceId, childId, createdAt });

  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedParent(t.store(), 'p2');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
    await seedChild(t.store(), 'c3', 'p2');
  });

  it('gives back an inserted device, not revoked; undefined for an unknown one', async () => {
    await t.store().devices.insertDevice(device('d1'));
    expect(await t.store().devices.getDevice('d1')).toStrictEqual({ ...device('d1'), revokedAt: null });
    expect(await t.store().devices.getDevice('nope')).toBeUndefined();
    await expect(t.store().devices.insertDevice(device('d1'))).rejects.toThrow();
  });

  it('lists a parent’s devices by enrolment time then id, revoked ones too, and no one else’s', async () => {
    await t.store().devices.insertDevice(device('d3', 'p1', 2_000));
    await t.store().devices.insertDevice(device('d2', 'p1', 1_000));
    await t.store().devices.insertDevice(device('d1', 'p1', 2_000));
    await t.store().devices.insertDevice(device('d4', 'p2', 500));
    await t.store().devices.revokeDevice('d2', 3_000);
    const list = await t.store().devices.listDevicesOfParent('p1');
    expect(list.map((d) => d.id)).toEqual(['d2', 'd1', 'd3']);
    expect(list[0]).toStrictEqual({ ...device('d2', 'p1', 1_000), revokedAt: 3_000 });
    expect(await t.store().devices.listDevicesOfParent('nobody')).toEqual([]);
  });

  it('knows a live credential per device and child; a second live one for the same pair is refused', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await credential('t1', 'd1', 'c1');
    expect(await t.store().devices.hasLiveCredential('d1', 'c1')).toBe(true);
    expect(await t.store().devices.hasLiveCredential('d1', 'c2')).toBe(false);
    expect(await t.store().devices.hasLiveCredential('d2', 'c1')).toBe(false);
    await expect(credential('t2', 'd1', 'c1')).rejects.toThrow();
    expect(await t.store().devices.revokeDeviceChild('d1', 'c1', 3_000)).toBe(true);
    expect(await t.store().devices.hasLiveCredential('d1', 'c1')).toBe(false);
    // Re-added after revocation: a new live credential beside the revoked one.
    await credential('t3', 'd1', 'c1', 4_000);
    expect(await t.store().devices.hasLiveCredential('d1', 'c1')).toBe(true);
  });

  it('says who holds a live credential, and nothing for an unknown, revoked or disabled one', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await t.store().devices.insertDevice(device('d2', 'p2'));
    await credential('t1', 'd1', 'c1');
    await credential('t2', 'd1', 'c2');
    await credential('t3', 'd2', 'c3');
    expect(await t.store().devices.getDeviceCaller(hash('t1'))).toStrictEqual({ deviceId: 'd1', childId: 'c1', parentId: 'p1' });
    expect(await t.store().devices.getDeviceCaller(hash('t3'))).toStrictEqual({ deviceId: 'd2', childId: 'c3', parentId: 'p2' });
    expect(await t.store().devices.getDeviceCaller(hash('unknown'))).toBeUndefined();
    await t.store().devices.revokeDeviceChild('d1', 'c1', 3_000);
    expect(await t.store().devices.getDeviceCaller(hash('t1'))).toBeUndefined();
    expect(await t.store().devices.getDeviceCaller(hash('t2'))).toBeDefined();
    await disableAccount(t.store(), 'c2');
    expect(await t.store().devices.getDeviceCaller(hash('t2'))).toBeUndefined();
    await t.store().devices.revokeDevice('d2', 3_000);
    expect(await t.store().devices.getDeviceCaller(hash('t3'))).toBeUndefined();
  });

  it('revoking a device revokes it and every credential on it, once (the first time is kept)', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await t.store().devices.insertDevice(device('d2'));
    await credential('t1', 'd1', 'c1');
    await credential('t2', 'd1', 'c2');
    await credential('t3', 'd2', 'c1');
    await t.store().devices.revokeDeviceChild('d1', 'c2', 2_500);
    await t.store().devices.revokeDevice('d1', 3_000);
    await t.store().devices.revokeDevice('d1', 4_000);
    expect((await t.store().devices.getDevice('d1'))?.revokedAt).toBe(3_000);
    expect(await t.store().devices.hasLiveCredential('d1', 'c1')).toBe(false);
    expect(await t.store().devices.hasLiveCredential('d2', 'c1')).toBe(true);
    const children = await t.store().devices.listDeviceChildren('p1');
    expect(children.filter((c) => c.deviceId === 'd1').map((c) => [c.childId, c.revokedAt])).toEqual([
      ['c1', 3_000],
      ['c2', 2_500],
    ]);
    // An unknown device: nothing to do, no error.
    await t.store().devices.revokeDevice('nope', 3_000);
  });

  it('revokes one child’s credential: true once, false again or when there is none', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await credential('t1', 'd1', 'c1');
    expect(await t.store().devices.revokeDeviceChild('d1', 'c1', 3_000)).toBe(true);
    expect(await t.store().devices.revokeDeviceChild('d1', 'c1', 4_000)).toBe(false);
    expect(await t.store().devices.revokeDeviceChild('d1', 'c2', 4_000)).toBe(false);
    expect(await t.store().devices.revokeDeviceChild('nope', 'c1', 4_000)).toBe(false);
    expect(await t.store().devices.listDeviceChildren('p1')).toEqual([
      { deviceId: 'd1', childId: 'c1', displayName: 'Child c1', revokedAt: 3_000 },
    ]);
  });

  it('lists the credentials on a parent’s devices oldest first, without disabled children or other parents', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await t.store().devices.insertDevice(device('d2'));
    await t.store().devices.insertDevice(device('d3', 'p2'));
    await credential('t1', 'd2', 'c2', 3_000);
    await credential('t2', 'd1', 'c1', 1_000);
    await credential('t3', 'd1', 'c2', 2_000);
    await credential('t4', 'd3', 'c3', 1_500);
    expect(await t.store().devices.listDeviceChildren('p1')).toEqual([
      { deviceId: 'd1', childId: 'c1', displayName: 'Child c1', revokedAt: null },
      { deviceId: 'd1', childId: 'c2', displayName: 'Child c2', revokedAt: null },
      { deviceId: 'd2', childId: 'c2', displayName: 'Child c2', revokedAt: null },
    ]);
    await disableAccount(t.store(), 'c2');
    expect((await t.store().devices.listDeviceChildren('p1')).map((c) => c.childId)).toEqual(['c1']);
    expect(await t.store().devices.listDeviceChildren('p2')).toEqual([
      { deviceId: 'd3', childId: 'c3', displayName: 'Child c3', revokedAt: null },
    ]);
    expect(await t.store().devices.listDeviceChildren('nobody')).toEqual([]);
  });

  it('a co-guardian sees every PC a child they guard is on, with only their own children on it', async () => {
    // p2 is a second guardian of c1 (not of c2); c3 is p2's own child.
    await seedSql(t.store(), `INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES (?, ?, ?, ?)`, [
      'c1',
      'p2',
      1_500,
      'p1',
    ]);
    await t.store().devices.insertDevice(device('d1', 'p1', 1_000));
    await t.store().devices.insertDevice(device('d2', 'p1', 1_100));
    await t.store().devices.insertDevice(device('d3', 'p2', 1_200));
    await t.store().devices.insertDevice(device('d4', 'p1', 1_300));
    await credential('t1', 'd1', 'c1', 1_000);
    await credential('t2', 'd1', 'c2', 1_100);
    await credential('t3', 'd2', 'c2', 1_200);
    await credential('t4', 'd3', 'c3', 1_300);
    await credential('t5', 'd4', 'c1', 1_400);
    await t.store().devices.revokeDeviceChild('d4', 'c1', 3_000);
    // d2 holds only c2, whom p2 does not guard; d4 held c1 once: still listed, signed out.
    expect((await t.store().devices.listDevicesOfParent('p2')).map((d) => d.id)).toEqual(['d1', 'd3', 'd4']);
    expect((await t.store().devices.listDevicesOfParent('p1')).map((d) => d.id)).toEqual(['d1', 'd2', 'd4']);
    expect((await t.store().devices.listDeviceChildren('p2')).map((c) => [c.deviceId, c.childId, c.revokedAt])).toEqual([
      ['d1', 'c1', null],
      ['d3', 'c3', null],
      ['d4', 'c1', 3_000],
    ]);
    expect((await t.store().deviceTombstones.listLastSeen('p2')).map((r) => r.deviceId)).toEqual(['d1', 'd3', 'd4']);
    // The guardian's own list did not change.
    expect((await t.store().devices.listDeviceChildren('p1')).map((c) => c.childId)).toEqual(['c1', 'c2', 'c2', 'c1']);
  });

  it('lists the children with a live credential on one device, whoever guards them', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await credential('t1', 'd1', 'c2');
    await credential('t2', 'd1', 'c1');
    await credential('t3', 'd1', 'c3');
    await t.store().devices.revokeDeviceChild('d1', 'c3', 3_000);
    expect(await t.store().devices.listLiveChildrenOnDevice('d1')).toEqual(['c1', 'c2']);
    expect(await t.store().devices.listLiveChildrenOnDevice('nope')).toEqual([]);
  });

  it('of a revoked and a live credential made in the same millisecond, the live one comes last', async () => {
    await t.store().devices.insertDevice(device('d1'));
    // The live one sorts first by hash, so only the rule puts it last.
    await credential('a-first', 'd1', 'c1', 2_000);
    await t.store().devices.revokeDeviceChild('d1', 'c1', 2_000);
    await credential('0-live', 'd1', 'c1', 2_000);
    const list = await t.store().devices.listDeviceChildren('p1');
    expect(list.map((c) => c.revokedAt)).toEqual([2_000, null]);
  });

  it('a credential goes with its deleted device', async () => {
    await t.store().devices.insertDevice(device('d1'));
    await credential('t1', 'd1', 'c1');
    await seedSql(t.store(), `DELETE FROM devices WHERE id = ?`, ['d1']);
    expect(await t.store().devices.getDeviceCaller(hash('t1'))).toBeUndefined();
    expect(await t.store().devices.hasLiveCredential('d1', 'c1')).toBe(false);
  });
});
