import {
  ErrorCode,
  HearthError,
  formatInviteCode,
  normalizeInviteCode,
  type ChildId,
  type CreateGrownUpInviteBody,
  type GrownUpInvite,
  type GrownUpInviteCreated,
  type GrownUpInviteList,
  type GrownUpInviteState,
  type ParentId,
  type RedeemedGrownUpInvite,
} from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import type { RelayContext } from '../context';
import { ownChildOnDb as ownChild } from '../accounts/service';
import { getParentById } from '../accounts/queries';
import { hashToken, newInviteCode } from '../auth/tokens';
import {
  codeHashExists,
  countInvitesCreatedSince,
  getGrownUpInvite,
  getGrownUpInviteByHash,
  insertGrownUpInvite,
  inviteChildren,
  listInvitesForGuardian,
  listInvitesRedeemedBy,
  markInviteRedeemed,
  setInviteState,
  type GrownUpInviteRow,
} from './invite-queries';
import { insertGuardian, insertTrusted, isEmailVerified, isGuardian, isTrusted } from './queries';
import { linkFamily } from './links';
import { noticeGuardians } from './notices';
import { inviteMail } from './mail';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

/** An invitation's code works for 7 days (issue 12). */
export const GROWN_UP_INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Invitations one grown-up may make per day. */
export const GROWN_UP_INVITES_PER_DAY = 20;
const DAY = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 100;

const INVITE_INVALID = 'That code does not work. It may be mistyped, used already or too old. Ask for a new one.';
const NO_SUCH_INVITE = 'No such invitation.';

/** The code is stored only as its SHA-256 (with a prefix, so it never matches a friend code's hash). */
const codeHash = (code: string): Buffer => hashToken(`grown-up-invite:${normalizeInviteCode(code)}`);

function stateOf(row: GrownUpInviteRow, now: number): GrownUpInviteState {
  if ((row.state === 'waiting' || row.state === 'redeemed') && row.expiresAt <= now) return 'expired';
  return row.state;
}

function childrenOf(db: ReadableDB, row: GrownUpInviteRow): GrownUpInvite['children'] {
  return inviteChildren(db, row.id).map((c) => ({ childId: c.childId as ChildId, displayName: c.displayName }));
}

/**
 * An invitation as `viewerId` (a guardian of at least one of its children) sees it: only the
 * children they guard (a co-parent of one child never learns of the inviter's other children).
 */
function toInvite(ctx: Ctx, row: GrownUpInviteRow, viewerId: string): GrownUpInvite {
  const inviter = getParentById(ctx.db, row.createdBy);
  const invitee = row.redeemedBy !== null ? getParentById(ctx.db, row.redeemedBy) : undefined;
  return {
    inviteId: row.id,
    role: row.role,
    children: childrenOf(ctx.db, row).filter((c) => isGuardian(ctx.db, c.childId, viewerId)),
    avatar: row.avatar as GrownUpInvite['avatar'],
    invitedBy: { parentId: row.createdBy as ParentId, displayName: inviter?.displayName ?? '?' },
    state: stateOf(row, ctx.now()),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    invitee: invitee
      ? {
          parentId: invitee.id as ParentId,
          displayName: invitee.displayName,
          email: invitee.email,
          emailVerified: isEmailVerified(ctx.db, invitee.id),
          accountCreatedAt: invitee.createdAt,
        }
      : null,
  };
}

function toRedeemed(ctx: Ctx, row: GrownUpInviteRow): RedeemedGrownUpInvite {
  return {
    inviteId: row.id,
    role: row.role,
    children: childrenOf(ctx.db, row),
    invitedBy: { displayName: getParentById(ctx.db, row.createdBy)?.displayName ?? '?' },
    state: stateOf(row, ctx.now()),
    expiresAt: row.expiresAt,
  };
}

/**
 * A guardian invites another grown-up, as a guardian or a trusted grown-up of some of their
 * children. The answer is the same whatever `email` is (whether or not an account has it); where
 * the relay sends email and one was given, the code goes there too.
 */
export function createGrownUpInvite(ctx: Ctx, parentId: string, body: CreateGrownUpInviteBody): GrownUpInviteCreated {
  const now = ctx.now();
  const { row, code, childNames } = ctx.db.transaction(() => {
    const names = body.childIds.map((id) => ownChild(ctx, parentId, id).displayName);
    if (countInvitesCreatedSince(ctx.db, parentId, now - DAY) >= GROWN_UP_INVITES_PER_DAY) {
      throw new HearthError(ErrorCode.RateLimited, 'That is a lot of invitations. Please wait a while before making another.', {
        retryAfterMs: DAY,
      });
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const fresh = newInviteCode();
      const hash = codeHash(fresh);
      if (codeHashExists(ctx.db, hash)) continue;
      const inserted: GrownUpInviteRow = {
        id: ctx.newId(),
        role: body.role,
        createdBy: parentId,
        createdAt: now,
        expiresAt: now + GROWN_UP_INVITE_TTL_MS,
        state: 'waiting',
        redeemedBy: null,
        redeemedAt: null,
        avatar: body.role === 'trusted' ? (body.avatar ?? null) : null,
      };
      insertGrownUpInvite(ctx.db, { ...inserted, codeHash: hash }, body.childIds);
      return { row: inserted, code: formatInviteCode(fresh), childNames: names };
    }
    throw new HearthError(ErrorCode.Unavailable, 'Could not make a code just now. Please try again.');
  })();
  const emailSent = ctx.mailer.enabled && body.email !== undefined;
  if (emailSent && body.email !== undefined) {
    const inviterName = getParentById(ctx.db, parentId)?.displayName ?? 'Hearth';
    void ctx.mailer.send(inviteMail({ to: body.email, lang: body.lang ?? 'en', role: body.role, inviterName, childNames, code }));
  }
  return { invite: toInvite(ctx, row, parentId), code, emailSent };
}

export function listGrownUpInvites(ctx: Ctx, parentId: string): GrownUpInviteList {
  return {
    sent: listInvitesForGuardian(ctx.db, parentId, LIST_LIMIT).map((r) => toInvite(ctx, r, parentId)),
    redeemed: listInvitesRedeemedBy(ctx.db, parentId, LIST_LIMIT).map((r) => toRedeemed(ctx, r)),
  };
}

/**
 * A signed-in grown-up types a code. Unknown, used, cancelled and expired codes all answer
 * INVITE_INVALID. The inviter cannot redeem their own, nor can a grown-up already in the role
 * for one of its children. The inviting guardian then confirms.
 */
export function redeemGrownUpInvite(ctx: Ctx, parentId: string, code: string): RedeemedGrownUpInvite {
  // On a relay that sends email, only a verified grown-up joins a family (a session from before
  // email was turned on may belong to an address nobody proved).
  if (ctx.mailer.enabled && !isEmailVerified(ctx.db, parentId)) {
    throw new HearthError(
      ErrorCode.EmailNotVerified,
      'Verify your email first: sign out, sign in again and type the code we email you.',
    );
  }
  return ctx.db.transaction(() => {
    const row = getGrownUpInviteByHash(ctx.db, codeHash(code));
    const children = row ? inviteChildren(ctx.db, row.id) : [];
    if (!row || stateOf(row, ctx.now()) !== 'waiting' || children.length === 0) {
      throw new HearthError(ErrorCode.InviteInvalid, INVITE_INVALID);
    }
    if (row.createdBy === parentId) {
      throw new HearthError(ErrorCode.InviteOwn, 'That is your own invitation. Give the code to the grown-up you invited.');
    }
    if (children.some((c) => isGuardian(ctx.db, c.childId, parentId) || isTrusted(ctx.db, c.childId, parentId))) {
      throw new HearthError(ErrorCode.Conflict, 'You are already one of the grown-ups of this child.');
    }
    markInviteRedeemed(ctx.db, row.id, parentId, ctx.now());
    return toRedeemed(ctx, { ...row, state: 'redeemed', redeemedBy: parentId, redeemedAt: ctx.now() });
  })();
}

/** An invitation this grown-up may see (a guardian of one of its children), or NOT_FOUND. */
function visibleInvite(ctx: Ctx, parentId: string, inviteId: string): GrownUpInviteRow {
  const row = getGrownUpInvite(ctx.db, inviteId);
  if (!row || !inviteChildren(ctx.db, row.id).some((c) => isGuardian(ctx.db, c.childId, parentId))) {
    throw new HearthError(ErrorCode.NotFound, NO_SUCH_INVITE);
  }
  return row;
}

/** Only the inviting guardian confirms or declines, once the code was typed in and before it expires. */
function answerable(ctx: Ctx, parentId: string, inviteId: string): GrownUpInviteRow {
  const row = visibleInvite(ctx, parentId, inviteId);
  if (row.createdBy !== parentId) {
    throw new HearthError(ErrorCode.Forbidden, 'Only the grown-up who made this invitation can answer it.');
  }
  const state = stateOf(row, ctx.now());
  if (state !== 'redeemed') {
    throw new HearthError(ErrorCode.InvalidTransition, `This invitation cannot be answered now (it is ${state}).`);
  }
  return row;
}

/**
 * The inviting guardian confirms: in one transaction the invited grown-up becomes a guardian (or
 * trusted grown-up) of each child the inviter still guards, with a family link to each, and
 * every guardian of each child is told.
 */
export function confirmGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): GrownUpInvite {
  return ctx.db.transaction(() => {
    const row = answerable(ctx, parentId, inviteId);
    const invitee = row.redeemedBy as string;
    if (!getParentById(ctx.db, invitee)) {
      throw new HearthError(ErrorCode.InvalidTransition, 'The grown-up who typed this code has no account any more.');
    }
    const now = ctx.now();
    for (const { childId } of inviteChildren(ctx.db, row.id)) {
      if (!isGuardian(ctx.db, childId, parentId)) continue;
      if (isGuardian(ctx.db, childId, invitee) || isTrusted(ctx.db, childId, invitee)) continue;
      if (row.role === 'guardian') {
        insertGuardian(ctx.db, childId, invitee, now, parentId);
        ctx.events.emit('familyChanged', { childIds: [childId] });
      } else {
        insertTrusted(ctx.db, { childId, parentId: invitee, avatar: row.avatar, at: now, by: parentId });
      }
      linkFamily(ctx, childId, invitee);
      noticeGuardians(ctx, {
        kind: row.role === 'guardian' ? 'guardian-added' : 'trusted-added',
        childId,
        byId: parentId,
        aboutId: invitee,
      });
    }
    setInviteState(ctx.db, row.id, 'confirmed');
    return toInvite(ctx, { ...row, state: 'confirmed' }, parentId);
  })();
}

export function declineGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): GrownUpInvite {
  return ctx.db.transaction(() => {
    const row = answerable(ctx, parentId, inviteId);
    setInviteState(ctx.db, row.id, 'declined');
    return toInvite(ctx, { ...row, state: 'declined' }, parentId);
  })();
}

/** Any guardian of its children cancels an invitation not yet answered; its code stops working. */
export function cancelGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): void {
  ctx.db.transaction(() => {
    const row = visibleInvite(ctx, parentId, inviteId);
    const state = stateOf(row, ctx.now());
    if (state !== 'waiting' && state !== 'redeemed') {
      throw new HearthError(ErrorCode.InvalidTransition, `This invitation cannot be cancelled now (it is ${state}).`);
    }
    setInviteState(ctx.db, row.id, 'cancelled');
  })();
}
