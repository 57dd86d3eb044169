import { beforeEach, expect, it } from 'vitest';
import { describeStores } from './harness';
import { seedChild, seedParent, seedParentSession, seedSql } from './social-fixtures';

const hash = (s: string): Buffer => Buffer.from(`hash-${s}`);
const device = (id: string, parentId = 'p1') => ({
  id,
  parentId,
  name: `PC ${id}`,
  infoJson: JSON.stringify({ os: 'linux' }),
  enrolledAt: 1_000,
});

/** Computers (F18): tombstones of revoked device credentials, the 90-day sweep, last seen and info updates. */
describeStores('deviceTombstones port', (t) => {
  const credential = (token: string, deviceId: string, childId: string) =>
    t.store().devices.insertDeviceCredential({ tokenHash: hash(token), deviceId, childId, createdAt: 2_000 });

  beforeEach(async () => {
    await seedParent(t.store(), 'p1');
    await seedParent(t.store(), 'p2');
    await seedChild(t.store(), 'c1', 'p1');
    await seedChild(t.store(), 'c2', 'p1');
    await t.store().devices.insertDevice(device('d1'));
    await t.store().devices.insertDevice(device('d2'));
    await t.store().devices.insertDevice(device('d3', 'p2'));
    await credential('t1', 'd1', 'c1');
    await credential('t2', 'd1', 'c2');
    await credential('t3', 'd2', 'c1');
  });

  it("tombstones a device's live credentials with the wipe flag; others stay untouched; the first tombstone wins", async () => {
    const s = t.store().deviceTombstones;
    expect(await s.tombstoneDeviceCredentials('d1', true, 5_000)).toBe(2);
    expect(await s.getTombstone(hash('t1'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
    expect(await s.getTombstone(hash('t2'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
    expect(await s.getTombstone(hash('t3'))).toBeUndefined();
    expect(await s.getTombstone(hash('unknown'))).toBeUndefined();
    expect(await s.tombstoneDeviceCredentials('d1', false, 6_000)).toBe(0);
    expect(await s.getTombstone(hash('t1'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
  });

  it('skips credentials revoked already (they were tombstoned when they were)', async () => {
    await t.store().devices.revokeDeviceChild('d1', 'c1', 4_000);
    expect(await t.store().deviceTombstones.tombstoneDeviceCredentials('d1', false, 5_000)).toBe(1);
    expect(await t.store().deviceTombstones.getTombstone(hash('t1'))).toBeUndefined();
    expect(await t.store().deviceTombstones.getTombstone(hash('t2'))).toStrictEqual({ wipe: false, revokedAt: 5_000 });
  });

  it("tombstones one child's credential on one device", async () => {
    const s = t.store().deviceTombstones;
    expect(await s.tombstoneDeviceChildCredentials('d1', 'c2', false, 5_000)).toBe(1);
    expect(await s.getTombstone(hash('t2'))).toStrictEqual({ wipe: false, revokedAt: 5_000 });
    expect(await s.getTombstone(hash('t1'))).toBeUndefined();
    expect(await s.tombstoneDeviceChildCredentials('d2', 'c2', false, 5_000)).toBe(0);
  });

  it("tombstones every live credential of one child, on every PC, and no other child's", async () => {
    const s = t.store().deviceTombstones;
    await t.store().devices.revokeDeviceChild('d2', 'c1', 4_000);
    await credential('t4', 'd3', 'c1');
    expect(await s.tombstoneChildCredentials('c1', true, 5_000)).toBe(2);
    expect(await s.getTombstone(hash('t1'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
    expect(await s.getTombstone(hash('t4'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
    // Revoked before (tombstoned then, if at all) and another child's: untouched.
    expect(await s.getTombstone(hash('t3'))).toBeUndefined();
    expect(await s.getTombstone(hash('t2'))).toBeUndefined();
    expect(await s.tombstoneChildCredentials('c1', false, 6_000)).toBe(0);
    expect(await s.tombstoneChildCredentials('nobody', true, 6_000)).toBe(0);
  });

  it("tombstones one child's live credentials on the PCs one grown-up enrolled, and no others", async () => {
    const s = t.store().deviceTombstones;
    await credential('t4', 'd3', 'c1');
    await t.store().devices.revokeDeviceChild('d2', 'c1', 4_000);
    expect(await s.tombstoneChildCredentialsEnrolledBy('c1', 'p1', true, 5_000)).toBe(1);
    expect(await s.getTombstone(hash('t1'))).toStrictEqual({ wipe: true, revokedAt: 5_000 });
    // Revoked before, another child's, and a PC another grown-up enrolled: untouched.
    expect(await s.getTombstone(hash('t3'))).toBeUndefined();
    expect(await s.getTombstone(hash('t2'))).toBeUndefined();
    expect(await s.getTombstone(hash('t4'))).toBeUndefined();
    expect(await s.tombstoneChildCredentialsEnrolledBy('c1', 'p2', false, 6_000)).toBe(1);
    expect(await s.getTombstone(hash('t4'))).toStrictEqual({ wipe: false, revokedAt: 6_000 });
  });

  it('sweeps the tombstones written before a time, and only those', async () => {
    const s = t.store().deviceTombstones;
    await s.tombstoneDeviceCredentials('d1', true, 5_000);
    await s.tombstoneDeviceCredentials('d2', false, 9_000);
    expect(await s.sweepTombstones(5_000)).toBe(0);
    expect(await s.sweepTombstones(5_001)).toBe(2);
    expect(await s.getTombstone(hash('t1'))).toBeUndefined();
    expect(await s.getTombstone(hash('t3'))).toStrictEqual({ wipe: false, revokedAt: 9_000 });
  });

  it('keeps the last-seen day, moving only forwards, per parent', async () => {
    const s = t.store().deviceTombstones;
    expect(await s.listLastSeen('p1')).toStrictEqual([
      { deviceId: 'd1', lastSeenDay: null },
      { deviceId: 'd2', lastSeenDay: null },
    ]);
    expect(await s.markDeviceSeen('d1', '2026-11-02')).toBe(true);
    expect(await s.markDeviceSeen('d1', '2026-11-02')).toBe(false);
    expect(await s.markDeviceSeen('d1', '2026-11-01')).toBe(false);
    expect(await s.markDeviceSeen('d1', '2026-11-10')).toBe(true);
    expect(await s.markDeviceSeen('nope', '2026-11-10')).toBe(false);
    expect(await s.listLastSeen('p1')).toStrictEqual([
      { deviceId: 'd1', lastSeenDay: '2026-11-10' },
      { deviceId: 'd2', lastSeenDay: null },
    ]);
    expect(await s.listLastSeen('p2')).toStrictEqual([{ deviceId: 'd3', lastSeenDay: null }]);
  });

  it("keeps a parent-mode PC's last-seen day, moving only forwards, and lists a guardian's live ones", async () => {
    const s = t.store().deviceTombstones;
    const q = t.store().deviceQueues;
    await seedParentSession(t.store(), { id: 's1', parentId: 'p1', expiresAt: 10_000 });
    await seedParentSession(t.store(), { id: 's2', parentId: 'p1', expiresAt: 20_000 });
    await seedParentSession(t.store(), { id: 's3', parentId: 'p1', expiresAt: 20_000 });
    await seedParentSession(t.store(), { id: 's4', parentId: 'p2', expiresAt: 20_000 });
    await q.insertParentDevice({ id: 'pd2', parentId: 'p1', sessionId: 's2', sessionExpiresAt: 20_000, createdAt: 2_000 });
    await q.insertParentDevice({ id: 'pd1', parentId: 'p1', sessionId: 's1', sessionExpiresAt: 10_000, createdAt: 1_000 });
    await q.insertParentDevice({ id: 'pd4', parentId: 'p2', sessionId: 's4', sessionExpiresAt: 20_000, createdAt: 1_000 });
    expect(await s.markParentDeviceSeen('s2', '2026-11-02')).toBe(true);
    expect(await s.markParentDeviceSeen('s2', '2026-11-02')).toBe(false);
    expect(await s.markParentDeviceSeen('s2', '2026-11-01')).toBe(false);
    expect(await s.markParentDeviceSeen('s2', '2026-11-05')).toBe(true);
    // A session that is no parent device: nothing to mark.
    expect(await s.markParentDeviceSeen('s3', '2026-11-05')).toBe(false);
    expect(await s.listParentComputers('p1', 5_000)).toStrictEqual([
      { deviceId: 'pd1', sessionId: 's1', createdAt: 1_000, lastSeenDay: null },
      { deviceId: 'pd2', sessionId: 's2', createdAt: 2_000, lastSeenDay: '2026-11-05' },
    ]);
    // A session ended, or signed out (unbound): no longer listed.
    expect((await s.listParentComputers('p1', 10_000)).map((r) => r.deviceId)).toEqual(['pd2']);
    await q.unbindParentDevice('pd2');
    expect(await s.listParentComputers('p1', 5_000)).toStrictEqual([
      { deviceId: 'pd1', sessionId: 's1', createdAt: 1_000, lastSeenDay: null },
    ]);
    expect((await s.listParentComputers('p2', 5_000)).map((r) => r.deviceId)).toEqual(['pd4']);
    // Signed out (the session revoked) before the sweep unbinds it: no longer listed either.
    await seedSql(t.store(), `UPDATE parent_sessions SET revoked_at = ? WHERE id = ?`, [4_000, 's4']);
    expect(await s.listParentComputers('p2', 5_000)).toEqual([]);
    expect(await s.listParentComputers('nobody', 5_000)).toEqual([]);
  });

  it('replaces a live device’s info; not a revoked or unknown one', async () => {
    const s = t.store().deviceTombstones;
    expect(await s.updateDeviceInfo('d1', '{"os":"win32"}')).toBe(true);
    expect((await t.store().devices.getDevice('d1'))?.infoJson).toBe('{"os":"win32"}');
    await t.store().devices.revokeDevice('d2', 5_000);
    expect(await s.updateDeviceInfo('d2', '{"os":"win32"}')).toBe(false);
    expect(await s.updateDeviceInfo('nope', '{"os":"win32"}')).toBe(false);
  });
});
