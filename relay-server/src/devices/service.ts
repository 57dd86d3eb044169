import {
  ErrorCode,
  HearthError,
  type Device,
  type DeviceInfo,
  type EnrollDeviceBody,
  type EnrollDeviceResult,
  type ChildId,
} from '@hearth/common';
import type { RelayContext } from '../context';
import { ownChildOnDb as ownChild } from '../accounts/service';
import {
  getDevice,
  hasLiveCredential,
  insertDevice,
  insertDeviceCredential,
  listDeviceChildren,
  listDevicesOfParent,
  revokeDevice,
  revokeDeviceChild,
  type DeviceRow,
} from './queries';
import { hashToken, newToken } from '../auth/tokens';

type Ctx = Pick<RelayContext, 'db' | 'now' | 'newId' | 'events'>;

function issueCredential(ctx: Ctx, deviceId: string, childId: string): string {
  const token = newToken('dc');
  insertDeviceCredential(ctx.db, { tokenHash: hashToken(token), deviceId, childId, createdAt: ctx.now() });
  return token;
}

/** Enrolls a PC for some of this parent's children; each child gets its own credential. */
export function enrollDevice(ctx: Ctx, parentId: string, body: EnrollDeviceBody): EnrollDeviceResult {
  return ctx.db.transaction(() => {
    for (const childId of body.childIds) ownChild(ctx, parentId, childId);
    const deviceId = ctx.newId();
    insertDevice(ctx.db, { id: deviceId, parentId, name: body.name, infoJson: JSON.stringify(body.info), enrolledAt: ctx.now() });
    const credentials = body.childIds.map((childId) => ({ childId, token: issueCredential(ctx, deviceId, childId) }));
    return { deviceId, credentials };
  })();
}

function ownDevice(ctx: Ctx, parentId: string, deviceId: string): DeviceRow {
  const device = getDevice(ctx.db, deviceId);
  if (!device || device.parentId !== parentId) throw new HearthError(ErrorCode.NotFound, 'No such device.');
  return device;
}

/** Adds a child to an enrolled PC (a new credential); refused while the child already has one there. */
export function addDeviceChild(ctx: Ctx, parentId: string, deviceId: string, childId: ChildId): EnrollDeviceResult {
  return ctx.db.transaction(() => {
    const device = ownDevice(ctx, parentId, deviceId);
    if (device.revokedAt !== null) throw new HearthError(ErrorCode.Conflict, 'This device was removed. Enroll it again.');
    ownChild(ctx, parentId, childId);
    if (hasLiveCredential(ctx.db, deviceId, childId)) {
      throw new HearthError(ErrorCode.Conflict, 'This child is already set up on this device.');
    }
    return { deviceId, credentials: [{ childId, token: issueCredential(ctx, deviceId, childId) }] };
  })();
}

export function listDevices(ctx: Ctx, parentId: string): Device[] {
  const children = listDeviceChildren(ctx.db, parentId);
  return listDevicesOfParent(ctx.db, parentId).map((d) => {
    // Newest credential per child wins, so a re-added child shows as live.
    const perChild = new Map<string, Device['children'][number]>();
    for (const c of children) {
      if (c.deviceId === d.id)
        perChild.set(c.childId, { childId: c.childId as ChildId, displayName: c.displayName, revokedAt: c.revokedAt });
    }
    return {
      deviceId: d.id,
      name: d.name,
      info: JSON.parse(d.infoJson) as DeviceInfo,
      enrolledAt: d.enrolledAt,
      revokedAt: d.revokedAt,
      children: [...perChild.values()],
    };
  });
}

export function removeDevice(ctx: Ctx, parentId: string, deviceId: string): void {
  ownDevice(ctx, parentId, deviceId);
  const childIds = listDeviceChildren(ctx.db, parentId)
    .filter((c) => c.deviceId === deviceId)
    .map((c) => c.childId);
  revokeDevice(ctx.db, deviceId, ctx.now());
  ctx.events.emit('credentialsRevoked', { childIds, deviceId });
}

export function removeDeviceChild(ctx: Ctx, parentId: string, deviceId: string, childId: string): void {
  ownDevice(ctx, parentId, deviceId);
  ownChild(ctx, parentId, childId);
  if (!revokeDeviceChild(ctx.db, deviceId, childId, ctx.now())) {
    throw new HearthError(ErrorCode.NotFound, 'This child is not set up on this device.');
  }
  ctx.events.emit('credentialsRevoked', { childIds: [childId], deviceId });
}
