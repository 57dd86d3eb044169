import {
  ErrorCode,
  HearthError,
  newFamilyLink,
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
import {
  getChild,
  getParentByEmail,
  insertChild,
  insertConsent,
  insertParent,
  listChildrenOfParent,
  listConsents,
  updateChild,
  usernameExists,
  type ChildRow,
} from './queries';
import {
  clearSignInFailures,
  deleteExpiredParentSessions,
  deleteIdleSignInFailures,
  getSignInFailures,
  insertParentSession,
  putSignInFailures,
} from './session-queries';
import { insertFriendship } from '../friendships/queries';
import { insertGuardian, isGuardian } from '../family/queries';
import { hashToken, newToken } from '../auth/tokens';
import { requireVerifiedEmail } from '../email/verify-code';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now' | 'newId' | 'hasher'>;

/** A new parent session (a SessionGrant); also after verifying an email or resetting a password. */
export function startSession(ctx: Ctx, parentId: string, device?: SessionDevice): SessionGrant {
  const token = newToken('ps');
  const now = ctx.now();
  const sessionId = ctx.newId();
  const ttl =
    device === 'family-pc'
      ? Math.min(ctx.config.parentSessionTtlMs, ctx.config.familyPcSessionTtlMs)
      : ctx.config.parentSessionTtlMs;
  const expiresAt = now + ttl;
  // Expired and revoked sessions go as new ones start: nothing can use them any more.
  deleteExpiredParentSessions(ctx.db, now);
  insertParentSession(ctx.db, { id: sessionId, parentId, tokenHash: hashToken(token), createdAt: now, expiresAt });
  return { sessionId, token, parentId: parentId as ParentId, expiresAt };
}

/**
 * Registration on a relay without email ("no email" mode): the account works at once, so a used
 * address must be refused (EMAIL_TAKEN) and cannot be hidden; the registration rate limit keeps
 * that from being a fast way to test addresses. With email: `email/service.ts` registerWithEmail.
 */
export async function registerParent(ctx: Ctx, body: RegisterParentBody): Promise<SessionGrant> {
  const email = body.email.trim();
  if (getParentByEmail(ctx.db, email)) {
    throw new HearthError(ErrorCode.EmailTaken, 'An account with this email already exists. Try signing in.');
  }
  const passwordHash = await ctx.hasher.hash(body.password);
  const id = ctx.newId();
  return ctx.db.transaction(() => {
    // Checked again inside the transaction: two registrations may race across the await above.
    if (getParentByEmail(ctx.db, email)) {
      throw new HearthError(ErrorCode.EmailTaken, 'An account with this email already exists. Try signing in.');
    }
    insertParent(ctx.db, { id, email, displayName: body.displayName.trim(), passwordHash, createdAt: ctx.now() });
    return startSession(ctx, id, body.device);
  })();
}

const WRONG_CREDENTIALS = 'That email and password do not match an account.';

/** A failure streak with no new failure for this long (and no lock running) is forgotten. */
export const SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS = 24 * 60 * 60 * 1000;

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
  deleteIdleSignInFailures(ctx.db, now - SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS, now);
  const failures = getSignInFailures(ctx.db, emailKey);
  if (failures && failures.lockedUntil > now) {
    throw new HearthError(ErrorCode.RateLimited, 'Too many tries. Please wait a little and try again.', {
      retryAfterMs: failures.lockedUntil - now,
    });
  }
  const parent = getParentByEmail(ctx.db, emailKey);
  const ok = parent
    ? await ctx.hasher.verify(parent.passwordHash, body.password)
    : (await ctx.hasher.verifyDummy(body.password), false);
  if (!ok || !parent) {
    const count = (failures?.failures ?? 0) + 1;
    const wait = backoffMs(count, ctx.config.rateLimits.signInFailuresBeforeBackoff);
    putSignInFailures(ctx.db, emailKey, { failures: count, lockedUntil: ctx.now() + wait }, ctx.now());
    throw new HearthError(ErrorCode.WrongPassword, WRONG_CREDENTIALS);
  }
  clearSignInFailures(ctx.db, emailKey);
  requireVerifiedEmail(ctx, parent, body.lang);
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
export function createChild(ctx: Ctx, parentId: string, body: CreateChildBody): Child {
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
  return ctx.db.transaction(() => {
    if (usernameExists(ctx.db, body.username)) {
      throw new HearthError(ErrorCode.UsernameTaken, 'That username is taken. Please choose another.');
    }
    const now = ctx.now();
    const id = ctx.newId();
    insertChild(ctx.db, {
      id,
      parentId,
      displayName: body.displayName.trim(),
      username: body.username,
      birthday: body.birthday ?? null,
      gender: body.gender ?? null,
      avatar: body.avatar ?? null,
      createdAt: now,
    });
    insertConsent(ctx.db, {
      consentId: ctx.newId(),
      parentId,
      childId: id,
      policyVersion: consent.policyVersion,
      method: consent.method,
      givenAt: now,
    });
    insertGuardian(ctx.db, id, parentId, now, null);
    insertFriendship(ctx.db, { id: ctx.newId(), aId: parentId, bId: id, state: newFamilyLink(), createdAt: now, updatedAt: now });
    return toChild(getChild(ctx.db, id) as ChildRow);
  })();
}

/**
 * A child this grown-up is a guardian of, or NOT_FOUND: another family's child (and a child they
 * are only a trusted grown-up of) looks the same as no child.
 */
export function ownChild(ctx: Pick<Ctx, 'db'>, parentId: string, childId: string): ChildRow {
  const child = getChild(ctx.db, childId);
  if (!child || !isGuardian(ctx.db, childId, parentId)) throw new HearthError(ErrorCode.NotFound, 'No such child.');
  return child;
}

export function listChildren(ctx: Pick<Ctx, 'db'>, parentId: string): Child[] {
  return listChildrenOfParent(ctx.db, parentId).map(toChild);
}

export function patchChild(ctx: Ctx, parentId: string, childId: string, patch: UpdateChildBody): Child {
  ownChild(ctx, parentId, childId);
  updateChild(ctx.db, childId, {
    ...patch,
    ...(patch.displayName === undefined ? {} : { displayName: patch.displayName.trim() }),
  });
  return toChild(ownChild(ctx, parentId, childId));
}

export function consentsOf(ctx: Pick<Ctx, 'db'>, parentId: string): ConsentRecord[] {
  return listConsents(ctx.db, parentId).map((c) => ({
    ...c,
    parentId: c.parentId as ParentId,
    childId: c.childId as ChildId,
    method: c.method as ConsentRecord['method'],
  }));
}
