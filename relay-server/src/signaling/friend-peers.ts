import { friendshipStatusFor, type AccountId, type SignalingPeers } from '@hearth/common';
import type { RequestCaller } from '../auth/callers';
import { peerIdFor } from './grants';
import type { RelayContext } from '../context';
import type { Store } from '../store/port';
import { familyAllows, type FamilyFacts } from '../family/reach';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now'>;

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
    const facts = await familyFactsOf(tx, ctx.config.policyVersion, [me, ...others]);
    const peers: SignalingPeers['peers'][number][] = [];
    for (const other of others) {
      if (!familyAllows(facts, me, other)) continue;
      peers.push({ accountId: other as AccountId, peerId: await peerIdFor({ store: tx, now: ctx.now }, other) });
    }
    return { peers };
  });
}

/**
 * The family facts of these accounts, read once for this one answer (the signaling socket's
 * cache is for its per-frame checks). `familyAllows` asks only about accounts named here.
 */
async function familyFactsOf(store: Store, policyVersion: string, accountIds: readonly string[]): Promise<FamilyFacts> {
  const kinds = new Map<string, 'parent' | 'child' | undefined>();
  const disabled = new Map<string, boolean>();
  const guardians = new Map<string, ReadonlySet<string>>();
  const covered = new Map<string, boolean>();
  for (const id of new Set(accountIds)) {
    const kind = await store.family.accountKindOf(id);
    kinds.set(id, kind);
    disabled.set(id, await store.family.isDisabledOrGone(id));
    if (kind !== 'child') continue;
    guardians.set(id, new Set(await store.family.guardianIdsOf(id)));
    covered.set(id, await store.family.isCovered(id, policyVersion));
  }
  return {
    kindOf: (id) => kinds.get(id),
    isGuardian: (childId, parentId) => guardians.get(childId)?.has(parentId) ?? false,
    // Unknown here means not asked for: treated as the safe answer (disabled, not covered).
    isDisabled: (id) => disabled.get(id) ?? true,
    isCovered: (childId) => covered.get(childId) ?? false,
  };
}
