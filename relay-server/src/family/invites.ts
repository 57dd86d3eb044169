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
import type { RelayContext } from '../context';
import type { Store } from '../store/port';
import { hashToken, newInviteCode } from '../auth/tokens';
import type { GrownUpInviteRow } from './invite-queries';
import { linkFamily } from './links';
import { noticeGuardians } from './notices';
import { inviteMail } from './mail';
import { ownChild } from '../accounts/service';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

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

async function childrenOf(store: Store, row: GrownUpInviteRow): Promise<GrownUpInvite['children']> {
  return (await store.grownUpInvites.inviteChildren(row.id)).map((c) => ({
    childId: c.childId as ChildId,
    displayName: c.displayName,
  }));
}

/** Whether this grown-up is already a guardian or a trusted grown-up of the child. */
async function alreadyInFamily(store: Store, childId: string, parentId: string): Promise<boolean> {
  return (await store.family.isGuardian(childId, parentId)) || (await store.family.isTrusted(childId, parentId));
}

/**
 * An invitation as `viewerId` (a guardian of at least one of its children) sees it: only the
 * children they guard (a co-parent of one child never learns of the inviter's other children).
 */
async function toInvite(ctx: Ctx, store: Store, row: GrownUpInviteRow, viewerId: string): Promise<GrownUpInvite> {
  const inviter = await store.accounts.getParentById(row.createdBy);
  const invitee = row.redeemedBy !== null ? await store.accounts.getParentById(row.redeemedBy) : undefined;
  const children = [];
  for (const c of await childrenOf(store, row)) if (await store.family.isGuardian(c.childId, viewerId)) children.push(c);
  return {
    inviteId: row.id,
    role: row.role,
    children,
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
          emailVerified: await store.family.isEmailVerified(invitee.id),
          accountCreatedAt: invitee.createdAt,
        }
      : null,
  };
}

async function toRedeemed(ctx: Ctx, store: Store, row: GrownUpInviteRow): Promise<RedeemedGrownUpInvite> {
  return {
    inviteId: row.id,
    role: row.role,
    children: await childrenOf(store, row),
    invitedBy: { displayName: (await store.accounts.getParentById(row.createdBy))?.displayName ?? '?' },
    state: stateOf(row, ctx.now()),
    expiresAt: row.expiresAt,
  };
}

/**
 * A guardian invites another grown-up, as a guardian or a trusted grown-up of some of their
 * children. The answer is the same whatever `email` is (whether or not an account has it); where
 * the relay sends email and one was given, the code goes there too.
 */
export async function createGrownUpInvite(
  ctx: Ctx,
  parentId: string,
  body: CreateGrownUpInviteBody,
): Promise<GrownUpInviteCreated> {
  const now = ctx.now();
  const { row, code, childNames } = await ctx.store.transaction(async (tx) => {
    const names: string[] = [];
    for (const id of body.childIds) names.push((await ownChild({ store: tx }, parentId, id)).displayName);
    if ((await tx.grownUpInvites.countInvitesCreatedSince(parentId, now - DAY)) >= GROWN_UP_INVITES_PER_DAY) {
      throw new HearthError(ErrorCode.RateLimited, 'That is a lot of invitations. Please wait a while before making another.', {
        retryAfterMs: DAY,
      });
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const fresh = newInviteCode();
      const hash = codeHash(fresh);
      if (await tx.grownUpInvites.codeHashExists(hash)) continue;
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
      await tx.grownUpInvites.insertGrownUpInvite({ ...inserted, codeHash: hash }, body.childIds);
      return { row: inserted, code: formatInviteCode(fresh), childNames: names };
    }
    throw new HearthError(ErrorCode.Unavailable, 'Could not make a code just now. Please try again.');
  });
  const emailSent = ctx.mailer.enabled && body.email !== undefined;
  if (emailSent && body.email !== undefined) {
    const inviterName = (await ctx.store.accounts.getParentById(parentId))?.displayName ?? 'Hearth';
    void ctx.mailer.send(inviteMail({ to: body.email, lang: body.lang ?? 'en', role: body.role, inviterName, childNames, code }));
  }
  return { invite: await toInvite(ctx, ctx.store, row, parentId), code, emailSent };
}

export async function listGrownUpInvites(ctx: Ctx, parentId: string): Promise<GrownUpInviteList> {
  const { store } = ctx;
  const sent = await store.grownUpInvites.listInvitesForGuardian(parentId, LIST_LIMIT);
  const redeemed = await store.grownUpInvites.listInvitesRedeemedBy(parentId, LIST_LIMIT);
  return {
    sent: await Promise.all(sent.map((r) => toInvite(ctx, store, r, parentId))),
    redeemed: await Promise.all(redeemed.map((r) => toRedeemed(ctx, store, r))),
  };
}

/**
 * A signed-in grown-up types a code. Unknown, used, cancelled and expired codes all answer
 * INVITE_INVALID. The inviter cannot redeem their own, nor can a grown-up already in the role
 * for one of its children. The inviting guardian then confirms.
 */
export async function redeemGrownUpInvite(ctx: Ctx, parentId: string, code: string): Promise<RedeemedGrownUpInvite> {
  // On a relay that sends email, only a verified grown-up joins a family (a session from before
  // email was turned on may belong to an address nobody proved).
  if (ctx.mailer.enabled && !(await ctx.store.family.isEmailVerified(parentId))) {
    throw new HearthError(
      ErrorCode.EmailNotVerified,
      'Verify your email first: sign out, sign in again and type the code we email you.',
    );
  }
  return ctx.store.transaction(async (tx) => {
    const row = await tx.grownUpInvites.getGrownUpInviteByHash(codeHash(code));
    const children = row ? await tx.grownUpInvites.inviteChildren(row.id) : [];
    if (!row || stateOf(row, ctx.now()) !== 'waiting' || children.length === 0) {
      throw new HearthError(ErrorCode.InviteInvalid, INVITE_INVALID);
    }
    if (row.createdBy === parentId) {
      throw new HearthError(ErrorCode.InviteOwn, 'That is your own invitation. Give the code to the grown-up you invited.');
    }
    for (const c of children) {
      if (await alreadyInFamily(tx, c.childId, parentId)) {
        throw new HearthError(ErrorCode.Conflict, 'You are already one of the grown-ups of this child.');
      }
    }
    await tx.grownUpInvites.markInviteRedeemed(row.id, parentId, ctx.now());
    return toRedeemed(ctx, tx, { ...row, state: 'redeemed', redeemedBy: parentId, redeemedAt: ctx.now() });
  });
}

/** An invitation this grown-up may see (a guardian of one of its children), or NOT_FOUND. */
async function visibleInvite(store: Store, parentId: string, inviteId: string): Promise<GrownUpInviteRow> {
  const row = await store.grownUpInvites.getGrownUpInvite(inviteId);
  if (row) {
    for (const c of await store.grownUpInvites.inviteChildren(row.id)) {
      if (await store.family.isGuardian(c.childId, parentId)) return row;
    }
  }
  throw new HearthError(ErrorCode.NotFound, NO_SUCH_INVITE);
}

/** Only the inviting guardian confirms or declines, once the code was typed in and before it expires. */
async function answerable(ctx: Ctx, store: Store, parentId: string, inviteId: string): Promise<GrownUpInviteRow> {
  const row = await visibleInvite(store, parentId, inviteId);
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
export async function confirmGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): Promise<GrownUpInvite> {
  return ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const row = await answerable(ctx, tx, parentId, inviteId);
    const invitee = row.redeemedBy as string;
    if (!(await tx.accounts.getParentById(invitee))) {
      throw new HearthError(ErrorCode.InvalidTransition, 'The grown-up who typed this code has no account any more.');
    }
    const now = ctx.now();
    for (const { childId } of await tx.grownUpInvites.inviteChildren(row.id)) {
      if (!(await tx.family.isGuardian(childId, parentId))) continue;
      if (await alreadyInFamily(tx, childId, invitee)) continue;
      if (row.role === 'guardian') {
        await tx.family.insertGuardian(childId, invitee, now, parentId);
        ctx.events.emit('familyChanged', { childIds: [childId] });
      } else {
        await tx.family.insertTrusted({ childId, parentId: invitee, avatar: row.avatar, at: now, by: parentId });
      }
      await linkFamily(txCtx, childId, invitee);
      await noticeGuardians(txCtx, {
        kind: row.role === 'guardian' ? 'guardian-added' : 'trusted-added',
        childId,
        byId: parentId,
        aboutId: invitee,
      });
    }
    await tx.grownUpInvites.setInviteState(row.id, 'confirmed');
    return toInvite(ctx, tx, { ...row, state: 'confirmed' }, parentId);
  });
}

export async function declineGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): Promise<GrownUpInvite> {
  return ctx.store.transaction(async (tx) => {
    const row = await answerable(ctx, tx, parentId, inviteId);
    await tx.grownUpInvites.setInviteState(row.id, 'declined');
    return toInvite(ctx, tx, { ...row, state: 'declined' }, parentId);
  });
}

/** Any guardian of its children cancels an invitation not yet answered; its code stops working. */
export async function cancelGrownUpInvite(ctx: Ctx, parentId: string, inviteId: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const row = await visibleInvite(tx, parentId, inviteId);
    const state = stateOf(row, ctx.now());
    if (state !== 'waiting' && state !== 'redeemed') {
      throw new HearthError(ErrorCode.InvalidTransition, `This invitation cannot be cancelled now (it is ${state}).`);
    }
    await tx.grownUpInvites.setInviteState(row.id, 'cancelled');
  });
}
