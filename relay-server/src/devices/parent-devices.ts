import { ErrorCode, HearthError, type ParentDeviceResult, type RegisterParentDeviceBody } from '@hearth/common';
import type { RelayContext } from '../context';
import type { ParentCaller } from '../auth/callers';

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
  ctx.events.emit('parentDeviceRegistered', { parentId: caller.parentId, sessionId: caller.sessionId, deviceId });
  return { deviceId };
}
