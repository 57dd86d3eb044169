import { requireCurrentConsent } from '../policy/reconsent';
import {
  ErrorCode,
  HearthError,
  applyFriendshipAction,
  friendshipStatusFor,
  isActive,
  newFriendRequest,
  normalizeInviteCode,
  renewFriendRequest,
  resolveActor,
  type AccountId,
  type Caller,
  type ChildId,
  type FriendshipAction,
  type FriendshipActor,
  type FriendshipView,
  type Invite,
  type Pair,
  type Side,
} from '@hearth/common';
import type { RelayContext } from '../context';
import type { RequestCaller } from '../auth/callers';
import type { Store } from '../store/port';
import type { FriendshipRow } from './queries';
import { newInviteCode } from '../auth/tokens';
import { ownChild } from '../accounts/service';
import { noticeFriendshipChange } from '../family/friendship-notices';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events'>;
type ViewCtx = Pick<RelayContext, 'store'>;

/** The context with its store bound to a transaction, for everything called inside it. */
function within<C extends Pick<RelayContext, 'store'>>(ctx: C, tx: Store): C {
  return { ...ctx, store: tx };
}

const HOUR = 60 * 60 * 1000;

/** Makes an invite code for a child: the child itself, or its parent naming the child. */
export async function createInvite(ctx: Ctx, caller: RequestCaller, childIdForParent: string | undefined): Promise<Invite> {
  let childId: string;
  if (caller.kind === 'child') {
    if (childIdForParent !== undefined && childIdForParent !== caller.childId) {
      throw new HearthError(ErrorCode.Forbidden, 'A child makes codes only for themself.');
    }
    childId = caller.childId;
  } else {
    if (!childIdForParent) throw new HearthError(ErrorCode.ValidationFailed, 'Say which child this code is for (childId).');
    childId = (await ownChild(ctx, caller.parentId, childIdForParent)).id;
  }
  const now = ctx.now();
  // Codes that expired over an hour ago go as new ones are made (an hour, so the limit's count holds).
  await ctx.store.friendInvites.deleteStaleInvites(now - HOUR);
  if ((await ctx.store.friendInvites.countInvitesSince(childId, now - HOUR)) >= ctx.config.rateLimits.invitesPerHour) {
    throw new HearthError(ErrorCode.RateLimited, 'That is a lot of codes! Please wait a while before making another.', {
      retryAfterMs: HOUR,
    });
  }
  const createdBy = caller.kind === 'child' ? caller.childId : caller.parentId;
  const expiresAt = now + ctx.config.inviteTtlMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newInviteCode();
    if (await ctx.store.friendInvites.getInvite(code)) continue;
    await ctx.store.friendInvites.insertInvite({ code, childId, createdBy, createdAt: now, expiresAt });
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, childId: childId as ChildId, expiresAt };
  }
  throw new HearthError(ErrorCode.Unavailable, 'Could not make a code just now. Please try again.');
}

async function pairOf(ctx: ViewCtx, row: FriendshipRow): Promise<Pair> {
  const member = async (id: string): Promise<Pair['a']> => {
    const account = await ctx.store.accounts.getAccount(id);
    // A child acts through any of its guardians; a family link's grown-up side is the grown-up itself.
    return { childId: id, guardianIds: account?.kind === 'child' ? await ctx.store.family.guardianIdsOf(id) : [id] };
  };
  return { a: await member(row.aId), b: await member(row.bId) };
}

function asCaller(c: RequestCaller): Caller {
  return c.kind === 'child' ? { kind: 'child', childId: c.childId } : { kind: 'parent', parentId: c.parentId };
}

/** Every side this caller acts for: one, or both for a parent whose two children befriend each other. */
async function actorsFor(ctx: ViewCtx, caller: RequestCaller, row: FriendshipRow): Promise<FriendshipActor[]> {
  const pair = await pairOf(ctx, row);
  return (['a', 'b'] as const).flatMap((side) => {
    const actor = resolveActor(asCaller(caller), { a: pair[side], b: pair[side] });
    return actor ? [{ role: actor.role, side }] : [];
  });
}

/** The friendship as one side sees it. Reads only: give it the transaction's store inside one. */
export async function viewFor(ctx: ViewCtx, row: FriendshipRow, side: Side): Promise<FriendshipView> {
  const mine = side === 'a' ? row.aId : row.bId;
  const theirs = side === 'a' ? row.bId : row.aId;
  // The other child's picture, only while the friendship is asked for or on as this side sees it:
  // not after a decline or removal, nor to the side that blocked (the other side's block is invisible).
  const showsPicture = !['declined', 'removed', 'blocked'].includes(friendshipStatusFor(row.state, side));
  const { store } = ctx;
  const member = async (id: string, otherId: string): Promise<FriendshipView['me']> => {
    const account = await store.accounts.getAccount(id);
    const grownUp = account?.kind === 'parent';
    const guardians = grownUp ? [] : (await store.family.listGuardians(id)).filter((g) => !g.disabled);
    // The grown-up named beside a child: who made the account while they are still its guardian,
    // else its longest-standing guardian (never someone removed).
    const named = guardians.find((g) => g.parentId === account?.parentId) ?? guardians[0];
    // A grown-up in a family link is a guardian of the child, or a trusted grown-up with the picture
    // their guardian picked (null once they are neither: the link has ended).
    const familyRole = !grownUp
      ? null
      : (await store.family.isGuardian(otherId, id))
        ? 'guardian'
        : (await store.family.isTrusted(otherId, id))
          ? 'trusted'
          : null;
    const picture = familyRole === 'trusted' ? await store.family.trustedAvatar(otherId, id) : (account?.avatar ?? null);
    const shown = guardians.slice(0, 20);
    const verified = await Promise.all(shown.map((g) => store.email.isEmailVerified(g.parentId)));
    return {
      accountId: id as AccountId,
      kind: account?.kind ?? 'child',
      displayName: account?.displayName ?? '?',
      parentDisplayName: named?.displayName ?? null,
      avatar: id === mine || showsPicture ? (picture as FriendshipView['me']['avatar']) : null,
      familyRole,
      guardians: shown.map((g, i) => ({
        displayName: g.displayName,
        emailVerified: verified[i] === true,
        accountCreatedAt: g.accountCreatedAt,
      })),
    };
  };
  const other: Side = side === 'a' ? 'b' : 'a';
  const s = row.state;
  return {
    friendshipId: row.id,
    kind: s.kind,
    status: friendshipStatusFor(s, side),
    me: await member(mine, theirs),
    friend: await member(theirs, mine),
    myKidConfirmed: s.kidConfirmed[side],
    friendKidConfirmed: s.kidConfirmed[other],
    myParentApproved: s.parentApproved[side],
    friendParentApproved: s.parentApproved[other],
    iBlocked: s.blockedBy[side],
    updatedAt: row.updatedAt,
  };
}

const INVITE_INVALID = 'That code does not work. It may be mistyped, used already or too old. Ask your friend for a new one.';

/** A child redeems a friend's code: a request from the code's child (side a) to this child (side b). */
export async function redeemInvite(ctx: Ctx, childId: string, rawCode: string): Promise<FriendshipView> {
  const code = normalizeInviteCode(rawCode);
  const now = ctx.now();
  // Told to every instance once committed; the answer waits until they all applied it (issue 13).
  let changed: FriendshipRow | undefined;
  const view = await ctx.store.transaction(async (tx) => {
    const invite = await tx.friendInvites.getInvite(code);
    if (!invite || invite.redeemedAt !== null || invite.expiresAt <= now || !(await tx.accounts.getChild(invite.childId))) {
      throw new HearthError(ErrorCode.InviteInvalid, INVITE_INVALID);
    }
    if (invite.childId === childId) throw new HearthError(ErrorCode.InviteOwn, 'That is your own code! Give it to a friend.');
    // Single use under races: of two redeeming at once (two instances), one gets it.
    if (!(await tx.friendInvites.markInviteRedeemed(code, childId, now))) {
      throw new HearthError(ErrorCode.InviteInvalid, INVITE_INVALID);
    }
    const existing = await tx.friendships.getFriendshipByPair(invite.childId, childId);
    let row: FriendshipRow;
    if (!existing) {
      row = { id: ctx.newId(), aId: invite.childId, bId: childId, state: newFriendRequest(), createdAt: now, updatedAt: now };
      await tx.friendships.insertFriendship(row);
    } else {
      const side: Side = existing.aId === childId ? 'a' : 'b';
      const state = existing.state.ended
        ? renewFriendRequest(existing.state, side)
        : { ...existing.state, kidConfirmed: { ...existing.state.kidConfirmed, [side]: true } };
      await tx.friendships.updateFriendshipState(existing.id, state, now);
      row = { ...existing, state, updatedAt: now };
    }
    changed = row;
    await noticeFriendshipChange(within(ctx, tx), row, 'redeem', null, []);
    return viewFor(within(ctx, tx), row, row.aId === childId ? 'a' : 'b');
  });
  if (changed) await ctx.events.announce('friendshipChanged', changed);
  return view;
}

/** Friendships the caller may see: a child's own; a parent's own family links and those of each child. */
export async function listFriendships(ctx: Ctx, caller: RequestCaller, childId: string | undefined): Promise<FriendshipView[]> {
  const accounts =
    caller.kind === 'child'
      ? [caller.childId]
      : childId
        ? [(await ownChild(ctx, caller.parentId, childId)).id]
        : [caller.parentId, ...(await ctx.store.accounts.listChildrenOfParent(caller.parentId)).map((c) => c.id)];
  const views: FriendshipView[] = [];
  const seen = new Set<string>();
  for (const account of accounts) {
    for (const row of await ctx.store.friendships.listFriendshipsOf(account)) {
      const side: Side = row.aId === account ? 'a' : 'b';
      // In a parent's full list a family link shows once, from the parent's own side.
      if (caller.kind === 'parent' && !childId && row.state.kind === 'family' && account !== caller.parentId) continue;
      const key = `${row.id}:${side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      views.push(await viewFor(ctx, row, side));
    }
  }
  return views;
}

/** Applies an action to a friendship. Outsiders get NOT_FOUND: a friendship id reveals nothing. */
export async function actOnFriendship(
  ctx: Ctx,
  caller: RequestCaller,
  friendshipId: string,
  action: FriendshipAction,
): Promise<FriendshipView> {
  let changed: FriendshipRow | undefined;
  const view = await ctx.store.transaction(async (tx) => {
    const inTx = within(ctx, tx);
    const row = await tx.friendships.getFriendship(friendshipId);
    const actors = row ? await actorsFor(inTx, caller, row) : [];
    if (!row || actors.length === 0) throw new HearthError(ErrorCode.NotFound, 'No such friend request.');
    if (action === 'approve' && caller.kind === 'parent')
      await requireCurrentConsent(tx, ctx.config.policyVersion, caller.parentId);
    // A parent of both children acts for both sides; the action stands if it applies to either
    // (a decline ends the pair for both at once; an unblock lifts whichever child blocked).
    let state = row.state;
    let applied = false;
    let refusal = '';
    for (const actor of actors) {
      const result = applyFriendshipAction(state, actor, action);
      if (result.ok) {
        state = result.state;
        applied = true;
      } else {
        refusal ||= result.reason;
      }
    }
    if (!applied) throw new HearthError(ErrorCode.InvalidTransition, `This cannot be done now: ${refusal}.`);
    // A block is one-sided: it leaves the shared `updatedAt` alone, so the blocked side sees no change at all.
    const now = action === 'block' || action === 'unblock' ? row.updatedAt : ctx.now();
    await tx.friendships.updateFriendshipState(row.id, state, now, ctx.now());
    const updated = { ...row, state, updatedAt: now };
    changed = updated;
    const byParentId = caller.kind === 'parent' ? caller.parentId : null;
    await noticeFriendshipChange(
      inTx,
      updated,
      action,
      byParentId,
      actors.map((a) => a.side),
    );
    return viewFor(inTx, updated, (actors[0] as FriendshipActor).side);
  });
  if (changed) await ctx.events.announce('friendshipChanged', changed);
  return view;
}

/** True when messages, presence, calls and games may pass between these two accounts. */
export async function areActiveFriends(ctx: Pick<RelayContext, 'store'>, x: string, y: string): Promise<boolean> {
  const row = await ctx.store.friendships.getFriendshipByPair(x, y);
  return row !== undefined && isActive(row.state);
}
