import { friendshipStatusFor, type AccountId, type SignalingPeers } from '@hearth/common';
import { readFamilyFacts } from '../family/read-facts';
import type { RequestCaller } from '../auth/callers';
import { peerIdFor } from './grants';
import type { RelayContext } from '../context';
import { familyAllows } from '../family/reach';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'consent'>;

/**
 * The peer ids of the accounts this caller may call: every friendship that is active as the
 * caller sees it. The caller's own block removes a friend; the friend's block does not show
 * (the signaling socket refuses those calls silently, like any other refusal). A child whose
 * consent lapsed sees only its guardians, and is seen by nobody else (`family/reach.ts`).
 */
export async function friendPeersOf(ctx: Ctx, caller: RequestCaller): Promise<SignalingPeers> {
  const me = caller.kind === 'child' ? caller.childId : caller.parentId;
  return ctx.store.transaction(async (tx) => {
    const others: string[] = [];
    for (const row of await tx.friendships.listFriendshipsOf(me)) {
      const side = row.aId === me ? 'a' : 'b';
      if (friendshipStatusFor(row.state, side) !== 'active') continue;
      others.push(side === 'a' ? row.bId : row.aId);
    }
    const facts = await readFamilyFacts(tx, ctx.consent, [me, ...others]);
    const peers: SignalingPeers['peers'][number][] = [];
    for (const other of others) {
      if (!familyAllows(facts, me, other)) continue;
      peers.push({ accountId: other as AccountId, peerId: await peerIdFor({ store: tx, now: ctx.now }, other) });
    }
    return { peers };
  });
}
