import { DeviceInfo, type TimeWindow } from '@hearth/common';
import { Value } from 'typebox/value';
import type { Store } from '../store/port';

/**
 * The quiet-hours floor a PC's machine policy set (issue 17), read from the info that PC last
 * sent (`PUT /v1/devices/:id/info`, since 0.4.0); null for none, a revoked PC, or info that no
 * longer reads as one. The quiet gate caches it (`floorOf`).
 */
export async function readDeviceFloor(store: Pick<Store, 'devices'>, deviceId: string): Promise<TimeWindow | null> {
  const row = await store.devices.getDevice(deviceId);
  if (!row || row.revokedAt !== null) return null;
  try {
    const info: unknown = JSON.parse(row.infoJson);
    const floor = Value.Check(DeviceInfo, info) ? info.quietFloor : undefined;
    // A window that starts and ends at the same minute is no window (the app never sends one).
    return floor && floor.start !== floor.end ? floor : null;
  } catch {
    return null;
  }
}
