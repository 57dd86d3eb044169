import { DeviceInfo, type QuietEvaluation, type TimeWindow } from '@hearth/common';
import { Value } from 'typebox/value';
import type { RelayContext } from '../context';
import { quietGateFor } from './gate';

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'events' | 'now'>;

/**
 * The quiet-hours floor a PC's machine policy set (issue 17), as that PC last told it in its
 * device info (`PUT /v1/devices/:id/info`, since 0.4.0); null for none, a revoked PC, or info
 * that no longer reads as one.
 */
export async function deviceQuietFloor(ctx: Pick<Ctx, 'store'>, deviceId: string): Promise<TimeWindow | null> {
  const row = await ctx.store.devices.getDevice(deviceId);
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

/**
 * Where a child stands as seen through one PC's credential: the child's schedule with that PC's
 * floor added, on the relay's clock in the child's zone (the PC's clock never decides).
 */
export async function quietStatusOnDevice(ctx: Ctx, childId: string, deviceId: string): Promise<QuietEvaluation> {
  return quietGateFor(ctx).status(childId, await deviceQuietFloor(ctx, deviceId));
}
