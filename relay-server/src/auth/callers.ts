import { ErrorCode, HearthError } from '@hearth/common';
import type { Store } from '../store/port';
import { hashToken, tokenKind } from './tokens';
import { markParentSeen, markSeen } from '../devices/computers';

export type ParentCaller = Readonly<{ kind: 'parent'; parentId: string; sessionId: string }>;
export type ChildCaller = Readonly<{ kind: 'child'; childId: string; parentId: string; deviceId: string }>;
export type RequestCaller = ParentCaller | ChildCaller;

/** The token in `Authorization: Bearer <token>`; undefined when absent or not a token's shape. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer +([A-Za-z0-9_-]{16,128})$/i.exec(authorization);
  return match ? (match[1] as string) : undefined;
}

/** Reads `Authorization: Bearer <token>`; undefined when absent, unknown, expired or revoked. */
export async function resolveCaller(
  store: Store,
  authorization: string | undefined,
  now: number,
): Promise<RequestCaller | undefined> {
  const token = bearerToken(authorization);
  return token === undefined ? undefined : resolveToken(store, token, now);
}

/** Whose live credential this token is (a parent session or a child's device credential), if anyone's. */
export async function resolveToken(store: Store, token: string, now: number): Promise<RequestCaller | undefined> {
  const kind = tokenKind(token);
  if (kind === 'ps') {
    const s = await store.sessions.getLiveParentSession(hashToken(token), now);
    // A parent-mode PC's last seen (F18), to the day.
    if (s) await markParentSeen(store, s.id, now);
    return s && { kind: 'parent', parentId: s.parentId, sessionId: s.id };
  }
  if (kind === 'dc') {
    const d = await store.devices.getDeviceCaller(hashToken(token));
    // Last seen (F18), to the day: on every request and socket of the PC's credentials.
    if (d) await markSeen(store, d.deviceId, now);
    return d && { kind: 'child', childId: d.childId, parentId: d.parentId, deviceId: d.deviceId };
  }
  return undefined;
}

const unauthenticated = (): HearthError =>
  new HearthError(ErrorCode.Unauthenticated, 'Please sign in again: this session is missing, expired or revoked.');

export function requireCaller(caller: RequestCaller | undefined): RequestCaller {
  if (!caller) throw unauthenticated();
  return caller;
}

export function requireParent(caller: RequestCaller | undefined): ParentCaller {
  const c = requireCaller(caller);
  if (c.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up can do this.');
  return c;
}

export function requireChild(caller: RequestCaller | undefined): ChildCaller {
  const c = requireCaller(caller);
  if (c.kind !== 'child') throw new HearthError(ErrorCode.Forbidden, "This is done from a child's profile.");
  return c;
}
