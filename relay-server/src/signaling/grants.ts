import { randomBytes } from 'node:crypto';
import { ErrorCode, HearthError, type PeerId, type SignalingGrant } from '@hearth/common';
import type { RelayContext } from '../context';
import type { RequestCaller } from '../auth/callers';
import { hashToken, newToken, tokenKind } from '../auth/tokens';
import {
  deleteExpiredSignalingTokens,
  getLiveSignalingToken,
  getPeerId,
  insertPeerId,
  insertSignalingToken,
  type SignalingTokenRow,
} from './queries';

/** The PeerJS client's `path` option: the socket lives at `${path}peerjs`. */
export const SIGNALING_PATH = '/';
/** The PeerJS client's `key` option (the `peer` server's default). */
export const SIGNALING_KEY = 'peerjs';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now'>;

/** 128 random bits as hex: matches PeerJS's id pattern and says nothing about the account. */
function newPeerId(): PeerId {
  return randomBytes(16).toString('hex') as PeerId;
}

/** The account's peer id, made on first use and stable afterwards. */
export function peerIdFor(ctx: Ctx, accountId: string): PeerId {
  const existing = getPeerId(ctx.db, accountId);
  if (existing) return existing as PeerId;
  for (let attempt = 0; attempt < 3; attempt++) {
    insertPeerId(ctx.db, accountId, newPeerId(), ctx.now());
    const id = getPeerId(ctx.db, accountId);
    if (id) return id as PeerId;
  }
  throw new HearthError(ErrorCode.Unavailable, 'Could not set up calling just now. Please try again.');
}

/**
 * Grants a device (a child's credential) or a parent session (parent mode) the right to open
 * the signaling socket as its account's peer id, for `config.signaling.tokenTtlMs`.
 */
export function issueSignalingGrant(ctx: Ctx, caller: RequestCaller): SignalingGrant {
  const accountId = caller.kind === 'child' ? caller.childId : caller.parentId;
  const now = ctx.now();
  const expiresAt = now + ctx.config.signaling.tokenTtlMs;
  const token = newToken('sg');
  return ctx.db.transaction(() => {
    deleteExpiredSignalingTokens(ctx.db, now);
    const peerId = peerIdFor(ctx, accountId);
    insertSignalingToken(ctx.db, {
      tokenHash: hashToken(token),
      accountId,
      deviceId: caller.kind === 'child' ? caller.deviceId : null,
      parentSessionId: caller.kind === 'parent' ? caller.sessionId : null,
      createdAt: now,
      expiresAt,
    });
    return { peerId, token, expiresAt, path: SIGNALING_PATH, key: SIGNALING_KEY };
  })();
}

/** The live grant behind a signaling token, or undefined (unknown, expired, or its credential revoked). */
export function resolveSignalingToken(ctx: Ctx, token: string): SignalingTokenRow | undefined {
  if (tokenKind(token) !== 'sg') return undefined;
  return getLiveSignalingToken(ctx.db, hashToken(token), ctx.now());
}
