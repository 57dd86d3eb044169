import { ErrorCode, HearthError } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { getLiveParentSession } from '../accounts/session-queries';
import { getDeviceCaller } from '../devices/queries';
import { hashToken, tokenKind } from './tokens';

export type ParentCaller = Readonly<{ kind: 'parent'; parentId: string; sessionId: string }>;
export type ChildCaller = Readonly<{ kind: 'child'; childId: string; parentId: string; deviceId: string }>;
export type RequestCaller = ParentCaller | ChildCaller;

/** Reads `Authorization: Bearer <token>`; undefined when absent, unknown, expired or revoked. */
export function resolveCaller(db: ReadableDB, authorization: string | undefined, now: number): RequestCaller | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization);
  if (!match) return undefined;
  const token = match[1] as string;
  return resolveToken(db, token, now);
}

export function resolveToken(db: ReadableDB, token: string, now: number): RequestCaller | undefined {
  const kind = tokenKind(token);
  if (kind === 'ps') {
    const s = getLiveParentSession(db, hashToken(token), now);
    return s && { kind: 'parent', parentId: s.parentId, sessionId: s.id };
  }
  if (kind === 'dc') {
    const d = getDeviceCaller(db, hashToken(token));
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
