import { expect, it } from 'vitest';
import { ACCOUNT_QUEUE } from '../../messaging/device-queues';
import { describeStores } from './harness';
import { PARENT, PC, addCredential, addPc, message, seedFamily, sql, storeQueued } from './messaging-seed';

/** The per-device queues port (messaging/device-queues.ts and store/pg/device-queues.ts). */
describeStores('device queues', (t) => {
  const S = 'K1';
  const R = 'K2';
  const queuedIds = async (accountId: string, deviceId: string): Promise<string[]> =>
    (await t.store().messages.listDeliverable(accountId, deviceId, 0, 2_000, 100)).map((m) => m.id);
  const parentDevice = (id: string, sessionId: string | null, expiresAt: number) => ({
    id,
    parentId: PARENT,
    sessionId: sessionId as string,
    sessionExpiresAt: expiresAt,
    createdAt: 1,
  });

  it('lists a child’s live device credentials and a parent’s devices with a live session', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    expect(await store.deviceQueues.listDeliveryDevices(R, 0)).toEqual([PC]);
    await addPc(store, 'D2');
    await addCredential(store, R, 'D2', 2);
    expect((await store.deviceQueues.listDeliveryDevices(R, 0)).sort()).toEqual([PC, 'D2']);
    await sql(store, `UPDATE device_credentials SET revoked_at = 5 WHERE device_id = 'D2'`);
    expect(await store.deviceQueues.listDeliveryDevices(R, 0)).toEqual([PC]);
    await sql(store, `UPDATE devices SET revoked_at = 5 WHERE id = ?`, [PC]);
    expect(await store.deviceQueues.listDeliveryDevices(R, 0)).toEqual([]);

    expect(await store.deviceQueues.listDeliveryDevices(PARENT, 0)).toEqual([]);
    await store.deviceQueues.insertParentDevice(parentDevice('PD1', 's1', 10_000));
    expect(await store.deviceQueues.listDeliveryDevices(PARENT, 9_999)).toEqual(['PD1']);
    expect(await store.deviceQueues.listDeliveryDevices(PARENT, 10_000)).toEqual([]);
    await store.deviceQueues.unbindParentDevice('PD1');
    expect(await store.deviceQueues.listDeliveryDevices(PARENT, 0)).toEqual([]);
  });

  it('queues a message per device, and refuses the same message twice for one device', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    const seq = await storeQueued(store, message('m', S, R), [
      [R, PC, false],
      [S, 'D2', true],
    ]);
    expect(await queuedIds(R, PC)).toEqual(['m']);
    expect((await store.messages.listDeliverable(S, 'D2', 0, 2_000, 10)).map((m) => m.own)).toEqual([1]);
    await expect(store.deviceQueues.enqueueForDevice(seq, R, PC, false)).rejects.toThrow();
  });

  it('hands the account queue to the first device, keeping what that device has already', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    expect(await store.deviceQueues.claimAccountQueue(R, PC)).toBe(0);
    await storeQueued(store, message('a', S, R), [[R, ACCOUNT_QUEUE, false]]);
    await storeQueued(store, message('b', S, R), [
      [R, ACCOUNT_QUEUE, false],
      [R, PC, false],
    ]);
    expect(await store.deviceQueues.claimAccountQueue(R, PC)).toBe(1);
    expect(await queuedIds(R, PC)).toEqual(['a', 'b']);
    expect(await queuedIds(R, ACCOUNT_QUEUE)).toEqual([]);
    expect(await store.deviceQueues.claimAccountQueue(R, 'D2')).toBe(0);
  });

  it('drops a device’s queue and counts it', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await storeQueued(store, message('a', S, R), [[R, PC, false]]);
    await storeQueued(store, message('b', S, R), [[R, PC, false]]);
    expect(await store.deviceQueues.dropDeviceQueue(R, 'other')).toBe(0);
    expect(await store.deviceQueues.dropDeviceQueue(R, PC)).toBe(2);
    expect(await queuedIds(R, PC)).toEqual([]);
  });

  it('binds parent devices to sessions: find, get with its parent, move to a renewed session', async () => {
    await seedFamily(t, 0);
    const store = t.store();
    expect(await store.deviceQueues.findParentDeviceOfSession('s1')).toBeUndefined();
    expect(await store.deviceQueues.getParentDeviceOfSession('s1')).toBeUndefined();
    await store.deviceQueues.insertParentDevice(parentDevice('PD1', 's1', 10_000));
    expect(await store.deviceQueues.findParentDeviceOfSession('s1')).toBe('PD1');
    expect(await store.deviceQueues.getParentDeviceOfSession('s1')).toEqual({ id: 'PD1', parentId: PARENT });
    expect(
      await store.deviceQueues.moveParentDevice('someone-else', 's1', { sessionId: 's2', expiresAt: 20_000 }),
    ).toBeUndefined();
    expect(await store.deviceQueues.moveParentDevice(PARENT, 'nope', { sessionId: 's2', expiresAt: 20_000 })).toBeUndefined();
    expect(await store.deviceQueues.moveParentDevice(PARENT, 's1', { sessionId: 's2', expiresAt: 20_000 })).toBe('PD1');
    expect(await store.deviceQueues.findParentDeviceOfSession('s1')).toBeUndefined();
    expect(await store.deviceQueues.findParentDeviceOfSession('s2')).toBe('PD1');
    expect(await store.deviceQueues.listDeliveryDevices(PARENT, 15_000)).toEqual(['PD1']);
    await store.deviceQueues.unbindParentDevice('PD1');
    expect(await store.deviceQueues.findParentDeviceOfSession('s2')).toBeUndefined();
  });

  it('deletes parent devices signed out or whose session ended, with their queues', async () => {
    await seedFamily(t, 1);
    const store = t.store();
    await store.deviceQueues.insertParentDevice(parentDevice('PD1', 's1', 10_000));
    await store.deviceQueues.insertParentDevice(parentDevice('PD2', 's2', 50_000));
    await store.deviceQueues.insertParentDevice(parentDevice('PD3', 's3', 50_000));
    await store.deviceQueues.unbindParentDevice('PD3');
    await storeQueued(store, message('m', S, PARENT), [
      [PARENT, 'PD1', false],
      [PARENT, 'PD2', false],
      [PARENT, 'PD3', false],
    ]);
    expect(await store.deviceQueues.deleteEndedParentDevices(10_000)).toBe(2);
    expect(await queuedIds(PARENT, 'PD1')).toEqual([]);
    expect(await queuedIds(PARENT, 'PD3')).toEqual([]);
    expect(await queuedIds(PARENT, 'PD2')).toEqual(['m']);
    expect(await store.deviceQueues.deleteEndedParentDevices(10_000)).toBe(0);
  });

  it('releases a removed device’s queue: to the account queue if it was the last device (not its own copies), else away', async () => {
    await seedFamily(t, 2);
    const store = t.store();
    await addPc(store, 'D2');
    await addCredential(store, R, 'D2', 2);
    await storeQueued(store, message('in', S, R), [
      [R, PC, false],
      [R, 'D2', false],
    ]);
    await storeQueued(store, message('out', R, S), [[R, PC, true]]);
    // Another device remains: the queue goes.
    await sql(store, `UPDATE device_credentials SET revoked_at = 5 WHERE device_id = 'D2'`);
    await store.deviceQueues.releaseDeviceQueue(R, 'D2', 0);
    expect(await queuedIds(R, 'D2')).toEqual([]);
    expect(await queuedIds(R, ACCOUNT_QUEUE)).toEqual([]);
    // The last device: what came in waits in the account queue; its own copies go.
    await sql(store, `UPDATE device_credentials SET revoked_at = 5 WHERE device_id = ?`, [PC]);
    await storeQueued(store, message('both', S, R), [
      [R, PC, false],
      [R, ACCOUNT_QUEUE, false],
    ]);
    await store.deviceQueues.releaseDeviceQueue(R, PC, 0);
    expect(await queuedIds(R, PC)).toEqual([]);
    expect(await queuedIds(R, ACCOUNT_QUEUE)).toEqual(['in', 'both']);
  });
});
