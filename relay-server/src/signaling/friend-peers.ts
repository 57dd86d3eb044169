import { friendshipStatusFor, type AccountId, type SignalingPeers } from '@hearth/common';
import type { RequestCaller } from '../auth/callers';
import { listFriendshipsOf } from '../friendships/queries';
import { peerIdFor } from './grants';
import type { RelayContext } from '../context';
import { createFamilyFacts, familyAllows } from '../family/reach';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now'>;

/**
 * The peer ids of the accounts this caller may call: every friendship that is active as the
 * caller sees it. The caller's own block removes a friend; the friend's block does not show
 * (the signaling socket refuses those calls silently, like any other refusal). A child whose
 * consent lapsed sees only its guardians, and is seen by nobody else (`family/reach.ts`).
 */
export function friendPeersOf(ctx: Ctx, caller: RequestCaller): SignalingPeers {
  const me = caller.kind === 'child' ? caller.childId : caller.parentId;
  const facts = createFamilyFacts(ctx.db, ctx.config.policyVersion);
  return ctx.db.transaction(() => {
    const peers: SignalingPeers['peers'][number][] = [];
    for (const row of listFriendshipsOf(ctx.db, me)) {
      const side = row.aId === me ? 'a' : 'b';
      if (friendshipStatusFor(row.state, side) !== 'active') continue;
      const other = side === 'a' ? row.bId : row.aId;
      if (!familyAllows(facts, me, other)) continue;
      peers.push({ accountId: other as AccountId, peerId: peerIdFor(ctx, other) });
    }
    return { peers };
  })();
}
