import { requireCurrentConsent } from '../policy/reconsent';
import {
  ErrorCode,
  HearthError,
  newFamilyLink,
  retentionMs,
  type Child,
  type ConsentRecord,
  type CreateChildBody,
  type RegisterParentBody,
  type SessionDevice,
  type SessionGrant,
  type SignInBody,
  type UpdateChildBody,
  type ChildId,
  type ParentId,
} from '@hearth/common';
import type { RelayContext } from '../context';
import type { ChildRow } from './queries';
import { hashToken, newToken } from '../auth/tokens';
import { requireVerifiedEmail } from '../email/verify-code';
import { refuseBannedEmail } from '../moderation/emails';
import { refuseSuspendedGrownUp } from '../moderation/suspended';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'hasher'>;

const emailTaken = (): HearthError =>
  new HearthError(ErrorCode.EmailTaken, 'An account with this email already exists. Try signing in.');

/**
 * A new parent session (a SessionGrant); also after verifying an email or resetting a password.
 * Inside a transaction, pass the transaction's store (`{ ...ctx, store: tx }`).
 */
export async function startSession(
  ctx: Pick<Ctx, 'store' | 'config' | 'now' | 'newId'>,
  parentId: string,
  device?: SessionDevice,
): Promise<SessionGrant> {
  const token = newToken('ps');
  const now = ctx.now();
  const sessionId = ctx.newId();
  const ttl =
    device === 'family-pc'
      ? Math.min(ctx.config.parentSessionTtlMs, ctx.config.familyPcSessionTtlMs)
      : ctx.config.parentSessionTtlMs;
  const expiresAt = now + ttl;
  // Expired and revoked sessions go as new ones start: nothing can use them any more.
  await ctx.store.sessions.deleteExpiredParentSessions(now);
  await ctx.store.sessions.insertParentSession({
    id: sessionId,
    parentId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt,
  });
  return { sessionId, token, parentId: parentId as ParentId, expiresAt };
}

/**
 * Registration on a relay without email ("no email" mode): the account works at once, so a used
 * address must be refused (EMAIL_TAKEN) and cannot be hidden; the registration rate limit keeps
 * that from being a fast way to test addresses. With email: `email/service.ts` registerWithEmail.
 */
export async function registerParent(ctx: Ctx, body: RegisterParentBody): Promise<SessionGrant> {
  const email = body.email.trim();
  // A banned email (F16, kept as a keyed hash) is refused first.
  await refuseBannedEmail(ctx.store, email);
  if (await ctx.store.accounts.getParentByEmail(email)) throw emailTaken();
  // Hashed outside the transaction: nothing slow runs inside one.
  const passwordHash = await ctx.hasher.hash(body.password);
  const id = ctx.newId();
  try {
    return await ctx.store.transaction(async (tx) => {
      // Checked again inside the transaction: two registrations may race across the hash above.
      if (await tx.accounts.getParentByEmail(email)) throw emailTaken();
      await tx.accounts.insertParent({ id, email, displayName: body.displayName.trim(), passwordHash, createdAt: ctx.now() });
      return startSession({ ...ctx, store: tx }, id, body.device);
    });
  } catch (err) {
    // PostgreSQL: a registration committed between the check and the insert (the unique index refused ours).
    if (!(err instanceof HearthError) && (await ctx.store.accounts.getParentByEmail(email))) throw emailTaken();
    throw err;
  }
}

const WRONG_CREDENTIALS = 'That email and password do not match an account.';

/** A failure streak with no new failure for this long (and no lock running) is forgotten. */
export const SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS = retentionMs('signInFailures');

/** Seconds to wait after `failures` failed attempts, once past the free ones; doubles, capped at an hour. */
export function backoffMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(30_000 * 2 ** (failures - free), 60 * 60 * 1000);
}

/**
 * Signs a parent in. Unknown email and wrong password give the same answer, take the same
 * time and count toward the same per-account backoff, so nothing tells whether an email exists.
 */
export async function signIn(ctx: Ctx & Pick<RelayContext, 'mailer'>, body: SignInBody): Promise<SessionGrant> {
  const emailKey = body.email.trim().toLowerCase();
  const now = ctx.now();
  // Failure streaks quiet for a day are forgotten (with the typed address, which may be anyone's).
  await ctx.store.sessions.deleteIdleSignInFailures(now - SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS, now);
  const failures = await ctx.store.sessions.getSignInFailures(emailKey);
  if (failures && failures.lockedUntil > now) {
    throw new HearthError(ErrorCode.RateLimited, 'Too many tries. Please wait a little and try again.', {
      retryAfterMs: failures.lockedUntil - now,
    });
  }
  const parent = await ctx.store.accounts.getParentByEmail(emailKey);
  const ok = parent
    ? await ctx.hasher.verify(parent.passwordHash, body.password)
    : (await ctx.hasher.verifyDummy(body.password), false);
  if (!ok || !parent) {
    const count = (failures?.failures ?? 0) + 1;
    const wait = backoffMs(count, ctx.config.rateLimits.signInFailuresBeforeBackoff);
    await ctx.store.sessions.putSignInFailures(emailKey, { failures: count, lockedUntil: ctx.now() + wait }, ctx.now());
    throw new HearthError(ErrorCode.WrongPassword, WRONG_CREDENTIALS);
  }
  await ctx.store.sessions.clearSignInFailures(emailKey);
  // F16: a suspended grown-up is told so, after the password (nobody else learns of it).
  await refuseSuspendedGrownUp(ctx.store, parent.id);
  await requireVerifiedEmail(ctx, parent, body.lang);
  return startSession(ctx, parent.id, body.device);
}

export function toChild(row: ChildRow): Child {
  return {
    childId: row.id as ChildId,
    parentId: row.parentId as ParentId,
    displayName: row.displayName,
    username: row.username,
    birthday: row.birthday,
    gender: row.gender as Child['gender'],
    avatar: row.avatar as Child['avatar'],
    createdAt: row.createdAt,
  };
}

/**
 * Creates a child account. Needs the parent's consent to the current policy version; the
 * relay stamps the time. The parent and the child are linked as family at once.
 */
export async function createChild(ctx: Ctx, parentId: string, body: CreateChildBody): Promise<Child> {
  if (!body.consent) {
    throw new HearthError(
      ErrorCode.ConsentRequired,
      "A grown-up's consent to the privacy policy is needed to create a child account.",
    );
  }
  if (body.consent.policyVersion !== ctx.config.policyVersion) {
    throw new HearthError(
      ErrorCode.PolicyVersionMismatch,
      `The privacy policy has changed (now ${ctx.config.policyVersion}). Please read it again and consent.`,
    );
  }
  const consent = body.consent;
  await requireCurrentConsent(ctx.store, ctx.config.policyVersion, parentId);
  const usernameTaken = (): HearthError =>
    new HearthError(ErrorCode.UsernameTaken, 'That username is taken. Please choose another.');
  try {
    return await ctx.store.transaction(async (tx) => {
      if (await tx.accounts.usernameExists(body.username)) throw usernameTaken();
      const now = ctx.now();
      const id = ctx.newId();
      await tx.accounts.insertChild({
        id,
        parentId,
        displayName: body.displayName.trim(),
        username: body.username,
        birthday: body.birthday ?? null,
        gender: body.gender ?? null,
        avatar: body.avatar ?? null,
        createdAt: now,
      });
      await tx.accounts.insertConsent({
        consentId: ctx.newId(),
        parentId,
        childId: id,
        policyVersion: consent.policyVersion,
        method: consent.method,
        givenAt: now,
      });
      await tx.family.insertGuardian(id, parentId, now, null);
      await tx.friendships.insertFriendship({
        id: ctx.newId(),
        aId: parentId,
        bId: id,
        state: newFamilyLink(),
        createdAt: now,
        updatedAt: now,
      });
      return toChild((await tx.accounts.getChild(id)) as ChildRow);
    });
  } catch (err) {
    // PostgreSQL: the same username committed between the check and the insert.
    if (!(err instanceof HearthError) && (await ctx.store.accounts.usernameExists(body.username))) throw usernameTaken();
    throw err;
  }
}

/**
 * A child this grown-up is a guardian of, or NOT_FOUND: another family's child (and a child they
 * are only a trusted grown-up of) looks the same as no child.
 */
export async function ownChild(ctx: Pick<Ctx, 'store'>, parentId: string, childId: string): Promise<ChildRow> {
  const child = await ctx.store.accounts.getChild(childId);
  if (!child || !(await ctx.store.family.isGuardian(childId, parentId))) throw noSuchChild();
  return child;
}

const noSuchChild = (): HearthError => new HearthError(ErrorCode.NotFound, 'No such child.');

export async function listChildren(ctx: Pick<Ctx, 'store'>, parentId: string): Promise<Child[]> {
  return (await ctx.store.accounts.listChildrenOfParent(parentId)).map(toChild);
}

export async function patchChild(ctx: Ctx, parentId: string, childId: string, patch: UpdateChildBody): Promise<Child> {
  await ownChild(ctx, parentId, childId);
  await ctx.store.accounts.updateChild(childId, {
    ...patch,
    ...(patch.displayName === undefined ? {} : { displayName: patch.displayName.trim() }),
  });
  return toChild(await ownChild(ctx, parentId, childId));
}

export async function consentsOf(ctx: Pick<Ctx, 'store'>, parentId: string): Promise<ConsentRecord[]> {
  return (await ctx.store.accounts.listConsents(parentId)).map((c) => ({
    ...c,
    parentId: c.parentId as ParentId,
    childId: c.childId as ChildId,
    method: c.method as ConsentRecord['method'],
  }));
}
