import { ErrorCode, HearthError, readsErrorCode, retentionMs, type AppVersion, type DeviceInfo } from '@hearth/common';
import type { RelayContext } from '../context';
import type { Store } from '../store/port';
import type { ChildCaller } from '../auth/callers';
import { hashToken, tokenKind } from '../auth/tokens';

/** How long the relay keeps a revoked device credential's tombstone (F18): a PC off for longer learns nothing. */
export const TOMBSTONE_TTL_MS = retentionMs('deviceTombstones');

/** The UTC day of an instant, `YYYY-MM-DD`: last seen is kept to the day, never finer. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The day each device was last marked, per store, so a busy PC costs one write a day. */
const seenCache = new WeakMap<Store, Map<string, string>>();

/** Notes that a PC reached the relay today (a request or a socket with one of its credentials). */
export async function markSeen(store: Store, deviceId: string, now: number): Promise<void> {
  const day = dayOf(now);
  let days = seenCache.get(store);
  if (!days) seenCache.set(store, (days = new Map()));
  if (days.get(deviceId) === day) return;
  await store.deviceTombstones.markDeviceSeen(deviceId, day);
  if (days.size >= SEEN_CACHE_MAX) days.clear();
  days.set(deviceId, day);
}

/** Past this many entries the cache starts again (sessions come and go; a miss costs one write). */
const SEEN_CACHE_MAX = 50_000;

/**
 * Notes that a parent-mode PC reached the relay today: a request or socket with a session that is
 * a parent device. One write per session a day (a session that is no parent device writes nothing).
 */
export async function markParentSeen(store: Store, sessionId: string, now: number): Promise<void> {
  const day = dayOf(now);
  const key = `session:${sessionId}`;
  let days = seenCache.get(store);
  if (!days) seenCache.set(store, (days = new Map()));
  if (days.get(key) === day) return;
  await store.deviceTombstones.markParentDeviceSeen(sessionId, day);
  if (days.size >= SEEN_CACHE_MAX) days.clear();
  days.set(key, day);
}

/**
 * `DEVICE_REVOKED` for a device credential a guardian signed out within the last 90 days, with
 * whether its PC erases the child's data; undefined for any other token (unknown ones still
 * answer UNAUTHENTICATED). An app too old to read the code (0.2.0) is answered as before.
 */
export async function revokedDeviceError(
  store: Store,
  token: string | undefined,
  version: AppVersion | undefined,
): Promise<HearthError | undefined> {
  if (token === undefined || tokenKind(token) !== 'dc') return undefined;
  if (version !== undefined && !readsErrorCode(version, ErrorCode.DeviceRevoked)) return undefined;
  const tombstone = await store.deviceTombstones.getTombstone(hashToken(token));
  if (!tombstone) return undefined;
  return new HearthError(
    ErrorCode.DeviceRevoked,
    tombstone.wipe
      ? "A grown-up signed this computer out and asked to erase Hearth's data on it."
      : 'A grown-up signed this computer out.',
    { wipe: tombstone.wipe },
  );
}

/** `PUT /v1/devices/:id/info`: the PC's own credential replaces its info; any other device is "no such device". */
export async function updateOwnDeviceInfo(
  ctx: Pick<RelayContext, 'store' | 'events'>,
  caller: ChildCaller,
  deviceId: string,
  info: DeviceInfo,
): Promise<void> {
  if (caller.deviceId !== deviceId || !(await ctx.store.deviceTombstones.updateDeviceInfo(deviceId, JSON.stringify(info)))) {
    throw new HearthError(ErrorCode.NotFound, 'No such device.');
  }
  // Its floor (issue 17) may have changed: every instance reads it again and tells its sockets.
  ctx.events.emit('deviceInfoChanged', { deviceId, childIds: [caller.childId] });
}

/** Deletes the tombstones older than 90 days; returns how many. */
export function sweepTombstones(ctx: Pick<RelayContext, 'store' | 'now'>): Promise<number> {
  return ctx.store.deviceTombstones.sweepTombstones(ctx.now() - TOMBSTONE_TTL_MS);
}
