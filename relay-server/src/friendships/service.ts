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
import { getAccount, getChild, listChildrenOfParent } from '../accounts/queries';
import {
  getFriendship,
  getFriendshipByPair,
  insertFriendship,
  listFriendshipsOf,
  updateFriendshipState,
  type FriendshipRow,
} from './queries';
import { countInvitesSince, deleteStaleInvites, getInvite, insertInvite, markInviteRedeemed } from './invite-queries';
import { newInviteCode } from '../auth/tokens';
import { ownChild } from '../accounts/service';
import { guardianIdsOf, isEmailVerified, isGuardian, isTrusted, listGuardians, trustedAvatar } from '../family/queries';
import { noticeFriendshipChange } from '../family/friendship-notices';

type Ctx = Pick<RelayContext, 'db' | 'store' | 'config' | 'now' | 'newId' | 'events'>;

const HOUR = 60 * 60 * 1000;

/** Makes an invite code for a child: the child itself, or its parent naming the child. */
export function createInvite(ctx: Ctx, caller: RequestCaller, childIdForParent: string | undefined): Invite {
  let childId: string;
  if (caller.kind === 'child') {
    if (childIdForParent !== undefined && childIdForParent !== caller.childId) {
      throw new HearthError(ErrorCode.Forbidden, 'A child makes codes only for themself.');
    }
    childId = caller.childId;
  } else {
    if (!childIdForParent) throw new HearthError(ErrorCode.ValidationFailed, 'Say which child this code is for (childId).');
    childId = ownChild(ctx, caller.parentId, childIdForParent).id;
  }
  const now = ctx.now();
  // Codes that expired over an hour ago go as new ones are made (an hour, so the limit's count holds).
  deleteStaleInvites(ctx.db, now - HOUR);
  if (countInvitesSince(ctx.db, childId, now - HOUR) >= ctx.config.rateLimits.invitesPerHour) {
    throw new HearthError(ErrorCode.RateLimited, 'That is a lot of codes! Please wait a while before making another.', {
      retryAfterMs: HOUR,
    });
  }
  const createdBy = caller.kind === 'child' ? caller.childId : caller.parentId;
  const expiresAt = now + ctx.config.inviteTtlMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newInviteCode();
    if (getInvite(ctx.db, code)) continue;
    insertInvite(ctx.db, { code, childId, createdBy, createdAt: now, expiresAt });
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, childId: childId as ChildId, expiresAt };
  }
  throw new HearthError(ErrorCode.Unavailable, 'Could not make a code just now. Please try again.');
}

function pairOf(ctx: Ctx, row: FriendshipRow): Pair {
  const member = (id: string): Pair['a'] => {
    const account = getAccount(ctx.db, id);
    // A child acts through any of its guardians; a family link's grown-up side is the grown-up itself.
    return { childId: id, guardianIds: account?.kind === 'child' ? guardianIdsOf(ctx.db, id) : [id] };
  };
  return { a: member(row.aId), b: member(row.bId) };
}

function asCaller(c: RequestCaller): Caller {
  return c.kind === 'child' ? { kind: 'child', childId: c.childId } : { kind: 'parent', parentId: c.parentId };
}

/** Every side this caller acts for: one, or both for a parent whose two children befriend each other. */
function actorsFor(ctx: Ctx, caller: RequestCaller, row: FriendshipRow): FriendshipActor[] {
  const pair = pairOf(ctx, row);
  return (['a', 'b'] as const).flatMap((side) => {
    const actor = resolveActor(asCaller(caller), { a: pair[side], b: pair[side] });
    return actor ? [{ role: actor.role, side }] : [];
  });
}

export function viewFor(ctx: Ctx, row: FriendshipRow, side: Side): FriendshipView {
  const mine = side === 'a' ? row.aId : row.bId;
  const theirs = side === 'a' ? row.bId : row.aId;
  // The other child's picture, only while the friendship is asked for or on as this side sees it:
  // not after a decline or removal, nor to the side that blocked (the other side's block is invisible).
  const showsPicture = !['declined', 'removed', 'blocked'].includes(friendshipStatusFor(row.state, side));
  const member = (id: string, otherId: string): FriendshipView['me'] => {
    const account = getAccount(ctx.db, id);
    const grownUp = account?.kind === 'parent';
    const guardians = grownUp ? [] : listGuardians(ctx.db, id).filter((g) => !g.disabled);
    // The grown-up named beside a child: who made the account while they are still its guardian,
    // else its longest-standing guardian (never someone removed).
    const named = guardians.find((g) => g.parentId === account?.parentId) ?? guardians[0];
    // A grown-up in a family link is a guardian of the child, or a trusted grown-up with the picture
    // their guardian picked (null once they are neither: the link has ended).
    const familyRole = !grownUp
      ? null
      : isGuardian(ctx.db, otherId, id)
        ? 'guardian'
        : isTrusted(ctx.db, otherId, id)
          ? 'trusted'
          : null;
    const picture = familyRole === 'trusted' ? trustedAvatar(ctx.db, otherId, id) : (account?.avatar ?? null);
    return {
      accountId: id as AccountId,
      kind: account?.kind ?? 'child',
      displayName: account?.displayName ?? '?',
      parentDisplayName: named?.displayName ?? null,
      avatar: id === mine || showsPicture ? (picture as FriendshipView['me']['avatar']) : null,
      familyRole,
      guardians: guardians.slice(0, 20).map((g) => ({
        displayName: g.displayName,
        emailVerified: isEmailVerified(ctx.db, g.parentId),
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
    me: member(mine, theirs),
    friend: member(theirs, mine),
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
export function redeemInvite(ctx: Ctx, childId: string, rawCode: string): FriendshipView {
  const code = normalizeInviteCode(rawCode);
  const now = ctx.now();
  return ctx.db.transaction(() => {
    const invite = getInvite(ctx.db, code);
    if (!invite || invite.redeemedAt !== null || invite.expiresAt <= now || !getChild(ctx.db, invite.childId)) {
      throw new HearthError(ErrorCode.InviteInvalid, INVITE_INVALID);
    }
    if (invite.childId === childId) throw new HearthError(ErrorCode.InviteOwn, 'That is your own code! Give it to a friend.');
    markInviteRedeemed(ctx.db, code, childId, now);
    const existing = getFriendshipByPair(ctx.db, invite.childId, childId);
    let row: FriendshipRow;
    if (!existing) {
      row = { id: ctx.newId(), aId: invite.childId, bId: childId, state: newFriendRequest(), createdAt: now, updatedAt: now };
      insertFriendship(ctx.db, row);
    } else {
      const side: Side = existing.aId === childId ? 'a' : 'b';
      const state = existing.state.ended
        ? renewFriendRequest(existing.state, side)
        : { ...existing.state, kidConfirmed: { ...existing.state.kidConfirmed, [side]: true } };
      updateFriendshipState(ctx.db, existing.id, state, now);
      row = { ...existing, state, updatedAt: now };
    }
    ctx.events.emit('friendshipChanged', row);
    // Until this service is on ctx.store (issue 13): the notices are written just after this transaction; then
    // `await noticeFriendshipChange({ ...ctx, store: tx }, …)` inside it.
    void noticeFriendshipChange(ctx, row, 'redeem', null, []);
    return viewFor(ctx, row, row.aId === childId ? 'a' : 'b');
  })();
}

/** Friendships the caller may see: a child's own; a parent's own family links and those of each child. */
export function listFriendships(ctx: Ctx, caller: RequestCaller, childId: string | undefined): FriendshipView[] {
  const accounts =
    caller.kind === 'child'
      ? [caller.childId]
      : childId
        ? [ownChild(ctx, caller.parentId, childId).id]
        : [caller.parentId, ...listChildrenOfParent(ctx.db, caller.parentId).map((c) => c.id)];
  const views: FriendshipView[] = [];
  const seen = new Set<string>();
  for (const account of accounts) {
    for (const row of listFriendshipsOf(ctx.db, account)) {
      const side: Side = row.aId === account ? 'a' : 'b';
      // In a parent's full list a family link shows once, from the parent's own side.
      if (caller.kind === 'parent' && !childId && row.state.kind === 'family' && account !== caller.parentId) continue;
      const key = `${row.id}:${side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      views.push(viewFor(ctx, row, side));
    }
  }
  return views;
}

/** Applies an action to a friendship. Outsiders get NOT_FOUND: a friendship id reveals nothing. */
export function actOnFriendship(ctx: Ctx, caller: RequestCaller, friendshipId: string, action: FriendshipAction): FriendshipView {
  return ctx.db.transaction(() => {
    const row = getFriendship(ctx.db, friendshipId);
    const actors = row ? actorsFor(ctx, caller, row) : [];
    if (!row || actors.length === 0) throw new HearthError(ErrorCode.NotFound, 'No such friend request.');
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
    updateFriendshipState(ctx.db, row.id, state, now);
    const updated = { ...row, state, updatedAt: now };
    ctx.events.emit('friendshipChanged', updated);
    const byParentId = caller.kind === 'parent' ? caller.parentId : null;
    // Until this service is on ctx.store (issue 13): written just after this transaction (see redeem).
    void noticeFriendshipChange(
      ctx,
      updated,
      action,
      byParentId,
      actors.map((a) => a.side),
    );
    return viewFor(ctx, updated, (actors[0] as FriendshipActor).side);
  })();
}

/** True when messages, presence, calls and games may pass between these two accounts. */
export function areActiveFriends(ctx: Pick<Ctx, 'db'>, x: string, y: string): boolean {
  const row = getFriendshipByPair(ctx.db, x, y);
  return row !== undefined && isActive(row.state);
}
