import {
  type CheckEmail,
  type CompletePasswordResetBody,
  type PasswordResetStarted,
  type RegisterParentBody,
  type ResendVerificationBody,
  type SessionGrant,
  type StartPasswordResetBody,
  type VerifyEmailBody,
} from '@hearth/common';
import type { RelayContext } from '../context';
import { getParentByEmail, getParentById, insertParent, type ParentRow } from '../accounts/queries';
import { clearSignInFailures } from '../accounts/session-queries';
import { startSession } from '../accounts/service';
import { lockedPasswordHash } from '../accounts/passwords';
import { afterAnswering, codeInvalid, emailKeyOf, issueCode, matchCode, sendInBackground, takeSendAllowance } from './codes';
import { alreadyRegisteredMail, resetMail } from './messages';
import { sendVerifyCode } from './verify-code';
import { revokeAllParentSessions, setEmailVerified, setParentDisplayName, setPasswordHash, useCode } from './queries';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now' | 'newId' | 'hasher' | 'mailer' | 'events'>;

const CHECK_EMAIL: CheckEmail = Object.freeze({ status: 'check-email' as const });

/** A guardian of any child, or trusted by one: an account in use, never taken over by a new registration. */
const inAFamily = (ctx: Ctx, parentId: string): boolean =>
  ctx.db
    .prepare(`SELECT 1 FROM guardians WHERE parent_id = ? UNION ALL SELECT 1 FROM trusted_grown_ups WHERE parent_id = ? LIMIT 1`)
    .get(parentId, parentId) !== undefined;

/**
 * Registration on a relay that sends email: always "check your email", in the same time (the
 * password is hashed, and a stored one checked, on every path; emails go after answering),
 * whatever the address. A new address gets an unverified account and a code. An address whose
 * account is verified (or has children already: an account from the relay's "no email" days)
 * changes nothing and is told someone tried. An unverified, childless account registered again gets the new name and a fresh
 * code; with the same password it keeps it, with another its password becomes nobody's (whoever
 * typed one of the two may not be the mailbox's owner, who signs in with the code and sets a
 * password by "forgot password"): a stranger never sets the password of an account its owner is
 * about to verify, nor keeps one the owner registers after them.
 */
export async function registerWithEmail(ctx: Ctx, body: RegisterParentBody): Promise<CheckEmail> {
  const email = body.email.trim();
  const displayName = body.displayName.trim();
  const lang = body.lang ?? 'en';
  const passwordHash = await ctx.hasher.hash(body.password);
  const before = getParentByEmail(ctx.db, email);
  const samePassword =
    before && before.emailVerifiedAt === null
      ? await ctx.hasher.verify(before.passwordHash, body.password)
      : (await ctx.hasher.verifyDummy(body.password), false);
  const outcome = ctx.db.transaction((): Readonly<{ parent: ParentRow; kind: 'new' | 'taken' | 'pending' }> => {
    const existing = getParentByEmail(ctx.db, email);
    if (!existing) {
      const id = ctx.newId();
      insertParent(ctx.db, { id, email, displayName, passwordHash, createdAt: ctx.now() });
      return { parent: getParentById(ctx.db, id) as ParentRow, kind: 'new' };
    }
    if (existing.emailVerifiedAt !== null || inAFamily(ctx, existing.id)) return { parent: existing, kind: 'taken' };
    const unchanged = samePassword && existing.passwordHash === before?.passwordHash;
    if (!unchanged) setPasswordHash(ctx.db, existing.id, lockedPasswordHash(existing.passwordHash));
    setParentDisplayName(ctx.db, existing.id, displayName);
    return { parent: existing, kind: 'pending' };
  })();
  afterAnswering(() => {
    if (outcome.kind !== 'taken') sendVerifyCode(ctx, outcome.parent, lang);
    else if (takeSendAllowance(ctx, emailKeyOf(outcome.parent.email))) {
      sendInBackground(ctx, alreadyRegisteredMail(lang, outcome.parent.email));
    }
  });
  return CHECK_EMAIL;
}

/**
 * `POST /v1/email-verifications`: the emailed code verifies the address and signs the grown-up in.
 * With `password`, that becomes the account's password (the code's holder owns the mailbox).
 */
export async function verifyEmail(ctx: Ctx, body: VerifyEmailBody): Promise<SessionGrant> {
  const emailKey = emailKeyOf(body.email);
  matchCode(ctx, emailKey, 'verify', body.code);
  const passwordHash = body.password === undefined ? undefined : await ctx.hasher.hash(body.password);
  // Matched again after the hash: a code used meanwhile (or a sixth wrong try) stays refused.
  const row = matchCode(ctx, emailKey, 'verify', body.code);
  return ctx.db.transaction(() => {
    const parent = getParentById(ctx.db, row.accountId);
    if (!parent || emailKeyOf(parent.email) !== emailKey || !useCode(ctx.db, row.id, ctx.now())) throw codeInvalid();
    if (passwordHash !== undefined) setPasswordHash(ctx.db, parent.id, passwordHash);
    setEmailVerified(ctx.db, parent.id, ctx.now());
    clearSignInFailures(ctx.db, emailKey);
    return startSession(ctx, parent.id, body.device);
  })();
}

/** `POST /v1/email-verifications/resend`: a new code to an unverified account; the same answer for any address. */
export function resendVerification(ctx: Ctx, body: ResendVerificationBody): CheckEmail {
  if (!ctx.mailer.enabled) return CHECK_EMAIL;
  afterAnswering(() => {
    const parent = getParentByEmail(ctx.db, body.email.trim());
    if (parent && parent.emailVerifiedAt === null) sendVerifyCode(ctx, parent, body.lang ?? 'en');
  });
  return CHECK_EMAIL;
}

/**
 * "Forgot password": with email, a code to the address if it has an account, and `check-email`
 * either way, as fast (the code is made after answering); without, `ask-operator` (who makes a
 * code with `npm run relay:admin -- reset-password`).
 */
export function startPasswordReset(ctx: Ctx, body: StartPasswordResetBody): PasswordResetStarted {
  if (!ctx.mailer.enabled) return { status: 'ask-operator' };
  afterAnswering(() => {
    const parent = getParentByEmail(ctx.db, body.email.trim());
    const emailKey = emailKeyOf(body.email);
    if (parent && takeSendAllowance(ctx, emailKey)) {
      const code = issueCode(ctx, { purpose: 'reset', emailKey, accountId: parent.id, sentBy: 'email' });
      sendInBackground(ctx, resetMail(body.lang ?? 'en', parent.email, code, ctx.config.emailCodeTtlMs));
    }
  });
  return { status: 'check-email' };
}

/**
 * The reset code and a new password: the password is replaced, every session of the account
 * ends (their sockets close), the sign-in backoff is cleared, and a code that came by email
 * also verifies the address. Children's device enrollments are untouched.
 */
export async function completePasswordReset(ctx: Ctx, body: CompletePasswordResetBody): Promise<SessionGrant> {
  const emailKey = emailKeyOf(body.email);
  // Checked before the slow hash (a wrong code counts its try at once), and again after it.
  matchCode(ctx, emailKey, 'reset', body.code);
  const passwordHash = await ctx.hasher.hash(body.password);
  const { grant, revoked } = ctx.db.transaction(() => {
    const row = matchCode(ctx, emailKey, 'reset', body.code);
    const parent = getParentById(ctx.db, row.accountId);
    if (!parent || emailKeyOf(parent.email) !== emailKey || !useCode(ctx.db, row.id, ctx.now())) throw codeInvalid();
    setPasswordHash(ctx.db, parent.id, passwordHash);
    const revoked = revokeAllParentSessions(ctx.db, parent.id, ctx.now());
    clearSignInFailures(ctx.db, emailKey);
    if (row.sentBy === 'email') setEmailVerified(ctx.db, parent.id, ctx.now());
    return { grant: startSession(ctx, parent.id, body.device), revoked };
  })();
  for (const sessionId of revoked) ctx.events.emit('credentialsRevoked', { childIds: [], parentSessionId: sessionId });
  return grant;
}
