import { type QuietEvaluation, type TimeWindow } from '@hearth/common';
import type { RelayContext } from '../context';
import { quietGateFor } from './gate';

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'events' | 'now'>;

/**
 * The quiet-hours floor a PC's machine policy set (issue 17), as that PC last told it in its
 * device info (`PUT /v1/devices/:id/info`, since 0.4.0); null for none or a revoked PC. Cached
 * in the quiet gate until that PC's info changes.
 */
export function deviceQuietFloor(ctx: Ctx, deviceId: string): Promise<TimeWindow | null> {
  return quietGateFor(ctx).floorOf(deviceId);
}

/**
 * Where a child stands as seen through one PC's credential: the child's schedule with that PC's
 * floor added, on the relay's clock in the child's zone (the PC's clock never decides).
 */
export async function quietStatusOnDevice(ctx: Ctx, childId: string, deviceId: string): Promise<QuietEvaluation> {
  return quietGateFor(ctx).status(childId, await deviceQuietFloor(ctx, deviceId));
}
