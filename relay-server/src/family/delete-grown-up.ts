import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayContext } from '../context';
import { deleteChildAs, removeGuardianUnchecked } from './grown-ups';
import { endEveryLinkOf } from './links';
import { confirmPassword } from './confirm-password';
import { familyNoticeMail } from './mail';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

/**
 * Deletes a grown-up's account (a moderator's `close-account`, F16; F12): children for whom they
 * are the last guardian are deleted too (the same path as a guardian's deletion, by nobody
 * named); from the others they are removed as a guardian (the other guardians are told); every
 * link and friendship of theirs ends, their sessions' sockets close, and the account goes.
 * Not in one transaction: each child's deletion is its own (and erases the deleted rows).
 * PCs they enrolled: a surviving child's credential there is revoked with a wipe tombstone (as when
 * a guardian is removed), so that PC signs the child out and erases the child's data; the child's
 * other PCs keep working. Their consent and withdrawal records stay, ids only; their name is taken
 * out of the other grown-ups' notices.
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

/**
 * `DELETE /v1/me`: a grown-up deletes their own account, password typed again (WRONG_PASSWORD,
 * with the sign-in backoff). Every other guardian of their children is told at once (a notice, and
 * an email where this relay sends email), then {@link deleteGrownUpAccount}.
 */
export async function deleteOwnAccount(
  ctx: Ctx & Pick<RelayContext, 'hasher'>,
  parentId: string,
  password: string,
): Promise<void> {
  await confirmPassword(ctx, parentId, password);
  const me = await ctx.store.accounts.getParentById(parentId);
  if (!me) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in again.');
  const mails: Array<{ to: string; childName: string }> = [];
  for (const child of await ctx.store.accounts.listChildrenOfParent(parentId)) {
    for (const id of await ctx.store.family.guardianIdsOf(child.id)) {
      if (id === parentId) continue;
      const other = await ctx.store.accounts.getParentById(id);
      if (other) mails.push({ to: other.email, childName: child.displayName });
    }
  }
  await deleteGrownUpAccount(ctx, parentId);
  // Nothing keyed by their address stays (a wrong try before this one left a backoff row).
  await ctx.store.sessions.clearSignInFailures(me.email.trim().toLowerCase());
  if (!ctx.mailer.enabled) return;
  for (const m of mails) void ctx.mailer.send(familyNoticeMail(m.to, 'guardian-account-deleted', m.childName, me.displayName));
}
