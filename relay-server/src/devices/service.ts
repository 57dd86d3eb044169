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
import { ownChild } from '../accounts/service';
import type { DeviceRow } from './queries';
import { hashToken, newToken } from '../auth/tokens';
import { noticeComputerSignedOut } from '../family/grown-up-notices';

type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

async function issueCredential(ctx: Ctx, deviceId: string, childId: string): Promise<string> {
  const token = newToken('dc');
  await ctx.store.devices.insertDeviceCredential({ tokenHash: hashToken(token), deviceId, childId, createdAt: ctx.now() });
  return token;
}

/** Enrolls a PC for some of this parent's children; each child gets its own credential. */
export async function enrollDevice(ctx: Ctx, parentId: string, body: EnrollDeviceBody): Promise<EnrollDeviceResult> {
  return ctx.store.transaction(async (tx) => {
    const inTx = { ...ctx, store: tx };
    for (const childId of body.childIds) await ownChild(inTx, parentId, childId);
    const deviceId = ctx.newId();
    await tx.devices.insertDevice({
      id: deviceId,
      parentId,
      name: body.name,
      infoJson: JSON.stringify(body.info),
      enrolledAt: ctx.now(),
    });
    const credentials = [];
    for (const childId of body.childIds) credentials.push({ childId, token: await issueCredential(inTx, deviceId, childId) });
    return { deviceId, credentials };
  });
}

async function ownDevice(ctx: Pick<Ctx, 'store'>, parentId: string, deviceId: string): Promise<DeviceRow> {
  const device = await ctx.store.devices.getDevice(deviceId);
  if (!device || device.parentId !== parentId) throw new HearthError(ErrorCode.NotFound, 'No such device.');
  return device;
}

/** Adds a child to an enrolled PC (a new credential); refused while the child already has one there. */
export async function addDeviceChild(
  ctx: Ctx,
  parentId: string,
  deviceId: string,
  childId: ChildId,
): Promise<EnrollDeviceResult> {
  return ctx.store.transaction(async (tx) => {
    const inTx = { ...ctx, store: tx };
    const device = await ownDevice(inTx, parentId, deviceId);
    if (device.revokedAt !== null) throw new HearthError(ErrorCode.Conflict, 'This device was removed. Enroll it again.');
    await ownChild(inTx, parentId, childId);
    if (await tx.devices.hasLiveCredential(deviceId, childId)) {
      throw new HearthError(ErrorCode.Conflict, 'This child is already set up on this device.');
    }
    return { deviceId, credentials: [{ childId, token: await issueCredential(inTx, deviceId, childId) }] };
  });
}

/**
 * A PC this parent may look at and sign out (F18): one they enrolled, or one a child they guard
 * is set up on (a co-guardian). `mine`: the children on it this parent sees (all, for the enroller).
 */
async function visibleDevice(
  ctx: Pick<Ctx, 'store'>,
  parentId: string,
  deviceId: string,
): Promise<Readonly<{ enroller: boolean; mine: readonly string[]; device: DeviceRow }>> {
  const device = await ctx.store.devices.getDevice(deviceId);
  const mine = (await ctx.store.devices.listDeviceChildren(parentId))
    .filter((c) => c.deviceId === deviceId)
    .map((c) => c.childId);
  if (device && device.parentId === parentId) return { enroller: true, mine, device };
  if (!device || mine.length === 0) throw new HearthError(ErrorCode.NotFound, 'No such device.');
  return { enroller: false, mine, device };
}

export async function listDevices(ctx: Pick<Ctx, 'store'>, parentId: string): Promise<Device[]> {
  const children = await ctx.store.devices.listDeviceChildren(parentId);
  const lastSeen = new Map(
    (await ctx.store.deviceTombstones.listLastSeen(parentId)).map((r) => [r.deviceId, r.lastSeenDay] as const),
  );
  return (await ctx.store.devices.listDevicesOfParent(parentId)).map((d) => {
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
      lastSeen: lastSeen.get(d.id) ?? null,
      children: [...perChild.values()],
    };
  });
}

/**
 * Revokes a PC and every credential on it; the sockets of those credentials close once it is done.
 * Each live credential leaves a tombstone (F18), so the PC learns it even if it was off: `wipe`
 * tells it to erase Hearth's data too.
 */
export async function removeDevice(ctx: Ctx, parentId: string, deviceId: string, wipe = false): Promise<void> {
  const childIds = await ctx.store.transaction(async (tx) => {
    const { enroller, mine, device } = await visibleDevice({ store: tx }, parentId, deviceId);
    const live = await tx.devices.listLiveChildrenOnDevice(deviceId);
    // A co-guardian signs out only their own children's credentials; the PC goes with the last of them.
    const gone = enroller || live.every((id) => mine.includes(id)) ? live : live.filter((id) => mine.includes(id));
    if (gone === live) {
      await tx.deviceTombstones.tombstoneDeviceCredentials(deviceId, wipe, ctx.now());
      await tx.devices.revokeDevice(deviceId, ctx.now());
    } else {
      for (const childId of gone) {
        await tx.deviceTombstones.tombstoneDeviceChildCredentials(deviceId, childId, wipe, ctx.now());
        await tx.devices.revokeDeviceChild(deviceId, childId, ctx.now());
      }
    }
    // Issue 14 §4: the guardians of the children who were signed in there (not those signed out before) are told.
    if (gone.length > 0)
      await noticeComputerSignedOut({ ...ctx, store: tx }, { name: device.name, childIds: gone, byParentId: parentId });
    return gone;
  });
  ctx.events.emit('credentialsRevoked', { childIds, deviceId });
}

export async function removeDeviceChild(
  ctx: Ctx,
  parentId: string,
  deviceId: string,
  childId: string,
  wipe = false,
): Promise<void> {
  const { device } = await visibleDevice(ctx, parentId, deviceId);
  await ownChild(ctx, parentId, childId);
  const revoked = await ctx.store.transaction(async (tx) => {
    await tx.deviceTombstones.tombstoneDeviceChildCredentials(deviceId, childId, wipe, ctx.now());
    const done = await tx.devices.revokeDeviceChild(deviceId, childId, ctx.now());
    if (done)
      await noticeComputerSignedOut({ ...ctx, store: tx }, { name: device.name, childIds: [childId], byParentId: parentId });
    return done;
  });
  if (!revoked) throw new HearthError(ErrorCode.NotFound, 'This child is not set up on this device.');
  ctx.events.emit('credentialsRevoked', { childIds: [childId], deviceId });
}
