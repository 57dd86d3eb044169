import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayContext } from '../context';
import { deleteChildAs, removeGuardianUnchecked } from './grown-ups';
import { endEveryLinkOf } from './links';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

/**
 * Deletes a grown-up's account (a moderator's `close-account`, F16; F12): children for whom they
 * are the last guardian are deleted too (the same path as a guardian's deletion, by nobody
 * named); from the others they are removed as a guardian (the other guardians are told); every
 * link and friendship of theirs ends, their sessions' sockets close, and the account goes.
 * Not in one transaction: each child's deletion is its own (and erases the deleted rows).
 */
export async function deleteGrownUpAccount(ctx: Ctx, parentId: string): Promise<void> {
  if ((await ctx.store.family.accountKindOf(parentId)) !== 'parent') {
    throw new HearthError(ErrorCode.NotFound, 'No such grown-up on this relay.');
  }
  for (const child of await ctx.store.accounts.listChildrenOfParent(parentId)) {
    const guardians = await ctx.store.family.guardianIdsOf(child.id);
    if (guardians.length <= 1) await deleteChildAs(ctx, child.id, null);
    else await removeGuardianUnchecked(ctx, child.id, parentId, null);
  }
  const sessions = await ctx.store.sessions.listLiveParentSessions(parentId, ctx.now());
  await ctx.store.transaction(async (tx) => {
    await endEveryLinkOf({ ...ctx, store: tx }, parentId);
    await tx.moderation.deleteParentAccount(parentId);
  });
  for (const s of sessions) ctx.events.emit('credentialsRevoked', { childIds: [], parentSessionId: s.id });
  await ctx.store.eraseDeleted();
}
