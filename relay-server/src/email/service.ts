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
import type { ParentRow } from '../accounts/queries';
import { startSession } from '../accounts/service';
import { lockedPasswordHash } from '../accounts/passwords';
import type { Store } from '../store/port';
import { afterAnswering, codeInvalid, emailKeyOf, issueCode, matchCode, sendInBackground, takeSendAllowance } from './codes';
import { alreadyRegisteredMail, resetMail } from './messages';
import { sendVerifyCode } from './verify-code';
import { refuseBannedEmail } from '../moderation/emails';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'hasher' | 'mailer' | 'events'>;

const CHECK_EMAIL: CheckEmail = Object.freeze({ status: 'check-email' as const });

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
  // A banned email (F16, kept as a keyed hash) is refused before anything is looked up.
  await refuseBannedEmail(ctx.store, email);
  // The slow work (hashing, checking a stored hash) before the transaction: nothing slow runs inside one.
  const passwordHash = await ctx.hasher.hash(body.password);
  const before = await ctx.store.accounts.getParentByEmail(email);
  const samePassword =
    before && before.emailVerifiedAt === null
      ? await ctx.hasher.verify(before.passwordHash, body.password)
      : (await ctx.hasher.verifyDummy(body.password), false);
  const decide = async (tx: Store): Promise<Readonly<{ parent: ParentRow; kind: 'new' | 'taken' | 'pending' }>> => {
    const existing = await tx.accounts.getParentByEmail(email);
    if (!existing) {
      const id = ctx.newId();
      await tx.accounts.insertParent({ id, email, displayName, passwordHash, createdAt: ctx.now() });
      return { parent: (await tx.accounts.getParentById(id)) as ParentRow, kind: 'new' };
    }
    if (existing.emailVerifiedAt !== null || (await tx.email.isInAFamily(existing.id)))
      return { parent: existing, kind: 'taken' };
    const unchanged = samePassword && existing.passwordHash === before?.passwordHash;
    if (!unchanged) await tx.email.setPasswordHash(existing.id, lockedPasswordHash(existing.passwordHash));
    await tx.email.setParentDisplayName(existing.id, displayName);
    return { parent: existing, kind: 'pending' };
  };
  let outcome;
  try {
    outcome = await ctx.store.transaction(decide);
  } catch (err) {
    // PostgreSQL: the same address registered between the check and the insert; decide again, it exists now.
    if (!(await ctx.store.accounts.getParentByEmail(email))) throw err;
    outcome = await ctx.store.transaction(decide);
  }
  afterAnswering(async () => {
    if (outcome.kind !== 'taken') await sendVerifyCode(ctx, outcome.parent, lang);
    else if (await takeSendAllowance(ctx, emailKeyOf(outcome.parent.email))) {
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
  await matchCode(ctx, emailKey, 'verify', body.code);
  const passwordHash = body.password === undefined ? undefined : await ctx.hasher.hash(body.password);
  // Matched again after the hash: a code used meanwhile (or a sixth wrong try) stays refused.
  const row = await matchCode(ctx, emailKey, 'verify', body.code);
  return ctx.store.transaction(async (tx) => {
    const parent = await tx.accounts.getParentById(row.accountId);
    if (!parent || emailKeyOf(parent.email) !== emailKey || !(await tx.email.useCode(row.id, ctx.now()))) throw codeInvalid();
    if (passwordHash !== undefined) await tx.email.setPasswordHash(parent.id, passwordHash);
    await tx.email.setEmailVerified(parent.id, ctx.now());
    await tx.sessions.clearSignInFailures(emailKey);
    return startSession({ ...ctx, store: tx }, parent.id, body.device);
  });
}

/** `POST /v1/email-verifications/resend`: a new code to an unverified account; the same answer for any address. */
export function resendVerification(ctx: Ctx, body: ResendVerificationBody): CheckEmail {
  if (!ctx.mailer.enabled) return CHECK_EMAIL;
  afterAnswering(async () => {
    const parent = await ctx.store.accounts.getParentByEmail(body.email.trim());
    if (parent && parent.emailVerifiedAt === null) await sendVerifyCode(ctx, parent, body.lang ?? 'en');
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
  afterAnswering(async () => {
    const parent = await ctx.store.accounts.getParentByEmail(body.email.trim());
    const emailKey = emailKeyOf(body.email);
    if (parent && (await takeSendAllowance(ctx, emailKey))) {
      const code = await issueCode(ctx, { purpose: 'reset', emailKey, accountId: parent.id, sentBy: 'email' });
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
  await matchCode(ctx, emailKey, 'reset', body.code);
  const passwordHash = await ctx.hasher.hash(body.password);
  const { grant, revoked } = await ctx.store.transaction(async (tx) => {
    const row = await matchCode({ ...ctx, store: tx }, emailKey, 'reset', body.code);
    const parent = await tx.accounts.getParentById(row.accountId);
    if (!parent || emailKeyOf(parent.email) !== emailKey || !(await tx.email.useCode(row.id, ctx.now()))) throw codeInvalid();
    await tx.email.setPasswordHash(parent.id, passwordHash);
    const revoked = await tx.email.revokeAllParentSessions(parent.id, ctx.now());
    await tx.sessions.clearSignInFailures(emailKey);
    if (row.sentBy === 'email') await tx.email.setEmailVerified(parent.id, ctx.now());
    return { grant: await startSession({ ...ctx, store: tx }, parent.id, body.device), revoked };
  });
  for (const sessionId of revoked) ctx.events.emit('credentialsRevoked', { childIds: [], parentSessionId: sessionId });
  return grant;
}
