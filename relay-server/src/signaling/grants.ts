import { randomBytes } from 'node:crypto';
import { ErrorCode, HearthError, type PeerId, type SignalingGrant } from '@hearth/common';
import type { RelayContext } from '../context';
import type { RequestCaller } from '../auth/callers';
import { hashToken, newToken, tokenKind } from '../auth/tokens';
import type { SignalingTokenRow } from './queries';

/** The PeerJS client's `path` option: the socket lives at `${path}peerjs`. */
export const SIGNALING_PATH = '/';
/** The PeerJS client's `key` option (the `peer` server's default). */
export const SIGNALING_KEY = 'peerjs';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now'>;

/** 128 random bits as hex: matches PeerJS's id pattern and says nothing about the account. */
function newPeerId(): PeerId {
  return randomBytes(16).toString('hex') as PeerId;
}

/**
 * The account's peer id, made on first use and stable afterwards. Of two instances making one at
 * once, the first insert wins and both read it back.
 */
export async function peerIdFor(ctx: Pick<Ctx, 'store' | 'now'>, accountId: string): Promise<PeerId> {
  const existing = await ctx.store.signaling.getPeerId(accountId);
  if (existing) return existing as PeerId;
  for (let attempt = 0; attempt < 3; attempt++) {
    await ctx.store.signaling.insertPeerId(accountId, newPeerId(), ctx.now());
    const id = await ctx.store.signaling.getPeerId(accountId);
    if (id) return id as PeerId;
  }
  throw new HearthError(ErrorCode.Unavailable, 'Could not set up calling just now. Please try again.');
}

/**
 * Grants a device (a child's credential) or a parent session (parent mode) the right to open
 * the signaling socket as its account's peer id, for `config.signaling.tokenTtlMs`.
 */
export async function issueSignalingGrant(ctx: Ctx, caller: RequestCaller): Promise<SignalingGrant> {
  const accountId = caller.kind === 'child' ? caller.childId : caller.parentId;
  const now = ctx.now();
  const expiresAt = now + ctx.config.signaling.tokenTtlMs;
  const token = newToken('sg');
  return ctx.store.transaction(async (tx) => {
    await tx.signaling.deleteExpiredSignalingTokens(now);
    const peerId = await peerIdFor({ store: tx, now: ctx.now }, accountId);
    await tx.signaling.insertSignalingToken({
      tokenHash: hashToken(token),
      accountId,
      deviceId: caller.kind === 'child' ? caller.deviceId : null,
      parentSessionId: caller.kind === 'parent' ? caller.sessionId : null,
      createdAt: now,
      expiresAt,
    });
    return { peerId, token, expiresAt, path: SIGNALING_PATH, key: SIGNALING_KEY };
  });
}

/** The live grant behind a signaling token, or undefined (unknown, expired, or its credential revoked). */
export async function resolveSignalingToken(
  ctx: Pick<Ctx, 'store' | 'now'>,
  token: string,
): Promise<SignalingTokenRow | undefined> {
  if (tokenKind(token) !== 'sg') return undefined;
  return ctx.store.signaling.getLiveSignalingToken(hashToken(token), ctx.now());
}
