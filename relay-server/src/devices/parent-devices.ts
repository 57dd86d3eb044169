import {
  ErrorCode,
  HearthError,
  type ParentComputerList,
  type ParentDeviceResult,
  type RegisterParentDeviceBody,
} from '@hearth/common';
import type { RelayContext } from '../context';
import type { ParentCaller } from '../auth/callers';
import { dayOf } from './computers';

type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

/**
 * The calling session becomes a parent device (a parent-mode PC): the relay queues the parent's
 * messages for it like for a child's device. A PC that signed in again names its previous session
 * and keeps that device and its queue. Idempotent: a session that is a device already keeps it.
 */
export async function registerParentDevice(
  ctx: Ctx,
  caller: ParentCaller,
  body: RegisterParentDeviceBody,
): Promise<ParentDeviceResult> {
  const deviceId = await ctx.store.transaction(async (tx) => {
    const current = await tx.deviceQueues.findParentDeviceOfSession(caller.sessionId);
    if (current !== undefined) return current;
    const session = await tx.sessions.getLiveParentSessionById(caller.sessionId, ctx.now());
    if (!session) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in again: this session has ended.');
    const moved =
      body.replacesSessionId === undefined || body.replacesSessionId === caller.sessionId
        ? undefined
        : await tx.deviceQueues.moveParentDevice(caller.parentId, body.replacesSessionId, session);
    if (moved !== undefined) return moved;
    const id = ctx.newId();
    await tx.deviceQueues.insertParentDevice({
      id,
      parentId: caller.parentId,
      sessionId: caller.sessionId,
      sessionExpiresAt: session.expiresAt,
      createdAt: ctx.now(),
    });
    return id;
  });
  // Seen today: the session's requests before it became a device were not counted.
  await ctx.store.deviceTombstones.markParentDeviceSeen(caller.sessionId, dayOf(ctx.now()));
  ctx.events.emit('parentDeviceRegistered', { parentId: caller.parentId, sessionId: caller.sessionId, deviceId });
  return { deviceId };
}

/** `GET /v1/parent-devices`: the guardian's own parent-mode PCs still signed in, with last seen; `current`: the caller's. */
export async function listParentComputers(
  ctx: Pick<RelayContext, 'store' | 'now'>,
  caller: ParentCaller,
): Promise<ParentComputerList> {
  const rows = await ctx.store.deviceTombstones.listParentComputers(caller.parentId, ctx.now());
  return {
    computers: rows.map((r) => ({
      deviceId: r.deviceId,
      sessionId: r.sessionId,
      since: r.createdAt,
      lastSeen: r.lastSeenDay,
      current: r.sessionId === caller.sessionId,
    })),
  };
}
