import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayContext } from '../context';
import { backoffMs, SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS } from '../accounts/service';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'hasher'>;

/**
 * Before something that cannot be undone (deleting a child, or one's own account): the signed-in
 * grown-up types their account password again. A wrong one is WRONG_PASSWORD and counts toward the
 * same per-address backoff as signing in (RATE_LIMITED while it lasts), so a borrowed session
 * cannot guess it.
 */
export async function confirmPassword(ctx: Ctx, parentId: string, password: string): Promise<void> {
  const parent = await ctx.store.accounts.getParentById(parentId);
  if (!parent) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in again.');
  const emailKey = parent.email.trim().toLowerCase();
  const now = ctx.now();
  await ctx.store.sessions.deleteIdleSignInFailures(now - SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS, now);
  const failures = await ctx.store.sessions.getSignInFailures(emailKey);
  if (failures && failures.lockedUntil > now) {
    throw new HearthError(ErrorCode.RateLimited, 'Too many tries. Please wait a little and try again.', {
      retryAfterMs: failures.lockedUntil - now,
    });
  }
  if (await ctx.hasher.verify(parent.passwordHash, password)) {
    await ctx.store.sessions.clearSignInFailures(emailKey);
    return;
  }
  const count = (failures?.failures ?? 0) + 1;
  const wait = backoffMs(count, ctx.config.rateLimits.signInFailuresBeforeBackoff);
  await ctx.store.sessions.putSignInFailures(emailKey, { failures: count, lockedUntil: ctx.now() + wait }, ctx.now());
  throw new HearthError(ErrorCode.WrongPassword, 'That is not your password.');
}
